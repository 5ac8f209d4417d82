//! `Lazy<T>`: a member of the envelope kept as the JSON it arrived as until something reads it.
//!
//! Most of `context` (viewports, the APL state on screen, geolocation, the audio player) and
//! the session's attributes are read by few handlers, yet building them costs more than
//! everything else a request needs. A `Lazy` member is checked as JSON during the one pass
//! over the body (so a malformed body is still refused at once), kept as that text, and
//! typed the first time it is read; the typed value is then kept for the rest of the turn.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

/// A value read from its JSON on first use. It dereferences to `T`, so reading a field
/// through it looks the same as reading a plain one.
///
/// A value of the wrong type where the model allows leaving it out is read as Amazon's model
/// would: the wrongly typed fields inside are left out and named in the log (and in
/// [`dropped`](Lazy::dropped)); when even that cannot give a `T`, it reads as `T::default()`
/// (absent, for the optional members it wraps), so one odd member never costs the turn.
///
/// ```
/// use alexa_core::model::{Lazy, Viewport};
/// let viewport: Lazy<Option<Viewport>> =
///     serde_json::from_str(r#"{"pixelWidth": 1280, "pixelHeight": "tall"}"#).unwrap();
/// assert!(!viewport.is_read());
/// assert_eq!(viewport.as_ref().unwrap().pixel_width, Some(1280.into()));
/// assert!(viewport.is_read());
/// assert_eq!(viewport.as_ref().unwrap().pixel_height, None);
/// assert!(viewport.dropped()[0].starts_with("pixelHeight: invalid type"));
/// ```
pub struct Lazy<T> {
    /// The JSON as received; `None` once the value was changed, or when it was built typed.
    raw: Option<Box<RawValue>>,
    /// The typed value, read from `raw` on first use. Boxed, so an unread member costs the
    /// envelope a pointer rather than its whole size.
    typed: OnceLock<Box<Typed<T>>>,
}

struct Typed<T> {
    value: T,
    dropped: Vec<String>,
}

impl<T> Lazy<T> {
    /// A value that is already typed (a test, a simulator building a request).
    pub fn new(value: T) -> Self {
        Self {
            raw: None,
            typed: OnceLock::from(Box::new(Typed {
                value,
                dropped: Vec::new(),
            })),
        }
    }

    /// True once the value has been typed: read, changed, or built typed.
    pub fn is_read(&self) -> bool {
        self.typed.get().is_some()
    }

    /// The JSON as it arrived, while the value is unchanged: a host can pass it on without
    /// typing it.
    pub fn raw_json(&self) -> Option<&RawValue> {
        self.raw.as_deref()
    }
}

impl<T: DeserializeOwned + Absent> Lazy<T> {
    /// The typed value, read from the JSON the first time.
    pub fn get(&self) -> &T {
        if self.raw.is_none() && self.typed.get().is_none() {
            if let Some(absent) = T::shared_absent() {
                return absent;
            }
        }
        &self.typed().value
    }

    /// The typed value for changing; the JSON it came from is forgotten.
    pub fn get_mut(&mut self) -> &mut T {
        self.typed();
        self.raw = None;
        let typed = self.typed.get_mut().expect("typed above");
        &mut typed.value
    }

    /// The typed value, taken out.
    pub fn into_inner(self) -> T {
        self.typed();
        self.typed.into_inner().expect("typed above").value
    }

    /// The fields left out when the value was read, `path: why` (empty when it read cleanly
    /// or has not been read).
    pub fn dropped(&self) -> &[String] {
        self.typed.get().map_or(&[], |typed| &typed.dropped)
    }

    fn typed(&self) -> &Typed<T> {
        self.typed.get_or_init(|| {
            let Some(raw) = &self.raw else {
                return Box::new(Typed {
                    value: T::default(),
                    dropped: Vec::new(),
                });
            };
            let (value, dropped) = super::lenient::read_member::<T>(raw.get());
            if !dropped.is_empty() {
                tracing::warn!(
                    member = std::any::type_name::<T>(),
                    dropped = ?dropped,
                    "left out fields of the wrong type"
                );
            }
            Box::new(Typed { value, dropped })
        })
    }
}

impl<T: DeserializeOwned + Absent> Deref for Lazy<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.get()
    }
}

impl<T: DeserializeOwned + Absent> DerefMut for Lazy<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.get_mut()
    }
}

impl<T> From<T> for Lazy<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T> Default for Lazy<T> {
    /// Absent: reads as `T::default()`, and costs no allocation until it is read.
    fn default() -> Self {
        Self {
            raw: None,
            typed: OnceLock::new(),
        }
    }
}

impl<T: Clone> Clone for Lazy<T> {
    fn clone(&self) -> Self {
        Self {
            raw: self.raw.clone(),
            typed: match self.typed.get() {
                Some(typed) => OnceLock::from(Box::new(Typed {
                    value: typed.value.clone(),
                    dropped: typed.dropped.clone(),
                })),
                None => OnceLock::new(),
            },
        }
    }
}

impl<T: DeserializeOwned + Absent + PartialEq> PartialEq for Lazy<T> {
    /// Compares the typed values: the same request reads equal however it was spelled.
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl<T: DeserializeOwned + Absent + fmt::Debug> fmt::Debug for Lazy<T> {
    /// The typed value's `Debug` (never the raw text: tokens inside stay behind `Secret`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lazy<T> {
    /// Checks the JSON and keeps it; nothing is typed yet, unless the envelope is being read
    /// whole ([`RequestEnvelope::from_slice_lenient_whole`](super::RequestEnvelope::from_slice_lenient_whole)).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if READ_WHOLE.get() {
            let value = T::deserialize(deserializer)?;
            return Ok(Self::new(value));
        }
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        Ok(Self {
            raw: Some(raw),
            typed: OnceLock::new(),
        })
    }
}

thread_local! {
    /// Set while an envelope is read whole. A `Deserialize` impl has no other way to be told
    /// how to read; the flag lives only for the duration of one synchronous read.
    static READ_WHOLE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `read` with every `Lazy` member typed during the pass instead of kept as JSON.
pub(crate) fn reading_whole<R>(read: impl FnOnce() -> R) -> R {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            READ_WHOLE.set(self.0);
        }
    }
    let _reset = Reset(READ_WHOLE.replace(true));
    read()
}

impl<T: DeserializeOwned + Absent + Serialize> Serialize for Lazy<T> {
    /// Writes the typed value, so every serializer sees the same shape (requests are
    /// written only by tests and the simulator).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(serializer)
    }
}

impl<T: DeserializeOwned + 'static> Lazy<Option<T>> {
    /// True when the member is absent (for `skip_serializing_if`).
    pub fn is_none(&self) -> bool {
        self.get().is_none()
    }
}

/// What a [`Lazy`] member reads as when the request does not carry it: `T::default()`,
/// shared where it can be, so reading an absent member allocates nothing.
pub trait Absent: Default + 'static {
    /// One value for every absent member of this type; `None` builds a `Default` per member
    /// on first read.
    fn shared_absent() -> Option<&'static Self> {
        None
    }
}

impl<T: 'static> Absent for Option<T> {
    fn shared_absent() -> Option<&'static Self> {
        Some(&None)
    }
}

impl Absent for super::SupportedInterfaces {}
