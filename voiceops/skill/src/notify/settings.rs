//! The notification settings, from the environment: the skill's own Login with Amazon
//! credentials (inline for local runs, or the Secrets Manager secret the template names),
//! the stage, the window, and the hosts tests point it at.

use alexa_services::SkillStage;
use std::time::Duration;

/// What the environment says about notifications.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NotifySettings {
    /// `VOICEOPS_SKILL_CREDENTIALS`: `{"clientId": ..., "clientSecret": ...}` itself.
    pub credentials: Option<String>,
    /// `VOICEOPS_SKILL_CREDENTIALS_SECRET`: the ARN of a secret holding that JSON.
    pub credentials_secret: Option<String>,
    /// `VOICEOPS_NOTIFY_STAGE`: `live` sends to the live skill's users; anything else to
    /// the development stage (the developer's own devices).
    pub stage_live: bool,
    /// `VOICEOPS_NOTIFY_WINDOW_SECONDS`: stops this close together are one notification.
    pub window: Option<Duration>,
    /// `VOICEOPS_LWA_TOKEN_URL`: Login with Amazon's token endpoint (a stand-in in tests).
    pub token_url: Option<String>,
    /// `VOICEOPS_ALEXA_API`: an Alexa API host to allow besides Amazon's (a stand-in).
    pub alexa_api: Option<String>,
}

impl NotifySettings {
    /// Reads the settings through `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let text = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        NotifySettings {
            credentials: text("VOICEOPS_SKILL_CREDENTIALS"),
            credentials_secret: text("VOICEOPS_SKILL_CREDENTIALS_SECRET"),
            stage_live: text("VOICEOPS_NOTIFY_STAGE")
                .is_some_and(|s| s.eq_ignore_ascii_case("live")),
            window: text("VOICEOPS_NOTIFY_WINDOW_SECONDS")
                .and_then(|s| s.parse::<u64>().ok())
                .map(Duration::from_secs),
            token_url: text("VOICEOPS_LWA_TOKEN_URL"),
            alexa_api: text("VOICEOPS_ALEXA_API"),
        }
    }

    /// The stage notifications go to.
    pub fn stage(&self) -> SkillStage {
        if self.stage_live {
            SkillStage::Live
        } else {
            SkillStage::Development
        }
    }

    /// Whether notifications are configured at all.
    pub fn is_configured(&self) -> bool {
        self.credentials.is_some() || self.credentials_secret.is_some()
    }
}
