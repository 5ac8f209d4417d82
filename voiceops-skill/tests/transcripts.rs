//! Conversation transcripts (tests/transcripts/*.txt) replayed through the offline simulator:
//! utterances resolved with the skill's own models, the session kept as Alexa keeps it.

mod common;

use alexa_core::sim::{DeviceProfile, Resolver, Simulator};
use common::fake_aws::fleet;
use std::path::PathBuf;
use std::sync::Arc;
use voiceops_skill::inventory::Timing;
use voiceops_skill::skill::{build, SkillIds, VoiceOps};

const SKILL_ID: &str = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";

async fn replay(name: &str, text: &str) -> usize {
    let mut locale = "en-US".to_owned();
    let mut device = DeviceProfile::Echo;
    for line in text.lines() {
        if let Some(l) = line.strip_prefix("locale:") {
            locale = l.trim().to_owned();
        }
        if line.trim() == "device: echo-show" {
            device = DeviceProfile::EchoShow;
        }
    }
    let skill = build(
        VoiceOps {
            inventory: Arc::new(fleet()),
            timing: Timing::default(),
        },
        SkillIds::Only(vec![SKILL_ID.into()]),
    )
    .unwrap();
    let model = voiceops_skill::package::model(&locale).unwrap();
    let resolver = Resolver::new(&model.language_model, &locale, SKILL_ID);
    let mut sim = Simulator::new(skill, resolver, &locale, SKILL_ID, device);
    let mut last = None;
    let mut checks = 0;
    for (number, line) in text.lines().enumerate() {
        let at = format!("{name}:{}", number + 1);
        let line = line.trim_end();
        if let Some(utterance) = line.strip_prefix('>') {
            let utterance = utterance.trim();
            last = Some(if utterance.is_empty() {
                sim.silence().await
            } else {
                sim.say(utterance).await
            });
            continue;
        }
        let Some(turn) = &last else { continue };
        let said = &turn.speech;
        if let Some(want) = line.strip_prefix("<=") {
            assert_eq!(said, want.trim(), "{at}");
        } else if let Some(want) = line.strip_prefix("<~") {
            assert!(
                said.contains(want.trim()),
                "{at}: {said:?} does not contain {want:?}"
            );
        } else if let Some(want) = line.strip_prefix('<') {
            assert!(
                said.starts_with(want.trim()),
                "{at}: {said:?} does not start with {want:?}"
            );
        } else if line == "[listening]" {
            assert!(
                turn.session_open && turn.listening,
                "{at}: not listening after {said:?}"
            );
        } else if line == "[open]" {
            assert!(turn.session_open && !turn.listening, "{at}");
        } else if line == "[ended]" {
            assert!(
                !turn.session_open,
                "{at}: the session is still open after {said:?}"
            );
        } else {
            continue;
        }
        checks += 1;
    }
    checks
}

#[tokio::test]
async fn every_transcript_replays() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/transcripts");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "transcripts missing in {}", dir.display());
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let checks = replay(&name, &std::fs::read_to_string(&file).unwrap()).await;
        assert!(checks >= 5, "{name}: only {checks} checks");
    }
}
