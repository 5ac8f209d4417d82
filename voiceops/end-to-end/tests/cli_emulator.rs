//! The `voiceops-skill` binary against the AWS API emulator, as an operator runs it:
//! `invoke` with a file and with stdin, and `simulate` with piped utterances.

use end_to_end::{
    emulator::Emulator, fixture, run_with_stdin, seed, simulate, speech, stdout, voiceops, Scratch,
};
use std::process::Command;

/// The environment that points every AWS call at `moto`.
fn moto_env(moto: &Emulator) -> Vec<(&str, &str)> {
    vec![
        ("AWS_ENDPOINT_URL", moto.endpoint.as_str()),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
    ]
}

fn with_emulator(cmd: &mut Command, moto: &Emulator) {
    cmd.envs(moto_env(moto));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invoke_answers_a_file_and_stdin_from_the_emulator() {
    let moto = Emulator::start();
    let config = moto.config("us-east-1").await;
    seed::instances(&config, "eu-central-1", 2, 3).await;
    let home = Scratch::new("invoke");

    let mut cmd = voiceops(&home.0);
    with_emulator(&mut cmd, &moto);
    let out = cmd
        .env("VOICEOPS_REGIONS", "eu-central-1,eu-west-1")
        .args(["invoke"])
        .arg(fixture("va-count-stopped-frankfurt"))
        .output()
        .unwrap();
    assert_eq!(speech(&out), "3 instances are stopped in Frankfurt.");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("SKILL_ID is not set"),
        "says it accepts any skill ID"
    );

    let mut cmd = voiceops(&home.0);
    with_emulator(&mut cmd, &moto);
    cmd.env("VOICEOPS_REGIONS", "eu-central-1,eu-west-1")
        .env("SKILL_ID", alexa_core::testing::TEST_SKILL_ID)
        .args(["invoke", "-"]);
    let out = run_with_stdin(cmd, &std::fs::read(fixture("va-count-running")).unwrap());
    assert_eq!(speech(&out), "2 instances are running, all in Frankfurt.");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scripted_conversation_against_the_emulator() {
    let moto = Emulator::start();
    let config = moto.config("us-east-1").await;
    seed::instances(&config, "us-east-1", 2, 1).await;
    let scratch = Scratch::new("piped");
    let mut env = moto_env(&moto);
    env.push(("VOICEOPS_REGIONS", "us-east-1"));
    let script = "# a comment is skipped\nopen voice ops\nhow many are running\n\n\nhello\n";
    let said = stdout(&simulate(&[], &scratch.0, &env, script));
    let lines: Vec<&str> = said.lines().collect();
    assert!(
        lines[0].starts_with("Alexa: Welcome to Voice Ops."),
        "{said}"
    );
    assert_eq!(
        lines[1],
        "Alexa: 2 instances are running, all in North Virginia."
    );
    assert_eq!(lines.len(), 5, "{said}");
    // The answer ended the session: silence is nothing, and "hello" is not for the skill.
    assert_eq!(lines[2], "Alexa: (nothing: no session is listening)");
    assert_eq!(lines[3], lines[2]);
    assert!(
        lines[4].starts_with("Alexa: (that was not for Voice Ops"),
        "{said}"
    );

    let said = stdout(&simulate(&["--json"], &scratch.0, &env, "open voice ops\n"));
    let lines: Vec<&str> = said.lines().collect();
    assert!(lines[0].starts_with("-> {\"version\":\"1.0\""), "{said}");
    assert!(lines[0].contains("\"type\":\"LaunchRequest\""), "{said}");
    assert!(lines[1].starts_with("<- {\"version\":\"1.0\""), "{said}");
    assert!(lines[2].starts_with("Alexa: Welcome"), "{said}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simulate_remembers_each_user_across_runs_and_notices_a_change() {
    let moto = Emulator::start();
    let config = moto.config("us-east-1").await;
    seed::instances(&config, "us-east-1", 2, 0).await;
    let scratch = Scratch::new("remember");
    let store = format!("local:{}", scratch.0.join("attributes.sqlite3").display());
    let mut env = moto_env(&moto);
    env.extend([
        ("VOICEOPS_REGIONS", "us-east-1"),
        ("VOICEOPS_STORE", store.as_str()),
        ("TZ", "UTC"),
    ]);
    let ask = "ask voice ops how many instances are running\n";
    let first = stdout(&simulate(&["--user", "ada"], &scratch.0, &env, ask));
    assert_eq!(
        first,
        "Alexa: 2 instances are running, all in North Virginia.\n"
    );

    seed::instances(&config, "us-east-1", 3, 0).await;
    let again = stdout(&simulate(&["--user", "ada"], &scratch.0, &env, ask));
    // "...when you asked at 13:05." (the host's clock, in UTC), or "...than last time." if
    // the two runs straddled midnight.
    assert!(
        again.starts_with(
            "Alexa: 5 instances are running, all in North Virginia. That's 3 more than "
        ),
        "{again}"
    );
    let someone_else = stdout(&simulate(&["--user", "bob"], &scratch.0, &env, ask));
    assert_eq!(
        someone_else,
        "Alexa: 5 instances are running, all in North Virginia.\n"
    );
    assert!(scratch.0.join("attributes.sqlite3").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_setting_that_makes_no_sense_stops_the_program() {
    let scratch = Scratch::new("bad-store");
    let out = simulate(
        &[],
        &scratch.0,
        &[
            ("VOICEOPS_STORE", "redis://localhost"),
            ("AWS_REGION", "us-east-1"),
        ],
        "open voice ops\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("local:PATH or dynamodb:TABLE"), "{err}");
}
