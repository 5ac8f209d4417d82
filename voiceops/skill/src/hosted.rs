//! What every hosted VoiceOps starts with, on Lambda or as a web service: JSON logs, and the
//! skill built from the environment, refusing to start without `SKILL_ID` (unless
//! `ALLOW_ANY_SKILL_ID=true`) and saying why in the log.

use crate::config::Config;
use crate::config::SkillIds;
use crate::inventory::AwsInventory;
use crate::notify::{Notifier, NotifySettings};
use crate::skill;
use crate::state::VoiceOps;
use alexa_core::Skill;

/// Where the JSON logs go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Logs {
    /// Standard output without timestamps: Lambda adds its own.
    Lambda,
    /// Standard error with timestamps (standard output carries the listening address).
    Service,
}

/// Starts JSON logging, `RUST_LOG` or `info`.
pub fn json_logs(logs: Logs) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let format = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_current_span(false);
    match logs {
        Logs::Lambda => format.without_time().init(),
        Logs::Service => format.with_writer(std::io::stderr).init(),
    }
}

/// The skill from the environment and, when configured, its stop notifier; `None` after
/// logging why the skill cannot start. `local` opens the embedded store, for hosts that
/// have one. Notifications that are configured but cannot work are logged and left off:
/// the skill still answers.
pub async fn skill_from_env(
    local: Option<crate::store::LocalStore>,
) -> Option<(Skill<VoiceOps>, Option<Notifier>)> {
    let config = Config::from_env();
    let ids = config
        .lambda_skill_ids()
        .inspect_err(|reason| tracing::error!("{reason}"))
        .ok()?;
    if ids == SkillIds::Any {
        tracing::warn!("ALLOW_ANY_SKILL_ID=true: accepting requests for any skill ID");
    }
    let state = VoiceOps::from_config(&config, local)
        .await
        .inspect_err(|reason| tracing::error!("{reason}"))
        .ok()?;
    let settings = NotifySettings::from_lookup(|name| std::env::var(name).ok());
    let aws = AwsInventory::from_env(config.regions.clone());
    let notifier = crate::notify::from_env(&settings, &state, &aws)
        .await
        .inspect_err(|reason| tracing::error!("notifications are off: {reason}"))
        .ok()
        .flatten();
    let skill = skill::build(state, ids)
        .inspect_err(|err| tracing::error!(%err, "the skill is wired wrongly"))
        .ok()?;
    Some((skill, notifier))
}
