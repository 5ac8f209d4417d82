//! Proactive events: what a skill sends Alexa to notify its users (`CreateProactiveEventRequest`
//! in `ask-sdk-model`'s `services.proactive_events`), with a builder for the message-alert
//! schema.

use alexa_core::model::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::time::Duration;

/// The permission a user grants for a skill's notifications.
pub const NOTIFICATIONS: &str = "alexa::devices:all:notifications:write";

/// Longest an event may live: Amazon refuses an `expiryTime` more than 24 hours on.
pub const MAX_EVENT_LIFETIME: Duration = Duration::from_secs(24 * 3600);

/// Which skill stage receives the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SkillStage {
    /// `/v1/proactiveEvents/stages/development`: the developer's own devices.
    Development,
    /// `/v1/proactiveEvents`: every user of the live skill.
    Live,
}

impl SkillStage {
    /// The API path for this stage.
    pub fn path(self) -> &'static str {
        match self {
            SkillStage::Development => "/v1/proactiveEvents/stages/development",
            SkillStage::Live => "/v1/proactiveEvents",
        }
    }
}

/// Who receives an event: `RelevantAudience`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelevantAudience {
    /// `Unicast` or `Multicast`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `{user}` for Unicast, `{}` for Multicast.
    pub payload: Value,
}

impl RelevantAudience {
    /// One user, by the `userId` the skill saw in their requests.
    pub fn user(user_id: &str) -> Self {
        RelevantAudience {
            kind: "Unicast".into(),
            payload: json!({ "user": user_id }),
        }
    }

    /// Every user subscribed to the skill's events.
    pub fn everyone() -> Self {
        RelevantAudience {
            kind: "Multicast".into(),
            payload: json!({}),
        }
    }
}

/// The event itself: a schema name and its payload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// e.g. `AMAZON.MessageAlert.Activated`.
    pub name: String,
    /// Shaped by the schema.
    pub payload: Value,
}

impl Event {
    /// `AMAZON.MessageAlert.Activated`: "`count` new messages from `creator`", unread and
    /// new. `creator` may be `localizedattribute:<key>` to take the text per locale.
    pub fn message_alert(creator: &str, count: u32) -> Self {
        Event {
            name: "AMAZON.MessageAlert.Activated".into(),
            payload: json!({
                "state": { "status": "UNREAD", "freshness": "NEW" },
                "messageGroup": { "creator": { "name": creator }, "count": count }
            }),
        }
    }
}

/// One proactive event to create: `CreateProactiveEventRequest`.
///
/// ```
/// use alexa_services::{Event, ProactiveEvent, RelevantAudience};
/// use alexa_core::model::Timestamp;
/// use std::time::Duration;
/// let event = ProactiveEvent::new(
///     "stop-2026-12-03T10:00Z",
///     Event::message_alert("localizedattribute:summary", 1),
///     RelevantAudience::user("amzn1.ask.account.1"),
///     Timestamp::parse("2026-12-03T10:00:00Z").unwrap(),
///     Duration::from_secs(3600),
/// )
/// .localized("en-US", "summary", "1 instance stopped in Frankfurt");
/// let json = serde_json::to_value(&event).unwrap();
/// assert_eq!(json["expiryTime"], "2026-12-03T11:00:00Z");
/// assert_eq!(json["relevantAudience"]["payload"]["user"], "amzn1.ask.account.1");
/// assert_eq!(json["localizedAttributes"][0]["summary"], "1 instance stopped in Frankfurt");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProactiveEvent {
    /// When the event happened (RFC 3339).
    pub timestamp: String,
    /// The skill's own ID for it: Amazon refuses (409) a second event with the same one.
    pub reference_id: String,
    /// When the notification is withdrawn (at most 24 hours after `timestamp`).
    pub expiry_time: String,
    /// The schema and payload.
    pub event: Event,
    /// Per-locale text for `localizedattribute:` references, each `{locale, <key>: text}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub localized_attributes: Vec<Map<String, Value>>,
    /// Who receives it.
    pub relevant_audience: RelevantAudience,
}

impl ProactiveEvent {
    /// An event that happened at `at` and lives `lifetime` (capped at
    /// [`MAX_EVENT_LIFETIME`]).
    pub fn new(
        reference_id: impl Into<String>,
        event: Event,
        audience: RelevantAudience,
        at: Timestamp,
        lifetime: Duration,
    ) -> Self {
        let lifetime = lifetime.min(MAX_EVENT_LIFETIME).as_millis() as i64;
        let expiry = Timestamp::from_unix_millis(at.unix_millis() + lifetime).unwrap_or(at);
        ProactiveEvent {
            timestamp: at.to_string(),
            reference_id: reference_id.into(),
            expiry_time: expiry.to_string(),
            event,
            localized_attributes: Vec::new(),
            relevant_audience: audience,
        }
    }

    /// Adds `key`'s text for `locale` (one entry per locale, keys merged).
    pub fn localized(mut self, locale: &str, key: &str, text: &str) -> Self {
        let position = self
            .localized_attributes
            .iter()
            .position(|entry| entry.get("locale").and_then(Value::as_str) == Some(locale));
        let index = position.unwrap_or_else(|| {
            let mut entry = Map::new();
            entry.insert("locale".into(), Value::String(locale.to_owned()));
            self.localized_attributes.push(entry);
            self.localized_attributes.len() - 1
        });
        self.localized_attributes[index].insert(key.to_owned(), Value::String(text.to_owned()));
        self
    }
}

/// A message to a user's skill outside a session: `SendSkillMessagingRequest`. It arrives as a
/// `Messaging.MessageReceived` request with `data` as its `message`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkillMessage {
    /// What the skill receives.
    pub data: Value,
    /// How long Alexa keeps trying to deliver it (60 to 86400 seconds; Amazon's default is
    /// an hour).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_after_seconds: Option<u32>,
}
