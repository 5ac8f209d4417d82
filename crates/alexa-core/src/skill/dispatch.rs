//! Routing and running a handler: the lookup by condition, intent name and request type,
//! the handler called with its panic caught, and the deadline.

use super::CANNOT_HELP;
use crate::handler::{call_catching, CatchUnwind, ErasedHandler, Panicked};
use crate::intercept::SharedRequest;
use crate::model::{CanFulfill, CanFulfillIntent, Request, RequestEnvelope};
use crate::response::Response;
use crate::Failure;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

/// Handlers by intent name or request type. Hashed with rustc-hash's Fx, not std's SipHash:
/// the lookup is on every request and SipHash was about 1 % of a session end's instructions.
/// SipHash guards a table against keys chosen to collide as they are inserted; these tables
/// are filled once, from the skill's own names, and a request only looks a name up, so a
/// crafted name can at worst walk one probe sequence of a table the size of the skill.
pub(crate) type RouteTable<S> = rustc_hash::FxHashMap<String, Arc<dyn ErasedHandler<S>>>;

/// The handlers, by what they answer.
pub(crate) struct Routes<S> {
    pub(crate) conditional: Vec<(crate::route::Condition, Arc<dyn ErasedHandler<S>>)>,
    pub(crate) intents: RouteTable<S>,
    pub(crate) by_type: RouteTable<S>,
    pub(crate) fallback: Option<Arc<dyn ErasedHandler<S>>>,
}

impl<S> Default for Routes<S> {
    fn default() -> Self {
        Self {
            conditional: Vec::new(),
            intents: RouteTable::default(),
            by_type: RouteTable::default(),
            fallback: None,
        }
    }
}

/// What the innermost service needs: the state and the routes.
pub(super) struct Core<S> {
    pub(super) state: S,
    pub(super) routes: Routes<S>,
}

impl<S: Send + Sync + 'static> Core<S> {
    /// Routes `turn` and runs its handler; a request nothing handles gets the default answer.
    pub(super) async fn dispatch(&self, turn: SharedRequest) -> Result<Response, Failure> {
        let Some(handler) = self.route(&turn) else {
            return Ok(default_response(&turn.request));
        };
        match call_catching(&**handler, &turn, &self.state).await {
            Ok(Ok(response)) => Ok(response),
            Ok(Err(err)) => Err(Failure::HandlerError(err)),
            Err(Panicked(message)) => Err(Failure::HandlerPanicked { message }),
        }
    }

    fn route(&self, envelope: &RequestEnvelope) -> Option<&Arc<dyn ErasedHandler<S>>> {
        let routes = &self.routes;
        if let Some((_, handler)) = routes.conditional.iter().find(|(c, _)| c.holds(envelope)) {
            return Some(handler);
        }
        let request = &envelope.request;
        match request {
            Request::Intent(r) => routes
                .intents
                .get(&r.intent.name)
                .or_else(|| routes.by_type.get(request.type_name()))
                .or(routes.fallback.as_ref()),
            Request::Launch(_) => routes
                .by_type
                .get(request.type_name())
                .or(routes.fallback.as_ref()),
            other => routes.by_type.get(other.type_name()),
        }
    }
}

/// The innermost service under the layers: the router and the handlers.
pub(super) struct Dispatch<S> {
    pub(super) core: Arc<Core<S>>,
}

impl<S> Clone for Dispatch<S> {
    fn clone(&self) -> Self {
        Self {
            core: Arc::clone(&self.core),
        }
    }
}

impl<S: Send + Sync + 'static> tower::Service<SharedRequest> for Dispatch<S> {
    type Response = Response;
    type Error = Failure;
    type Future = crate::handler::BoxFuture<Result<Response, Failure>>;

    fn poll_ready(
        &mut self,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Failure>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, turn: SharedRequest) -> Self::Future {
        let core = Arc::clone(&self.core);
        Box::pin(async move { core.dispatch(turn).await })
    }
}

/// Runs `call`, catching a panic and, when there is a deadline, the deadline, as a
/// [`Failure`].
pub(super) async fn within<F>(deadline: Option<Duration>, call: F) -> Result<Response, Failure>
where
    F: std::future::Future<Output = Result<Response, Failure>> + Unpin,
{
    let call = CatchUnwind(call);
    let caught = match deadline {
        None => call.await,
        Some(limit) => match tokio::time::timeout(limit, call).await {
            Ok(caught) => caught,
            Err(_) => return Err(Failure::DeadlinePassed { limit }),
        },
    };
    caught.unwrap_or_else(|Panicked(message)| Err(Failure::HandlerPanicked { message }))
}

/// The answer when no handler is registered for a request.
fn default_response(request: &Request) -> Response {
    match request {
        Request::Launch(_) | Request::Intent(_) => Response::tell(CANNOT_HELP),
        Request::CanFulfillIntent(_) => Response::can_fulfill(CanFulfillIntent {
            can_fulfill: CanFulfill::No,
            slots: BTreeMap::new(),
        }),
        _ => Response::empty(),
    }
}
