//! A deadline layer: the skill answers before Alexa gives up, whatever its handlers do.

use crate::handler::BoxFuture;
use crate::model::{RequestEnvelope, ResponseEnvelope};
use crate::{InvocationError, Skill};
use std::task::{Context, Poll};
use std::time::Duration;
use tower::{Layer, Service};

/// Gives each handler at most `limit`, then answers through the skill's error handler
/// with [`Failure::DeadlinePassed`](crate::Failure::DeadlinePassed) (by default
/// [`TOO_SLOW`](crate::TOO_SLOW)), in the request's language if the error handler speaks it.
///
/// Alexa waits about 8 seconds for the whole round trip; a silent timeout leaves the user
/// with "there was a problem with the requested skill's response". Set the limit a little
/// under that (the default is 7 s) so the user hears something useful instead.
///
/// ```
/// use alexa_core::deadline::DeadlineLayer;
/// use alexa_core::Skill;
/// use tower::Layer;
/// let skill = Skill::builder().accept_any_skill_id().skip_builtin_check().build().unwrap();
/// let guarded = DeadlineLayer::default().layer(skill);
/// # let _ = guarded;
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DeadlineLayer {
    limit: Duration,
}

impl DeadlineLayer {
    /// A layer with this limit.
    pub fn new(limit: Duration) -> Self {
        Self { limit }
    }
}

impl Default for DeadlineLayer {
    fn default() -> Self {
        Self::new(Duration::from_secs(7))
    }
}

impl<S> Layer<Skill<S>> for DeadlineLayer {
    type Service = Deadline<S>;
    fn layer(&self, skill: Skill<S>) -> Deadline<S> {
        Deadline {
            skill,
            limit: self.limit,
        }
    }
}

/// A skill whose handlers have a deadline; made by [`DeadlineLayer`].
#[derive(Debug)]
pub struct Deadline<S> {
    skill: Skill<S>,
    limit: Duration,
}

impl<S> Clone for Deadline<S> {
    fn clone(&self) -> Self {
        Self {
            skill: self.skill.clone(),
            limit: self.limit,
        }
    }
}

impl<S: Send + Sync + 'static> Deadline<S> {
    /// Answers `request` as [`Skill::handle`] does, within the deadline.
    pub async fn handle(
        &self,
        request: RequestEnvelope,
    ) -> Result<ResponseEnvelope, InvocationError> {
        self.skill.handle_within(request, Some(self.limit)).await
    }
}

impl<S: Send + Sync + 'static> Service<RequestEnvelope> for Deadline<S> {
    type Response = ResponseEnvelope;
    type Error = InvocationError;
    type Future = BoxFuture<Result<ResponseEnvelope, InvocationError>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: RequestEnvelope) -> Self::Future {
        let guarded = self.clone();
        Box::pin(async move { guarded.handle(request).await })
    }
}
