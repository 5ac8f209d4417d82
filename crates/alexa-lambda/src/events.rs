//! One function for a skill and the other events it is sent: an EventBridge rule, a
//! schedule. Alexa's requests go to the skill; every other invocation goes to the skill's own
//! handler, with its JSON as it came.

use crate::{AlexaRequest, LambdaSkill};
use alexa_core::handler::BoxFuture;
use alexa_core::model::ResponseEnvelope;
use alexa_core::Skill;
use lambda_runtime::{Diagnostic, LambdaEvent};
use serde::de::{Error as _, IgnoredAny};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tower::Service;

/// The handler for invocations that are not Alexa requests.
pub type OtherEvents = Arc<dyn Fn(Value) -> BoxFuture<Result<Value, Diagnostic>> + Send + Sync>;

/// What the function was invoked with.
// Alexa's requests are nearly every invocation and this is moved once: no allocation for it.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Invocation {
    /// An Alexa request envelope (it has `version` and `request`).
    Alexa(AlexaRequest),
    /// Anything else.
    Other(Value),
}

impl<'de> Deserialize<'de> for Invocation {
    /// Nearly every invocation is Alexa's, so the payload is read as a request envelope first,
    /// in one pass; only when that fails is its shape looked at. A payload with `version` and
    /// `request` is Alexa's even when broken (the invocation then fails, naming the field);
    /// anything else goes to the other handler as JSON.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Probe {
            version: Option<IgnoredAny>,
            request: Option<IgnoredAny>,
        }
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let refused = match crate::read_alexa_request(raw.get()) {
            Ok(request) => return Ok(Invocation::Alexa(request)),
            Err(refused) => refused,
        };
        let probe: Option<Probe> = serde_json::from_str(raw.get()).ok();
        if probe.is_some_and(|p| p.version.is_some() && p.request.is_some()) {
            return Err(D::Error::custom(refused));
        }
        serde_json::from_str(raw.get())
            .map(Invocation::Other)
            .map_err(D::Error::custom)
    }
}

/// The answer: the skill's response envelope, or the other handler's JSON.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// To Alexa.
    Alexa(Box<ResponseEnvelope>),
    /// To whoever sent the other event.
    Other(Value),
}

/// A skill and a handler for everything else, as the Lambda runtime calls them.
pub struct SkillWithEvents<S> {
    skill: LambdaSkill<S>,
    other: OtherEvents,
}

impl<S> Clone for SkillWithEvents<S> {
    fn clone(&self) -> Self {
        SkillWithEvents {
            skill: self.skill.clone(),
            other: Arc::clone(&self.other),
        }
    }
}

impl<S> std::fmt::Debug for SkillWithEvents<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SkillWithEvents").finish_non_exhaustive()
    }
}

impl<S: Send + Sync + 'static> SkillWithEvents<S> {
    /// `skill` answering Alexa within `limit`, `other` answering the rest.
    pub fn new(skill: Skill<S>, limit: Duration, other: OtherEvents) -> Self {
        SkillWithEvents {
            skill: LambdaSkill::new(skill, limit),
            other,
        }
    }
}

impl<S: Send + Sync + 'static> Service<LambdaEvent<Invocation>> for SkillWithEvents<S> {
    type Response = Answer;
    type Error = Diagnostic;
    type Future = BoxFuture<Result<Answer, Diagnostic>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, event: LambdaEvent<Invocation>) -> Self::Future {
        let LambdaEvent { payload, context } = event;
        match payload {
            Invocation::Alexa(request) => {
                let answer = self.skill.call(LambdaEvent::new(request, context));
                Box::pin(async move { answer.await.map(|r| Answer::Alexa(Box::new(r))) })
            }
            Invocation::Other(value) => {
                let answer = (self.other)(value);
                Box::pin(async move { answer.await.map(Answer::Other) })
            }
        }
    }
}

/// Runs `skill` and `other` on the Lambda runtime until it stops: Alexa's requests answered
/// within `limit`, every other event (an EventBridge rule's, a schedule's) by `other`.
///
/// ```no_run
/// use alexa_core::{Response, Skill};
/// use std::sync::Arc;
/// # async fn serve() -> Result<(), lambda_runtime::Error> {
/// let skill = Skill::builder().skill_id("amzn1.ask.skill.1").skip_builtin_check()
///     .launch(|| async { Response::tell("Hello.") }).build()?;
/// let on_event: alexa_lambda::OtherEvents = Arc::new(|event| Box::pin(async move {
///     tracing::info!(source = %event["source"], "an event");
///     Ok(serde_json::json!({"handled": true}))
/// }));
/// alexa_lambda::run_with_events(skill, std::time::Duration::from_secs(7), on_event).await
/// # }
/// ```
pub async fn run_with_events<S: Send + Sync + 'static>(
    skill: Skill<S>,
    limit: Duration,
    other: OtherEvents,
) -> Result<(), lambda_runtime::Error> {
    lambda_runtime::run(SkillWithEvents::new(skill, limit, other)).await
}
