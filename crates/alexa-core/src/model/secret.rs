//! Tokens that must never reach a log line.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A bearer token or consent token from the envelope.
///
/// It serialises as the plain string (Alexa and its APIs need it), but its `Debug` and
/// `Display` print `***`, so logging a whole envelope with `{:?}` never leaks it.
///
/// ```
/// use alexa_core::model::Secret;
/// let token = Secret::new("eyJ0eXAi...");
/// assert_eq!(format!("{token:?}"), "Secret(***)");
/// assert_eq!(token.expose(), "eyJ0eXAi...");
/// ```
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    /// The token itself, for the one place that sends it (an `Authorization` header).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}
