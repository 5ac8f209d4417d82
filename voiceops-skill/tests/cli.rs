//! The `voiceops-skill` binary as an operator runs it: `invoke` with a file or stdin,
//! exit codes, the skill-ID rules, plain errors for missing credentials and region.

use alexa_core::model::ResponseEnvelope;
use alexa_core::testing::ResponseExt;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/requests")
        .join(format!("{name}.json"))
}

/// The binary with a clean environment: no credentials, no profile, no metadata service.
fn voiceops(home: &tempdir::TempHome) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_voiceops-skill"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home.0)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", home.0.join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.0.join("none"));
    cmd
}

fn speech(output: &Output) -> String {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let envelope: ResponseEnvelope =
        serde_json::from_slice(&output.stdout).expect("stdout is the response JSON");
    envelope.speech_text()
}

mod tempdir {
    /// A private empty HOME, removed afterwards.
    pub struct TempHome(pub std::path::PathBuf);
    impl TempHome {
        pub fn new(tag: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("voiceops-cli-{tag}-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            TempHome(dir)
        }
    }
    impl Drop for TempHome {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

#[test]
fn input_that_is_not_an_alexa_request_exits_2_with_a_message() {
    let home = tempdir::TempHome::new("bad");
    let mut child = voiceops(&home)
        .args(["invoke", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"hello\": \"world\"}")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not an Alexa request"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_missing_file_and_a_foreign_skill_id_fail_clearly() {
    let home = tempdir::TempHome::new("fail");
    let out = voiceops(&home)
        .args(["invoke", "/nonexistent/request.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/request.json"));

    let out = voiceops(&home)
        .env("SKILL_ID", "amzn1.ask.skill.mine")
        .args(["invoke"])
        .arg(fixture("va-launch"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("refused"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn launch_and_help_need_no_aws_at_all() {
    let home = tempdir::TempHome::new("launch");
    let out = voiceops(&home)
        .args(["invoke"])
        .arg(fixture("va-launch"))
        .output()
        .unwrap();
    assert!(speech(&out).starts_with("Welcome to Voice Ops."));
}

#[test]
fn no_credentials_and_no_region_are_spoken_plainly() {
    let home = tempdir::TempHome::new("creds");
    let out = voiceops(&home)
        .env("AWS_REGION", "us-east-1")
        .env("VOICEOPS_REGIONS", "eu-west-1")
        .env("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
        .args(["invoke"])
        .arg(fixture("va-count-running"))
        .output()
        .unwrap();
    assert_eq!(speech(&out), "I couldn't find any AWS credentials, so I can't see your account. Check the skill's role or your AWS profile.");

    let out = voiceops(&home)
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .args(["invoke"])
        .arg(fixture("va-count-running"))
        .output()
        .unwrap();
    assert_eq!(
        speech(&out),
        "I don't know which AWS region to start from. Set a default region for the skill."
    );
}

#[test]
fn on_lambda_it_refuses_to_start_without_a_skill_id() {
    let home = tempdir::TempHome::new("lambda");
    let out = voiceops(&home)
        .env("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let logs =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(logs.contains("SKILL_ID is not set"), "{logs}");
    assert!(
        logs.trim_start().starts_with('{'),
        "Lambda logs are JSON: {logs}"
    );
}
