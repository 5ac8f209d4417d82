//! Skill packages (ASK CLI v2 layout) and the check that keeps them and the router in step.
//!
//! [`SkillPackage::load`] reads `skill.json` and `interactionModels/custom/<locale>.json`;
//! [`check`] compares them with a built [`crate::Skill`] and with Alexa's rules, returning
//! every problem with the file and the item it concerns.

mod check;
mod dialog;
mod package;
pub mod utterance;

pub use check::{check, ModelIssue};
pub use dialog::{DialogIntent, DialogModel, DialogPrompts, DialogSlot, Prompt, PromptVariation};
pub use package::{
    IntentDef, InteractionModel, LanguageModel, LocaleModel, PackageError, SkillPackage, SlotDef,
    SlotTypeDef, SlotTypeValue, SlotValueName,
};
