//! Timers (`/v1/alerts/timers`, permission `alexa::alerts:timers:skill:readwrite`): a timer
//! that announces a text, launches a task of the skill, or only rings; list, read, pause,
//! resume and delete them. Field names are `ask-sdk-model`'s (`services.timer_management`).

use crate::{Alexa, ApiError};
use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::time::Duration;

/// The permission every timer call needs; a missing one is answered with its consent card.
pub const TIMERS: &str = "alexa::alerts:timers:skill:readwrite";

/// Text in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    /// `en-US`, `de-DE`, ...
    pub locale: String,
    /// What Alexa says.
    pub text: String,
}

/// The skill task a `LAUNCH_TASK` timer starts when it goes off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimerTask {
    /// The task's name (`<skill ID>.<task>`).
    pub name: String,
    /// Its version.
    pub version: String,
    /// Its input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<Value>,
}

/// What happens when the timer goes off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimerOperation {
    /// Alexa says a text.
    #[serde(rename_all = "camelCase")]
    Announce {
        /// The text, per locale.
        text_to_announce: Vec<LocalizedText>,
    },
    /// Alexa asks to start one of the skill's tasks.
    #[serde(rename_all = "camelCase")]
    LaunchTask {
        /// The question, per locale.
        text_to_confirm: Vec<LocalizedText>,
        /// The task.
        task: TimerTask,
    },
    /// The timer only rings.
    NotifyOnly,
}

/// A timer to create.
///
/// ```
/// use alexa_services::Timer;
/// let t = Timer::announce(std::time::Duration::from_secs(600), "tea", "en-US", "Your tea is ready.");
/// let json = serde_json::to_value(&t).unwrap();
/// assert_eq!(json["duration"], "PT10M");
/// assert_eq!(json["triggeringBehavior"]["operation"]["type"], "ANNOUNCE");
/// assert_eq!(json["triggeringBehavior"]["operation"]["textToAnnounce"][0]["text"], "Your tea is ready.");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Timer {
    /// How long, as ISO-8601 (`PT10M`).
    pub duration: String,
    /// Its name, spoken and shown ("tea").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer_label: Option<String>,
    /// `{displayExperience: {visibility: VISIBLE|HIDDEN}}`.
    pub creation_behavior: Value,
    /// `{operation, notificationConfig: {playAudible}}`.
    pub triggering_behavior: TriggeringBehavior,
}

/// What the timer does when it goes off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TriggeringBehavior {
    /// Announce, launch a task, or ring.
    pub operation: TimerOperation,
    /// `{playAudible: true}`: whether it rings.
    pub notification_config: Value,
}

/// ISO-8601 for a whole number of seconds: `PT1H2M3S`, `PT10M`, `PT0S`.
fn iso8601(duration: Duration) -> String {
    let s = duration.as_secs();
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    let mut out = String::from("PT");
    for (n, unit) in [(h, 'H'), (m, 'M'), (s, 'S')] {
        if n > 0 {
            out.push_str(&format!("{n}{unit}"));
        }
    }
    if out == "PT" {
        out.push_str("0S");
    }
    out
}

impl Timer {
    fn with(duration: Duration, label: Option<&str>, operation: TimerOperation) -> Self {
        Timer {
            duration: iso8601(duration),
            timer_label: label.map(str::to_owned),
            creation_behavior: serde_json::json!({"displayExperience": {"visibility": "VISIBLE"}}),
            triggering_behavior: TriggeringBehavior {
                operation,
                notification_config: serde_json::json!({"playAudible": true}),
            },
        }
    }

    /// A timer that says `text` in `locale` after `duration`.
    pub fn announce(duration: Duration, label: &str, locale: &str, text: &str) -> Self {
        let text = vec![LocalizedText {
            locale: locale.to_owned(),
            text: text.to_owned(),
        }];
        Self::with(
            duration,
            Some(label),
            TimerOperation::Announce {
                text_to_announce: text,
            },
        )
    }

    /// A timer that offers to start `task` after `duration`, asking `confirm` in `locale`.
    pub fn launch_task(
        duration: Duration,
        label: &str,
        locale: &str,
        confirm: &str,
        task: TimerTask,
    ) -> Self {
        let text = vec![LocalizedText {
            locale: locale.to_owned(),
            text: confirm.to_owned(),
        }];
        Self::with(
            duration,
            Some(label),
            TimerOperation::LaunchTask {
                text_to_confirm: text,
                task,
            },
        )
    }

    /// A timer that only rings after `duration`.
    pub fn notify_only(duration: Duration, label: Option<&str>) -> Self {
        Self::with(duration, label, TimerOperation::NotifyOnly)
    }
}

/// A timer as the API describes it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimerInfo {
    /// Its id for later calls.
    pub id: String,
    /// `ON`, `PAUSED` or `OFF`.
    #[serde(default)]
    pub status: Option<String>,
    /// How long it was set for.
    #[serde(default)]
    pub duration: Option<String>,
    /// When it goes off.
    #[serde(default)]
    pub trigger_time: Option<String>,
    /// Its name.
    #[serde(default)]
    pub timer_label: Option<String>,
    /// While paused: what is left.
    #[serde(default)]
    pub remaining_time_when_paused: Option<String>,
}

/// The skill's timers on this device.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Timers {
    /// How many there are.
    #[serde(default)]
    pub total_count: Option<u64>,
    /// The timers.
    #[serde(default)]
    pub timers: Vec<TimerInfo>,
    /// The next page, when there is one.
    #[serde(default)]
    pub next_token: Option<String>,
}

/// Amazon's timer API documents no 403: a missing permission comes back as 401. The
/// request's token is minted for each request, so for these calls a 401 means the user has
/// not granted the permission, and is answered with its consent card.
fn permission_refused<T>(result: Result<T, ApiError>) -> Result<T, ApiError> {
    result.map_err(|err| match err {
        ApiError::Unauthorized => ApiError::NotPermitted { permission: TIMERS },
        other => other,
    })
}

impl Alexa {
    /// Creates a timer.
    pub async fn create_timer(&self, timer: &Timer) -> Result<TimerInfo, ApiError> {
        permission_refused(
            self.send(Method::POST, "/v1/alerts/timers", timer, TIMERS)
                .await,
        )
    }

    /// The skill's timers.
    pub async fn timers(&self) -> Result<Timers, ApiError> {
        permission_refused(self.get("/v1/alerts/timers", Some(TIMERS)).await)
    }

    /// One timer.
    pub async fn timer(&self, id: &str) -> Result<TimerInfo, ApiError> {
        permission_refused(
            self.get(&format!("/v1/alerts/timers/{id}"), Some(TIMERS))
                .await,
        )
    }

    /// Pauses a running timer.
    pub async fn pause_timer(&self, id: &str) -> Result<(), ApiError> {
        permission_refused(
            self.post_empty(&format!("/v1/alerts/timers/{id}/pause"), TIMERS)
                .await,
        )
    }

    /// Resumes a paused timer.
    pub async fn resume_timer(&self, id: &str) -> Result<(), ApiError> {
        permission_refused(
            self.post_empty(&format!("/v1/alerts/timers/{id}/resume"), TIMERS)
                .await,
        )
    }

    /// Deletes one timer.
    pub async fn delete_timer(&self, id: &str) -> Result<(), ApiError> {
        permission_refused(
            self.delete(&format!("/v1/alerts/timers/{id}"), TIMERS)
                .await,
        )
    }

    /// Deletes every timer the skill set on this device.
    pub async fn delete_all_timers(&self) -> Result<(), ApiError> {
        permission_refused(self.delete("/v1/alerts/timers", TIMERS).await)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn durations_are_iso_8601() {
        use std::time::Duration;
        assert_eq!(super::iso8601(Duration::from_secs(3723)), "PT1H2M3S");
        assert_eq!(super::iso8601(Duration::from_secs(600)), "PT10M");
        assert_eq!(super::iso8601(Duration::from_secs(0)), "PT0S");
    }
}
