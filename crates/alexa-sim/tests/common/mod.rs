//! What the simulator tests share: a small coffee-shop skill package of our own (en-US and
//! de-DE, under `tests/fixtures/coffee-shop`), and the built-in intents every skill handles.
#![allow(dead_code)]

use alexa_core::interaction_model::{LanguageModel, SkillPackage};
use alexa_core::{builtin, Response, SkillBuilder};
use alexa_sim::Resolver;
use std::path::PathBuf;

/// The coffee shop's model for `locale`.
pub fn coffee_model(locale: &str) -> LanguageModel {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/coffee-shop");
    let package = SkillPackage::load(&dir).expect("the coffee-shop package loads");
    package
        .locale(locale)
        .unwrap_or_else(|| panic!("no {locale} model"))
        .model
        .language_model
        .clone()
}

/// A resolver with the coffee shop's `locale` model.
pub fn coffee_resolver(locale: &str, skill_id: &str) -> Resolver {
    Resolver::new(&coffee_model(locale), locale, skill_id)
}

/// Help, stop, cancel and fallback, answered plainly.
pub fn with_builtins<S: Clone + Send + Sync + 'static>(
    builder: SkillBuilder<S>,
) -> SkillBuilder<S> {
    builder
        .intent(builtin::HELP, || async {
            Response::ask("Order a drink.", "What now?")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .intent(builtin::FALLBACK, || async {
            Response::ask("Pardon?", "What now?")
        })
}
