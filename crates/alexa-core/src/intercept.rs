//! Interceptors: what runs around every handler (logging, metrics, localisation, loading and
//! saving attributes), as tower layers.
//!
//! Every request passes through the skill's layers, outermost first, to the router and its
//! handler; the handler's [`Response`] (or [`Failure`]) comes back out through them. A layer
//! is any `tower::Layer` over [`RequestService`]; the builder adds one with
//! [`SkillBuilder::layer`](crate::SkillBuilder::layer), and the two common shapes in one call:
//! [`request_interceptor`](crate::SkillBuilder::request_interceptor) and
//! [`response_interceptor`](crate::SkillBuilder::response_interceptor). A layer's error goes
//! to the skill's error handler like a handler's; a layer's panic is caught like a handler's.
//!
//! ```
//! use alexa_core::{Response, Skill};
//! use std::sync::atomic::{AtomicUsize, Ordering};
//! use std::sync::Arc;
//!
//! let intents_seen = Arc::new(AtomicUsize::new(0));
//! let counter = Arc::clone(&intents_seen);
//! let skill = Skill::builder()
//!     .accept_any_skill_id()
//!     .skip_builtin_check()
//!     .request_interceptor(move |request| {
//!         if request.request.intent().is_some() {
//!             counter.fetch_add(1, Ordering::Relaxed);
//!         }
//!         Ok(())
//!     })
//!     .response_interceptor(|_request, response| {
//!         if response.body().reprompt.is_none() {
//!             *response = std::mem::take(response).speak("Goodbye for now.");
//!         }
//!     })
//!     .launch(|| async { "Welcome." })
//!     .build()
//!     .unwrap();
//! # let _ = skill;
//! ```

use crate::handler::BoxFuture;
use crate::model::RequestEnvelope;
use crate::response::Response;
use crate::{Failure, SkillError};
use std::sync::Arc;
use tower::util::BoxCloneSyncService;
use tower::{service_fn, Layer, ServiceExt};

/// A request as the layers see it: shared, with [`extensions`](RequestEnvelope::extensions)
/// for handing values to extractors.
pub type SharedRequest = Arc<RequestEnvelope>;

/// The service every layer wraps: a request in, the handler's answer or a [`Failure`] out.
pub type RequestService = BoxCloneSyncService<SharedRequest, Response, Failure>;

type Check = Arc<dyn Fn(&RequestEnvelope) -> Result<(), SkillError> + Send + Sync>;
type Edit = Arc<dyn Fn(&RequestEnvelope, &mut Response) + Send + Sync>;

/// A layer running `check` before the handler; an `Err` goes to the error handler instead
/// of the handler. Made by [`SkillBuilder::request_interceptor`](crate::SkillBuilder::request_interceptor).
#[derive(Clone)]
pub struct RequestInterceptorLayer {
    check: Check,
}

impl RequestInterceptorLayer {
    /// A layer running `check` on every request.
    pub fn new<F>(check: F) -> Self
    where
        F: Fn(&RequestEnvelope) -> Result<(), SkillError> + Send + Sync + 'static,
    {
        Self {
            check: Arc::new(check),
        }
    }
}

impl std::fmt::Debug for RequestInterceptorLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RequestInterceptorLayer")
    }
}

impl Layer<RequestService> for RequestInterceptorLayer {
    type Service = RequestService;
    fn layer(&self, inner: RequestService) -> RequestService {
        let check = Arc::clone(&self.check);
        RequestService::new(service_fn(move |turn: SharedRequest| {
            let checked = check(&turn);
            let inner = inner.clone();
            async move {
                checked.map_err(Failure::HandlerError)?;
                inner.oneshot(turn).await
            }
        }))
    }
}

/// A layer letting `edit` change every successful answer before it leaves (a failure's
/// answer comes from the error handler). Made by
/// [`SkillBuilder::response_interceptor`](crate::SkillBuilder::response_interceptor).
#[derive(Clone)]
pub struct ResponseInterceptorLayer {
    edit: Edit,
}

impl ResponseInterceptorLayer {
    /// A layer running `edit` on every answer.
    pub fn new<F>(edit: F) -> Self
    where
        F: Fn(&RequestEnvelope, &mut Response) + Send + Sync + 'static,
    {
        Self {
            edit: Arc::new(edit),
        }
    }
}

impl std::fmt::Debug for ResponseInterceptorLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResponseInterceptorLayer")
    }
}

impl Layer<RequestService> for ResponseInterceptorLayer {
    type Service = RequestService;
    fn layer(&self, inner: RequestService) -> RequestService {
        let edit = Arc::clone(&self.edit);
        RequestService::new(service_fn(move |turn: SharedRequest| {
            let edit = Arc::clone(&edit);
            let inner = inner.clone();
            async move {
                let mut response = inner.oneshot(Arc::clone(&turn)).await?;
                edit(&turn, &mut response);
                Ok(response)
            }
        }))
    }
}

/// A registered layer, erased so the builder can hold layers of different types.
pub(crate) type BoxedLayer = Box<dyn Fn(RequestService) -> RequestService + Send + Sync>;

/// Erases `layer` into a [`BoxedLayer`].
pub(crate) fn boxed<L>(layer: L) -> BoxedLayer
where
    L: Layer<RequestService> + Send + Sync + 'static,
    L::Service: tower::Service<SharedRequest, Response = Response, Error = Failure>
        + Clone
        + Send
        + Sync
        + 'static,
    <L::Service as tower::Service<SharedRequest>>::Future: Send + 'static,
{
    Box::new(move |inner| RequestService::new(layer.layer(inner)))
}

/// Calls `service` once, boxed.
pub(crate) fn call(
    service: &RequestService,
    turn: SharedRequest,
) -> BoxFuture<Result<Response, Failure>> {
    Box::pin(service.clone().oneshot(turn))
}
