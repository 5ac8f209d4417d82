//! `Skill`: the built router and the request path from envelope to response envelope.
//! The builder is in [`builder`], the routing and the handler call in [`dispatch`], what is
//! sent in [`answer`], the `tower::Service` over envelopes in [`service`], and the routing
//! conditions besides names in [`route`].

mod answer;
pub(crate) mod builder;
mod dispatch;
pub mod route;
mod service;

pub(crate) use dispatch::Routes;

use crate::intercept::RequestService;
use crate::model::{RequestEnvelope, ResponseEnvelope};
use crate::response::Response;
use crate::{limits, Failure, InvocationError};
use dispatch::{within, Core, Dispatch};
use std::sync::Arc;
use std::time::Duration;

pub(crate) type ErrorHandler = Arc<dyn Fn(&Failure, &RequestEnvelope) -> Response + Send + Sync>;

/// What the user hears when a handler fails or panics and no error handler says otherwise.
pub const APOLOGY: &str = "Sorry, something went wrong. Please try again later.";

/// What the user hears when the answer was not ready in time and no error handler says otherwise.
pub const TOO_SLOW: &str = "Sorry, that is taking too long. Please try again in a moment.";

/// What the user hears when nothing handles the request.
pub const CANNOT_HELP: &str = "Sorry, I can't help with that.";

#[derive(Debug, Clone)]
pub(crate) enum SkillIds {
    Any,
    Only(Vec<String>),
}

struct Inner<S> {
    core: Arc<Core<S>>,
    /// The layers around [`Dispatch`]; `None` when the skill has none, so a plain skill pays
    /// nothing for them.
    layers: Option<RequestService>,
    skill_ids: SkillIds,
    on_error: Option<ErrorHandler>,
    /// Type every member of a request in the one pass (`read_whole_requests`).
    read_whole: bool,
}

/// A built skill: handlers by intent name and request type, state, the skill-ID policy and
/// the error handler. Cheap to clone (one `Arc`); build it once per process.
///
/// ```
/// use alexa_core::{builtin, Response, Skill};
/// use alexa_core::model::RequestEnvelope;
/// # tokio_test_block(async {
/// let skill = Skill::builder()
///     .accept_any_skill_id()
///     .skip_builtin_check()
///     .launch(|| async { Response::ask("Welcome.", "Ask me something.") })
///     .build()
///     .unwrap();
/// let request: RequestEnvelope = serde_json::from_str(r#"{"version":"1.0","context":{},
///   "request":{"type":"LaunchRequest","requestId":"r1","locale":"en-US"}}"#).unwrap();
/// let response = skill.handle(request).await.unwrap();
/// assert_eq!(response.response.should_end_session, Some(false));
/// # });
/// # fn tokio_test_block<F: std::future::Future>(f: F) -> F::Output {
/// #     tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(f)
/// # }
/// ```
pub struct Skill<S = ()> {
    inner: Arc<Inner<S>>,
}

impl<S> Clone for Skill<S> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<S> std::fmt::Debug for Skill<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut intents: Vec<_> = self.inner.core.routes.intents.keys().collect();
        intents.sort();
        f.debug_struct("Skill")
            .field("intents", &intents)
            .field("skill_ids", &self.inner.skill_ids)
            .finish_non_exhaustive()
    }
}

impl<S: Send + Sync + 'static> Skill<S> {
    // `Skill::builder()` and `Skill::with_state()` are in `builder.rs`, beside what they
    // start, so this file never needs the builder.

    pub(crate) fn from_parts(
        state: S,
        routes: Routes<S>,
        skill_ids: SkillIds,
        on_error: Option<ErrorHandler>,
        layers: Vec<crate::intercept::BoxedLayer>,
        read_whole: bool,
    ) -> Self {
        let core = Arc::new(Core { state, routes });
        let layers = (!layers.is_empty()).then(|| {
            let dispatch = RequestService::new(Dispatch {
                core: Arc::clone(&core),
            });
            layers
                .iter()
                .rev()
                .fold(dispatch, |inner, layer| layer(inner))
        });
        Self {
            inner: Arc::new(Inner {
                core,
                layers,
                skill_ids,
                on_error,
                read_whole,
            }),
        }
    }

    /// The shared state.
    pub fn state(&self) -> &S {
        &self.inner.core.state
    }

    /// True when an intent of this name has its own handler.
    pub fn handles_intent(&self, name: &str) -> bool {
        self.inner.core.routes.intents.contains_key(name)
    }

    /// The intents with handlers, sorted, each with the slot names its handler extracts.
    /// The interaction-model check compares this with the model.
    pub fn intent_routes(&self) -> Vec<(&str, Vec<&'static str>)> {
        let mut routes: Vec<_> = self
            .inner
            .core
            .routes
            .intents
            .iter()
            .map(|(name, h)| (name.as_str(), h.slot_names()))
            .collect();
        routes.sort_by(|a, b| a.0.cmp(b.0));
        routes
    }

    /// True when the skill-ID policy accepts this application id.
    pub fn accepts_skill_id(&self, id: Option<&str>) -> bool {
        match &self.inner.skill_ids {
            SkillIds::Any => true,
            SkillIds::Only(ids) => id.is_some_and(|id| ids.iter().any(|allowed| allowed == id)),
        }
    }

    /// Parses a request body and answers it: the path every host uses.
    /// Fails only when the bytes are not an Alexa request or the skill ID does not match.
    pub async fn handle_json(&self, body: &[u8]) -> Result<Vec<u8>, InvocationError> {
        let envelope = self.read(body)?;
        self.check_skill_id(&envelope)?;
        // The handler is the only wait; reading and writing around it are plain calls, so
        // this future stays small and moving it costs little.
        let outcome = self.run(&envelope, None).await;
        self.write_json(outcome, &envelope)
    }

    /// Answers one request: skill-ID check, routing by lookup, the handler, then the
    /// response limits. Handler errors, panics and broken limits go to the error handler.
    pub async fn handle(
        &self,
        envelope: RequestEnvelope,
    ) -> Result<ResponseEnvelope, InvocationError> {
        self.handle_within(envelope, None).await
    }

    /// [`handle`](Self::handle), with the handler given at most `deadline`: what the
    /// [`DeadlineLayer`](crate::deadline::DeadlineLayer) calls.
    pub(crate) async fn handle_within(
        &self,
        envelope: RequestEnvelope,
        deadline: Option<Duration>,
    ) -> Result<ResponseEnvelope, InvocationError> {
        let envelope = Arc::new(envelope);
        self.check_skill_id(&envelope)?;
        let outcome = self.run(&envelope, deadline).await;
        let response = self.answer(outcome, &envelope).typed(&envelope);
        let bytes = limits::serialized_len(&response);
        if bytes <= limits::MAX_RESPONSE_BYTES {
            return Ok(response);
        }
        let violation = limits::LimitViolation::ResponseTooLarge(bytes);
        Ok(self
            .fail(Failure::LimitExceeded(violation), &envelope)
            .into_envelope())
    }

    /// The body as a shared envelope; what did not fit is logged.
    fn read(&self, body: &[u8]) -> Result<Arc<RequestEnvelope>, InvocationError> {
        let (envelope, dropped) = RequestEnvelope::read_shared(body, self.inner.read_whole)
            .map_err(InvocationError::NotAnAlexaRequest)?;
        if !dropped.is_empty() {
            tracing::warn!(
                request_id = envelope.request.request_id(),
                dropped = ?dropped,
                "left out optional fields of the wrong type"
            );
        }
        Ok(envelope)
    }

    /// Refuses a request addressed to another skill, before any handler sees it.
    fn check_skill_id(&self, envelope: &RequestEnvelope) -> Result<(), InvocationError> {
        if self.accepts_skill_id(envelope.application_id()) {
            return Ok(());
        }
        tracing::warn!(
            request_id = envelope.request.request_id(),
            application_id = envelope.application_id(),
            "refused a request for another skill"
        );
        Err(InvocationError::SkillIdMismatch {
            got: envelope.application_id().map(str::to_owned),
        })
    }

    /// Runs the layers and the handler, catching an error, a panic and the deadline as a
    /// [`Failure`].
    async fn run(
        &self,
        envelope: &Arc<RequestEnvelope>,
        deadline: Option<Duration>,
    ) -> Result<Response, Failure> {
        let turn = Arc::clone(envelope);
        match &self.inner.layers {
            Some(layers) => within(deadline, crate::intercept::call(layers, turn)).await,
            // Without layers the dispatch future is pinned here rather than boxed.
            None => within(deadline, std::pin::pin!(self.inner.core.dispatch(turn))).await,
        }
    }
}
