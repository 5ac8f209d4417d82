//! Conversation transcripts (tests/transcripts/*.txt) replayed through the offline simulator
//! (`alexa_sim::transcript`): utterances resolved with the skill's own models, the session
//! kept as Alexa keeps it, against a fixed fake fleet.

mod common;

use alexa_core::testing::TEST_SKILL_ID;
use alexa_sim::{transcript, Resolver, Simulator};
use common::fake_aws::fleet;
use std::path::PathBuf;
use std::sync::Arc;
use voiceops_skill::inventory::Timing;
use voiceops_skill::skill::{build, SkillIds, VoiceOps};

#[tokio::test]
async fn every_transcript_replays() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/transcripts");
    let replayed = transcript::replay_dir(&dir, |t| {
        let locale = t.locale.clone().unwrap_or_else(|| "en-US".into());
        let skill = build(
            VoiceOps::new(Arc::new(fleet()), Timing::default()),
            SkillIds::Only(vec![TEST_SKILL_ID.into()]),
        )
        .unwrap();
        let model = voiceops_skill::package::model(&locale).unwrap();
        let resolver = Resolver::new(&model.language_model, &locale, TEST_SKILL_ID);
        Simulator::new(skill, resolver, &locale, TEST_SKILL_ID, t.device).with_dialog_model(&model)
    })
    .await
    .unwrap_or_else(|failure| panic!("{failure}"));
    assert!(
        replayed.len() >= 3,
        "transcripts missing in {}",
        dir.display()
    );
    for (name, checks) in replayed {
        assert!(checks >= 5, "{name}: only {checks} checks");
    }
}
