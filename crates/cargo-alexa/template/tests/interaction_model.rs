//! The model against the code: every intent has a handler, every handler's intent and slots
//! are in the model, and the model follows Alexa's rules. `cargo alexa check` runs this.

use alexa_core::interaction_model::{check, SkillPackage};

#[test]
fn the_model_and_the_handlers_agree() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("skill-package");
    let package = SkillPackage::load(&dir).unwrap();
    let issues = check(&package, &{{crate_ident}}::skill(None).unwrap());
    let listed: Vec<String> = issues.iter().map(ToString::to_string).collect();
    assert!(issues.is_empty(), "{}", listed.join("\n"));
}
