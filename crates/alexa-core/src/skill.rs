//! `Skill`: the built router and the request path from envelope to response envelope.

use crate::handler::{call_catching, CatchUnwind, ErasedHandler, Panicked};
use crate::intercept::{RequestService, SharedRequest};
use crate::model::{CanFulfill, CanFulfillIntent, Request, RequestEnvelope, ResponseEnvelope};
use crate::response::Response;
use crate::{limits, Failure, InvocationError};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

pub(crate) type ErrorHandler = Arc<dyn Fn(&Failure, &RequestEnvelope) -> Response + Send + Sync>;

/// What the user hears when a handler fails or panics and no error handler says otherwise.
pub const APOLOGY: &str = "Sorry, something went wrong. Please try again later.";

/// What the user hears when the answer was not ready in time and no error handler says otherwise.
pub const TOO_SLOW: &str = "Sorry, that is taking too long. Please try again in a moment.";

/// What the user hears when nothing handles the request.
pub const CANNOT_HELP: &str = "Sorry, I can't help with that.";

pub(crate) struct Routes<S> {
    pub(crate) conditional: Vec<(crate::route::Condition, Arc<dyn ErasedHandler<S>>)>,
    pub(crate) intents: HashMap<String, Arc<dyn ErasedHandler<S>>>,
    pub(crate) by_type: HashMap<String, Arc<dyn ErasedHandler<S>>>,
    pub(crate) fallback: Option<Arc<dyn ErasedHandler<S>>>,
}

impl<S> Default for Routes<S> {
    fn default() -> Self {
        Self {
            conditional: Vec::new(),
            intents: HashMap::new(),
            by_type: HashMap::new(),
            fallback: None,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) enum SkillIds {
    Any,
    Only(Vec<String>),
}

/// What the innermost service needs: the state and the routes.
struct Core<S> {
    state: S,
    routes: Routes<S>,
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
        Ok(self.fail(Failure::LimitExceeded(violation), &envelope))
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

    /// The handler's outcome as JSON bytes, within Alexa's size limit.
    fn write_json(
        &self,
        outcome: Result<Response, Failure>,
        envelope: &RequestEnvelope,
    ) -> Result<Vec<u8>, InvocationError> {
        let answer = self.answer(outcome, envelope);
        // Most answers fit in 1 KB: one allocation instead of growing from 128 bytes.
        let mut bytes = Vec::with_capacity(1024);
        write_answer(&mut bytes, answer, envelope).map_err(InvocationError::Serialize)?;
        if bytes.len() <= limits::MAX_RESPONSE_BYTES {
            return Ok(bytes);
        }
        let violation = limits::LimitViolation::ResponseTooLarge(bytes.len());
        let response = self.fail(Failure::LimitExceeded(violation), envelope);
        serde_json::to_vec(&response).map_err(InvocationError::Serialize)
    }

    /// The handler's outcome as a response envelope: fitted to the request and checked
    /// against every limit but the size, which the caller checks on what it sends.
    fn answer(&self, outcome: Result<Response, Failure>, envelope: &RequestEnvelope) -> Answer {
        let failed = |failure| Answer {
            out: self.fail(failure, envelope),
            keeps_attributes: false,
        };
        let response = match outcome {
            Ok(response) => response,
            Err(failure) => return failed(failure),
        };
        let (mut out, keeps) = response.into_envelope_keeping();
        fit_request(&mut out, envelope);
        match limits::check_content(&out) {
            Ok(()) => Answer {
                out,
                keeps_attributes: keeps && crate::fit::keeps_attributes(&envelope.request),
            },
            Err(violation) => failed(Failure::LimitExceeded(violation)),
        }
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

    /// The error handler's answer to `failure`, logged with the request id. When that answer
    /// itself breaks a limit (or the error handler panics), the plain [`APOLOGY`].
    fn fail(&self, failure: Failure, envelope: &RequestEnvelope) -> ResponseEnvelope {
        let request_id = envelope.request.request_id();
        match &failure {
            Failure::DeadlinePassed { limit } => tracing::warn!(
                request_id,
                limit_ms = limit.as_millis() as u64,
                "deadline reached; answered through the error handler"
            ),
            Failure::LimitExceeded(violation) => tracing::error!(
                request_id,
                %violation,
                "response over Alexa's limits; answered through the error handler instead"
            ),
            other => tracing::error!(request_id, error = %other, "handler failed"),
        }
        let response = match &self.inner.on_error {
            Some(on_error) => {
                let call = std::panic::AssertUnwindSafe(|| on_error(&failure, envelope));
                std::panic::catch_unwind(call).unwrap_or_else(|_| Response::tell(APOLOGY))
            }
            None => default_apology(&failure),
        };
        let mut out = response.into_envelope(kept_attributes(envelope));
        fit_request(&mut out, envelope);
        match limits::check(&out) {
            Ok(_) => out,
            Err(violation) => {
                tracing::error!(request_id, %violation, "the error handler's answer is over Alexa's limits too");
                let mut apology = Response::tell(APOLOGY).into_envelope(None);
                fit_request(&mut apology, envelope);
                apology
            }
        }
    }
}

impl<S: Send + Sync + 'static> Core<S> {
    /// Routes `turn` and runs its handler; a request nothing handles gets the default answer.
    async fn dispatch(&self, turn: SharedRequest) -> Result<Response, Failure> {
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
struct Dispatch<S> {
    core: Arc<Core<S>>,
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
async fn within<F>(deadline: Option<Duration>, call: F) -> Result<Response, Failure>
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

/// What a user hears about `failure` when the skill has no error handler.
fn default_apology(failure: &Failure) -> Response {
    match failure {
        Failure::HandlerError(err) => {
            Response::tell(err.speech().cloned().unwrap_or_else(|| APOLOGY.into()))
        }
        Failure::DeadlinePassed { .. } => Response::tell(TOO_SLOW),
        _ => Response::tell(APOLOGY),
    }
}

/// Removes what `envelope`'s request may not be answered with, and logs what it removed.
fn fit_request(out: &mut ResponseEnvelope, envelope: &RequestEnvelope) {
    let removed = crate::fit::fit(out, &envelope.request);
    if !removed.is_empty() {
        tracing::warn!(
            request_id = envelope.request.request_id(),
            request_type = envelope.request.type_name(),
            removed = ?removed,
            "removed what this request type may not be answered with"
        );
    }
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

/// A response envelope, and whether the request's session attributes go with it: added by
/// whoever writes it out, as the JSON they arrived in when no handler read them.
struct Answer {
    out: ResponseEnvelope,
    keeps_attributes: bool,
}

impl Answer {
    /// The envelope with the kept attributes typed in.
    fn typed(self, envelope: &RequestEnvelope) -> ResponseEnvelope {
        let mut out = self.out;
        if self.keeps_attributes {
            out.session_attributes = kept_attributes(envelope).cloned();
        }
        out
    }
}

/// The request's session attributes as a response carries them forward (none when empty).
fn kept_attributes(
    envelope: &RequestEnvelope,
) -> Option<&serde_json::Map<String, serde_json::Value>> {
    envelope.session_attributes().filter(|m| !m.is_empty())
}

/// Writes `answer` as JSON into `bytes`; attributes carried forward unread are copied as the
/// text they arrived as, never typed.
fn write_answer(
    bytes: &mut Vec<u8>,
    answer: Answer,
    envelope: &RequestEnvelope,
) -> Result<(), serde_json::Error> {
    let raw = envelope
        .session
        .as_ref()
        .and_then(|s| s.attributes.raw_json());
    match raw {
        Some(raw) if answer.keeps_attributes && is_filled_object(raw.get()) => {
            let wire = CarriedForward {
                version: &answer.out.version,
                session_attributes: raw,
                response: &answer.out.response,
            };
            serde_json::to_writer(bytes, &wire)
        }
        _ => serde_json::to_writer(bytes, &answer.typed(envelope)),
    }
}

/// True for a JSON object with at least one member (`{}` is not carried forward).
fn is_filled_object(json: &str) -> bool {
    json.strip_prefix('{')
        .is_some_and(|rest| !rest.trim_start().starts_with('}'))
}

/// [`ResponseEnvelope`] with its attributes as raw JSON: the same members, the same order.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct CarriedForward<'a> {
    version: &'a str,
    session_attributes: &'a serde_json::value::RawValue,
    response: &'a crate::model::ResponseBody,
}
