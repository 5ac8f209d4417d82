//! {{title}} offline: recorded requests get their answers, and the transcripts replay
//! through the offline Echo with the skill's own model.

use alexa_core::interaction_model::SkillPackage;
use alexa_core::model::RequestEnvelope;
use alexa_core::testing::ResponseExt;
use alexa_sim::{transcript, Resolver, Simulator};
use std::path::Path;

const SKILL_ID: &str = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";

fn here(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[tokio::test]
async fn recorded_requests_get_their_answers() {
    let skill = {{crate_ident}}::skill(Some(SKILL_ID)).unwrap();
    for (file, starts) in [("launch.json", "Welcome to {{title}}."), ("mood-happy.json", "Glad to hear it.")] {
        let text = std::fs::read_to_string(here("tests/fixtures/requests").join(file)).unwrap();
        let request: RequestEnvelope = serde_json::from_str(&text).unwrap();
        let response = skill.handle(request).await.unwrap();
        assert!(response.speech_text().starts_with(starts), "{file}: {}", response.speech_text());
    }
}

#[tokio::test]
async fn a_request_for_another_skill_is_refused() {
    let skill = {{crate_ident}}::skill(Some("amzn1.ask.skill.someone-else")).unwrap();
    let text = std::fs::read_to_string(here("tests/fixtures/requests/launch.json")).unwrap();
    assert!(skill.handle(serde_json::from_str(&text).unwrap()).await.is_err());
}

#[tokio::test]
async fn transcripts_replay_offline() {
    let package = SkillPackage::load(&here("skill-package")).unwrap();
    let model = package.locale("en-US").unwrap().model.clone();
    let skill = {{crate_ident}}::skill(Some(SKILL_ID)).unwrap();
    let replayed = transcript::replay_dir(&here("tests/transcripts"), |t| {
        let locale = t.locale.clone().unwrap_or_else(|| "en-US".into());
        let resolver = Resolver::new(&model.language_model, &locale, SKILL_ID);
        Simulator::new(skill.clone(), resolver, &locale, SKILL_ID, t.device).with_dialog_model(&model)
    })
    .await
    .unwrap();
    assert!(!replayed.is_empty());
}
