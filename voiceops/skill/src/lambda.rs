//! VoiceOps on AWS Lambda: JSON logs, the skill IDs from the environment (required), and
//! the skill hosted by alexa-lambda with a deadline a little under Alexa's; EventBridge's
//! stop events, on the same function, become notifications (`notify`). Both binaries
//! serve Lambda through this; `voiceops-lambda`, the one deployed, links nothing else.

use crate::config::LAMBDA_DEADLINE;
use crate::hosted::{json_logs, skill_from_env, Logs};
use std::process::ExitCode;
use std::sync::Arc;

/// Serves the skill on the Lambda runtime until it stops. No embedded store: on Lambda the
/// users' last counts live in DynamoDB (`VOICEOPS_STORE=dynamodb:TABLE`). Refuses to start without
/// `SKILL_ID` (unless `ALLOW_ANY_SKILL_ID=true`), saying why in the log.
pub async fn serve() -> ExitCode {
    json_logs(Logs::Lambda);
    let Some((skill, notifier)) = skill_from_env(None).await else {
        return ExitCode::FAILURE;
    };
    let notifier = notifier.map(Arc::new);
    let on_event: alexa_lambda::OtherEvents = Arc::new(move |event| {
        let notifier = notifier.clone();
        Box::pin(async move {
            crate::notify::on_event(notifier.as_deref(), event)
                .await
                .map_err(|reason| lambda_runtime::Diagnostic {
                    error_type: "NotAStopEvent".to_owned(),
                    error_message: reason,
                })
        })
    });
    match alexa_lambda::run_with_events(skill, LAMBDA_DEADLINE, on_event).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(%err, "the Lambda runtime stopped");
            ExitCode::FAILURE
        }
    }
}
