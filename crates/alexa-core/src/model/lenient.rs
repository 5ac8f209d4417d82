//! Reading a request envelope from bytes as Amazon's model would: a field of the wrong type
//! that the model makes optional is dropped (and named in the log), so one odd value does
//! not cost the user the turn; a required field of the wrong type is an error that names the
//! field. Valid envelopes take the strict single pass and pay nothing for this.

use super::RequestEnvelope;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Why bytes are not a request envelope.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EnvelopeError {
    /// Not JSON at all.
    #[error("not JSON: {0}")]
    NotJson(#[source] serde_json::Error),
    /// A required field is missing or has the wrong type.
    #[error("field `{path}`: {message}")]
    Field {
        /// Where, e.g. `request.intent.name`.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// What a lenient read gave: the envelope, and the fields it left out.
#[derive(Debug)]
pub struct Lenient {
    /// The envelope.
    pub envelope: RequestEnvelope,
    /// Optional fields of the wrong type that were left out: `path: why`.
    pub dropped: Vec<String>,
}

/// The most wrongly typed optional fields one envelope may lose before it is refused.
const MAX_DROPPED: usize = 32;

impl RequestEnvelope {
    /// Reads an envelope, leaving out optional fields of the wrong type; a required field
    /// missing or of the wrong type is an error naming it.
    ///
    /// ```
    /// use alexa_core::model::RequestEnvelope;
    /// let odd = br#"{"version": "1.0", "context": {}, "session": {"new": "yes", "sessionId": "s"},
    ///     "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-US"}}"#;
    /// let read = RequestEnvelope::from_slice_lenient(odd).unwrap();
    /// assert_eq!(read.envelope.session.unwrap().new, None);
    /// assert_eq!(read.dropped.len(), 1);
    /// let broken = br#"{"version": "1.0", "context": {}, "request": {"type": "IntentRequest",
    ///     "requestId": "r", "intent": {"name": 7}}}"#;
    /// let err = RequestEnvelope::from_slice_lenient(broken).unwrap_err();
    /// assert!(err.to_string().starts_with("field `request.intent.name`"), "{err}");
    /// ```
    pub fn from_slice_lenient(body: &[u8]) -> Result<Lenient, EnvelopeError> {
        let (envelope, dropped) = Self::read_with(body, false, |envelope| envelope)?;
        Ok(Lenient { envelope, dropped })
    }

    /// [`from_slice_lenient`](Self::from_slice_lenient) with every [`Lazy`](super::Lazy)
    /// member typed during the one pass: for a skill whose handlers read most of each request,
    /// which then pays one parse per member instead of a check now and a parse on first read.
    ///
    /// ```
    /// use alexa_core::model::RequestEnvelope;
    /// let body = br#"{"version": "1.0", "context": {"Viewport": {"pixelWidth": 1280}},
    ///     "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-US"}}"#;
    /// let read = RequestEnvelope::from_slice_lenient_whole(body).unwrap();
    /// assert!(read.envelope.context.viewport.is_read());
    /// assert!(!RequestEnvelope::from_slice_lenient(body).unwrap().envelope.context.viewport.is_read());
    /// ```
    pub fn from_slice_lenient_whole(body: &[u8]) -> Result<Lenient, EnvelopeError> {
        let (envelope, dropped) = Self::read_with(body, true, |envelope| envelope)?;
        Ok(Lenient { envelope, dropped })
    }

    /// The envelope in an `Arc` to share with handlers, and what was left out.
    pub(crate) fn read_shared(
        body: &[u8],
        whole: bool,
    ) -> Result<(std::sync::Arc<Self>, Vec<String>), EnvelopeError> {
        Self::read_with(body, whole, std::sync::Arc::new)
    }

    /// Every read: the strict single pass (lazy members typed in it when `whole`), its
    /// envelope handed to `wrap` as soon as it is made, so a valid body goes straight into
    /// an `Arc` without moves through [`Lenient`]; else the slow path.
    fn read_with<T>(
        body: &[u8],
        whole: bool,
        wrap: impl Fn(Self) -> T,
    ) -> Result<(T, Vec<String>), EnvelopeError> {
        let strict = || read_strict(body, &wrap);
        let strict = if whole {
            super::lazy::reading_whole(strict)
        } else {
            strict()
        };
        if let Some(envelope) = strict {
            return Ok((envelope, Vec::new()));
        }
        let read = if whole {
            Self::read_dropping_whole(body)?
        } else {
            Self::read_dropping(body)?
        };
        Ok((wrap(read.envelope), read.dropped))
    }

    /// [`read_dropping`](Self::read_dropping), then every lazy member typed: a whole read of
    /// a body that did not fit leaves out what a lazy read would, and answers the same.
    fn read_dropping_whole(body: &[u8]) -> Result<Lenient, EnvelopeError> {
        let mut read = Self::read_dropping(body)?;
        let members = read.envelope.read_every_member();
        read.dropped.extend(members);
        Ok(read)
    }

    /// The slow path, for a body the strict pass refused: read as a JSON value, then typed
    /// again and again, leaving out each optional field of the wrong type.
    fn read_dropping(body: &[u8]) -> Result<Lenient, EnvelopeError> {
        let mut value: Value = serde_json::from_slice(body).map_err(EnvelopeError::NotJson)?;
        let mut dropped: Vec<(String, String)> = Vec::new();
        loop {
            let err = match serde_path_to_error::deserialize::<_, RequestEnvelope>(&value) {
                Ok(envelope) => {
                    let dropped = dropped
                        .into_iter()
                        .map(|(path, why)| format!("{path}: {why}"))
                        .collect();
                    return Ok(Lenient { envelope, dropped });
                }
                Err(err) => err,
            };
            let mut path = err.path().to_string();
            let mut steps = steps_of(err.path());
            let mut message = err.into_inner().to_string();
            // The one-pass request reader replays fields that come before `type` (a JSON
            // value's keys are sorted) without their path: find it by reading the typed
            // request struct from the value itself.
            if steps.is_empty() || (steps.len() == 1 && path == "request") {
                if let Some((inner, inner_steps, why)) = request_field_error(&value) {
                    path = join("request", &inner);
                    steps = std::iter::once(Step::Key("request".into()))
                        .chain(inner_steps)
                        .collect();
                    message = why;
                }
            }
            if let Some(field) = missing_field(&message) {
                let path = join(&path, field);
                // A required field we left out for its type: report that type error.
                let message = dropped
                    .iter()
                    .find(|(p, _)| *p == path)
                    .map(|(_, why)| format!("required, and {why}"))
                    .unwrap_or(message);
                return Err(EnvelopeError::Field { path, message });
            }
            if dropped.len() >= MAX_DROPPED || !remove(&mut value, &steps) {
                return Err(EnvelopeError::Field { path, message });
            }
            dropped.push((path, message));
        }
    }
}

/// The strict single pass that valid envelopes take, written in place
/// ([`in_place`](super::in_place)) and handed to `wrap`. UTF-8 is checked once for the whole
/// body, in one fast pass, rather than string by string as `from_slice` does; invalid UTF-8
/// is left to the slow path.
fn read_strict<T>(body: &[u8], wrap: impl FnOnce(RequestEnvelope) -> T) -> Option<T> {
    let text = std::str::from_utf8(body).ok()?;
    let mut envelope = super::in_place::unread();
    super::in_place::read_into(text, &mut envelope).ok()?;
    Some(wrap(envelope))
}

/// Reads one lazily kept member of the envelope as [`RequestEnvelope::from_slice_lenient`]
/// reads the whole: the fields of the wrong type are left out and returned as `path: why`;
/// when no `T` can be had (a required field inside is missing or wrong), `T::default()`.
pub(crate) fn read_member<T: DeserializeOwned + Default>(json: &str) -> (T, Vec<String>) {
    if let Ok(value) = serde_json::from_str(json) {
        return (value, Vec::new());
    }
    let Ok(mut value) = serde_json::from_str::<Value>(json) else {
        // Cannot happen: the text was checked as JSON when the envelope was read.
        return (T::default(), vec![". : not JSON".to_owned()]);
    };
    let mut dropped = Vec::new();
    loop {
        let err = match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(read) => return (read, dropped),
            Err(err) => err,
        };
        let path = err.path().to_string();
        let steps = steps_of(err.path());
        let why = err.into_inner().to_string();
        if dropped.len() >= MAX_DROPPED
            || missing_field(&why).is_some()
            || !remove(&mut value, &steps)
        {
            dropped.push(format!("{path}: {why}; the whole member is left out"));
            return (T::default(), dropped);
        }
        dropped.push(format!("{path}: {why}"));
    }
}

/// `missing field `x`` names `x`.
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

fn join(parent: &str, field: &str) -> String {
    match (parent, field) {
        ("" | ".", _) => field.to_owned(),
        (_, "" | ".") => parent.to_owned(),
        _ => format!("{parent}.{field}"),
    }
}

/// Removes the value at `steps`. False when there is nothing there to remove (the root, or
/// a path it cannot follow).
fn remove(root: &mut Value, steps: &[Step]) -> bool {
    let Some((last, parents)) = steps.split_last() else {
        return false;
    };
    let mut at = root;
    for step in parents {
        at = match (step, at) {
            (Step::Key(key), Value::Object(map)) => match map.get_mut(key) {
                Some(next) => next,
                None => return false,
            },
            (Step::Index(i), Value::Array(items)) => match items.get_mut(*i) {
                Some(next) => next,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, at) {
        (Step::Key(key), Value::Object(map)) => map.remove(key).is_some(),
        (Step::Index(i), Value::Array(items)) if *i < items.len() => {
            items.remove(*i);
            true
        }
        _ => false,
    }
}

enum Step {
    Key(String),
    Index(usize),
}

/// The path's segments (keys may contain dots, as slot names do, so not its text).
fn steps_of(path: &serde_path_to_error::Path) -> Vec<Step> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Map { key } => Some(Step::Key(key.clone())),
            Segment::Seq { index } => Some(Step::Index(*index)),
            _ => None,
        })
        .collect()
}

/// Reads the value's request with path tracking: the failing field's path, steps and error.
fn request_field_error(envelope: &Value) -> Option<(String, Vec<Step>, String)> {
    let request = envelope.get("request")?;
    let kind = request.get("type")?.as_str()?;
    match super::request::typed(kind, Tracked(request)) {
        Ok(_) => None,
        Err(err) => Some((
            err.path().to_string(),
            steps_of(err.path()),
            err.into_inner().to_string(),
        )),
    }
}

/// Reads a typed request struct from a JSON value, tracking the path of a failing field.
struct Tracked<'a>(&'a Value);

impl<'a> super::request::ParseAs<'a> for Tracked<'a> {
    type Error = serde_path_to_error::Error<serde_json::Error>;
    fn parse<T: serde::Deserialize<'a>>(self) -> Result<T, Self::Error> {
        serde_path_to_error::deserialize(self.0)
    }
}
