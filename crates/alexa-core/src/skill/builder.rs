//! `SkillBuilder`: registers handlers once; `build` checks the wiring.

use crate::builtin::{self, request_type};
use crate::handler::{erase, ErasedHandler, Handler};
use crate::intercept::{
    boxed, BoxedLayer, RequestInterceptorLayer, RequestService, ResponseInterceptorLayer,
    SharedRequest,
};
use crate::model::RequestEnvelope;
use crate::response::Response;
use crate::skill::{ErrorHandler, Routes, Skill, SkillIds};
use crate::SkillError;
use crate::{BuildError, Failure};
use std::sync::Arc;

impl Skill<()> {
    /// Starts a skill without shared state.
    pub fn builder() -> SkillBuilder<()> {
        SkillBuilder::new(())
    }
}

impl<S: Send + Sync + 'static> Skill<S> {
    /// Starts a skill whose handlers can extract `State<S>` (clients, configuration).
    pub fn with_state(state: S) -> SkillBuilder<S> {
        SkillBuilder::new(state)
    }
}

/// Collects handlers and settings for a [`Skill`].
///
/// ```
/// use alexa_core::{builtin, Response, Skill};
/// let skill = Skill::builder()
///     .skill_id("amzn1.ask.skill.0000")
///     .launch(|| async { Response::ask("Hello. Ask me anything.", "What would you like?") })
///     .intent(builtin::HELP, || async { Response::ask("Ask me a question.", "What would you like?") })
///     .intent(builtin::STOP, || async { "Goodbye." })
///     .intent(builtin::CANCEL, || async { "Goodbye." })
///     .build()
///     .expect("skill wiring is valid");
/// assert!(skill.handles_intent(builtin::HELP));
/// ```
pub struct SkillBuilder<S> {
    state: S,
    routes: Routes<S>,
    skill_ids: Option<SkillIds>,
    on_error: Option<ErrorHandler>,
    check_builtins: bool,
    read_whole: bool,
    errors: Vec<BuildError>,
    layers: Vec<BoxedLayer>,
}

impl<S> std::fmt::Debug for SkillBuilder<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SkillBuilder")
            .field("intents", &self.routes.intents.keys().collect::<Vec<_>>())
            .field(
                "request_types",
                &self.routes.by_type.keys().collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl<S: Send + Sync + 'static> SkillBuilder<S> {
    pub(crate) fn new(state: S) -> Self {
        Self {
            state,
            routes: Routes::default(),
            skill_ids: None,
            on_error: None,
            check_builtins: true,
            read_whole: false,
            errors: Vec::new(),
            layers: Vec::new(),
        }
    }

    fn insert(
        map: &mut super::dispatch::RouteTable<S>,
        errors: &mut Vec<BuildError>,
        name: &str,
        handler: Arc<dyn ErasedHandler<S>>,
    ) {
        if map.insert(name.to_owned(), handler).is_some() {
            errors.push(BuildError::Duplicate(name.to_owned()));
        }
    }

    /// Handles `LaunchRequest` ("open coffee shop").
    pub fn launch<H: Handler<T, S>, T: 'static>(self, handler: H) -> Self {
        self.on_request(request_type::LAUNCH, handler)
    }

    /// Handles the intent of this name, e.g. `"CountInstancesIntent"` or [`builtin::HELP`].
    pub fn intent<H: Handler<T, S>, T: 'static>(mut self, name: &str, handler: H) -> Self {
        Self::insert(
            &mut self.routes.intents,
            &mut self.errors,
            name,
            erase(handler),
        );
        self
    }

    /// Handles `SessionEndedRequest`. Any speech it returns is dropped: Alexa ignores it.
    pub fn session_ended<H: Handler<T, S>, T: 'static>(self, handler: H) -> Self {
        self.on_request(request_type::SESSION_ENDED, handler)
    }

    /// Handles `CanFulfillIntentRequest`; without it the skill answers `NO`.
    pub fn can_fulfill<H: Handler<T, S>, T: 'static>(self, handler: H) -> Self {
        self.on_request(request_type::CAN_FULFILL_INTENT, handler)
    }

    /// Handles any request type by its wire name, e.g. `"AudioPlayer.PlaybackStarted"` or a
    /// type this crate does not know yet.
    pub fn on_request<H: Handler<T, S>, T: 'static>(mut self, type_name: &str, handler: H) -> Self {
        Self::insert(
            &mut self.routes.by_type,
            &mut self.errors,
            type_name,
            erase(handler),
        );
        self
    }

    /// Answers every request `condition` holds for with `handler`, before the lookup by
    /// intent name and request type; conditions are checked in registration order. See
    /// [`route`](crate::route) for conditions on dialog state, session attributes, request
    /// types and intents.
    pub fn when<H: Handler<T, S>, T: 'static>(
        mut self,
        condition: impl Into<crate::route::Condition>,
        handler: H,
    ) -> Self {
        self.routes
            .conditional
            .push((condition.into(), erase(handler)));
        self
    }

    /// Handles intents (and a launch) that have no handler of their own.
    pub fn fallback<H: Handler<T, S>, T: 'static>(mut self, handler: H) -> Self {
        if self.routes.fallback.replace(erase(handler)).is_some() {
            self.errors
                .push(BuildError::Duplicate("fallback".to_owned()));
        }
        self
    }

    /// Answers every [`Failure`]: a handler's error, a panic, a passed deadline, a response
    /// over Alexa's limits. The request comes along, so the answer can be in its locale.
    /// Without one, a handler error says its own speech if it set one, a passed deadline
    /// [`TOO_SLOW`](crate::TOO_SLOW), anything else [`APOLOGY`](crate::APOLOGY); each ends
    /// the session. If this handler panics or its answer breaks a limit, the user hears
    /// [`APOLOGY`](crate::APOLOGY).
    ///
    /// ```
    /// use alexa_core::{Failure, Response, Skill};
    /// let skill = Skill::builder()
    ///     .accept_any_skill_id()
    ///     .skip_builtin_check()
    ///     .on_error(|failure: &Failure, request| {
    ///         let german = request.locale().is_some_and(|l| l.starts_with("de"));
    ///         match failure {
    ///             Failure::DeadlinePassed { .. } if german => Response::tell("Das dauert zu lange."),
    ///             _ if german => Response::tell("Da ist etwas schiefgegangen."),
    ///             _ => Response::tell("Something went wrong."),
    ///         }
    ///     })
    ///     .build()
    ///     .unwrap();
    /// # let _ = skill;
    /// ```
    pub fn on_error<F>(mut self, handler: F) -> Self
    where
        F: Fn(&Failure, &RequestEnvelope) -> Response + Send + Sync + 'static,
    {
        self.on_error = Some(Arc::new(handler));
        self
    }

    /// Wraps every handler in `layer` (a `tower::Layer` over
    /// [`RequestService`]): it sees each request before routing and each answer after. The
    /// first layer added is the outermost. See [`intercept`](crate::intercept).
    pub fn layer<L>(mut self, layer: L) -> Self
    where
        L: tower::Layer<RequestService> + Send + Sync + 'static,
        L::Service: tower::Service<SharedRequest, Response = Response, Error = Failure>
            + Clone
            + Send
            + Sync
            + 'static,
        <L::Service as tower::Service<SharedRequest>>::Future: Send + 'static,
    {
        self.layers.push(boxed(layer));
        self
    }

    /// Runs `check` on every request before its handler (logging, metrics, a guard); an
    /// `Err` is answered by the error handler and the handler does not run.
    pub fn request_interceptor<F>(self, check: F) -> Self
    where
        F: Fn(&RequestEnvelope) -> Result<(), SkillError> + Send + Sync + 'static,
    {
        self.layer(RequestInterceptorLayer::new(check))
    }

    /// Lets `edit` change every successful answer before it leaves.
    pub fn response_interceptor<F>(self, edit: F) -> Self
    where
        F: Fn(&RequestEnvelope, &mut Response) + Send + Sync + 'static,
    {
        self.layer(ResponseInterceptorLayer::new(edit))
    }

    /// Keeps persistent attributes in `store`: handlers can then ask for
    /// [`Persistent<T>`](crate::persist::Persistent). See [`persist`](crate::persist).
    pub fn persistence(self, store: impl crate::persist::AttributeStore) -> Self {
        self.layer(crate::persist::PersistenceLayer::new(store))
    }

    /// Gives handlers the request's [`Messages`](crate::l10n::Messages) from `catalog`.
    /// See [`l10n`](crate::l10n).
    #[cfg(feature = "fluent")]
    #[cfg_attr(docsrs, doc(cfg(feature = "fluent")))]
    pub fn localisation(self, catalog: Arc<crate::l10n::Catalog>) -> Self {
        self.layer(crate::l10n::LocalisationLayer::new(catalog))
    }

    /// Accepts requests for this skill ID only.
    pub fn skill_id(self, id: impl Into<String>) -> Self {
        self.skill_ids([id.into()])
    }

    /// Accepts requests for any of these skill IDs (e.g. a live and a development skill).
    pub fn skill_ids<I: IntoIterator<Item = String>>(mut self, ids: I) -> Self {
        self.skill_ids = Some(SkillIds::Only(ids.into_iter().collect()));
        self
    }

    /// Accepts any skill ID. For local tools and tests only: a deployed skill should name its
    /// ID, since anyone who can invoke the function could otherwise use it.
    pub fn accept_any_skill_id(mut self) -> Self {
        self.skill_ids = Some(SkillIds::Any);
        self
    }

    /// Types every member of each request in the one pass over its bytes, instead of keeping
    /// the context's members and the session's attributes as JSON until a handler reads
    /// them. For a skill whose handlers read most of the context on most turns (viewports,
    /// APL state, geolocation), which then pays one parse per member rather than a check
    /// and a later parse; see docs/performance.md for the figures. Applies to
    /// [`Skill::handle_json`]; an envelope parsed by its host is read as the host read it.
    pub fn read_whole_requests(mut self) -> Self {
        self.read_whole = true;
        self
    }

    /// Builds without requiring handlers for Help, Stop and Cancel.
    pub fn skip_builtin_check(mut self) -> Self {
        self.check_builtins = false;
        self
    }

    /// Checks the wiring and builds the skill.
    pub fn build(self) -> Result<Skill<S>, BuildError> {
        if let Some(err) = self.errors.into_iter().next() {
            return Err(err);
        }
        let skill_ids = self.skill_ids.ok_or(BuildError::NoSkillId)?;
        if self.check_builtins {
            if let Some(missing) = builtin::REQUIRED
                .iter()
                .find(|name| !self.routes.intents.contains_key(**name))
            {
                return Err(BuildError::MissingBuiltin(missing));
            }
        }
        Ok(Skill::from_parts(
            self.state,
            self.routes,
            skill_ids,
            self.on_error,
            self.layers,
            self.read_whole,
        ))
    }
}
