//! The skill as a `tower::Service` over whole request envelopes.

use crate::handler::BoxFuture;
use crate::model::{RequestEnvelope, ResponseEnvelope};
use crate::{InvocationError, Skill};
use std::task::{Context, Poll};
use tower::Service;

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
