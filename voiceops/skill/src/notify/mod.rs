//! Notifications when an instance stops: the subscriptions operators asked for by voice
//! (their handlers are in [`handlers::notifications`](crate::handlers::notifications)),
//! and the function's answer to EventBridge's EC2 state-change events, one proactive event
//! per subscriber per window.

mod notifier;
mod settings;
mod stops;

pub use notifier::{reference_id, Clock, Notifier, Outcome, DEFAULT_WINDOW, LOCALES};
pub use settings::NotifySettings;
pub use stops::{summary, NotAStop, Stop, StopsByRegion, STATE_CHANGE};

use crate::inventory::AwsInventory;
use alexa_services::{SkillCredentials, SkillTokens};
use serde_json::{json, Value};
use std::sync::Arc;

/// The notifier the environment configures, over the skill's store and AWS: `Ok(None)` when
/// notifications are not configured; `Err` (logged, the skill still starts) when they are
/// but cannot work.
pub async fn from_env(
    settings: &NotifySettings,
    state: &crate::state::VoiceOps,
    aws: &AwsInventory,
) -> Result<Option<Notifier>, String> {
    if !settings.is_configured() {
        return Ok(None);
    }
    let subscriptions = state
        .subscriptions()
        .ok_or("notifications need VOICEOPS_STORE: the subscriptions live there")?;
    let text = match (&settings.credentials, &settings.credentials_secret) {
        (Some(inline), _) => inline.clone(),
        (None, Some(arn)) => read_secret(aws, arn).await?,
        (None, None) => return Ok(None),
    };
    let credentials = SkillCredentials::from_json(&text)
        .ok_or("the skill credentials need clientId and clientSecret")?;
    let tokens = match &settings.token_url {
        Some(url) => SkillTokens::with_token_url(credentials, url.clone()),
        None => SkillTokens::new(credentials),
    };
    let mut notifier = Notifier::new(
        subscriptions,
        Arc::clone(&state.inventory),
        Arc::new(tokens),
        settings.stage(),
    );
    if let Some(window) = settings.window {
        notifier = notifier.with_window(window);
    }
    if let Some(api) = &settings.alexa_api {
        notifier = notifier.allowing_api(api.clone());
    }
    Ok(Some(notifier))
}

/// The notifier of the offline simulator: its Alexa API stand-in at `api_endpoint` issues
/// the token and receives the events; a window of a second, counted without waiting.
/// `None` without a store (nobody can subscribe).
pub fn simulated(state: &crate::state::VoiceOps, api_endpoint: &str) -> Option<Notifier> {
    let credentials = SkillCredentials {
        client_id: "amzn1.application-oa2-client.simulator".to_owned(),
        client_secret: alexa_core::model::Secret::new("simulator"),
    };
    let tokens = SkillTokens::with_token_url(credentials, format!("{api_endpoint}/auth/o2/token"));
    let notifier = Notifier::new(
        state.subscriptions()?,
        Arc::clone(&state.inventory),
        Arc::new(tokens),
        alexa_services::SkillStage::Development,
    );
    let now: Clock = Arc::new(|| alexa_core::model::Timestamp::now().unix_millis() / 1000);
    Some(
        notifier
            .with_window(std::time::Duration::from_secs(1))
            .with_clock(now, std::time::Duration::ZERO)
            .allowing_api(api_endpoint),
    )
}

/// The secret's text, through Secrets Manager (the function may read only that secret).
async fn read_secret(aws: &AwsInventory, arn: &str) -> Result<String, String> {
    let client = aws_sdk_secretsmanager::Client::new(aws.sdk_config().await);
    let secret = client
        .get_secret_value()
        .secret_id(arn)
        .send()
        .await
        .map_err(|err| {
            format!(
                "cannot read the skill credentials secret: {}",
                aws_sdk_secretsmanager::error::DisplayErrorContext(err)
            )
        })?;
    secret
        .secret_string()
        .map(str::to_owned)
        .ok_or_else(|| "the skill credentials secret holds no text".to_owned())
}

/// The function's answer to an invocation that is not an Alexa request: a stop event is
/// notified (when notifications are on), anything else is refused by name.
pub async fn on_event(notifier: Option<&Notifier>, event: Value) -> Result<Value, String> {
    let stop = Stop::from_event(&event).map_err(|err| err.to_string())?;
    let Some(notifier) = notifier else {
        tracing::warn!(instance = %stop.instance_id, "an instance stopped, but notifications are not configured");
        return Ok(json!({ "notified": false, "reason": "notifications are not configured" }));
    };
    let outcome = notifier
        .on_stop(stop)
        .await
        .map_err(|err| format!("the subscriptions could not be read: {err}"))?;
    serde_json::to_value(outcome).map_err(|err| err.to_string())
}
