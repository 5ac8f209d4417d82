//! The `request` member: one enum over every request type, with a home for unknown ones.

use super::interfaces::*;
use super::replay::{until_type, Held, Replay};
use super::standard::*;
use super::{Intent, Timestamp};
use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use std::fmt;

/// What happened this turn, by request `type`.
///
/// Types this crate does not know land in [`Request::Other`] with their type name and raw
/// JSON, so a new Alexa event is answered instead of failing the parse. Handlers can still be
/// routed to them by name.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub enum Request {
    Launch(LaunchRequest),
    Intent(IntentRequest),
    SessionEnded(SessionEndedRequest),
    CanFulfillIntent(CanFulfillIntentRequest),
    AudioPlayer(AudioPlayerRequest),
    PlaybackController(PlaybackControllerRequest),
    SystemException(SystemExceptionRequest),
    DisplayElementSelected(DisplayElementSelectedRequest),
    AplUserEvent(AplUserEventRequest),
    AplLoadIndexListData(AplLoadIndexListDataRequest),
    AplLoadTokenListData(AplLoadTokenListDataRequest),
    AplRuntimeError(AplRuntimeErrorRequest),
    ConnectionsResponse(ConnectionsResponseRequest),
    ConnectionsRequest(ConnectionsRequestRequest),
    SessionResumed(SessionResumedRequestData),
    DialogApiInvoked(DialogApiInvokedRequest),
    DialogInput(DialogInputRequest),
    CustomInterface(CustomInterfaceRequest),
    MessageReceived(MessageReceivedRequest),
    AuthorizationGrant(AuthorizationGrantRequest),
    SkillEvent(SkillEventRequest),
    AplaRuntimeError(AplaRuntimeErrorRequest),
    ApltUserEvent(ApltUserEventRequest),
    HtmlMessage(HtmlMessageRequest),
    HtmlRuntimeError(HtmlRuntimeErrorRequest),
    AdCompleted(AdCompletedRequest),
    AdNotRendered(AdNotRenderedRequest),
    ReadyToEnqueueAudio(ReadyToEnqueueAudioRequest),
    DataStoreError(DataStoreErrorRequest),
    PackageManager(PackageManagerRequest),
    GameEngineInputHandlerEvent(GameEngineInputHandlerEventRequest),
    /// A request type this crate does not know yet.
    Other(OtherRequest),
}

/// A request of a type this crate does not model: its name and its JSON, `type` included.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherRequest {
    /// The `type` field, e.g. `Alexa.Presentation.APLA.RuntimeError`.
    pub type_name: String,
    /// The whole request object as received.
    pub raw: Map<String, Value>,
}

impl OtherRequest {
    fn str_field(&self, name: &str) -> Option<&str> {
        self.raw.get(name).and_then(Value::as_str)
    }
}

/// Calls `$body` with `$r` bound to the inner struct of every typed variant.
macro_rules! each_typed {
    ($self:expr, $r:ident => $body:expr, $other:ident => $other_body:expr) => {
        match $self {
            Request::Launch($r) => $body,
            Request::Intent($r) => $body,
            Request::SessionEnded($r) => $body,
            Request::CanFulfillIntent($r) => $body,
            Request::AudioPlayer($r) => $body,
            Request::PlaybackController($r) => $body,
            Request::SystemException($r) => $body,
            Request::DisplayElementSelected($r) => $body,
            Request::AplUserEvent($r) => $body,
            Request::AplLoadIndexListData($r) => $body,
            Request::AplLoadTokenListData($r) => $body,
            Request::AplRuntimeError($r) => $body,
            Request::ConnectionsResponse($r) => $body,
            Request::ConnectionsRequest($r) => $body,
            Request::SessionResumed($r) => $body,
            Request::DialogApiInvoked($r) => $body,
            Request::DialogInput($r) => $body,
            Request::CustomInterface($r) => $body,
            Request::MessageReceived($r) => $body,
            Request::AuthorizationGrant($r) => $body,
            Request::SkillEvent($r) => $body,
            Request::AplaRuntimeError($r) => $body,
            Request::ApltUserEvent($r) => $body,
            Request::HtmlMessage($r) => $body,
            Request::HtmlRuntimeError($r) => $body,
            Request::AdCompleted($r) => $body,
            Request::AdNotRendered($r) => $body,
            Request::ReadyToEnqueueAudio($r) => $body,
            Request::DataStoreError($r) => $body,
            Request::PackageManager($r) => $body,
            Request::GameEngineInputHandlerEvent($r) => $body,
            Request::Other($other) => $other_body,
        }
    };
}

impl Request {
    /// The wire `type`, e.g. `IntentRequest` or `AudioPlayer.PlaybackStarted`.
    pub fn type_name(&self) -> &str {
        match self {
            Request::Launch(_) => "LaunchRequest",
            Request::Intent(_) => "IntentRequest",
            Request::SessionEnded(_) => "SessionEndedRequest",
            Request::CanFulfillIntent(_) => "CanFulfillIntentRequest",
            Request::AudioPlayer(r) => r.event.type_name(),
            Request::PlaybackController(r) => r.command.type_name(),
            Request::SystemException(_) => "System.ExceptionEncountered",
            Request::DisplayElementSelected(_) => "Display.ElementSelected",
            Request::AplUserEvent(_) => "Alexa.Presentation.APL.UserEvent",
            Request::AplLoadIndexListData(_) => "Alexa.Presentation.APL.LoadIndexListData",
            Request::AplLoadTokenListData(_) => "Alexa.Presentation.APL.LoadTokenListData",
            Request::AplRuntimeError(_) => "Alexa.Presentation.APL.RuntimeError",
            Request::ConnectionsResponse(_) => "Connections.Response",
            Request::ConnectionsRequest(_) => "Connections.Request",
            Request::SessionResumed(_) => "SessionResumedRequest",
            Request::DialogApiInvoked(_) => "Dialog.API.Invoked",
            Request::DialogInput(_) => "Dialog.InputRequest",
            Request::CustomInterface(r) => &r.event,
            Request::MessageReceived(_) => "Messaging.MessageReceived",
            Request::AuthorizationGrant(_) => "Alexa.Authorization.Grant",
            Request::SkillEvent(r) => &r.event,
            Request::AplaRuntimeError(_) => "Alexa.Presentation.APLA.RuntimeError",
            Request::ApltUserEvent(_) => "Alexa.Presentation.APLT.UserEvent",
            Request::HtmlMessage(_) => "Alexa.Presentation.HTML.Message",
            Request::HtmlRuntimeError(_) => "Alexa.Presentation.HTML.RuntimeError",
            Request::AdCompleted(_) => "Alexa.Advertisement.AdCompleted",
            Request::AdNotRendered(_) => "Alexa.Advertisement.AdNotRendered",
            Request::ReadyToEnqueueAudio(_) => "Alexa.Advertisement.ReadyToEnqueueAudio",
            Request::DataStoreError(_) => "Alexa.DataStore.Error",
            Request::PackageManager(r) => &r.event,
            Request::GameEngineInputHandlerEvent(_) => "GameEngine.InputHandlerEvent",
            Request::Other(r) => &r.type_name,
        }
    }

    /// The request id (empty when a test tool left it out).
    pub fn request_id(&self) -> &str {
        each_typed!(self, r => &r.request_id, o => o.str_field("requestId").unwrap_or(""))
    }

    /// The request's locale, e.g. `de-DE`.
    pub fn locale(&self) -> Option<&str> {
        each_typed!(self, r => r.locale.as_deref(), o => o.str_field("locale"))
    }

    /// When Alexa sent the request.
    pub fn timestamp(&self) -> Option<Timestamp> {
        each_typed!(self, r => r.timestamp, o => o.raw.get("timestamp")
            .and_then(|t| Timestamp::deserialize(t).ok()))
    }

    /// Sets the fields every request carries: id, timestamp and locale. For tools that build
    /// requests (the test kit, the simulator).
    pub fn stamp(&mut self, request_id: String, timestamp: Timestamp, locale: &str) {
        each_typed!(self, r => {
            (r.request_id, r.timestamp, r.locale) = (request_id, Some(timestamp), Some(locale.to_owned()));
        }, o => {
            o.raw.insert("requestId".into(), Value::String(request_id));
            o.raw.insert("timestamp".into(), Value::String(timestamp.to_string()));
            o.raw.insert("locale".into(), Value::String(locale.to_owned()));
        })
    }

    /// The intent of an `IntentRequest` or `CanFulfillIntentRequest`.
    pub fn intent(&self) -> Option<&Intent> {
        match self {
            Request::Intent(r) => Some(&r.intent),
            Request::CanFulfillIntent(r) => Some(&r.intent),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Request {
    /// One pass: keys are read until `type`, then the rest of the same map is handed to
    /// the typed struct. Alexa sends `type` first, so nothing is held; members that come
    /// before it (other tools) are held and replayed in front (see `model/replay.rs`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut request = Request::unread();
        Self::deserialize_in_place(deserializer, &mut request)?;
        Ok(request)
    }

    /// The same, writing the request where it lives: the standard request types are filled
    /// field by field in `place` rather than built elsewhere and moved in.
    fn deserialize_in_place<D: Deserializer<'de>>(
        deserializer: D,
        place: &mut Self,
    ) -> Result<(), D::Error> {
        deserializer.deserialize_map(RequestVisitor(place))
    }
}

impl Request {
    /// A placeholder for a request about to be read in place: no type, no fields.
    pub(crate) fn unread() -> Self {
        Request::Other(OtherRequest {
            type_name: String::new(),
            raw: Map::new(),
        })
    }
}

struct RequestVisitor<'a>(&'a mut Request);

impl<'de> Visitor<'de> for RequestVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an Alexa request object with a `type`")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let mut held = Held::new();
        let (kind, rest) = until_type(map, &mut held)?;
        typed_into(kind.as_str(), rest, self.0)
    }
}

/// Reads a request's fields as one of the typed structs. The one-pass reader does it from
/// the live map; the lenient reader from a JSON value, with the path of a failing field.
pub(crate) trait ParseAs<'de> {
    /// What a failed read gives.
    type Error;
    /// Reads the fields as `T`.
    fn parse<T: Deserialize<'de>>(self) -> Result<T, Self::Error>;
}

impl<'de, A: MapAccess<'de>> ParseAs<'de> for Replay<'_, 'de, A> {
    type Error = A::Error;
    fn parse<T: Deserialize<'de>>(self) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(self))
    }
}

impl<'de, A: MapAccess<'de>> Replay<'_, 'de, A> {
    /// Reads the fields into `place`, field by field.
    fn parse_into<T: Deserialize<'de>>(self, place: &mut T) -> Result<(), A::Error> {
        T::deserialize_in_place(MapAccessDeserializer::new(self), place)
    }
}

/// Makes `place` the `$variant` request with default fields and reads `$rest` into them.
macro_rules! read_variant {
    ($place:ident, $rest:ident, $variant:ident) => {{
        *$place = Request::$variant(Default::default());
        match $place {
            Request::$variant(inner) => $rest.parse_into(inner),
            _ => Ok(()),
        }
    }};
}

/// [`typed`], writing the request into `place`: the four standard types (nearly every
/// request a skill answers) field by field, the rest built and moved in.
fn typed_into<'de, A: MapAccess<'de>>(
    kind: &str,
    rest: Replay<'_, 'de, A>,
    place: &mut Request,
) -> Result<(), A::Error> {
    match kind {
        "LaunchRequest" => read_variant!(place, rest, Launch),
        "IntentRequest" => read_variant!(place, rest, Intent),
        "SessionEndedRequest" => read_variant!(place, rest, SessionEnded),
        "CanFulfillIntentRequest" => read_variant!(place, rest, CanFulfillIntent),
        _ => {
            *place = typed(kind, rest)?;
            Ok(())
        }
    }
}

/// The request of type `kind`, its fields read by `rest`.
pub(crate) fn typed<'de, P: ParseAs<'de>>(kind: &str, rest: P) -> Result<Request, P::Error> {
    Ok(match kind {
        "LaunchRequest" => Request::Launch(rest.parse()?),
        "IntentRequest" => Request::Intent(rest.parse()?),
        "SessionEndedRequest" => Request::SessionEnded(rest.parse()?),
        "CanFulfillIntentRequest" => Request::CanFulfillIntent(rest.parse()?),
        "System.ExceptionEncountered" => Request::SystemException(rest.parse()?),
        "Display.ElementSelected" => Request::DisplayElementSelected(rest.parse()?),
        "Alexa.Presentation.APL.UserEvent" => Request::AplUserEvent(rest.parse()?),
        "Alexa.Presentation.APL.LoadIndexListData" => Request::AplLoadIndexListData(rest.parse()?),
        "Alexa.Presentation.APL.LoadTokenListData" => Request::AplLoadTokenListData(rest.parse()?),
        "Alexa.Presentation.APL.RuntimeError" => Request::AplRuntimeError(rest.parse()?),
        "Connections.Response" => Request::ConnectionsResponse(rest.parse()?),
        "Connections.Request" => Request::ConnectionsRequest(rest.parse()?),
        "SessionResumedRequest" => Request::SessionResumed(rest.parse()?),
        "Dialog.API.Invoked" => Request::DialogApiInvoked(rest.parse()?),
        "Dialog.InputRequest" => Request::DialogInput(rest.parse()?),
        "Messaging.MessageReceived" => Request::MessageReceived(rest.parse()?),
        "Alexa.Authorization.Grant" => Request::AuthorizationGrant(rest.parse()?),
        "Alexa.Presentation.APLA.RuntimeError" => Request::AplaRuntimeError(rest.parse()?),
        "Alexa.Presentation.APLT.UserEvent" => Request::ApltUserEvent(rest.parse()?),
        "Alexa.Presentation.HTML.Message" => Request::HtmlMessage(rest.parse()?),
        "Alexa.Presentation.HTML.RuntimeError" => Request::HtmlRuntimeError(rest.parse()?),
        "Alexa.Advertisement.AdCompleted" => Request::AdCompleted(rest.parse()?),
        "Alexa.Advertisement.AdNotRendered" => Request::AdNotRendered(rest.parse()?),
        "Alexa.Advertisement.ReadyToEnqueueAudio" => Request::ReadyToEnqueueAudio(rest.parse()?),
        "Alexa.DataStore.Error" => Request::DataStoreError(rest.parse()?),
        "GameEngine.InputHandlerEvent" => Request::GameEngineInputHandlerEvent(rest.parse()?),
        _ => {
            if let Some(event) = AudioPlayerEvent::from_type_name(kind) {
                let mut r: AudioPlayerRequest = rest.parse()?;
                r.event = event;
                Request::AudioPlayer(r)
            } else if let Some(command) = PlaybackCommand::from_type_name(kind) {
                let mut r: PlaybackControllerRequest = rest.parse()?;
                r.command = command;
                Request::PlaybackController(r)
            } else if kind.starts_with("CustomInterfaceController.") {
                let mut r: CustomInterfaceRequest = rest.parse()?;
                r.event = kind.to_owned();
                Request::CustomInterface(r)
            } else if kind.starts_with("Alexa.DataStore.PackageManager.") {
                let mut r: PackageManagerRequest = rest.parse()?;
                r.event = kind.to_owned();
                Request::PackageManager(r)
            } else if ["AlexaSkillEvent.", "Reminders.", "AlexaHouseholdListEvent."]
                .iter()
                .any(|p| kind.starts_with(p))
            {
                let mut r: SkillEventRequest = rest.parse()?;
                r.event = kind.to_owned();
                Request::SkillEvent(r)
            } else {
                let mut raw: Map<String, Value> = rest.parse()?;
                raw.insert("type".to_owned(), Value::String(kind.to_owned()));
                Request::Other(OtherRequest {
                    type_name: kind.to_owned(),
                    raw,
                })
            }
        }
    })
}

impl Serialize for Request {
    /// Writes the inner struct's fields with `type` in front. Requests are serialised only by
    /// tests and the simulator, so going through a `Value` here costs nothing that matters.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error as _;
        let value = each_typed!(self, r => serde_json::to_value(r),
            o => Ok(Value::Object(o.raw.clone())))
        .map_err(S::Error::custom)?;
        let Value::Object(mut map) = value else {
            return Err(S::Error::custom("request did not serialise to an object"));
        };
        let mut out = Map::with_capacity(map.len() + 1);
        out.insert("type".into(), Value::String(self.type_name().to_owned()));
        out.extend(std::mem::take(&mut map));
        out.serialize(serializer)
    }
}
