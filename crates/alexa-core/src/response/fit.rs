//! What each request may be answered with. Alexa refuses a response that carries something
//! its request type does not allow (speech for an AudioPlayer event, a Dialog directive
//! outside an IntentRequest, anything at all for a SessionEndedRequest), and the user hears
//! an error instead. Before a response leaves, what its request does not allow is removed
//! and logged: the closest valid response is sent.

use super::outgoing::Outgoing;
use crate::model::{Directive, Request, EMPTY_BODY};

/// What a request type may be answered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Allowed {
    /// Speech, card, reprompt, directives, `shouldEndSession`.
    Conversation,
    /// Directives only (AudioPlayer and PlaybackController events).
    DirectivesOnly,
    /// `canFulfillIntent` only (CanFulfillIntentRequest).
    CanFulfillOnly,
    /// An empty response (SessionEnded, System.ExceptionEncountered, skill, list and
    /// reminder events, messages).
    Nothing,
}

fn allowed(request: &Request) -> Allowed {
    match request {
        Request::SessionEnded(_)
        | Request::SystemException(_)
        | Request::SkillEvent(_)
        | Request::MessageReceived(_) => Allowed::Nothing,
        Request::AudioPlayer(_) | Request::PlaybackController(_) => Allowed::DirectivesOnly,
        Request::CanFulfillIntent(_) => Allowed::CanFulfillOnly,
        _ => Allowed::Conversation,
    }
}

/// True when `request` may carry session attributes into its answer (a request that takes
/// an empty response may not).
pub(crate) fn keeps_attributes(request: &Request) -> bool {
    allowed(request) != Allowed::Nothing
}

/// Dialog directives that only an IntentRequest may be answered with
/// (`Dialog.UpdateDynamicEntities` may go with any conversational answer, a launch included).
fn is_intent_dialog(directive: &Directive) -> bool {
    matches!(
        directive.type_name(),
        "Dialog.Delegate" | "Dialog.ElicitSlot" | "Dialog.ConfirmSlot" | "Dialog.ConfirmIntent"
    )
}

/// Removes from `out` what `request` may not be answered with; returns the names of what was
/// removed (empty when the response was already valid).
pub(crate) fn fit(out: &mut Outgoing, request: &Request) -> Vec<&'static str> {
    let mut removed = Vec::new();
    let allowed = allowed(request);
    if allowed == Allowed::Nothing {
        // Compared with a static rather than a body built to compare, and emptied only when
        // something is there: most answers here are already empty.
        if *out.body != EMPTY_BODY {
            removed.push("everything (this request takes an empty response)");
            out.body.clear();
        }
        out.session_attributes = None;
        return removed;
    }
    // An empty body has nothing to remove.
    let Some(body) = out.body.written() else {
        return removed;
    };
    let mut drop_if = |cond: bool, present: bool, name: &'static str| {
        if cond && present {
            removed.push(name);
        }
        cond && present
    };
    let conversation = allowed == Allowed::Conversation;
    if drop_if(!conversation, body.output_speech.is_some(), "outputSpeech") {
        body.output_speech = None;
    }
    if drop_if(!conversation, body.card.is_some(), "card") {
        body.card = None;
    }
    if drop_if(!conversation, body.reprompt.is_some(), "reprompt") {
        body.reprompt = None;
    }
    if drop_if(
        !conversation,
        body.should_end_session.is_some(),
        "shouldEndSession",
    ) {
        body.should_end_session = None;
    }
    let can_fulfill = allowed == Allowed::CanFulfillOnly;
    if drop_if(
        !can_fulfill,
        body.can_fulfill_intent.is_some(),
        "canFulfillIntent",
    ) {
        body.can_fulfill_intent = None;
    }
    if drop_if(can_fulfill, !body.directives.is_empty(), "directives") {
        body.directives.clear();
    }
    strip_request_only_fields(&mut body.directives);
    let intent_request = matches!(request, Request::Intent(_));
    let dialog = body.directives.iter().any(is_intent_dialog);
    if drop_if(
        !intent_request,
        dialog,
        "Dialog directives (only for an IntentRequest)",
    ) {
        body.directives.retain(|d| !is_intent_dialog(d));
    }
    removed
}

/// An intent echoed in a dialog directive (`updatedIntent`) keeps only what Amazon's response
/// model has: the request-only `source` of each slot ("USER") is left out.
fn strip_request_only_fields(directives: &mut [Directive]) {
    for directive in directives {
        if let Directive::DialogDelegate { updated_intent }
        | Directive::DialogElicitSlot { updated_intent, .. }
        | Directive::DialogConfirmSlot { updated_intent, .. }
        | Directive::DialogConfirmIntent { updated_intent } = directive
        {
            for slot in updated_intent.iter_mut().flat_map(|i| i.slots.values_mut()) {
                slot.source = None;
            }
        }
    }
}
