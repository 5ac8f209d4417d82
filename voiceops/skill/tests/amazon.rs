//! VoiceOps through `cargo alexa`, as the README's "Deploy to a real Echo" runs it, against
//! Amazon's stand-in with VoiceOps (over a fixed fake fleet) as the deployed function: the
//! package is deployed in all six locales, the transcripts hold on Amazon's simulator (the
//! silence turns skipped, never passed), and Amazon's NLU agrees with the offline resolver
//! on every phrasing.

use crate::common;

use alexa_smapi::stand_in::{StandIn, StandInConfig};
use common::fake_aws::fleet;
use end_to_end::{root, workspace_bin, Scratch};
use std::path::Path;
use std::sync::Arc;
use voiceops_skill::config::SkillIds;
use voiceops_skill::inventory::Timing;
use voiceops_skill::skill::build;
use voiceops_skill::state::VoiceOps;

async fn amazon() -> StandIn {
    let config = StandInConfig {
        skill: Some(Arc::new(|skill_id: &str, _: &str| {
            let voiceops = VoiceOps::new(Arc::new(fleet()), Timing::default());
            Box::new(build(voiceops, SkillIds::Only(vec![skill_id.to_owned()])).unwrap())
                as Box<dyn alexa_sim::Target>
        })),
        ..Default::default()
    };
    StandIn::start(config).await.unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

async fn cargo_alexa(amazon: &StandIn, dir: &Path, args: &[&str]) -> (i32, String, String) {
    let creds = amazon.credentials();
    let out = tokio::process::Command::new(workspace_bin("cargo-alexa"))
        .arg("alexa")
        .args(args)
        .args(["--poll-interval-ms", "5"])
        .current_dir(dir)
        .env("ASK_SMAPI_SERVER_BASE_URL", amazon.url())
        .env("ASK_LWA_TOKEN_HOST", amazon.url())
        .env("ASK_CLIENT_ID", &creds.client_id)
        .env("ASK_CLIENT_SECRET", creds.client_secret.expose())
        .env("ASK_REFRESH_TOKEN", creds.refresh_token.expose())
        .env("CARGO_ALEXA_HOME", dir.join(".cargo-alexa"))
        .env_remove("ASK_VENDOR_ID")
        .output()
        .await
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn voiceops_deploys_and_holds_its_conversations_on_amazons_simulator() {
    let amazon = amazon().await;
    let scratch = Scratch::new("cargo-alexa-voiceops");
    // A copy: `cargo alexa deploy` keeps the skill ID in .ask/, which the repository must not get.
    let project = scratch.0.join("interaction-model");
    copy_dir(&root().join("voiceops/interaction-model"), &project);

    let (code, stdout, stderr) = cargo_alexa(
        &amazon,
        &project,
        &[
            "deploy",
            "--endpoint",
            "arn:aws:lambda:eu-west-1:123456789012:function:voiceops-voiceops",
        ],
    )
    .await;
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("models built: de-DE, en-AU, en-CA, en-GB, en-IN, en-US"),
        "{stdout}"
    );
    let skill_id = amazon.skill_ids().pop().unwrap();
    assert!(amazon.enabled(&skill_id));

    let transcripts = root().join("voiceops/transcripts");
    let (code, stdout, stderr) = cargo_alexa(
        &amazon,
        &project,
        &["dialog", "--replay", transcripts.to_str().unwrap()],
    )
    .await;
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("  > how many instances are running\n  Alexa: 87 instances are running across 4 regions"), "{stdout}");
    let summary = stdout.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("On Amazon: ") && summary.contains(" held, 0 did not, "),
        "{summary}"
    );
    assert!(
        !summary.contains(" 0 skipped"),
        "the silence turns are skipped, not passed: {summary}"
    );

    for (list, locale) in [("en.txt", "en-US"), ("de.txt", "de-DE")] {
        let file = root().join("voiceops/recordings/phrasings").join(list);
        let (code, stdout, stderr) = cargo_alexa(
            &amazon,
            &project,
            &["nlu", "--locale", locale, file.to_str().unwrap()],
        )
        .await;
        assert_eq!(code, 0, "{stdout}{stderr}");
        assert!(
            stdout
                .lines()
                .last()
                .unwrap()
                .contains(" 0 Amazon only, 0 offline only, 0 both wrong"),
            "{stdout}"
        );
    }
}
