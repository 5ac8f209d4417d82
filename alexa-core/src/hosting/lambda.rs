//! AWS Lambda: the skill as a `Service<LambdaEvent<RequestEnvelope>>`.
//!
//! `lambda_runtime::run(skill)` hosts it. Lambda invocations from Alexa are not signed (the
//! function's resource policy names the skill), so the skill-ID check is the guard here.
//! An invocation fails only when the event is not an Alexa request or is for another skill.

use crate::handler::BoxFuture;
use crate::model::{RequestEnvelope, ResponseEnvelope};
use crate::{Deadline, InvocationError, Skill};
use lambda_runtime::{Diagnostic, LambdaEvent};
use std::task::{Context, Poll};
use tower::Service;

impl<S: Send + Sync + 'static> Service<LambdaEvent<RequestEnvelope>> for Skill<S> {
    type Response = ResponseEnvelope;
    type Error = InvocationError;
    type Future = BoxFuture<Result<ResponseEnvelope, InvocationError>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, event: LambdaEvent<RequestEnvelope>) -> Self::Future {
        let skill = self.clone();
        Box::pin(async move { skill.handle(event.payload).await })
    }
}

impl<S: Send + Sync + 'static> Service<LambdaEvent<RequestEnvelope>> for Deadline<S> {
    type Response = ResponseEnvelope;
    type Error = InvocationError;
    type Future = BoxFuture<Result<ResponseEnvelope, InvocationError>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, event: LambdaEvent<RequestEnvelope>) -> Self::Future {
        let guarded = self.clone();
        Box::pin(async move { guarded.handle(event.payload).await })
    }
}

impl From<InvocationError> for Diagnostic {
    fn from(err: InvocationError) -> Self {
        let error_type = match err {
            InvocationError::NotAnAlexaRequest(_) => "NotAnAlexaRequest",
            InvocationError::SkillIdMismatch { .. } => "SkillIdMismatch",
            InvocationError::Serialize(_) => "ResponseSerialization",
        };
        Diagnostic {
            error_type: error_type.to_owned(),
            error_message: err.to_string(),
        }
    }
}

/// Runs the skill on the Lambda runtime, with the [`crate::DeadlineLayer`] at `limit`.
pub async fn run<S: Send + Sync + 'static>(
    skill: Skill<S>,
    limit: std::time::Duration,
) -> Result<(), lambda_runtime::Error> {
    use tower::Layer;
    let service = crate::DeadlineLayer::new(limit).layer(skill);
    lambda_runtime::run(service).await
}
