//! Dialog delegation as Alexa runs it: when a skill answers `Dialog.Delegate`, Alexa (here,
//! the simulator) follows the interaction model's dialog model, eliciting each required slot
//! that is missing, then confirming slots and the intent as the model asks, with the model's
//! own prompts; when nothing is left, the skill gets the intent with dialogState COMPLETED.

use alexa_core::interaction_model::InteractionModel;
use alexa_core::model::{ConfirmationStatus, Directive, Intent};

/// What Alexa does after a `Dialog.Delegate`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Next {
    /// Say the prompt and wait for the answer the directive describes.
    Ask {
        /// The elicitation or confirmation the next utterance answers.
        directive: Box<Directive>,
        /// The model's prompt, slot values filled in.
        speech: String,
    },
    /// Everything required is there: send the intent with dialogState COMPLETED.
    Complete,
}

/// The next step of `intent`'s dialog under `model`.
pub(crate) fn next_step(model: &InteractionModel, intent: &Intent) -> Next {
    let Some(def) = model.dialog.as_ref().and_then(|d| d.intent(&intent.name)) else {
        return Next::Complete;
    };
    let value_of = |slot: &str| intent.slot(slot).and_then(|s| s.value.clone());
    let prompt = |id: Option<&String>| id.and_then(|id| model.prompt(id, value_of));
    for slot in def.slots.iter().filter(|s| s.elicitation_required) {
        if value_of(&slot.name).is_none() {
            if let Some(speech) = prompt(slot.prompts.elicitation.as_ref()) {
                let directive = Directive::DialogElicitSlot {
                    slot_to_elicit: slot.name.clone(),
                    updated_intent: None,
                };
                return Next::Ask {
                    directive: Box::new(directive),
                    speech,
                };
            }
        }
    }
    for slot in def.slots.iter().filter(|s| s.confirmation_required) {
        let unconfirmed = intent.slot(&slot.name).is_some_and(|s| {
            s.value.is_some() && s.confirmation_status == ConfirmationStatus::None
        });
        if unconfirmed {
            if let Some(speech) = prompt(slot.prompts.confirmation.as_ref()) {
                let directive = Directive::DialogConfirmSlot {
                    slot_to_confirm: slot.name.clone(),
                    updated_intent: None,
                };
                return Next::Ask {
                    directive: Box::new(directive),
                    speech,
                };
            }
        }
    }
    if def.confirmation_required && intent.confirmation_status == ConfirmationStatus::None {
        if let Some(speech) = prompt(def.prompts.confirmation.as_ref()) {
            let directive = Directive::DialogConfirmIntent {
                updated_intent: None,
            };
            return Next::Ask {
                directive: Box::new(directive),
                speech,
            };
        }
    }
    Next::Complete
}
