//! Conversation transcripts (voiceops/transcripts/*.txt) replayed through the offline simulator
//! (`alexa_sim::transcript`): utterances resolved with the skill's own models, the session
//! kept as Alexa keeps it, against a fixed fake fleet: in-process, and again over HTTP
//! through a web endpoint that verifies every request's signature (a test CA signing).

use crate::common;

use alexa_core::testing::TEST_SKILL_ID;
use alexa_sim::{transcript, HttpTarget, Resolver, SignRequest, Simulator};
use alexa_web::testing::{Flaw, ServedChains, TestPki, TestSigner, TEST_CERT_URL};
use alexa_web::{Verifier, WebHost};
use common::fake_aws::fleet;
use std::path::PathBuf;
use std::sync::Arc;
use voiceops_skill::config::SkillIds;
use voiceops_skill::inventory::Timing;
use voiceops_skill::skill::build;
use voiceops_skill::state::VoiceOps;

#[tokio::test]
async fn every_transcript_replays() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../transcripts");
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

/// Signs as Alexa does, with a certificate from the test CA.
struct AlexaSignature(TestSigner);

impl SignRequest for AlexaSignature {
    fn headers(&self, body: &[u8]) -> Vec<(String, String)> {
        vec![
            ("SignatureCertChainUrl".into(), TEST_CERT_URL.into()),
            ("Signature-256".into(), self.0.sign(body)),
        ]
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_transcript_replays_through_a_verifying_web_endpoint() {
    let pki = TestPki::new();
    let signer = pki.signer(Flaw::None);
    let chains = Arc::new(ServedChains::default());
    chains.serve(TEST_CERT_URL, &signer.chain);
    let skill = build(
        VoiceOps::new(Arc::new(fleet()), Timing::default()),
        SkillIds::Only(vec![TEST_SKILL_ID.into()]),
    )
    .unwrap();
    let host = WebHost::new(skill, Verifier::new(pki.roots(), chains.clone()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(host.serve(listener, async {
        let _ = stopped.await;
    }));

    let signature: Arc<dyn SignRequest> = Arc::new(AlexaSignature(signer));
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../transcripts");
    let replayed = transcript::replay_dir(&dir, |t| {
        let locale = t.locale.clone().unwrap_or_else(|| "en-US".into());
        let target = HttpTarget::new(&url)
            .unwrap()
            .with_signer(Arc::clone(&signature));
        let model = voiceops_skill::package::model(&locale).unwrap();
        let resolver = Resolver::new(&model.language_model, &locale, TEST_SKILL_ID);
        Simulator::new(target, resolver, &locale, TEST_SKILL_ID, t.device).with_dialog_model(&model)
    })
    .await
    .unwrap_or_else(|failure| panic!("{failure}"));
    assert!(replayed.len() >= 3);
    assert_eq!(chains.fetched(), 1, "the chain was fetched once and cached");
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}
