//! Errors: what a handler can fail with, and why an invocation can be refused.

use crate::response::Speech;
use std::error::Error as StdError;
use std::fmt;

/// A handler's failure. The user hears its [`speech`](SkillError::with_speech) if it has one,
/// otherwise the skill's generic apology; the cause is logged with the request id.
///
/// Any `std::error::Error` converts into it, so `?` works in handlers:
///
/// ```
/// use alexa_core::SkillError;
/// fn parse(n: &str) -> Result<u32, SkillError> {
///     Ok(n.parse::<u32>()?)
/// }
/// let err = parse("many").unwrap_err()
///     .with_speech("I couldn't read that number.");
/// assert_eq!(err.speech().unwrap().text(), "I couldn't read that number.");
/// ```
pub struct SkillError {
    source: Box<dyn StdError + Send + Sync + 'static>,
    speech: Option<Speech>,
}

impl SkillError {
    /// Wraps any error.
    pub fn new(source: impl Into<Box<dyn StdError + Send + Sync + 'static>>) -> Self {
        Self {
            source: source.into(),
            speech: None,
        }
    }

    /// An error from a message.
    pub fn msg(message: impl Into<String>) -> Self {
        Self::new(message.into())
    }

    /// What the user should hear instead of the generic apology.
    pub fn with_speech(mut self, speech: impl Into<Speech>) -> Self {
        self.speech = Some(speech.into());
        self
    }

    /// The speech set with [`with_speech`](Self::with_speech).
    pub fn speech(&self) -> Option<&Speech> {
        self.speech.as_ref()
    }

    /// The underlying error.
    pub fn source_error(&self) -> &(dyn StdError + Send + Sync + 'static) {
        &*self.source
    }
}

impl<E: StdError + Send + Sync + 'static> From<E> for SkillError {
    fn from(err: E) -> Self {
        Self::new(err)
    }
}

impl fmt::Display for SkillError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        let mut cause = self.source.source();
        while let Some(err) = cause {
            write!(f, ": {err}")?;
            cause = err.source();
        }
        Ok(())
    }
}

impl fmt::Debug for SkillError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SkillError")
            .field("source", &self.source)
            .field("speech", &self.speech.as_ref().map(Speech::text))
            .finish()
    }
}

/// Everything that can go wrong between a request and its answer, handed to the skill's
/// one error handler ([`SkillBuilder::on_error`](crate::SkillBuilder::on_error)) so it can
/// answer each in the request's language. Without an error handler the user hears
/// [`APOLOGY`](crate::APOLOGY) (or, for a passed deadline, [`TOO_SLOW`](crate::TOO_SLOW); for a
/// handler error with speech, that speech).
///
/// ```
/// use alexa_core::{Failure, Response};
/// fn apologise(failure: &Failure, locale: &str) -> Response {
///     let german = locale.starts_with("de");
///     match failure {
///         Failure::DeadlinePassed { .. } if german => Response::tell("Das dauert zu lange."),
///         Failure::DeadlinePassed { .. } => Response::tell("That is taking too long."),
///         _ if german => Response::tell("Entschuldigung, da ist etwas schiefgegangen."),
///         _ => Response::tell("Sorry, something went wrong."),
///     }
/// }
/// let failure = Failure::DeadlinePassed { limit: std::time::Duration::from_secs(7) };
/// let speech = apologise(&failure, "de-DE").body().output_speech.clone().unwrap();
/// assert_eq!(speech.heard(), "Das dauert zu lange.");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Failure {
    /// A handler (or an extractor's rejection handler) returned an error.
    #[error("the handler failed: {0}")]
    HandlerError(SkillError),
    /// A handler panicked; the payload's message, when it had one.
    #[error("the handler panicked: {message}")]
    HandlerPanicked {
        /// The panic's message.
        message: String,
    },
    /// The answer was not ready within the [`DeadlineLayer`](crate::deadline::DeadlineLayer)'s limit.
    #[error("the deadline of {} ms passed", limit.as_millis())]
    DeadlinePassed {
        /// The limit that passed.
        limit: std::time::Duration,
    },
    /// The response broke one of Alexa's limits, so it was not sent.
    #[error("the response broke a limit: {0}")]
    LimitExceeded(crate::limits::LimitViolation),
    /// The handler answered, but what it asked to remember could not be written; the answer
    /// is not sent, since it may claim something was kept.
    #[error("persistent attributes were not saved: {0}")]
    AttributesNotSaved(#[source] crate::persist::StoreError),
}

/// Why an invocation produced no Alexa response at all. Only these fail a Lambda
/// invocation; every handler failure becomes a spoken response instead.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InvocationError {
    /// The input is not JSON, or not shaped like an Alexa request envelope.
    #[error("not an Alexa request: {0}")]
    NotAnAlexaRequest(#[source] crate::model::EnvelopeError),
    /// The envelope is addressed to another skill (or to none).
    #[error("refused: the request is for skill {got:?}, not one this skill accepts")]
    SkillIdMismatch {
        /// The application id the request carried.
        got: Option<String>,
    },
    /// The response could not be serialised (a bug; reported rather than hidden).
    #[error("could not serialise the response: {0}")]
    Serialize(#[source] serde_json::Error),
}

/// The skill could not be built as configured.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// Neither `skill_id`/`skill_ids` nor `accept_any_skill_id` was called.
    #[error(
        "no skill ID configured: call `skill_id(..)`, or `accept_any_skill_id()` for local tools"
    )]
    NoSkillId,
    /// Two handlers were registered for the same intent or request type.
    #[error("two handlers registered for {0:?}")]
    Duplicate(String),
    /// A built-in intent that certification requires has no handler.
    #[error(
        "no handler for {0}: Alexa certification requires it (or call `skip_builtin_check()`)"
    )]
    MissingBuiltin(&'static str),
}
