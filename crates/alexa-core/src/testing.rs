//! Test kit (feature `test-util`): build requests in a line, read responses in a line.
//!
//! ```
//! use alexa_core::testing::{TestRequest, ResponseExt};
//! use alexa_core::{builtin, Response, Skill};
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let skill = Skill::builder()
//!     .skill_id(alexa_core::testing::TEST_SKILL_ID)
//!     .skip_builtin_check()
//!     .intent(builtin::HELP, || async { Response::ask("Ask me how many.", "How many what?") })
//!     .build()
//!     .unwrap();
//! let response = skill.handle(TestRequest::intent(builtin::HELP).build()).await.unwrap();
//! assert_eq!(response.speech_text(), "Ask me how many.");
//! assert!(response.keeps_session_open());
//! # });
//! ```

use crate::model::*;
use serde_json::{Map, Value};

/// The skill ID every test request carries unless told otherwise.
pub const TEST_SKILL_ID: &str = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";

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
            version: "1.0".to_owned(),
            session: Some(Session {
                new: Some(true),
                session_id: Some("amzn1.echo-api.session.test".to_owned()),
                application: Some(application.clone()),
                attributes: None.into(),
                user: Some(user.clone()),
            }),
            context: Context {
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
            },
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

    fn authority(type_name: &str) -> String {
        format!("amzn1.er-authority.echo-sdk.{TEST_SKILL_ID}.{type_name}")
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
        self.put_slot(Slot {
            name: name.to_owned(),
            value: Some(spoken.to_owned()),
            source: Some("USER".into()),
            resolutions: Some(Resolutions {
                resolutions_per_authority: vec![Resolution {
                    authority: Self::authority(type_name),
                    status: ResolutionStatus {
                        code: ResolutionStatusCode::ErSuccessMatch,
                    },
                    values: vec![ResolutionValue {
                        value: ResolvedValue {
                            name: canonical.to_owned(),
                            id: id.to_owned(),
                        },
                    }],
                }],
            }),
            ..Slot::default()
        })
    }

    /// A custom-type slot whose value matched nothing (`ER_SUCCESS_NO_MATCH`).
    pub fn unresolved_slot(self, name: &str, spoken: &str, type_name: &str) -> Self {
        self.put_slot(Slot {
            name: name.to_owned(),
            value: Some(spoken.to_owned()),
            source: Some("USER".into()),
            resolutions: Some(Resolutions {
                resolutions_per_authority: vec![Resolution {
                    authority: Self::authority(type_name),
                    status: ResolutionStatus {
                        code: ResolutionStatusCode::ErSuccessNoMatch,
                    },
                    values: vec![],
                }],
            }),
            ..Slot::default()
        })
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

/// Reads what a user would notice from a response envelope.
pub trait ResponseExt {
    /// The speech as heard (SSML tags removed); empty when there is none.
    fn speech_text(&self) -> String;
    /// The reprompt as heard; `None` when there is none.
    fn reprompt_text(&self) -> Option<String>;
    /// The card, if any.
    fn card(&self) -> Option<&Card>;
    /// The card's title and text (Simple `content` or Standard `text`).
    fn card_text(&self) -> Option<(&str, &str)>;
    /// The directive types, in order.
    fn directive_types(&self) -> Vec<&str>;
    /// `shouldEndSession == false`: the microphone opens.
    fn keeps_session_open(&self) -> bool;
    /// `shouldEndSession == true`.
    fn ends_session(&self) -> bool;
    /// Session attributes sent back, parsed into `T`.
    fn session_attributes_as<T: serde::de::DeserializeOwned>(&self) -> Option<T>;
}

impl ResponseExt for ResponseEnvelope {
    fn speech_text(&self) -> String {
        self.response
            .output_speech
            .as_ref()
            .map(OutputSpeech::heard)
            .unwrap_or_default()
    }
    fn reprompt_text(&self) -> Option<String> {
        self.response
            .reprompt
            .as_ref()
            .and_then(|r| r.output_speech.as_ref())
            .map(OutputSpeech::heard)
    }
    fn card(&self) -> Option<&Card> {
        self.response.card.as_ref()
    }
    fn card_text(&self) -> Option<(&str, &str)> {
        match self.response.card.as_ref()? {
            Card::Simple { title, content } => Some((title, content)),
            Card::Standard { title, text, .. } => Some((title, text)),
            _ => None,
        }
    }
    fn directive_types(&self) -> Vec<&str> {
        self.response
            .directives
            .iter()
            .map(Directive::type_name)
            .collect()
    }
    fn keeps_session_open(&self) -> bool {
        self.response.should_end_session == Some(false)
    }
    fn ends_session(&self) -> bool {
        self.response.should_end_session == Some(true)
    }
    fn session_attributes_as<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        let map = self.session_attributes.clone()?;
        serde_json::from_value(Value::Object(map)).ok()
    }
}

/// Checks that an [`AttributeStore`](crate::persist::AttributeStore) keeps the contract the
/// persistence layer relies on: absent records read as `None`, the first write needs "no
/// record yet", each later write the version last read, and a stale version is a
/// [`Conflict`](crate::persist::StoreError::Conflict) that leaves the record as it was.
/// Every store crate runs it against its own store; `prefix` keeps runs apart in a shared
/// table. Panics, naming the broken rule.
pub async fn check_store_contract(store: &dyn crate::persist::AttributeStore, prefix: &str) {
    use crate::persist::StoreError;
    let key = format!("{prefix}user/contract");
    let mut first = Map::new();
    first.insert("visits".into(), serde_json::json!({"count": 1}));
    let mut second = first.clone();
    second.insert("visits".into(), serde_json::json!({"count": 2}));

    assert_eq!(
        store.load(&key).await.expect("load"),
        None,
        "a new key reads as None"
    );
    let v1 = store.save(&key, &first, None).await.expect("first write");
    assert!(
        matches!(
            store.save(&key, &second, None).await,
            Err(StoreError::Conflict)
        ),
        "a second \"no record yet\" write must conflict"
    );
    let read = store.load(&key).await.expect("load").expect("record");
    assert_eq!((read.attributes.clone(), read.version), (first.clone(), v1));
    let v2 = store
        .save(&key, &second, Some(v1))
        .await
        .expect("write at the read version");
    assert!(v2 > v1, "versions grow: {v1} then {v2}");
    assert!(
        matches!(
            store.save(&key, &first, Some(v1)).await,
            Err(StoreError::Conflict)
        ),
        "a write at a stale version must conflict"
    );
    let read = store.load(&key).await.expect("load").expect("record");
    assert_eq!(
        (read.attributes, read.version),
        (second, v2),
        "a conflict changes nothing"
    );
    let other = format!("{prefix}user/someone-else");
    assert_eq!(
        store.load(&other).await.expect("load"),
        None,
        "keys are separate"
    );
}
