//! The skill package and the router agree, in every locale (the framework's model check).

use alexa_core::handler::BoxFuture;
use alexa_core::interaction_model::{check, SkillPackage};
use std::path::PathBuf;
use std::sync::Arc;
use voiceops_skill::config::SkillIds;
use voiceops_skill::inventory::{Database, Inventory, InventoryError, StateCounts, Timing};
use voiceops_skill::skill::build;
use voiceops_skill::state::VoiceOps;

struct NoAws;

impl Inventory for NoAws {
    fn regions(&self) -> BoxFuture<Result<Vec<String>, InventoryError>> {
        Box::pin(async { Err(InventoryError::NoRegion) })
    }
    fn count_instances(&self, _: String) -> BoxFuture<Result<StateCounts, InventoryError>> {
        Box::pin(async { Err(InventoryError::NoRegion) })
    }
    fn list_databases(&self, _: String) -> BoxFuture<Result<Vec<Database>, InventoryError>> {
        Box::pin(async { Err(InventoryError::NoRegion) })
    }
}

fn package() -> SkillPackage {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../interaction-model/skill-package");
    SkillPackage::load(&dir).expect("the skill package loads")
}

#[test]
fn every_locale_model_agrees_with_the_router_and_alexas_rules() {
    let skill = build(
        VoiceOps::new(Arc::new(NoAws), Timing::default()),
        SkillIds::Any,
    )
    .unwrap();
    let package = package();
    let issues = check(&package, &skill);
    let report: Vec<String> = issues.iter().map(ToString::to_string).collect();
    assert!(
        issues.is_empty(),
        "model check failed:\n{}",
        report.join("\n")
    );
}

#[test]
fn the_package_has_every_english_locale_and_german() {
    let locales: Vec<String> = package().models.iter().map(|m| m.locale.clone()).collect();
    assert_eq!(
        locales,
        ["de-DE", "en-AU", "en-CA", "en-GB", "en-IN", "en-US"]
    );
}

#[test]
fn every_custom_intent_has_at_least_fifteen_samples_in_every_locale() {
    for model in package().models {
        for intent in model
            .model
            .language_model
            .intents
            .iter()
            .filter(|i| !i.name.starts_with("AMAZON."))
        {
            assert!(
                intent.samples.len() >= 15,
                "{} {}: {} samples",
                model.locale,
                intent.name,
                intent.samples.len()
            );
        }
    }
}

#[test]
fn every_locale_resolves_every_commercial_region() {
    let codes: Vec<&str> = voiceops_skill::regions::known_codes().collect();
    for model in package().models {
        let types = &model.model.language_model.types;
        let regions = types
            .iter()
            .find(|t| t.name == "AwsRegion")
            .expect("AwsRegion type");
        let ids: Vec<&str> = regions
            .values
            .iter()
            .filter_map(|v| v.id.as_deref())
            .collect();
        assert_eq!(ids, codes, "{}", model.locale);
    }
}
