//! Reminders (`/v1/alerts/reminders`, permission `alexa::alerts:reminders:skill:readwrite`).

use crate::{Alexa, ApiError};
use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

const REMINDERS: &str = "alexa::alerts:reminders:skill:readwrite";

/// A reminder to create or update.
///
/// ```
/// use alexa_services::Reminder;
/// let r = Reminder::in_seconds(600, "en-US", "Your coffee is ready.");
/// let json = serde_json::to_value(&r).unwrap();
/// assert_eq!(json["trigger"], serde_json::json!({"type": "SCHEDULED_RELATIVE", "offsetInSeconds": 600}));
/// assert_eq!(json["alertInfo"]["spokenInfo"]["content"][0]["text"], "Your coffee is ready.");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    /// When it goes off.
    pub trigger: ReminderTrigger,
    /// What Alexa says.
    pub alert_info: Value,
    /// Whether the Alexa app also shows it.
    pub push_notification: Value,
}

/// When a reminder goes off.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ReminderTrigger {
    /// At a local time, e.g. `2026-11-26T07:30:00` in `Europe/Berlin`.
    #[serde(rename_all = "camelCase")]
    ScheduledAbsolute {
        /// Local date and time, without an offset.
        scheduled_time: String,
        /// The time zone; the device's when absent.
        #[serde(skip_serializing_if = "Option::is_none")]
        time_zone_id: Option<String>,
    },
    /// After a number of seconds.
    #[serde(rename_all = "camelCase")]
    ScheduledRelative {
        /// How long from now.
        offset_in_seconds: u64,
    },
}

impl Reminder {
    fn speaking(trigger: ReminderTrigger, locale: &str, text: &str) -> Self {
        Self {
            trigger,
            alert_info: serde_json::json!({"spokenInfo": {"content": [{"locale": locale, "text": text}]}}),
            push_notification: serde_json::json!({"status": "ENABLED"}),
        }
    }

    /// A reminder `seconds` from now that says `text` in `locale`.
    pub fn in_seconds(seconds: u64, locale: &str, text: &str) -> Self {
        let trigger = ReminderTrigger::ScheduledRelative {
            offset_in_seconds: seconds,
        };
        Self::speaking(trigger, locale, text)
    }

    /// A reminder at the local time `scheduled_time` (`YYYY-MM-DDTHH:MM:SS`) in `time_zone`.
    pub fn at(scheduled_time: &str, time_zone: Option<&str>, locale: &str, text: &str) -> Self {
        let trigger = ReminderTrigger::ScheduledAbsolute {
            scheduled_time: scheduled_time.to_owned(),
            time_zone_id: time_zone.map(str::to_owned),
        };
        Self::speaking(trigger, locale, text)
    }
}

/// A reminder as the API describes it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderInfo {
    /// Its id for later calls.
    pub alert_token: String,
    /// `ON`, `COMPLETED`, ...
    #[serde(default)]
    pub status: Option<String>,
    /// Its version.
    #[serde(default)]
    pub version: Option<String>,
}

/// The skill's reminders.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminders {
    /// How many there are.
    #[serde(default)]
    pub total_count: Option<String>,
    /// The reminders.
    #[serde(default)]
    pub alerts: Vec<ReminderInfo>,
}

impl Alexa {
    /// Creates a reminder.
    pub async fn create_reminder(&self, reminder: &Reminder) -> Result<ReminderInfo, ApiError> {
        self.send(Method::POST, "/v1/alerts/reminders", reminder, REMINDERS)
            .await
    }

    /// The skill's reminders for this user.
    pub async fn reminders(&self) -> Result<Reminders, ApiError> {
        self.get("/v1/alerts/reminders", Some(REMINDERS)).await
    }

    /// Replaces the reminder `alert_token`.
    pub async fn update_reminder(
        &self,
        alert_token: &str,
        reminder: &Reminder,
    ) -> Result<ReminderInfo, ApiError> {
        let path = format!("/v1/alerts/reminders/{alert_token}");
        self.send(Method::PUT, &path, reminder, REMINDERS).await
    }

    /// Deletes the reminder `alert_token`.
    pub async fn delete_reminder(&self, alert_token: &str) -> Result<(), ApiError> {
        self.delete(&format!("/v1/alerts/reminders/{alert_token}"), REMINDERS)
            .await
    }
}
