//! Amazon's own model of the protocol agrees with every byte we send: each golden response
//! (crates/alexa-core/tests/fixtures/responses, written by alexa-core's typed builders) and
//! VoiceOps's answer to every recorded and documented request is loaded with `ask-sdk-model` 1.82 through ask-sdk-core's
//! DefaultSerializer and serialised back; any field Amazon's model drops, renames or changes
//! fails the test (voiceops/end-to-end/conformance/ask_sdk_roundtrip.py does the comparing).

use end_to_end::{emulator::Emulator, root, seed, voiceops, Scratch};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Python with ask-sdk-model: `ASK_SDK_PYTHON`, or the one `./scripts/test` sets up.
fn python() -> PathBuf {
    std::env::var_os("ASK_SDK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".cache/venv/bin/python"))
}

/// Runs the round trip over `paths`: each file's problems, by file name.
fn round_trip(paths: &[&Path]) -> Vec<(String, Vec<String>)> {
    let output = Command::new(python())
        .arg(root().join("voiceops/end-to-end/conformance/ask_sdk_roundtrip.py"))
        .args(paths)
        .output()
        .expect("python runs: ./scripts/test installs ask-sdk-model into .cache/venv");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.trim().is_empty(), "the checker failed: {stderr}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            let report: Value = serde_json::from_str(line).expect("one JSON report a line");
            let file = report["file"].as_str().unwrap_or_default();
            let name = Path::new(file)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let problems = report["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap_or_default().to_owned())
                .collect();
            (name, problems)
        })
        .collect()
}

fn assert_all_agree(reports: &[(String, Vec<String>)]) {
    let failing: Vec<_> = reports.iter().filter(|(_, p)| !p.is_empty()).collect();
    assert!(failing.is_empty(), "Amazon's model disagrees: {failing:#?}");
}

#[test]
fn every_golden_response_survives_amazons_model_unchanged() {
    let dir = root().join("crates/alexa-core/tests/fixtures/responses");
    let reports = round_trip(&[&dir]);
    assert!(
        reports.len() >= 19,
        "only {} golden responses",
        reports.len()
    );
    assert_all_agree(&reports);
}

/// The request fixtures built from Amazon's model (one per request type; alexa-core's
/// `model_requests` test reads each into its typed variant) are themselves what Amazon's model
/// reads and writes back unchanged.
#[test]
fn every_model_request_fixture_is_one_amazons_model_accepts() {
    let dir = root().join("crates/alexa-core/tests/fixtures/requests/model");
    let reports = round_trip(&[&dir]);
    assert_eq!(
        reports.len(),
        59,
        "one per request type of ask-sdk-model 1.82"
    );
    assert_all_agree(&reports);
}

#[test]
fn the_checker_sees_a_renamed_field_and_a_directive_amazon_does_not_know() {
    let scratch = Scratch::new("conformance");
    let renamed = scratch.0.join("renamed.json");
    std::fs::write(&renamed, r#"{"version": "1.0", "response": {"directives": [{"type": "Dialog.ElicitSlot", "slotToElict": "size"}]}}"#).unwrap();
    let speak = scratch.0.join("speak.json");
    std::fs::write(&speak, r#"{"version": "1.0", "response": {"directives": [{"type": "VoicePlayer.Speak", "speech": "x"}]}}"#).unwrap();
    let reports = round_trip(&[&renamed, &speak]);
    assert!(
        reports[0]
            .1
            .iter()
            .any(|p| p.contains("slotToElict: dropped")),
        "{reports:?}"
    );
    assert!(
        reports[1].1.iter().any(|p| p.contains("refused")),
        "{reports:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn voiceops_answers_to_every_recorded_request_survive_amazons_model() {
    let moto = Emulator::start();
    seed::demo_fleet(&moto.config("us-east-1").await).await;
    let scratch = Scratch::new("fixture-answers");
    let out = scratch.0.join("answers");
    std::fs::create_dir_all(&out).unwrap();
    let mut answered = 0;
    // VoiceOps's recordings, and every request the framework's corpus holds: a skill
    // answers whatever Alexa sends, not only what it was recorded with.
    let mut by_name = std::collections::BTreeMap::new();
    for folder in [
        "voiceops/recordings/requests",
        "crates/alexa-core/tests/fixtures/requests",
    ] {
        for path in std::fs::read_dir(root().join(folder)).unwrap() {
            let path = path.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                by_name
                    .entry(path.file_name().unwrap().to_owned())
                    .or_insert(path);
            }
        }
    }
    let paths: Vec<PathBuf> = by_name.into_values().collect();
    for fixture in paths {
        let output = voiceops(&scratch.0)
            .env("AWS_ENDPOINT_URL", &moto.endpoint)
            .env("AWS_REGION", "us-east-1")
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("VOICEOPS_REGIONS", "us-east-1,eu-central-1,eu-west-1")
            .arg("invoke")
            .arg(&fixture)
            .output()
            .unwrap();
        // Requests for another skill (exit 3) get no response; there is nothing to check.
        if output.status.code() == Some(3) {
            continue;
        }
        assert!(
            output.status.success(),
            "{}: {}",
            fixture.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::write(out.join(fixture.file_name().unwrap()), &output.stdout).unwrap();
        answered += 1;
    }
    assert!(answered >= 30, "only {answered} fixtures answered");
    let reports = round_trip(&[&out]);
    assert_eq!(reports.len(), answered);
    assert_all_agree(&reports);
}
