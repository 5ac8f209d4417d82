//! Reading a request whose `type` is not its first member.
//!
//! The request's struct depends on its `type`, and the one-pass reader learns it only when it
//! reaches that key. Alexa sends `type` first, so nothing waits; test tools (virtual-alexa,
//! anything that sorts keys) send the ID, the time and the locale before it. Those members are
//! held until the type is known and then replayed in front of the rest of the live map.
//!
//! What is held costs as little as the reader allows: up to four members on the stack, a
//! string value as a slice of the body (the ID, the time and the locale are plain strings, and
//! a time is parsed from the slice without being copied), anything else as a JSON value.

use serde::de::value::{
    BorrowedStrDeserializer, CowStrDeserializer, MapAccessDeserializer, SeqAccessDeserializer,
};
use serde::de::{DeserializeSeed, Error, MapAccess, SeqAccess, Visitor};
use serde::{forward_to_deserialize_any, Deserialize, Deserializer};
use serde_json::Value;
use smallvec::SmallVec;
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// Members read before `type`: inline up to four (what test tools send), on the heap beyond.
/// The caller keeps them in its frame and the [`Replay`] drains them, so the replay that is
/// handed down through serde's layers stays a few words long.
pub(crate) type Held<'de> = SmallVec<[(Cow<'de, str>, Early<'de>); 4]>;

/// Reads `map` up to and including its `type`, holding every member before it in `held`;
/// returns the type and the request's remaining members, the held ones first.
pub(crate) fn until_type<'h, 'de, A: MapAccess<'de>>(
    mut map: A,
    held: &'h mut Held<'de>,
) -> Result<(Text<'de>, Replay<'h, 'de, A>), A::Error> {
    while let Some(key) = map.next_key::<Text<'de>>()? {
        if key.as_str() == "type" {
            let kind: Text<'de> = map.next_value()?;
            let rest = Replay {
                held: held.drain(..),
                value: None,
                rest: map,
            };
            return Ok((kind, rest));
        }
        held.push((key.into_cow(), map.next_value()?));
    }
    Err(A::Error::missing_field("type"))
}

/// A string read from the input without a copy when the input allows it (no escapes, a
/// borrowing deserializer): the request's keys and its `type` are only looked at.
/// (serde's own `Cow<str>` always copies.)
pub(crate) struct Text<'de>(Cow<'de, str>);

impl<'de> Text<'de> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    /// The key kept as it was read: borrowed keys are not copied.
    fn into_cow(self) -> Cow<'de, str> {
        self.0
    }
}

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: Error>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }
            fn visit_str<E: Error>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }
            fn visit_string<E: Error>(self, text: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

/// A member's value held until the type is known: a string borrowed from the input, or any
/// other JSON (and strings that could not be borrowed) as a value.
pub(crate) enum Early<'de> {
    Str(&'de str),
    Value(Value),
}

impl<'de> Deserialize<'de> for Early<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EarlyVisitor)
    }
}

/// Builds an [`Early`] from whatever the input holds; everything but a borrowed string
/// becomes the [`Value`] serde_json's own reader would have made.
struct EarlyVisitor;

impl<'de> Visitor<'de> for EarlyVisitor {
    type Value = Early<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_borrowed_str<E: Error>(self, text: &'de str) -> Result<Early<'de>, E> {
        Ok(Early::Str(text))
    }
    fn visit_str<E: Error>(self, text: &str) -> Result<Early<'de>, E> {
        Ok(Early::Value(Value::String(text.to_owned())))
    }
    fn visit_string<E: Error>(self, text: String) -> Result<Early<'de>, E> {
        Ok(Early::Value(Value::String(text)))
    }
    fn visit_bool<E: Error>(self, value: bool) -> Result<Early<'de>, E> {
        Ok(Early::Value(Value::Bool(value)))
    }
    fn visit_i64<E: Error>(self, value: i64) -> Result<Early<'de>, E> {
        Ok(Early::Value(Value::from(value)))
    }
    fn visit_u64<E: Error>(self, value: u64) -> Result<Early<'de>, E> {
        Ok(Early::Value(Value::from(value)))
    }
    fn visit_f64<E: Error>(self, value: f64) -> Result<Early<'de>, E> {
        Ok(Early::Value(Value::from(value)))
    }
    fn visit_unit<E: Error>(self) -> Result<Early<'de>, E> {
        Ok(Early::Value(Value::Null))
    }
    fn visit_none<E: Error>(self) -> Result<Early<'de>, E> {
        Ok(Early::Value(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Early<'de>, D::Error> {
        Early::deserialize(inner)
    }
    fn visit_seq<S: SeqAccess<'de>>(self, seq: S) -> Result<Early<'de>, S::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Early::Value)
    }
    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Early<'de>, M::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Early::Value)
    }
}

/// Replays a held string to the field that reads it, as serde_json's reader would have: an
/// `Option` gets `Some`, an enum a unit variant, a newtype (a raw JSON member among them)
/// what a string [`Value`] gives it, everything else the borrowed string.
struct EarlyStr<'de, E> {
    text: &'de str,
    error: PhantomData<E>,
}

impl<'de, E: Error> Deserializer<'de> for EarlyStr<'de, E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_borrowed_str(self.text)
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_some(self)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        BorrowedStrDeserializer::new(self.text).deserialize_enum(name, variants, visitor)
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, E> {
        Value::String(self.text.to_owned())
            .deserialize_newtype_struct(name, visitor)
            .map_err(E::custom)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// The request's remaining members: those held before `type`, then the live map.
pub(crate) struct Replay<'h, 'de, A> {
    held: smallvec::Drain<'h, [(Cow<'de, str>, Early<'de>); 4]>,
    value: Option<Early<'de>>,
    rest: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Replay<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.held.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(CowStrDeserializer::<A::Error>::new(key))
                    .map(Some)
            }
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.value.take() {
            Some(Early::Str(text)) => seed.deserialize(EarlyStr {
                text,
                error: PhantomData,
            }),
            Some(Early::Value(value)) => seed.deserialize(value).map_err(A::Error::custom),
            None => self.rest.next_value_seed(seed),
        }
    }
}
