//! The interaction-model check finds each kind of drift and rule break, naming file and item.

use alexa_core::extract::Slots;
use alexa_core::interaction_model::{check, ModelIssue, SkillPackage};
use alexa_core::{builtin, FromSlots, Response, Skill};
use serde_json::{json, Value};
use std::path::PathBuf;

/// Only the slot names matter here: the check reads them from the handler's signature.
#[derive(FromSlots)]
#[allow(dead_code)]
struct CountArgs {
    state: Option<String>,
    colour: Option<String>,
}

fn skill() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .intent("CountIntent", |Slots(_): Slots<CountArgs>| async { "ok" })
        .intent("OnlyInCodeIntent", || async { "ok" })
        .intent(builtin::HELP, || async { Response::ask("help", "help") })
        .intent(builtin::STOP, || async { "bye" })
        .intent(builtin::CANCEL, || async { "bye" })
        .intent(builtin::NAVIGATE_HOME, || async { "bye" })
        .build()
        .unwrap()
}

fn builtins() -> Vec<Value> {
    [
        builtin::HELP,
        builtin::STOP,
        builtin::CANCEL,
        builtin::NAVIGATE_HOME,
    ]
    .iter()
    .map(|n| json!({"name": n, "samples": []}))
    .collect()
}

fn model(invocation: &str, intents: Vec<Value>, types: Value) -> Value {
    json!({"interactionModel": {"languageModel": {"invocationName": invocation, "intents": intents, "types": types}}})
}

struct TempPackage(PathBuf);

impl TempPackage {
    fn new(tag: &str, models: &[(&str, Value)], manifest: Option<Value>) -> Self {
        let dir =
            std::env::temp_dir().join(format!("alexa-core-model-{tag}-{}", std::process::id()));
        let custom = dir.join("interactionModels/custom");
        std::fs::create_dir_all(&custom).unwrap();
        for (locale, m) in models {
            std::fs::write(
                custom.join(format!("{locale}.json")),
                serde_json::to_string_pretty(m).unwrap(),
            )
            .unwrap();
        }
        if let Some(manifest) = manifest {
            std::fs::write(dir.join("skill.json"), manifest.to_string()).unwrap();
        }
        TempPackage(dir)
    }
    fn issues(&self) -> Vec<ModelIssue> {
        check(&SkillPackage::load(&self.0).unwrap(), &skill())
    }
}

impl Drop for TempPackage {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn good_intents() -> Vec<Value> {
    let mut intents = vec![
        json!({"name": "CountIntent",
        "slots": [{"name": "state", "type": "StateType"}, {"name": "colour", "type": "AMAZON.Color"}],
        "samples": ["how many are {state}", "how many {colour} ones are {state}", "count the e. c. two instances"]}),
        json!({"name": "OnlyInCodeIntent", "samples": ["do the other thing"]}),
    ];
    intents.extend(builtins());
    intents
}

fn good_types() -> Value {
    json!([{"name": "StateType", "values": [{"id": "running", "name": {"value": "running", "synonyms": ["up"]}}]}])
}

fn find<'a>(issues: &'a [ModelIssue], item: &str, message: &str) -> Option<&'a ModelIssue> {
    issues
        .iter()
        .find(|i| i.item.contains(item) && i.message.contains(message))
}

#[test]
fn a_consistent_package_has_no_issues() {
    let manifest = json!({"manifest": {"publishingInformation": {"locales": {"en-US": {"examplePhrases": [
        "Alexa, open count ops", "Alexa, ask count ops how many are running", "Alexa, tell count ops to do the other thing"]}}}}});
    let p = TempPackage::new(
        "good",
        &[("en-US", model("count ops", good_intents(), good_types()))],
        Some(manifest),
    );
    assert_eq!(p.issues(), vec![]);
}

#[test]
fn every_rule_break_is_reported_with_file_and_item() {
    let mut intents = good_intents();
    intents.retain(|i| i["name"] != "OnlyInCodeIntent" && i["name"] != builtin::NAVIGATE_HOME);
    intents.push(json!({"name": "ModelOnlyIntent", "slots": [{"name": "thing", "type": "MissingType"}],
        "samples": ["how many are {state}", "buy 3 things", "what about {nothing}", "call R&D", "visit st. louis"]}));
    intents[0]["slots"].as_array_mut().unwrap().pop(); // the handler still extracts `colour`
    intents[0]["samples"] = json!(["how many are {state}"]);
    let manifest = json!({"manifest": {"publishingInformation": {"locales": {"en-US": {"examplePhrases": [
        "Alexa, ask open ops to sing a song"]}}}}});
    let p = TempPackage::new(
        "bad",
        &[("en-US", model("open ops", intents, good_types()))],
        Some(manifest),
    );
    let issues = p.issues();
    let expect = [
        ("invocation name \"open ops\"", "launch or wake word"),
        (
            builtin::NAVIGATE_HOME,
            "required built-in intent is missing",
        ),
        (
            "ModelOnlyIntent.thing",
            "slot type MissingType is not declared",
        ),
        (
            "\"how many are {state}\"",
            "utterance belongs to both CountIntent and ModelOnlyIntent",
        ),
        (
            "ModelOnlyIntent \"how many are {state}\"",
            "does not declare",
        ),
        (
            "ModelOnlyIntent \"buy 3 things\"",
            "numbers must be spelled out",
        ),
        (
            "ModelOnlyIntent \"what about {nothing}\"",
            "references slot {nothing}",
        ),
        ("ModelOnlyIntent \"call R&D\"", "'&' is not allowed"),
        (
            "ModelOnlyIntent \"visit st. louis\"",
            "periods are only for initialisms",
        ),
        ("ModelOnlyIntent", "intent has no handler in the skill"),
        ("OnlyInCodeIntent", "the model does not have it"),
        (
            "CountIntent.colour",
            "the handler extracts this slot, but the model does not declare it",
        ),
        (
            "en-US example \"Alexa, ask open ops to sing a song\"",
            "no sample utterance",
        ),
    ];
    for (item, message) in expect {
        let issue = find(&issues, item, message)
            .unwrap_or_else(|| panic!("no issue {item}: {message} in {issues:#?}"));
        let file = issue.file.to_string_lossy();
        assert!(
            file.ends_with("en-US.json") || file.ends_with("skill.json"),
            "{issue}"
        );
    }
}

#[test]
fn locales_must_agree_on_intents_and_slots() {
    let mut gb = good_intents();
    gb[0]["slots"][0]["type"] = json!("AMAZON.NUMBER");
    gb.retain(|i| i["name"] != "OnlyInCodeIntent");
    let p = TempPackage::new(
        "locales",
        &[
            ("en-US", model("count ops", good_intents(), good_types())),
            ("en-GB", model("count ops", gb, good_types())),
        ],
        None,
    );
    let issues = p.issues();
    let differ = find(&issues, "CountIntent", "slots differ from en-GB")
        .or_else(|| find(&issues, "CountIntent", "slots differ from en-US"));
    assert!(differ.is_some(), "{issues:#?}");
    assert!(
        find(&issues, "OnlyInCodeIntent", "but not in en-GB").is_some(),
        "{issues:#?}"
    );
}

#[test]
fn a_manifest_locale_without_a_model_is_reported() {
    let manifest = json!({"manifest": {"publishingInformation": {"locales": {"en-US": {"examplePhrases": ["Alexa, open count ops"]},
        "fr-FR": {"examplePhrases": ["Alexa, ouvre count ops"]}}}}});
    let p = TempPackage::new(
        "manifest",
        &[("en-US", model("count ops", good_intents(), good_types()))],
        Some(manifest),
    );
    let issues = p.issues();
    assert!(
        find(&issues, "fr-FR", "has no interaction model").is_some(),
        "{issues:#?}"
    );
    assert_eq!(issues.len(), 1, "{issues:#?}");
}
