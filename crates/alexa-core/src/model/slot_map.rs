//! `SlotMap`: an intent's slots by name, in one allocation.
//!
//! An intent carries a handful of slots. In a `BTreeMap<String, Slot>` even one slot costs a
//! 2 KB tree node (eleven 168-byte slots), too large for glibc's per-thread cache, so every
//! intent paid a slow `malloc` and `free` for it. A vector kept in name order holds them in
//! one small block, finds one by binary search, and reads and writes as the same JSON object.

use super::intent::Slot;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// An intent's slots by name, iterated in name order as a `BTreeMap` would be.
///
/// It has the map methods handlers use (`get`, `contains_key`, `iter`, `values`, `insert`,
/// `remove`, indexing by name) and reads and writes as the JSON object Alexa sends.
///
/// ```
/// use alexa_core::model::{Slot, SlotMap};
/// let slots: SlotMap = serde_json::from_str(
///     r#"{"region": {"name": "region", "value": "Frankfurt"}, "state": {"name": "state"}}"#,
/// ).unwrap();
/// assert_eq!(slots["region"].spoken(), Some("Frankfurt"));
/// assert!(slots.get("state").unwrap().spoken().is_none());
/// assert_eq!(slots.keys().collect::<Vec<_>>(), ["region", "state"]);
/// assert!(slots.get("city").is_none());
/// ```
#[derive(Clone, PartialEq, Default)]
pub struct SlotMap {
    /// Sorted by name, no name twice.
    entries: Vec<(String, Slot)>,
}

impl SlotMap {
    /// No slots.
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    fn position(&self, name: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|(key, _)| key.as_str().cmp(name))
    }

    /// The slot of this name.
    pub fn get(&self, name: &str) -> Option<&Slot> {
        let at = self.position(name).ok()?;
        Some(&self.entries[at].1)
    }

    /// The slot of this name, to change (dialog directives send an updated intent).
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Slot> {
        let at = self.position(name).ok()?;
        Some(&mut self.entries[at].1)
    }

    /// True when the intent has a slot of this name, filled or not.
    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_ok()
    }

    /// Adds a slot under `name`; returns the slot it replaced, as `BTreeMap::insert` does.
    /// It moves the slots after it, so build a map of many slots with `collect` or `extend`,
    /// which sort once.
    pub fn insert(&mut self, name: String, slot: Slot) -> Option<Slot> {
        match self.position(&name) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, slot)),
            Err(at) => {
                self.entries.insert(at, (name, slot));
                None
            }
        }
    }

    /// Takes out the slot of this name.
    pub fn remove(&mut self, name: &str) -> Option<Slot> {
        let at = self.position(name).ok()?;
        Some(self.entries.remove(at).1)
    }

    /// How many slots.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True with no slots.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Names and slots, in name order.
    pub fn iter(&self) -> SlotIter<'_> {
        SlotIter(self.entries.iter())
    }

    /// Names and slots to change, in name order.
    pub fn iter_mut(&mut self) -> SlotIterMut<'_> {
        SlotIterMut(self.entries.iter_mut())
    }

    /// The names, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.entries.iter().map(|(name, _)| name)
    }

    /// The slots, in name order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Slot> + ExactSizeIterator {
        self.entries.iter().map(|(_, slot)| slot)
    }

    /// The slots to change, in name order.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut Slot> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, slot)| slot)
    }
}

/// Borrowed names and slots of a [`SlotMap`], in name order.
#[derive(Debug, Clone)]
pub struct SlotIter<'a>(std::slice::Iter<'a, (String, Slot)>);

impl<'a> Iterator for SlotIter<'a> {
    type Item = (&'a String, &'a Slot);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(name, slot)| (name, slot))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for SlotIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(name, slot)| (name, slot))
    }
}

impl ExactSizeIterator for SlotIter<'_> {}

/// Names and slots of a [`SlotMap`] to change, in name order.
#[derive(Debug)]
pub struct SlotIterMut<'a>(std::slice::IterMut<'a, (String, Slot)>);

impl<'a> Iterator for SlotIterMut<'a> {
    type Item = (&'a String, &'a mut Slot);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(name, slot)| (&*name, slot))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for SlotIterMut<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(name, slot)| (&*name, slot))
    }
}

impl ExactSizeIterator for SlotIterMut<'_> {}

impl<'a> IntoIterator for &'a SlotMap {
    type Item = (&'a String, &'a Slot);
    type IntoIter = SlotIter<'a>;
    fn into_iter(self) -> SlotIter<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut SlotMap {
    type Item = (&'a String, &'a mut Slot);
    type IntoIter = SlotIterMut<'a>;
    fn into_iter(self) -> SlotIterMut<'a> {
        self.iter_mut()
    }
}

impl IntoIterator for SlotMap {
    type Item = (String, Slot);
    type IntoIter = std::vec::IntoIter<(String, Slot)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl Extend<(String, Slot)> for SlotMap {
    /// Later slots replace earlier ones of the same name.
    fn extend<I: IntoIterator<Item = (String, Slot)>>(&mut self, slots: I) {
        self.entries.extend(slots);
        self.restore_order();
    }
}

impl FromIterator<(String, Slot)> for SlotMap {
    fn from_iter<I: IntoIterator<Item = (String, Slot)>>(slots: I) -> Self {
        let mut map = Self::new();
        map.extend(slots);
        map
    }
}

impl SlotMap {
    /// Sorts entries appended in any order by name, keeping the last of each name. One sort
    /// rather than an insert each: inserting in order costs a move of everything after the
    /// place, so a request with thousands of slots sent in reverse order would take the
    /// square of their number.
    fn restore_order(&mut self) {
        // Stable: among equal names the order of arrival is kept, so the last is last.
        self.entries.sort_by(|(a, _), (b, _)| a.cmp(b));
        // `dedup_by` keeps the earlier of two equal entries; swapping first keeps the later.
        self.entries.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                std::mem::swap(later, earlier);
            }
            same
        });
    }
}

impl From<BTreeMap<String, Slot>> for SlotMap {
    fn from(slots: BTreeMap<String, Slot>) -> Self {
        // Already in name order, each name once.
        Self {
            entries: slots.into_iter().collect(),
        }
    }
}

impl<const N: usize> From<[(String, Slot); N]> for SlotMap {
    fn from(slots: [(String, Slot); N]) -> Self {
        slots.into_iter().collect()
    }
}

impl std::ops::Index<&str> for SlotMap {
    type Output = Slot;
    /// The slot of this name; panics when there is none, as `BTreeMap`'s index does.
    fn index(&self, name: &str) -> &Slot {
        self.get(name)
            .unwrap_or_else(|| panic!("no slot named {name:?}"))
    }
}

impl fmt::Debug for SlotMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for SlotMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (name, slot) in &self.entries {
            map.serialize_entry(name, slot)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for SlotMap {
    /// A name sent twice keeps the last slot, as a `BTreeMap` (and serde_json) would.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Slots;
        impl<'de> Visitor<'de> for Slots {
            type Value = SlotMap;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of slots by name")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<SlotMap, A::Error> {
                let mut map = SlotMap::new();
                while let Some(entry) = access.next_entry::<String, Slot>()? {
                    map.entries.push(entry);
                }
                map.restore_order();
                Ok(map)
            }
        }
        deserializer.deserialize_map(Slots)
    }
}
