//! [`TestRequest`]: a request envelope built in a line, as Alexa would send it.

use super::TEST_SKILL_ID;
use crate::model::*;
use serde_json::{Map, Value};

/// Builds a request envelope with realistic defaults: en-US, a session, a voice-only Echo
/// device, `apiEndpoint` and a token, a request id and the current time.
#[derive(Debug, Clone)]
pub struct TestRequest {
    envelope: RequestEnvelope,
}

impl TestRequest {
    fn with(request: Request) -> Self {
        let application = Application {
            application_id: TEST_SKILL_ID.to_owned(),
        };
        let user = User {
            user_id: "amzn1.ask.account.TESTUSER".to_owned(),
            ..User::default()
        };
        let envelope = RequestEnvelope {
            version: "1.0".into(),
            session: Some(Session {
                new: Some(true),
                session_id: Some("amzn1.echo-api.session.test".to_owned()),
                application: Some(application.clone()),
                attributes: None.into(),
                user: Some(user.clone()),
            }),
            context: Box::new(Context {
                system: System {
                    application: Some(application),
                    user: Some(user),
                    device: Some(Device {
                        device_id: "amzn1.ask.device.TESTDEVICE".to_owned(),
                        ..Device::default()
                    }),
                    api_endpoint: Some("https://api.amazonalexa.com".to_owned()),
                    api_access_token: Some(Secret::new("test-token")),
                    ..System::default()
                },
                ..Context::default()
            }),
            request,
            extensions: Default::default(),
        };
        Self { envelope }
    }

    /// Any request (an AudioPlayer event, a skill event, a type this crate does not know),
    /// with the same envelope as the others.
    ///
    /// ```
    /// use alexa_core::model::Request;
    /// use alexa_core::testing::TestRequest;
    /// let event: Request = serde_json::from_value(serde_json::json!(
    ///     {"type": "AudioPlayer.PlaybackStarted", "token": "t", "offsetInMilliseconds": 0})).unwrap();
    /// let envelope = TestRequest::of(event).build();
    /// assert_eq!(envelope.request.type_name(), "AudioPlayer.PlaybackStarted");
    /// ```
    pub fn of(request: Request) -> Self {
        Self::with(request).common()
    }

    /// A `LaunchRequest`.
    pub fn launch() -> Self {
        Self::with(Request::Launch(LaunchRequest::default())).common()
    }

    /// An `IntentRequest` for `name`, no slots.
    pub fn intent(name: &str) -> Self {
        Self::with(Request::Intent(IntentRequest {
            intent: Intent {
                name: name.to_owned(),
                ..Intent::default()
            },
            ..IntentRequest::default()
        }))
        .common()
        .continuing()
    }

    /// A `CanFulfillIntentRequest` for `name` (outside a session, as Alexa sends it).
    pub fn can_fulfill(name: &str) -> Self {
        let mut req = Self::with(Request::CanFulfillIntent(CanFulfillIntentRequest {
            intent: Intent {
                name: name.to_owned(),
                ..Intent::default()
            },
            ..CanFulfillIntentRequest::default()
        }))
        .common();
        req.envelope.session = None;
        req
    }

    /// A `SessionEndedRequest` with this reason.
    pub fn session_ended(reason: SessionEndedReason) -> Self {
        Self::with(Request::SessionEnded(SessionEndedRequest {
            reason: Some(reason),
            ..SessionEndedRequest::default()
        }))
        .common()
        .continuing()
    }

    /// A request of any type from its JSON body (`type` included).
    pub fn other(request: Value) -> Self {
        let request = serde_json::from_value(request).unwrap_or_else(|_| {
            Request::Other(OtherRequest {
                type_name: "Unknown".to_owned(),
                raw: Map::new(),
            })
        });
        Self::with(request)
    }

    fn common(mut self) -> Self {
        let id = "amzn1.echo-api.request.test".to_owned();
        self.envelope.request.stamp(id, Timestamp::now(), "en-US");
        self
    }

    fn continuing(mut self) -> Self {
        if let Some(session) = &mut self.envelope.session {
            session.new = Some(false);
        }
        self
    }

    fn intent_mut(&mut self) -> Option<&mut Intent> {
        match &mut self.envelope.request {
            Request::Intent(r) => Some(&mut r.intent),
            Request::CanFulfillIntent(r) => Some(&mut r.intent),
            _ => None,
        }
    }

    fn put_slot(mut self, slot: Slot) -> Self {
        if let Some(intent) = self.intent_mut() {
            intent.slots.insert(slot.name.clone(), slot);
        }
        self
    }

    /// A slot with a spoken value and no entity resolution (built-in types).
    pub fn slot(self, name: &str, value: &str) -> Self {
        self.put_slot(Slot {
            name: name.to_owned(),
            value: Some(value.to_owned()),
            source: Some("USER".into()),
            ..Slot::default()
        })
    }

    /// A declared slot the user did not fill.
    pub fn empty_slot(self, name: &str) -> Self {
        self.put_slot(Slot {
            name: name.to_owned(),
            ..Slot::default()
        })
    }

    /// A slot the user spoke, with one entity-resolution result for the skill's `type_name`.
    fn spoken_slot(
        name: &str,
        spoken: &str,
        type_name: &str,
        code: ResolutionStatusCode,
        values: Vec<ResolutionValue>,
    ) -> Slot {
        Slot {
            name: name.to_owned(),
            value: Some(spoken.to_owned()),
            source: Some("USER".into()),
            resolutions: Some(Resolutions {
                resolutions_per_authority: vec![Resolution {
                    authority: format!("amzn1.er-authority.echo-sdk.{TEST_SKILL_ID}.{type_name}"),
                    status: ResolutionStatus { code },
                    values,
                }],
            }),
            ..Slot::default()
        }
    }

    /// A custom-type slot that entity resolution matched to `id` / `name`.
    pub fn resolved_slot(
        self,
        name: &str,
        spoken: &str,
        type_name: &str,
        id: &str,
        canonical: &str,
    ) -> Self {
        let matched = ResolutionValue {
            value: ResolvedValue {
                name: canonical.to_owned(),
                id: id.to_owned(),
            },
        };
        let code = ResolutionStatusCode::ErSuccessMatch;
        self.put_slot(Self::spoken_slot(
            name,
            spoken,
            type_name,
            code,
            vec![matched],
        ))
    }

    /// A custom-type slot whose value matched nothing (`ER_SUCCESS_NO_MATCH`).
    pub fn unresolved_slot(self, name: &str, spoken: &str, type_name: &str) -> Self {
        let code = ResolutionStatusCode::ErSuccessNoMatch;
        self.put_slot(Self::spoken_slot(name, spoken, type_name, code, vec![]))
    }

    /// A multi-value slot.
    pub fn list_slot(self, name: &str, values: &[&str]) -> Self {
        self.put_slot(Slot {
            name: name.to_owned(),
            slot_value: Some(SlotValue::List {
                values: values
                    .iter()
                    .map(|v| SlotValue::Simple {
                        value: Some((*v).to_owned()),
                        resolutions: None,
                    })
                    .collect(),
            }),
            ..Slot::default()
        })
    }

    /// Sets the dialog state of an intent request.
    pub fn dialog_state(mut self, state: DialogState) -> Self {
        match &mut self.envelope.request {
            Request::Intent(r) => r.dialog_state = Some(state),
            Request::CanFulfillIntent(r) => r.dialog_state = Some(state),
            _ => {}
        }
        self
    }

    /// Sets the intent's confirmation status.
    pub fn confirmation(mut self, status: ConfirmationStatus) -> Self {
        if let Some(intent) = self.intent_mut() {
            intent.confirmation_status = status;
        }
        self
    }

    /// Sets session attributes (any serialisable object).
    pub fn session_attributes(mut self, attributes: Value) -> Self {
        if let (Some(session), Value::Object(map)) = (&mut self.envelope.session, attributes) {
            session.attributes = Some(map).into();
            session.new = Some(false);
        }
        self
    }

    /// Sets the locale.
    pub fn locale(mut self, locale: &str) -> Self {
        match &mut self.envelope.request {
            Request::Launch(r) => r.locale = Some(locale.into()),
            Request::Intent(r) => r.locale = Some(locale.into()),
            Request::SessionEnded(r) => r.locale = Some(locale.into()),
            Request::CanFulfillIntent(r) => r.locale = Some(locale.into()),
            _ => {}
        }
        self
    }

    /// Addresses the request to another skill.
    pub fn skill_id(mut self, id: &str) -> Self {
        if let Some(app) = &mut self.envelope.context.system.application {
            app.application_id = id.to_owned();
        }
        if let Some(app) = self
            .envelope
            .session
            .as_mut()
            .and_then(|s| s.application.as_mut())
        {
            app.application_id = id.to_owned();
        }
        self
    }

    /// Makes the request come from another user (the Amazon account), e.g. to check that
    /// one user never sees another's persistent attributes.
    pub fn user(mut self, user_id: &str) -> Self {
        let user = User {
            user_id: user_id.to_owned(),
            ..User::default()
        };
        if let Some(session) = &mut self.envelope.session {
            session.user = Some(user.clone());
        }
        self.envelope.context.system.user = Some(user);
        self
    }

    /// Sets the request's timestamp (RFC 3339, e.g. `2026-11-26T13:05:00Z`), for answers
    /// that depend on when they were asked. Panics on a malformed timestamp: a bug in the test.
    pub fn at(mut self, timestamp: &str) -> Self {
        let stamp: Timestamp = serde_json::from_value(Value::String(timestamp.to_owned()))
            .unwrap_or_else(|e| panic!("{timestamp:?} is not an RFC 3339 timestamp: {e}"));
        let id = self.envelope.request.request_id().to_owned();
        let locale = self.envelope.request.locale().unwrap_or("en-US").to_owned();
        self.envelope.request.stamp(id, stamp, &locale);
        self
    }

    /// Points the request's `apiEndpoint` and `apiAccessToken` at a local stand-in.
    pub fn alexa_api(mut self, endpoint: &str, token: &str) -> Self {
        self.envelope.context.system.api_endpoint = Some(endpoint.to_owned());
        self.envelope.context.system.api_access_token = Some(Secret::new(token));
        self
    }

    /// Marks the speaker as a recognised person (a voice profile).
    pub fn person(mut self, person_id: &str) -> Self {
        self.envelope.context.system.person = Some(Person {
            person_id: person_id.to_owned(),
            access_token: None,
        });
        self
    }

    /// Makes the device an Echo Show: APL support and a 1280x800 hub viewport.
    pub fn screen_device(mut self) -> Self {
        if let Some(device) = &mut self.envelope.context.system.device {
            device.supported_interfaces.apl = Some(PresentationInterface::echo_show());
        }
        self.envelope.context.viewport = Some(Viewport::echo_show()).into();
        self
    }

    /// The envelope.
    pub fn build(self) -> RequestEnvelope {
        self.envelope
    }
}
