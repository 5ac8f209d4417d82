//! The strict pass, writing each member of the envelope where it will live.
//!
//! serde's derived reader builds a struct on its stack and returns it by value, and each
//! layer above (the envelope's reader, `from_str`, the `Result`, the `Arc`) moved it again:
//! six copies of the 504-byte envelope per request, and four or five of the session and of
//! the request. This reader fills one envelope instead, the context, the session and the
//! request field by field where they end up, and the envelope is then moved once, into its
//! `Arc`. It accepts what the derived reader accepts and refuses the rest (a repeated member
//! among them), so the lenient reader's slow path decides every odd body as before. (serde's
//! derived `deserialize_in_place` for the envelope itself would still move the session and
//! make a second box for the context: 36,083 instructions for the launch against 35,454.)

use super::{Context, Request, RequestEnvelope, Session};
use serde::de::{DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// Reads the JSON text into `place`, which the caller then owns or discards; `Err` leaves
/// `place` partly written.
pub(crate) fn read_into(text: &str, place: &mut RequestEnvelope) -> serde_json::Result<()> {
    let mut reader = serde_json::Deserializer::from_str(text);
    reader.deserialize_map(Envelope(place))?;
    reader.end()
}

/// An envelope for [`read_into`] to fill: no request yet, an empty context in its box.
pub(crate) fn unread() -> RequestEnvelope {
    RequestEnvelope {
        version: std::borrow::Cow::Borrowed(""),
        session: None,
        context: Box::default(),
        request: Request::unread(),
        extensions: Default::default(),
    }
}

/// The envelope's members, by their names on the wire.
enum Member {
    Version,
    Session,
    Context,
    Request,
    Unknown,
}

impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl Visitor<'_> for Name {
            type Value = Member;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_str<E: Error>(self, name: &str) -> Result<Member, E> {
                Ok(match name {
                    "version" => Member::Version,
                    "session" => Member::Session,
                    "context" => Member::Context,
                    "request" => Member::Request,
                    _ => Member::Unknown,
                })
            }
        }
        deserializer.deserialize_identifier(Name)
    }
}

struct Envelope<'a>(&'a mut RequestEnvelope);

impl<'de> Visitor<'de> for Envelope<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a request envelope")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let place = self.0;
        let [mut version, mut session, mut context, mut request] = [false; 4];
        while let Some(member) = map.next_key::<Member>()? {
            match member {
                Member::Version => {
                    first(&mut version, "version")?;
                    place.version = map.next_value_seed(super::envelope::VersionSeed)?;
                }
                Member::Session => {
                    first(&mut session, "session")?;
                    map.next_value_seed(SessionInPlace(&mut place.session))?;
                }
                Member::Context => {
                    first(&mut context, "context")?;
                    map.next_value_seed(InPlace::<Context>(&mut place.context))?;
                }
                Member::Request => {
                    first(&mut request, "request")?;
                    map.next_value_seed(InPlace(&mut place.request))?;
                }
                Member::Unknown => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if !request {
            return Err(A::Error::missing_field("request"));
        }
        if !version {
            place.version = super::envelope::default_version();
        }
        Ok(())
    }
}

/// Marks a member seen; a member sent twice is refused, as the derived reader refuses it.
fn first<E: Error>(seen: &mut bool, name: &'static str) -> Result<(), E> {
    if std::mem::replace(seen, true) {
        return Err(E::duplicate_field(name));
    }
    Ok(())
}

/// `session`: `null` or absent is no session; an object is read into the envelope's own.
struct SessionInPlace<'a>(&'a mut Option<Session>);

impl<'de> DeserializeSeed<'de> for SessionInPlace<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for SessionInPlace<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a session or null")
    }
    fn visit_none<E: Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }
    fn visit_unit<E: Error>(self) -> Result<(), E> {
        self.visit_none()
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        Session::deserialize_in_place(deserializer, self.0.get_or_insert_with(Session::default))
    }
}

/// A member read into the place the envelope already has for it (the context into its box,
/// the request into the envelope's own), through the type's `deserialize_in_place`.
struct InPlace<'a, T>(&'a mut T);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for InPlace<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::deserialize_in_place(deserializer, self.0)
    }
}
