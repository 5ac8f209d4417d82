//! Name-free interaction: when Alexa asks whether VoiceOps can answer a request the user made
//! without naming it (`CanFulfillIntentRequest`), the answer is honest. YES only for VoiceOps's
//! own questions whose slots it understands (resolved by Alexa to one of its values, or one of
//! its values and synonyms as spoken) or that have no value; NO for anything else.

use crate::package;
use alexa_core::interaction_model::LanguageModel;
use alexa_core::model::{CanFulfill, CanFulfillIntent, CanFulfillSlotValue, Intent, Slot};

/// The intents VoiceOps can answer without being named.
const QUESTIONS: &[&str] = &[
    "CountInstancesIntent",
    "ListDatabasesIntent",
    "StatusReportIntent",
    "WhichRegionsIntent",
    "WhichAccountsIntent",
];

/// The answer to a `CanFulfillIntentRequest` for `intent` in `locale`.
///
/// ```
/// use alexa_core::model::{CanFulfill, Intent, Slot};
/// let mut intent = Intent { name: "CountInstancesIntent".into(), ..Intent::default() };
/// intent.slots.insert("region".into(), Slot { name: "region".into(), value: Some("ireland".into()), ..Slot::default() });
/// assert_eq!(voiceops_skill::handlers::can_fulfill::answer(&intent, "en-US").can_fulfill, CanFulfill::Yes);
/// intent.slots.get_mut("region").unwrap().value = Some("atlantis".into());
/// assert_eq!(voiceops_skill::handlers::can_fulfill::answer(&intent, "en-US").can_fulfill, CanFulfill::No);
/// intent.slots.remove("region");
/// intent.slots.insert("account".into(), Slot { name: "account".into(), value: Some("acme payments".into()), ..Slot::default() });
/// assert_eq!(voiceops_skill::handlers::can_fulfill::answer(&intent, "en-US").can_fulfill, CanFulfill::Maybe);
/// ```
pub fn answer(intent: &Intent, locale: &str) -> CanFulfillIntent {
    let model = package::model(locale).or_else(|_| package::model("en-US"));
    let (true, Ok(model)) = (QUESTIONS.contains(&intent.name.as_str()), model) else {
        return CanFulfillIntent::new(CanFulfill::No);
    };
    let model = &model.language_model;
    let mut answer = CanFulfillIntent::new(CanFulfill::Yes);
    for (name, slot) in &intent.slots {
        if slot.value.as_deref().is_none_or(|v| v.trim().is_empty()) {
            continue;
        }
        answer = if understands(model, &intent.name, name, slot) {
            answer.slot(name.as_str(), CanFulfill::Yes, CanFulfillSlotValue::Yes)
        } else if name == "account" {
            // Account names are the organization's, not the model's: whether this one exists
            // is known only when the question is asked (and an unknown one is asked for again).
            if answer.can_fulfill == CanFulfill::Yes {
                answer.can_fulfill = CanFulfill::Maybe;
            }
            answer.slot(name.as_str(), CanFulfill::Maybe, CanFulfillSlotValue::Yes)
        } else {
            answer.can_fulfill = CanFulfill::No;
            answer.slot(name.as_str(), CanFulfill::No, CanFulfillSlotValue::No)
        };
    }
    answer
}

/// Whether a filled slot is one the intent declares and its value one of the slot type's.
fn understands(model: &LanguageModel, intent: &str, name: &str, slot: &Slot) -> bool {
    let Some(def) = model
        .intent(intent)
        .and_then(|i| i.slots.iter().find(|s| s.name == name))
    else {
        return false;
    };
    let Some(values) = model.slot_type(&def.slot_type) else {
        return false;
    };
    let value = slot.as_value();
    if let Some(resolved) = value.resolved() {
        return values.values.iter().any(|v| v.id() == resolved.id);
    }
    if value.is_no_match() {
        return false;
    }
    slot.value
        .as_deref()
        .is_some_and(|spoken| values.find(spoken).is_some())
}
