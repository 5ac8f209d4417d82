#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

mod events;

pub use events::{run_with_events, Answer, Invocation, OtherEvents, SkillWithEvents};

use alexa_core::deadline::{Deadline, DeadlineLayer};
use alexa_core::handler::BoxFuture;
use alexa_core::model::{RequestEnvelope, ResponseEnvelope};
use alexa_core::{InvocationError, Skill};
use lambda_runtime::{Diagnostic, LambdaEvent};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use std::task::{Context, Poll};
use std::time::Duration;
use tower::{Layer, Service};

/// A skill as the Lambda runtime calls it: each event's payload answered within the
/// deadline; a refused invocation is a Lambda [`Diagnostic`] that names why.
#[derive(Debug)]
pub struct LambdaSkill<S> {
    skill: Deadline<S>,
}

impl<S> Clone for LambdaSkill<S> {
    fn clone(&self) -> Self {
        Self {
            skill: self.skill.clone(),
        }
    }
}

impl<S: Send + Sync + 'static> LambdaSkill<S> {
    /// `skill`, with each answer given at most `limit` (a little under Alexa's 8 s).
    pub fn new(skill: Skill<S>, limit: Duration) -> Self {
        Self {
            skill: DeadlineLayer::new(limit).layer(skill),
        }
    }
}

/// The event payload: a request envelope read as Amazon's model reads it (see
/// [`RequestEnvelope::from_slice_lenient`]): an optional field of the wrong type is left out
/// and logged; a required one fails the invocation with a message naming the field.
#[derive(Debug, Clone)]
pub struct AlexaRequest(pub RequestEnvelope);

impl<'de> Deserialize<'de> for AlexaRequest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        read_alexa_request(raw.get()).map_err(D::Error::custom)
    }
}

/// Reads `json` as Amazon's model would, logging the fields it left out; the error says why
/// it is not an Alexa request.
fn read_alexa_request(json: &str) -> Result<AlexaRequest, String> {
    let read = RequestEnvelope::from_slice_lenient(json.as_bytes())
        .map_err(|err| format!("not an Alexa request: {err}"))?;
    if !read.dropped.is_empty() {
        tracing::warn!(
            request_id = read.envelope.request.request_id(),
            dropped = ?read.dropped,
            "left out optional fields of the wrong type"
        );
    }
    Ok(AlexaRequest(read.envelope))
}

impl<S: Send + Sync + 'static> Service<LambdaEvent<AlexaRequest>> for LambdaSkill<S> {
    type Response = ResponseEnvelope;
    type Error = Diagnostic;
    type Future = BoxFuture<Result<ResponseEnvelope, Diagnostic>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, event: LambdaEvent<AlexaRequest>) -> Self::Future {
        let skill = self.skill.clone();
        Box::pin(async move {
            skill
                .handle(event.payload.0)
                .await
                .map_err(|err| diagnostic(&err))
        })
    }
}

/// The Lambda diagnostic for a refused invocation: its type names the reason
/// (`NotAnAlexaRequest`, `SkillIdMismatch`, `ResponseSerialization`), its message says more.
///
/// ```
/// let err = alexa_core::InvocationError::SkillIdMismatch { got: Some("amzn1.ask.skill.other".into()) };
/// let diagnostic = alexa_lambda::diagnostic(&err);
/// assert_eq!(diagnostic.error_type, "SkillIdMismatch");
/// assert!(diagnostic.error_message.contains("amzn1.ask.skill.other"));
/// ```
pub fn diagnostic(err: &InvocationError) -> Diagnostic {
    let error_type = match err {
        InvocationError::NotAnAlexaRequest(_) => "NotAnAlexaRequest",
        InvocationError::SkillIdMismatch { .. } => "SkillIdMismatch",
        InvocationError::Serialize(_) => "ResponseSerialization",
        _ => "InvocationError",
    };
    Diagnostic {
        error_type: error_type.to_owned(),
        error_message: err.to_string(),
    }
}

/// Runs the skill on the Lambda runtime until the runtime stops, each answer given at most
/// `limit`.
pub async fn run<S: Send + Sync + 'static>(
    skill: Skill<S>,
    limit: Duration,
) -> Result<(), lambda_runtime::Error> {
    lambda_runtime::run(LambdaSkill::new(skill, limit)).await
}
