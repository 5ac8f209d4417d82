//! The conversation around the questions: the welcome, help, goodbye, what VoiceOps says
//! when it did not understand or something failed, the session's end, and the answer to
//! Alexa asking whether VoiceOps can answer a request that did not name it.

use super::asked_accounts;
use super::can_fulfill;
use crate::speech;
use crate::state::VoiceOps;
use alexa_core::extract::{Envelope, Locale, State};
use alexa_core::l10n::Messages;
use alexa_core::model::{
    Intent, Request, RequestEnvelope, SessionEndedReason, SessionEndedRequest,
};
use alexa_core::{Failure, Response};

/// "Open VoiceOps": the welcome, teaching Alexa the organization's account names first.
pub(crate) async fn launch(t: Messages, State(app): State<VoiceOps>) -> Response {
    let welcome = speech::welcome(&t);
    match asked_accounts::launch_entities(&app).await {
        Some(entities) => welcome.directive(entities),
        None => welcome,
    }
}

/// "Help": what to ask, with one of the user's own account names as the example.
pub(crate) async fn help(t: Messages, State(app): State<VoiceOps>) -> Response {
    let example = asked_accounts::an_account_name(&app, &t).await;
    speech::help(&t, example)
}

/// "Stop", "cancel", "go home".
pub(crate) async fn goodbye(t: Messages) -> Response {
    speech::goodbye(&t)
}

/// Anything VoiceOps has no answer for.
pub(crate) async fn fallback(t: Messages) -> Response {
    speech::fallback(&t)
}

/// Whether VoiceOps can answer a request the user made without naming it.
pub(crate) async fn can_fulfill(intent: Intent, locale: Locale) -> Response {
    Response::can_fulfill(can_fulfill::answer(&intent, &locale.0))
}

/// A handler failed: an apology in the request's language.
pub(crate) fn apology(failure: &Failure, request: &RequestEnvelope) -> Response {
    speech::apology(
        &speech::messages(request.locale().unwrap_or("en-US")),
        failure,
    )
}

/// Logs why the session ended; Alexa ignores any answer, so there is none.
pub(crate) async fn session_ended(Envelope(envelope): Envelope) {
    if let Request::SessionEnded(ended) = &envelope.request {
        log_session_end(ended);
    }
}

fn log_session_end(request: &SessionEndedRequest) {
    let request_id = request.request_id.as_str();
    match &request.reason {
        Some(SessionEndedReason::Error) => {
            tracing::warn!(request_id, error = ?request.error, "session ended with an error")
        }
        reason => tracing::info!(request_id, ?reason, "session ended"),
    }
}
