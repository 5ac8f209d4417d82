//! `cargo alexa deploy` and `check` against Amazon's stand-in: the order Amazon accepts, a
//! failed build, throttling, an expired login, and the dry run.

mod common;

use common::{amazon, cargo_alexa, deployed, new_project};
use serde_json::Value;

const ARN: &str = "arn:aws:lambda:eu-west-1:123456789012:function:mood";

#[tokio::test]
async fn a_new_skill_is_imported_without_its_endpoint_then_pointed_at_the_function() {
    let amazon = amazon().await;
    let (project, skill_id) = deployed(&amazon).await;
    let calls = amazon.calls();
    let at = |call: &str| {
        calls
            .iter()
            .position(|c| c == call)
            .unwrap_or_else(|| panic!("no {call} in {calls:?}"))
    };
    assert!(at("POST /v1/skills/imports") < at("PUT /v1/skills/{skillId}/stages/{stage}/manifest"));
    assert!(
        at("PUT /v1/skills/{skillId}/stages/{stage}/manifest")
            < at("PUT /v1/skills/{skillId}/stages/{stage}/enablement")
    );
    assert_eq!(
        amazon.manifest(&skill_id).unwrap()["apis"]["custom"]["endpoint"]["uri"],
        ARN
    );
    assert!(amazon.enabled(&skill_id));
    let states: Value = serde_json::from_str(
        &std::fs::read_to_string(project.join(".ask/ask-states.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        states["profiles"]["default"]["skillId"],
        skill_id.as_str(),
        "kept where the ASK CLI keeps it"
    );

    // Again: the same skill is updated, and the endpoint Amazon has is kept.
    let again = cargo_alexa(
        &amazon,
        &project,
        &["deploy", "--poll-interval-ms", "5", "--json"],
    )
    .await;
    again.ok();
    let out: Value = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(out["skillId"], skill_id.as_str());
    let changes: Vec<&str> = out["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        changes.contains(&"InteractionModel.en-US: UPDATE SUCCEEDED"),
        "{changes:?}"
    );
    assert!(
        changes.contains(&"testing was already enabled (development)"),
        "{changes:?}"
    );
    assert_eq!(amazon.skill_ids().len(), 1);
    assert_eq!(
        amazon.manifest(&skill_id).unwrap()["apis"]["custom"]["endpoint"]["uri"],
        ARN
    );
}

#[tokio::test]
async fn a_failed_build_fails_the_deploy_with_amazons_message() {
    let amazon = amazon().await;
    let project = new_project();
    amazon.fail_next_build("en-US", "Sample utterance \"{mood} {mood}\" is invalid.");
    let run = cargo_alexa(&amazon, &project, &["deploy", "--poll-interval-ms", "5"]).await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("InteractionModel.en-US: Sample utterance \"{mood} {mood}\" is invalid."),
        "{}",
        run.stderr
    );
}

#[tokio::test]
async fn throttling_is_waited_out_and_shown() {
    let amazon = amazon().await;
    let project = new_project();
    amazon.throttle(2, 0);
    let run = cargo_alexa(&amazon, &project, &["deploy", "--poll-interval-ms", "5"]).await;
    run.ok();
    assert!(
        run.stderr.contains("throttled (attempt 1)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.starts_with("Skill ID: amzn1.ask.skill."),
        "{}",
        run.stdout
    );
}

#[tokio::test]
async fn an_access_token_expiring_mid_deploy_is_refreshed_and_the_deploy_goes_on() {
    let amazon = amazon().await;
    let project = new_project();
    amazon.expire_access_tokens_after(4);
    let run = cargo_alexa(
        &amazon,
        &project,
        &["deploy", "--poll-interval-ms", "5", "--endpoint", ARN],
    )
    .await;
    run.ok();
    let skill_id = amazon.skill_ids().pop().unwrap();
    assert!(amazon.enabled(&skill_id));
    assert_eq!(
        amazon.manifest(&skill_id).unwrap()["apis"]["custom"]["endpoint"]["uri"],
        ARN
    );
}

#[tokio::test]
async fn a_revoked_login_says_what_to_run_and_prints_no_secret() {
    let amazon = amazon().await;
    let project = new_project();
    amazon.revoke_refresh_token();
    let run = cargo_alexa(&amazon, &project, &["deploy", "--poll-interval-ms", "5"]).await;
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("run `cargo alexa login` again"),
        "{}",
        run.stderr
    );
    let creds = amazon.credentials();
    for secret in [creds.refresh_token.expose(), creds.client_secret.expose()] {
        assert!(!run.stderr.contains(secret) && !run.stdout.contains(secret));
    }
    assert!(amazon.skill_ids().is_empty());
}

#[tokio::test]
async fn a_dry_run_shows_the_calls_and_makes_none() {
    let amazon = amazon().await;
    let project = new_project();
    let run = cargo_alexa(
        &amazon,
        &project,
        &["deploy", "--dry-run", "--endpoint", ARN],
    )
    .await;
    run.ok();
    assert!(
        run.stdout.contains("POST /v1/skills/imports"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("(endpoint {ARN})")),
        "{}",
        run.stdout
    );
    assert!(amazon.calls().is_empty(), "{:?}", amazon.calls());
    let bad = cargo_alexa(
        &amazon,
        &project,
        &[
            "deploy",
            "--dry-run",
            "--endpoint",
            "http://plain.example.com",
        ],
    )
    .await;
    assert_eq!(bad.code, 2);
}

#[tokio::test]
async fn check_passes_a_new_project_and_names_what_breaks_the_rules() {
    let amazon = amazon().await;
    let project = new_project();
    let run = cargo_alexa(&amazon, &project, &["check", "--no-code"]).await;
    run.ok();
    assert!(run.stdout.contains("en-US: no issues"), "{}", run.stdout);
    let model = project.join("skill-package/interactionModels/custom/en-US.json");
    let text = std::fs::read_to_string(&model).unwrap().replace(
        "\"invocationName\": \"mood diary\"",
        "\"invocationName\": \"Mood\"",
    );
    std::fs::write(&model, text).unwrap();
    let run = cargo_alexa(&amazon, &project, &["check", "--no-code"]).await;
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("invocation name \"Mood\": must have at least two words"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("must be lower case"), "{}", run.stdout);
    let deploy = cargo_alexa(&amazon, &project, &["deploy", "--poll-interval-ms", "5"]).await;
    assert_eq!(
        deploy.code, 1,
        "a package that breaks the rules is not sent"
    );
    assert!(amazon.calls().is_empty());
}
