//! The `voiceops-skill` binary as an operator runs it: `invoke` with a file or stdin,
//! exit codes, the skill-ID rules, plain errors for missing credentials and region.

use end_to_end::{fixture, run_with_stdin, simulate, speech, stdout, voiceops, Scratch};

#[test]
fn input_that_is_not_an_alexa_request_exits_2_with_a_message() {
    let home = Scratch::new("bad");
    let mut cmd = voiceops(&home.0);
    cmd.args(["invoke", "-"]);
    let out = run_with_stdin(cmd, b"{\"hello\": \"world\"}");
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
    let home = Scratch::new("fail");
    let out = voiceops(&home.0)
        .args(["invoke", "/nonexistent/request.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/request.json"));

    let out = voiceops(&home.0)
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
fn a_launch_needs_no_aws_and_leaves_no_store_in_the_data_folder() {
    // The data folder's store is opened by the first turn that remembers a count, so
    // answering a launch creates no database and starts no SQLite.
    let home = Scratch::new("launch");
    let out = voiceops(&home.0)
        .args(["invoke"])
        .arg(fixture("va-launch"))
        .output()
        .unwrap();
    assert!(speech(&out).starts_with("Welcome to Voice Ops."));
    let data_folder = home.0.join(".local/share/voiceops");
    assert!(
        !data_folder.exists(),
        "a launch made {}",
        data_folder.display()
    );
}

#[test]
fn no_credentials_and_no_region_are_spoken_plainly() {
    let home = Scratch::new("creds");
    let out = voiceops(&home.0)
        .env("AWS_REGION", "us-east-1")
        .env("VOICEOPS_REGIONS", "eu-west-1")
        .env("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
        .args(["invoke"])
        .arg(fixture("va-count-running"))
        .output()
        .unwrap();
    assert_eq!(speech(&out), "I couldn't find any AWS credentials, so I can't see your account. Check the skill's role or your AWS profile.");

    let out = voiceops(&home.0)
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

/// A new user's machine: no AWS variables, an empty `~/.aws/credentials`, no instance
/// metadata. The SDK's error then reads "an error occurred while loading credentials",
/// which must still be heard as missing credentials, not as "something went wrong".
#[test]
fn an_empty_credentials_file_is_heard_as_no_credentials() {
    let home = Scratch::new("empty-creds");
    std::fs::create_dir_all(home.0.join(".aws")).unwrap();
    std::fs::write(home.0.join(".aws/credentials"), "").unwrap();
    let credentials = home.0.join(".aws/credentials");
    let out = simulate(
        &[],
        &home.0,
        &[("AWS_SHARED_CREDENTIALS_FILE", credentials.to_str().unwrap())],
        "ask voice ops how many instances are running in frankfurt\n",
    );
    let said = stdout(&out);
    assert!(
        said.contains("I couldn't find any AWS credentials, so I can't see your account."),
        "{said}"
    );
}

#[test]
fn on_lambda_it_refuses_to_start_without_a_skill_id() {
    let home = Scratch::new("lambda");
    let out = voiceops(&home.0)
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

/// A required field of the wrong type exits 2 with a message naming the field; an optional
/// one of the wrong type is left out and the request answered.
#[test]
fn a_broken_required_field_is_named_and_an_odd_optional_one_is_left_out() {
    let home = Scratch::new("fields");
    let run = |body: &str| {
        let mut cmd = voiceops(&home.0);
        cmd.args(["invoke", "-"]);
        run_with_stdin(cmd, body.as_bytes())
    };
    let out = run(
        r#"{"version": "1.0", "context": {}, "request": {"type": "IntentRequest",
        "requestId": "r", "locale": "en-US", "intent": {"name": 42}}}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("field `request.intent.name`"), "{stderr}");

    let out = run(
        r#"{"version": "1.0", "context": {}, "session": {"new": "yes", "sessionId": "s"},
        "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-US", "timestamp": [1]}}"#,
    );
    assert!(speech(&out).starts_with("Welcome to Voice Ops."));
}
