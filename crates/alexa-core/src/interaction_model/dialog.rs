//! The dialog model of an interaction model: which slots Alexa must elicit or confirm for an
//! intent, and the prompts it says when a skill delegates the dialog (`Dialog.Delegate`).

use serde::Deserialize;

/// `interactionModel.dialog`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogModel {
    /// The intents with a dialog.
    #[serde(default)]
    pub intents: Vec<DialogIntent>,
    /// `ALWAYS` (Alexa runs the dialog) or `SKILL_RESPONSE` (the skill delegates turn by turn).
    #[serde(default)]
    pub delegation_strategy: Option<String>,
}

/// One intent's dialog.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogIntent {
    /// The intent.
    pub name: String,
    /// Alexa asks the user to confirm the whole intent.
    #[serde(default)]
    pub confirmation_required: bool,
    /// Prompt ids: `confirmation`.
    #[serde(default)]
    pub prompts: DialogPrompts,
    /// Its slots, in the order Alexa elicits them.
    #[serde(default)]
    pub slots: Vec<DialogSlot>,
}

/// One slot's dialog rules.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogSlot {
    /// The slot.
    pub name: String,
    /// Alexa asks for it when it is missing.
    #[serde(default)]
    pub elicitation_required: bool,
    /// Alexa asks the user to confirm its value.
    #[serde(default)]
    pub confirmation_required: bool,
    /// Prompt ids: `elicitation`, `confirmation`.
    #[serde(default)]
    pub prompts: DialogPrompts,
}

/// Prompt ids of an intent or slot.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DialogPrompts {
    /// Asks for a value.
    #[serde(default)]
    pub elicitation: Option<String>,
    /// Asks for a yes or no.
    #[serde(default)]
    pub confirmation: Option<String>,
}

/// `interactionModel.prompts[]`: what Alexa says, one variation chosen at random.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Prompt {
    /// Referred to from the dialog model.
    pub id: String,
    /// The ways to say it; `{slot}` stands for a slot's value.
    #[serde(default)]
    pub variations: Vec<PromptVariation>,
}

/// One way to say a prompt.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PromptVariation {
    /// `PlainText` or `SSML`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The text, with `{slot}` placeholders.
    #[serde(default)]
    pub value: String,
}

impl DialogModel {
    /// The dialog of `intent`, when it has one.
    pub fn intent(&self, intent: &str) -> Option<&DialogIntent> {
        self.intents.iter().find(|i| i.name == intent)
    }
}
