//! VoiceOps on AWS Lambda: JSON logs, the skill IDs from the environment (required), and
//! the skill hosted by alexa-lambda with a deadline a little under Alexa's. Both binaries
//! serve Lambda through this; `voiceops-lambda`, the one deployed, links nothing else.

use crate::config::{Config, LAMBDA_DEADLINE};
use crate::skill::{self, SkillIds, VoiceOps};
use std::process::ExitCode;

/// Serves the skill on the Lambda runtime until it stops. Refuses to start without
/// `SKILL_ID` (unless `ALLOW_ANY_SKILL_ID=true`), saying why in the log.
pub async fn serve() -> ExitCode {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_current_span(false)
        .without_time()
        .init();
    let config = Config::from_env();
    let ids = match config.lambda_skill_ids() {
        Ok(ids) => ids,
        Err(reason) => {
            tracing::error!("{reason}");
            return ExitCode::FAILURE;
        }
    };
    if ids == SkillIds::Any {
        tracing::warn!("ALLOW_ANY_SKILL_ID=true: accepting requests for any skill ID");
    }
    let state = match VoiceOps::from_config(&config).await {
        Ok(state) => state,
        Err(reason) => {
            tracing::error!("{reason}");
            return ExitCode::FAILURE;
        }
    };
    let skill = match skill::build(state, ids) {
        Ok(skill) => skill,
        Err(err) => {
            tracing::error!(%err, "the skill is wired wrongly");
            return ExitCode::FAILURE;
        }
    };
    match alexa_lambda::run(skill, LAMBDA_DEADLINE).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(%err, "the Lambda runtime stopped");
            ExitCode::FAILURE
        }
    }
}
