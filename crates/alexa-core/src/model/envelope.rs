//! The outer request envelope and the session.

use super::{Context, Lazy, Request, Secret};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Everything Alexa sends for one turn: `{ version, session?, context, request }`.
///
/// Parsing is tolerant: unknown fields are ignored, fields that real requests sometimes omit
/// are optional, and a request type this crate does not know is kept as raw JSON.
///
/// ```
/// use alexa_core::model::{Request, RequestEnvelope};
/// let json = r#"{"version":"1.0","context":{"System":{"application":{"applicationId":"amzn1.ask.skill.1"}}},
///   "request":{"type":"LaunchRequest","requestId":"r1","timestamp":"2026-11-25T18:00:00Z","locale":"en-US"}}"#;
/// let envelope: RequestEnvelope = serde_json::from_str(json).unwrap();
/// assert!(matches!(envelope.request, Request::Launch(_)));
/// assert_eq!(envelope.application_id(), Some("amzn1.ask.skill.1"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestEnvelope {
    /// Protocol version, `"1.0"` (see [`ProtocolVersion`]).
    #[serde(default = "default_version", deserialize_with = "read_version")]
    pub version: ProtocolVersion,
    /// Present only while a session is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    /// The device, user and interface state. Boxed, and read straight into its box: the
    /// context is most of the envelope's size, and each move of it on the way from the
    /// reader to the handler was a copy of that size.
    #[serde(default, deserialize_with = "context_in_box")]
    pub context: Box<Context>,
    /// What happened: launch, intent, session end, or an interface event.
    pub request: Request,
    /// Values the skill's layers attach for extractors; never on the wire.
    #[serde(skip)]
    pub extensions: crate::extensions::Extensions,
}

/// Reads the context into a box made first, field by field, rather than building it on the
/// stack and moving it in.
fn context_in_box<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Box<Context>, D::Error> {
    let mut context = Box::<Context>::default();
    Context::deserialize_in_place(deserializer, &mut context)?;
    Ok(context)
}

/// The envelope's `version`. Every request and response Alexa knows says `"1.0"`, which is
/// held as a `&'static str` and costs no allocation (two per turn, 1.6 % of a session end's
/// whole path, when it was a `String`); any other value is kept as it came. It reads as a
/// `&str` and compares with one.
///
/// ```
/// use alexa_core::model::RequestEnvelope;
/// let body = br#"{"version": "1.0", "request": {"type": "LaunchRequest", "requestId": "r"}}"#;
/// let envelope = RequestEnvelope::from_slice_lenient(body).unwrap().envelope;
/// assert_eq!(envelope.version, "1.0");
/// assert!(matches!(envelope.version, std::borrow::Cow::Borrowed(_)));
/// let newer = br#"{"version": "1.1", "request": {"type": "LaunchRequest", "requestId": "r"}}"#;
/// let envelope = RequestEnvelope::from_slice_lenient(newer).unwrap().envelope;
/// assert_eq!(serde_json::to_value(&envelope).unwrap()["version"], "1.1");
/// ```
pub type ProtocolVersion = Cow<'static, str>;

/// The version Alexa's envelopes carry.
const VERSION_1_0: &str = "1.0";

pub(crate) fn default_version() -> ProtocolVersion {
    Cow::Borrowed(VERSION_1_0)
}

/// Reads `version` as a [`ProtocolVersion`]: `"1.0"` borrowed from a constant.
pub(crate) fn read_version<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<ProtocolVersion, D::Error> {
    struct VersionVisitor;
    impl serde::de::Visitor<'_> for VersionVisitor {
        type Value = ProtocolVersion;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<ProtocolVersion, E> {
            Ok(match text {
                VERSION_1_0 => default_version(),
                other => Cow::Owned(other.to_owned()),
            })
        }
    }
    deserializer.deserialize_str(VersionVisitor)
}

/// [`read_version`] as a seed, for the in-place reader.
pub(crate) struct VersionSeed;

impl<'de> serde::de::DeserializeSeed<'de> for VersionSeed {
    type Value = ProtocolVersion;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<ProtocolVersion, D::Error> {
        read_version(d)
    }
}

impl RequestEnvelope {
    /// The skill ID the request is addressed to: `context.System.application`, falling back to
    /// `session.application` (older captures carry only the latter).
    pub fn application_id(&self) -> Option<&str> {
        self.context
            .system
            .application
            .as_ref()
            .map(|a| a.application_id.as_str())
            .filter(|id| !id.is_empty())
            .or_else(|| {
                self.session
                    .as_ref()
                    .and_then(|s| s.application.as_ref())
                    .map(|a| a.application_id.as_str())
                    .filter(|id| !id.is_empty())
            })
    }

    /// The request's locale, e.g. `en-US`, if it has one.
    pub fn locale(&self) -> Option<&str> {
        self.request.locale()
    }

    /// Types every member kept as JSON ([`Lazy`]) now, as a handler reading all of them
    /// would, and returns the fields left out of them, `path: why` (a member that does not
    /// fit at all reads as absent).
    ///
    /// ```
    /// use alexa_core::model::RequestEnvelope;
    /// let body = br#"{"version": "1.0", "context": {"Viewport": {"pixelWidth": "wide"}},
    ///     "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-US"}}"#;
    /// let envelope = RequestEnvelope::from_slice_lenient(body).unwrap().envelope;
    /// let dropped = envelope.read_every_member();
    /// assert!(dropped[0].starts_with("context.Viewport.pixelWidth: invalid type"), "{dropped:?}");
    /// assert!(envelope.context.viewport.is_read());
    /// ```
    pub fn read_every_member(&self) -> Vec<String> {
        let mut dropped = Vec::new();
        let c = &self.context;
        read_member("context.AudioPlayer", &c.audio_player, &mut dropped);
        read_member("context.Display", &c.display, &mut dropped);
        read_member("context.Viewport", &c.viewport, &mut dropped);
        read_member("context.Viewports", &c.viewports, &mut dropped);
        read_member("context.Alexa.Presentation.APL", &c.apl, &mut dropped);
        read_member("context.Geolocation", &c.geolocation, &mut dropped);
        read_member("context.Extensions", &c.extensions, &mut dropped);
        read_member("context.Advertising", &c.advertising, &mut dropped);
        read_member("context.Alexa.Presentation", &c.presentation, &mut dropped);
        read_member("context.Automotive", &c.automotive, &mut dropped);
        read_member("context.AppLink", &c.app_link, &mut dropped);
        read_member("context.Experimentation", &c.experimentation, &mut dropped);
        let package_manager = "context.Alexa.DataStore.PackageManager";
        read_member(package_manager, &c.package_manager, &mut dropped);
        if let Some(device) = &c.system.device {
            let path = "context.System.device.supportedInterfaces";
            read_member(path, &device.supported_interfaces, &mut dropped);
        }
        if let Some(user) = &c.system.user {
            let path = "context.System.user.permissions";
            read_member(path, &user.permissions, &mut dropped);
        }
        if let Some(session) = &self.session {
            read_member("session.attributes", &session.attributes, &mut dropped);
            if let Some(user) = &session.user {
                read_member("session.user.permissions", &user.permissions, &mut dropped);
            }
        }
        dropped
    }

    /// The session attributes sent with this request (empty outside a session).
    pub fn session_attributes(&self) -> Option<&Map<String, Value>> {
        self.session
            .as_ref()
            .and_then(|s| s.attributes.get().as_ref())
    }
}

/// The session block: present while the skill holds a conversation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// True on the first request of a session. Some captures omit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<bool>,
    /// The session id. Some captures omit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// The skill the session belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<Application>,
    /// What the skill asked Alexa to remember on its previous response; kept as JSON until
    /// read (`SessionAttrs<T>` reads it straight into `T`).
    #[serde(default, skip_serializing_if = "Lazy::is_none")]
    pub attributes: Lazy<Option<Map<String, Value>>>,
    /// The Amazon account using the skill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
}

/// Identifies the skill.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// `amzn1.ask.skill.<uuid>`.
    #[serde(default)]
    pub application_id: String,
}

/// The Amazon account that enabled the skill.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// A stable, skill-specific user id.
    #[serde(default)]
    pub user_id: String,
    /// The account-linking token, when the account is linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<Secret>,
    /// Permissions the user granted. [`Lazy`]: kept as JSON until something reads it (few
    /// handlers do, and its scopes are a map of maps), so a request that carries it pays
    /// only for checking it.
    #[serde(default, skip_serializing_if = "Lazy::is_none")]
    pub permissions: Lazy<Option<Permissions>>,
}

/// Granted permissions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Permissions {
    /// The legacy consent token (prefer `apiAccessToken`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_token: Option<Secret>,
    /// Granted scopes and their status, by scope name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Map<String, Value>>,
}

/// Types `member` and adds what it left out to `dropped`, under `path`.
fn read_member<T: serde::de::DeserializeOwned + super::Absent>(
    path: &str,
    member: &Lazy<T>,
    dropped: &mut Vec<String>,
) {
    member.get();
    for why in member.dropped() {
        dropped.push(match why.strip_prefix('.') {
            Some(rest) => format!("{path}{rest}"),
            None => format!("{path}.{why}"),
        });
    }
}
