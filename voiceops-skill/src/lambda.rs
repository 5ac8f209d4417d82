//! VoiceOps on AWS Lambda: JSON logs, the skill IDs from the environment (required), and
//! the skill hosted by alexa-lambda with a deadline a little under Alexa's. Both binaries
//! serve Lambda through this; `voiceops-lambda`, the one deployed, links nothing else.

use crate::config::LAMBDA_DEADLINE;
use crate::hosted::{json_logs, skill_from_env, Logs};
use std::process::ExitCode;

/// Serves the skill on the Lambda runtime until it stops. No embedded store: on Lambda the
/// users' last counts live in DynamoDB (`VOICEOPS_STORE=dynamodb:TABLE`). Refuses to start without
/// `SKILL_ID` (unless `ALLOW_ANY_SKILL_ID=true`), saying why in the log.
pub async fn serve() -> ExitCode {
    json_logs(Logs::Lambda);
    let Some(skill) = skill_from_env(None).await else {
        return ExitCode::FAILURE;
    };
    match alexa_lambda::run(skill, LAMBDA_DEADLINE).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(%err, "the Lambda runtime stopped");
            ExitCode::FAILURE
        }
    }
}
