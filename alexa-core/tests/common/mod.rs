//! What the simulator tests share: the repository's own en-US model (VoiceOps) to resolve
//! utterances with, and the built-in intents every skill must handle.
#![allow(dead_code)]

use alexa_core::interaction_model::SkillPackage;
use alexa_core::sim::Resolver;
use alexa_core::{builtin, Response, SkillBuilder};
use std::path::PathBuf;

/// A resolver with the skill package under `interaction-model/`, en-US.
pub fn en_us_resolver(skill_id: &str) -> Resolver {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../interaction-model/skill-package");
    let package = SkillPackage::load(&dir).unwrap();
    let model = &package.locale("en-US").unwrap().model.language_model;
    Resolver::new(model, "en-US", skill_id)
}

/// Help, stop, cancel and fallback, answered plainly.
pub fn with_builtins<S: Clone + Send + Sync + 'static>(
    builder: SkillBuilder<S>,
) -> SkillBuilder<S> {
    builder
        .intent(builtin::HELP, || async {
            Response::ask("Ask for a report.", "What now?")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .intent(builtin::FALLBACK, || async {
            Response::ask("Pardon?", "What now?")
        })
}
