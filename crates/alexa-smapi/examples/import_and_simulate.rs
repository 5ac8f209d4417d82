//! The path from a skill package to Amazon's simulator, through the Skill Management API:
//! zip the package, import it as a new skill and wait for the import and the model builds,
//! enable it for testing, and talk to it as the developer console's simulator does.
//! `cargo alexa deploy` and `cargo alexa dialog` are this, against your own account
//! (`SmapiClient::from_env()` after `cargo alexa login`).
//!
//! This example runs against the crate's stand-in (feature `stand-in`), which answers with
//! Amazon's documented bodies and plays the simulation through the offline Echo:
//! `cargo run -p alexa-smapi --features stand-in --example import_and_simulate`.

use alexa_core::{builtin, Response, Skill};
use alexa_smapi::package::{zip_package, ImportInto};
use alexa_smapi::stand_in::{StandIn, StandInConfig};
use alexa_smapi::{SimulationsApiRequest, SmapiClient, Stage};
use serde_json::json;
use std::path::Path;
use std::sync::Arc;

/// A skill package in `dir`, as the ASK CLI lays it out: the manifest (no endpoint yet:
/// Amazon adds a Lambda trigger only once the skill exists) and the en-US model.
fn write_package(dir: &Path) -> std::io::Result<()> {
    let manifest = json!({"manifest": {
        "manifestVersion": "1.0",
        "publishingInformation": {"locales": {"en-US": {"name": "Hello World", "summary": "Says hello.", "description": "Says hello."}}},
        "apis": {"custom": {}}
    }});
    let model = json!({"interactionModel": {"languageModel": {
        "invocationName": "hello world",
        "intents": [
            {"name": "HelloIntent", "samples": ["say hello", "hello"]},
            {"name": "AMAZON.HelpIntent", "samples": []},
            {"name": "AMAZON.StopIntent", "samples": []},
            {"name": "AMAZON.CancelIntent", "samples": []},
            {"name": "AMAZON.NavigateHomeIntent", "samples": []}
        ]
    }}});
    let models = dir.join("interactionModels/custom");
    std::fs::create_dir_all(&models)?;
    std::fs::write(dir.join("skill.json"), manifest.to_string())?;
    std::fs::write(models.join("en-US.json"), model.to_string())
}

/// The skill the stand-in's simulator talks to (Amazon's talks to your deployed endpoint).
fn hello() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .launch(|| async { Response::ask("Hello! Say hello.", "Say hello.") })
        .intent("HelloIntent", || async { "Hello, world." })
        .intent(builtin::HELP, || async {
            Response::ask("Say hello.", "Say hello.")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .build()
        .expect("every built-in intent has a handler")
}

/// Imports the package as a new skill of `vendor_id`, enables it and holds `utterances`
/// with it in Amazon's simulator; what Alexa said to each.
async fn import_and_talk(
    smapi: &SmapiClient,
    vendor_id: String,
    utterances: &[&str],
) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("hello-world-package-{}", std::process::id()));
    write_package(&dir)?;
    let zip = zip_package(&dir);
    std::fs::remove_dir_all(&dir)?;
    let done = smapi
        .import_package(zip?, &ImportInto::NewSkill { vendor_id })
        .await?;
    if !done.succeeded() {
        return Err(format!("the import failed: {:?}", done.failures()).into());
    }
    let skill_id = done.skill.and_then(|s| s.skill_id).ok_or("no skill ID")?;
    smapi
        .wait_for_builds(&skill_id, &["en-US".to_string()])
        .await?;
    smapi.enable(&skill_id, &Stage::Development).await?;
    let mut said = Vec::new();
    for (i, utterance) in utterances.iter().enumerate() {
        let request = SimulationsApiRequest::new(utterance, "en-US", i == 0);
        let turn = smapi
            .simulate(&skill_id, &Stage::Development, &request)
            .await?;
        said.push(turn.caption().to_string());
    }
    Ok(said)
}

async fn stand_in() -> std::io::Result<StandIn> {
    let config = StandInConfig {
        skill: Some(Arc::new(|_: &str, _: &str| {
            Box::new(hello()) as Box<dyn alexa_sim::Target>
        })),
        ..Default::default()
    };
    StandIn::start(config).await
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let amazon = stand_in().await?;
    let utterances = ["open hello world", "say hello"];
    let said = import_and_talk(&amazon.client(), amazon.vendor_id(), &utterances).await?;
    for (user, alexa) in utterances.iter().zip(said) {
        println!("You:   {user}\nAlexa: {alexa}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn an_imported_package_is_talked_to_in_the_simulator() {
        let amazon = super::stand_in().await.unwrap();
        let utterances = ["open hello world", "say hello"];
        let said = super::import_and_talk(&amazon.client(), amazon.vendor_id(), &utterances)
            .await
            .unwrap();
        assert_eq!(said, ["Hello! Say hello.", "Hello, world."]);
        assert_eq!(amazon.skill_ids().len(), 1, "one skill was created");
    }
}
