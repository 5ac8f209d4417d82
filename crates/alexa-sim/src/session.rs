//! A conversation with a skill, kept the way Alexa keeps it.

use super::dialog::{self, Next};
use super::{Resolved, Resolver, Turn};
use alexa_core::handler::BoxFuture;
use alexa_core::interaction_model::InteractionModel;
use alexa_core::model::*;
use alexa_core::Skill;
use serde_json::{Map, Value};

/// Where requests go: the skill in-process (or, later, an HTTP endpoint or a Lambda runtime).
pub trait Target: Send + Sync {
    /// Sends one request; `Err` is a failed invocation, as text.
    fn send(&self, request: RequestEnvelope) -> BoxFuture<Result<ResponseEnvelope, String>>;
}

impl<S: Send + Sync + 'static> Target for Skill<S> {
    fn send(&self, request: RequestEnvelope) -> BoxFuture<Result<ResponseEnvelope, String>> {
        let skill = self.clone();
        Box::pin(async move { skill.handle(request).await.map_err(|e| e.to_string()) })
    }
}

impl<T: Target + ?Sized> Target for Box<T> {
    fn send(&self, request: RequestEnvelope) -> BoxFuture<Result<ResponseEnvelope, String>> {
        (**self).send(request)
    }
}

/// The device the simulator pretends to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DeviceProfile {
    /// A voice-only Echo.
    #[default]
    Echo,
    /// An Echo Show: a screen, touch, APL.
    EchoShow,
}

impl DeviceProfile {
    /// Its name on command lines, in transcripts and in the web console: `echo` or
    /// `echo-show`.
    pub fn name(self) -> &'static str {
        match self {
            DeviceProfile::Echo => "echo",
            DeviceProfile::EchoShow => "echo-show",
        }
    }

    /// The screen its requests describe (`context.Viewport`): `None` for a voice-only Echo.
    pub fn viewport(self) -> Option<Viewport> {
        match self {
            DeviceProfile::Echo => None,
            DeviceProfile::EchoShow => Some(Viewport::echo_show()),
        }
    }
}

/// A device name that is neither `echo` nor `echo-show`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown device {0:?}: use echo or echo-show")]
pub struct UnknownDevice(pub String);

impl std::str::FromStr for DeviceProfile {
    type Err = UnknownDevice;

    /// `echo` or `echo-show` (`show` for short).
    ///
    /// ```
    /// use alexa_sim::DeviceProfile;
    /// assert_eq!("echo-show".parse(), Ok(DeviceProfile::EchoShow));
    /// assert_eq!("fridge".parse::<DeviceProfile>().unwrap_err().to_string(),
    ///     r#"unknown device "fridge": use echo or echo-show"#);
    /// ```
    fn from_str(name: &str) -> Result<Self, UnknownDevice> {
        match name {
            "echo" => Ok(DeviceProfile::Echo),
            "echo-show" | "show" => Ok(DeviceProfile::EchoShow),
            other => Err(UnknownDevice(other.to_owned())),
        }
    }
}

#[derive(Debug, Clone)]
struct Conversation {
    id: String,
    new: bool,
    attributes: Option<Map<String, Value>>,
    listening: bool,
    reprompt: Option<String>,
    silences: u8,
    dialog: Option<(Directive, Intent)>,
}

/// An offline Echo talking to one skill.
pub struct Simulator<T: Target> {
    target: T,
    resolver: Resolver,
    locale: String,
    skill_id: String,
    device: DeviceProfile,
    conversation: Option<Conversation>,
    counter: u64,
    dialog_model: Option<InteractionModel>,
    user_id: String,
    api: Option<ApiAccessPoint>,
    granted: Vec<String>,
    events: Option<crate::EventHandler>,
}

/// Where simulated requests point the skill's Alexa API calls.
struct ApiAccessPoint {
    endpoint: String,
    token: String,
    log: std::sync::Arc<crate::ApiLog>,
}

/// The user id of the simulated user called `name`: stable across runs, so persistent
/// attributes kept under it are there next time.
pub fn simulated_user_id(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("amzn1.ask.account.SIMULATOR-{name}")
}

impl<T: Target> std::fmt::Debug for Simulator<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Simulator")
            .field("locale", &self.locale)
            .field("device", &self.device)
            .finish_non_exhaustive()
    }
}

impl<T: Target> Simulator<T> {
    /// A simulator for `target`, understanding utterances with `resolver`.
    pub fn new(
        target: T,
        resolver: Resolver,
        locale: &str,
        skill_id: &str,
        device: DeviceProfile,
    ) -> Self {
        Self {
            target,
            resolver,
            locale: locale.to_owned(),
            skill_id: skill_id.to_owned(),
            device,
            conversation: None,
            counter: 0,
            dialog_model: None,
            user_id: simulated_user_id("default"),
            api: None,
            granted: Vec::new(),
            events: None,
        }
    }

    /// Speaks as the simulated user `name` (see [`simulated_user_id`]); each name has its own
    /// persistent attributes in the skill's store.
    pub fn with_user(mut self, name: &str) -> Self {
        self.user_id = simulated_user_id(name);
        self
    }

    /// Points requests' `apiEndpoint` and `apiAccessToken` at a local Alexa API (the `api`
    /// feature's [`AlexaApi`](crate::api::AlexaApi), or any server recording into `log`); each
    /// turn then carries the progressive responses the skill sent while answering it.
    pub fn with_alexa_api(
        mut self,
        endpoint: &str,
        token: &str,
        log: std::sync::Arc<crate::ApiLog>,
    ) -> Self {
        self.api = Some(ApiAccessPoint {
            endpoint: endpoint.to_owned(),
            token: token.to_owned(),
            log,
        });
        self
    }

    /// Follows `Dialog.Delegate` as Alexa does, with `model`'s dialog model and prompts:
    /// the first request of an intent with a dialog carries dialogState STARTED, a delegated
    /// dialog elicits and confirms what the model requires, and the skill then gets the intent
    /// COMPLETED. Without it, a delegated turn simply merges the next utterance's slots.
    pub fn with_dialog_model(mut self, model: &InteractionModel) -> Self {
        self.dialog_model = Some(model.clone());
        self
    }

    /// The user grants `scope` in the Alexa app (after a consent card): from now on
    /// requests carry it as GRANTED in `context.System.user.permissions.scopes`.
    pub fn grant(&mut self, scope: &str) {
        if !self.granted.iter().any(|s| s == scope) {
            self.granted.push(scope.to_owned());
        }
    }

    /// Delivers events that are not Alexa requests to `handler` (see [`Simulator::event`]).
    pub fn with_events(mut self, handler: crate::EventHandler) -> Self {
        self.events = Some(handler);
        self
    }

    /// Sends `event` to the skill's event handler, as EventBridge would, and returns its
    /// answer with the notifications the simulated user got while it ran (they need the
    /// local Alexa API, [`Simulator::with_alexa_api`]).
    pub async fn event(&mut self, event: serde_json::Value) -> crate::EventOutcome {
        let Some(handler) = self.events.clone() else {
            return crate::EventOutcome {
                answer: Err("this skill takes no events here".to_owned()),
                notifications: Vec::new(),
            };
        };
        let answer = handler(event).await;
        let notifications = match &self.api {
            Some(api) => api
                .log
                .take_notifications()
                .into_iter()
                .filter(|n| n.reaches(&self.user_id))
                .map(|n| n.text(&self.locale))
                .collect(),
            None => Vec::new(),
        };
        crate::EventOutcome {
            answer,
            notifications,
        }
    }

    /// True while a session is open.
    pub fn in_session(&self) -> bool {
        self.conversation.is_some()
    }

    /// True while the microphone is open for an answer.
    pub fn listening(&self) -> bool {
        self.conversation.as_ref().is_some_and(|c| c.listening)
    }

    /// The locale every request carries.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The device the simulator is.
    pub fn device(&self) -> DeviceProfile {
        self.device
    }

    /// Becomes another device. The open session, if any, is left behind without a
    /// `SessionEndedRequest`, as when a user walks to another Echo.
    pub fn set_device(&mut self, device: DeviceProfile) {
        self.device = device;
        self.conversation = None;
    }

    /// How utterances are understood.
    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }

    fn next_id(&mut self, kind: &str) -> String {
        self.counter += 1;
        format!("amzn1.echo-api.{kind}.sim-{:08}", self.counter)
    }

    fn open(&mut self) {
        // Dynamic entities last for the session that set them.
        self.resolver.clear_dynamic_entities();
        let id = self.next_id("session");
        self.conversation = Some(Conversation {
            id,
            new: true,
            attributes: None,
            listening: false,
            reprompt: None,
            silences: 0,
            dialog: None,
        });
    }

    /// The user says something.
    pub async fn say(&mut self, utterance: &str) -> Turn {
        let resolved = self.resolver.resolve(utterance, self.in_session());
        let request = match resolved {
            Resolved::NotForThisSkill => return Turn::nothing(false),
            Resolved::Launch => {
                self.open();
                Request::Launch(LaunchRequest {
                    ..Default::default()
                })
            }
            Resolved::Exit => return self.end(SessionEndedReason::UserInitiated).await,
            Resolved::Intent { intent, one_shot } => {
                if one_shot || self.conversation.is_none() {
                    self.open();
                }
                let (intent, mut dialog_state) = self.continue_dialog(intent, utterance);
                let has_dialog = self
                    .dialog_model
                    .as_ref()
                    .and_then(|m| m.dialog.as_ref())
                    .is_some_and(|d| d.intent(&intent.name).is_some());
                if dialog_state.is_none() && has_dialog {
                    dialog_state = Some(DialogState::Started);
                }
                Request::Intent(IntentRequest {
                    dialog_state,
                    intent,
                    ..Default::default()
                })
            }
        };
        self.send(request).await
    }

    /// The user stays silent: the reprompt, and after two the session ends.
    pub async fn silence(&mut self) -> Turn {
        let Some(conversation) = self.conversation.as_mut().filter(|c| c.listening) else {
            return Turn::nothing(self.in_session());
        };
        conversation.silences += 1;
        if conversation.silences >= 2 {
            return self.end(SessionEndedReason::ExceededMaxReprompts).await;
        }
        let speech = conversation.reprompt.clone().unwrap_or_default();
        Turn {
            request: None,
            response: None,
            speech,
            session_open: true,
            listening: true,
            error: None,
            progressive: Vec::new(),
        }
    }

    /// A pending dialog directive shapes this turn: the answer fills the elicited slot or
    /// confirms, and the dialog is IN_PROGRESS.
    fn continue_dialog(
        &mut self,
        resolved: Intent,
        utterance: &str,
    ) -> (Intent, Option<DialogState>) {
        let Some((directive, mut intent)) =
            self.conversation.as_mut().and_then(|c| c.dialog.take())
        else {
            return (resolved, None);
        };
        let answer = self.resolver.yes_or_no(utterance);
        let yes = resolved.name == alexa_core::builtin::YES || answer == Some(true);
        let no = resolved.name == alexa_core::builtin::NO || answer == Some(false);
        let confirmation = if yes {
            ConfirmationStatus::Confirmed
        } else {
            ConfirmationStatus::Denied
        };
        match &directive {
            Directive::DialogElicitSlot { slot_to_elicit, .. }
                if resolved.name == intent.name
                    || resolved.name == alexa_core::builtin::FALLBACK =>
            {
                let filled = resolved
                    .slot(slot_to_elicit)
                    .filter(|s| s.value.is_some())
                    .cloned();
                let slot = filled.unwrap_or_else(|| {
                    self.resolver
                        .fill_for(&intent.name, slot_to_elicit, utterance)
                });
                intent.slots.insert(slot_to_elicit.clone(), slot);
            }
            Directive::DialogConfirmSlot {
                slot_to_confirm, ..
            } if yes || no => {
                if let Some(slot) = intent.slots.get_mut(slot_to_confirm) {
                    slot.confirmation_status = confirmation;
                }
            }
            Directive::DialogConfirmIntent { .. } if yes || no => {
                intent.confirmation_status = confirmation
            }
            Directive::DialogDelegate { .. } if resolved.name == intent.name => {
                for (name, slot) in resolved.slots {
                    if slot.value.is_some() {
                        intent.slots.insert(name, slot);
                    }
                }
            }
            _ => return (resolved, None),
        }
        (intent, Some(DialogState::InProgress))
    }

    async fn end(&mut self, reason: SessionEndedReason) -> Turn {
        if self.conversation.is_none() {
            return Turn::nothing(false);
        }
        let turn = self
            .send(Request::SessionEnded(SessionEndedRequest {
                reason: Some(reason),
                ..Default::default()
            }))
            .await;
        self.conversation = None;
        Turn {
            session_open: false,
            listening: false,
            ..turn
        }
    }

    fn envelope(&mut self, mut request: Request) -> RequestEnvelope {
        let request_id = self.next_id("request");
        request.stamp(request_id, Timestamp::now(), &self.locale);
        let application = Application {
            application_id: self.skill_id.clone(),
        };
        let scopes: Map<String, serde_json::Value> = self
            .granted
            .iter()
            .map(|scope| (scope.clone(), serde_json::json!({ "status": "GRANTED" })))
            .collect();
        let user = User {
            user_id: self.user_id.clone(),
            permissions: (!scopes.is_empty())
                .then(|| alexa_core::model::Permissions {
                    scopes: Some(scopes),
                    ..Default::default()
                })
                .into(),
            ..User::default()
        };
        let session = self.conversation.as_mut().map(|c| {
            let session = Session {
                new: Some(c.new),
                session_id: Some(c.id.clone()),
                application: Some(application.clone()),
                attributes: c.attributes.clone().into(),
                user: Some(user.clone()),
            };
            c.new = false;
            session
        });
        let mut interfaces = SupportedInterfaces {
            audio_player: Some(Map::new()),
            ..Default::default()
        };
        let viewport = self.device.viewport();
        if viewport.is_some() {
            interfaces.apl = Some(PresentationInterface::echo_show());
        }
        RequestEnvelope {
            version: "1.0".into(),
            session,
            context: Box::new(Context {
                system: System {
                    application: Some(application),
                    user: Some(user),
                    device: Some(Device {
                        device_id: "amzn1.ask.device.SIMULATOR".to_owned(),
                        supported_interfaces: interfaces.into(),
                        ..Device::default()
                    }),
                    api_endpoint: Some(match &self.api {
                        Some(api) => api.endpoint.clone(),
                        None => "https://api.amazonalexa.com".to_owned(),
                    }),
                    api_access_token: Some(Secret::new(match &self.api {
                        Some(api) => api.token.as_str(),
                        None => "simulator-token",
                    })),
                    ..System::default()
                },
                viewport: viewport.into(),
                ..Context::default()
            }),
            request,
            extensions: Default::default(),
        }
    }

    /// Sends `request`; when the skill delegates the dialog and a dialog model is known,
    /// says the model's next prompt, or sends the intent COMPLETED in the same turn.
    async fn send(&mut self, mut request: Request) -> Turn {
        loop {
            let completed = matches!(&request, Request::Intent(r) if r.dialog_state == Some(DialogState::Completed));
            let mut turn = self.exchange(request).await;
            match self.follow_delegate() {
                Some(Next::Ask { speech, .. }) => {
                    turn.speech = speech;
                    turn.session_open = true;
                    turn.listening = true;
                    return turn;
                }
                Some(Next::Complete) if !completed => {
                    let Some(intent) = self
                        .conversation
                        .as_mut()
                        .and_then(|c| c.dialog.take())
                        .map(|(_, i)| i)
                    else {
                        return turn;
                    };
                    request = Request::Intent(IntentRequest {
                        dialog_state: Some(DialogState::Completed),
                        intent,
                        ..Default::default()
                    });
                }
                _ => return turn,
            }
        }
    }

    /// After a `Dialog.Delegate`, with a dialog model: the next step, with the conversation
    /// set up for it (the elicitation or confirmation pending, the prompt as the reprompt).
    fn follow_delegate(&mut self) -> Option<Next> {
        let model = self.dialog_model.as_ref()?;
        let c = self.conversation.as_mut()?;
        let Some((Directive::DialogDelegate { .. }, intent)) = &c.dialog else {
            return None;
        };
        let next = dialog::next_step(model, intent);
        if let Next::Ask { directive, speech } = &next {
            let intent = intent.clone();
            c.dialog = Some((directive.as_ref().clone(), intent));
            c.listening = true;
            c.reprompt = Some(speech.clone());
        }
        Some(next)
    }

    /// One request and its response, the conversation updated from it.
    async fn exchange(&mut self, request: Request) -> Turn {
        let envelope = self.envelope(request);
        let result = self.target.send(envelope.clone()).await;
        let progressive = match &self.api {
            Some(api) => api.log.take_for(envelope.request.request_id()),
            None => Vec::new(),
        };
        let response = match result {
            Ok(response) => response,
            Err(error) => {
                self.conversation = None;
                return Turn {
                    request: Some(envelope),
                    response: None,
                    speech: String::new(),
                    session_open: false,
                    listening: false,
                    error: Some(error),
                    progressive,
                };
            }
        };
        let body = &response.response;
        let speech = body
            .output_speech
            .as_ref()
            .map(OutputSpeech::heard)
            .unwrap_or_default();
        // true ends; false listens; absent ends the turn, and on a voice-only Echo the session.
        // A dialog directive always keeps the session and the microphone open.
        let dialog = body.directives.iter().any(|d| {
            matches!(
                d,
                Directive::DialogDelegate { .. }
                    | Directive::DialogElicitSlot { .. }
                    | Directive::DialogConfirmSlot { .. }
                    | Directive::DialogConfirmIntent { .. }
            )
        });
        for directive in &body.directives {
            if let Directive::DialogUpdateDynamicEntities {
                update_behavior,
                types,
            } = directive
            {
                self.resolver
                    .update_dynamic_entities(update_behavior.clone(), types);
            }
        }
        let ends = match body.should_end_session {
            Some(end) => end && !dialog,
            None => self.device == DeviceProfile::Echo && !dialog,
        };
        if ends {
            self.conversation = None;
        } else if let Some(c) = self.conversation.as_mut() {
            c.listening = body.should_end_session == Some(false) || dialog;
            c.silences = 0;
            c.reprompt = body
                .reprompt
                .as_ref()
                .and_then(|r| r.output_speech.as_ref())
                .map(OutputSpeech::heard);
            c.attributes = response.session_attributes.clone();
            let asked = match &envelope.request {
                Request::Intent(r) => Some(r.intent.clone()),
                _ => None,
            };
            c.dialog = body.directives.iter().find_map(|d| {
                let updated = match d {
                    Directive::DialogDelegate { updated_intent }
                    | Directive::DialogElicitSlot { updated_intent, .. }
                    | Directive::DialogConfirmSlot { updated_intent, .. }
                    | Directive::DialogConfirmIntent { updated_intent } => updated_intent.clone(),
                    _ => return None,
                };
                updated.or_else(|| asked.clone()).map(|i| (d.clone(), i))
            });
        }
        let listening = self.listening();
        Turn {
            request: Some(envelope),
            response: Some(response),
            speech,
            session_open: self.in_session(),
            listening,
            error: None,
            progressive,
        }
    }
}
