//! The skill as a `tower::Service`, and a deadline layer that answers before Alexa gives up.

use crate::handler::BoxFuture;
use crate::model::{RequestEnvelope, ResponseEnvelope};
use crate::response::Response;
use crate::{InvocationError, Skill};
use std::task::{Context, Poll};
use std::time::Duration;
use tower::{Layer, Service};

impl<S: Send + Sync + 'static> Service<RequestEnvelope> for Skill<S> {
    type Response = ResponseEnvelope;
    type Error = InvocationError;
    type Future = BoxFuture<Result<ResponseEnvelope, InvocationError>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: RequestEnvelope) -> Self::Future {
        let skill = self.clone();
        Box::pin(async move { skill.handle(request).await })
    }
}

/// What the user hears when the skill runs out of time.
pub const TOO_SLOW: &str = "Sorry, that is taking too long. Please try again in a moment.";

/// Answers with an apology when the inner service has not answered within `limit`.
///
/// Alexa waits about 8 seconds for the whole round trip; a silent timeout leaves the user
/// with "there was a problem with the requested skill's response". Set the limit a little
/// under that (the default is 7 s) so the user hears something useful instead.
///
/// ```
/// use alexa_core::{DeadlineLayer, Skill};
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

impl<Inner> Layer<Inner> for DeadlineLayer {
    type Service = Deadline<Inner>;
    fn layer(&self, inner: Inner) -> Deadline<Inner> {
        Deadline {
            inner,
            limit: self.limit,
        }
    }
}

/// The service [`DeadlineLayer`] produces.
#[derive(Debug, Clone)]
pub struct Deadline<Inner> {
    inner: Inner,
    limit: Duration,
}

impl<Inner, R> Service<R> for Deadline<Inner>
where
    Inner: Service<R, Response = ResponseEnvelope>,
    Inner::Future: Send + 'static,
{
    type Response = ResponseEnvelope;
    type Error = Inner::Error;
    type Future = BoxFuture<Result<ResponseEnvelope, Inner::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: R) -> Self::Future {
        let fut = self.inner.call(request);
        let limit = self.limit;
        Box::pin(async move {
            match tokio::time::timeout(limit, fut).await {
                Ok(result) => result,
                Err(_) => {
                    tracing::warn!(
                        limit_ms = limit.as_millis() as u64,
                        "deadline reached; answered with an apology"
                    );
                    Ok(Response::tell(TOO_SLOW).into_envelope(None))
                }
            }
        })
    }
}
