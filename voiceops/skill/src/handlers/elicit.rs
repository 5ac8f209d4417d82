//! Asking again for one slot of the question just asked: an unknown region or account is
//! named back, and the next utterance ("Frankfurt", "production") completes the question.

use alexa_core::extract::Envelope;
use alexa_core::model::Request;
use alexa_core::Response;

/// `answer`, asking for `slot` again (`Dialog.ElicitSlot`) with the question's other slots
/// kept, so the next utterance ("Frankfurt", "production") completes the same question.
pub(crate) fn ask_again(answer: Response, asked: &Envelope, slot: &str) -> Response {
    match &asked.0.request {
        Request::Intent(request) => {
            let mut intent = request.intent.clone();
            if let Some(value) = intent.slots.get_mut(slot) {
                value.value = None;
                value.resolutions = None;
            }
            answer.elicit_slot(slot, Some(intent))
        }
        _ => answer,
    }
}
