//! The conversation against recorded requests, with a fake AWS that answers in
//! microseconds: every intent and path, slow and failing regions, bad input.

use crate::common;
use alexa_core::model::ResponseEnvelope;
use alexa_core::testing::{ResponseExt, TestRequest, TEST_SKILL_ID};
use alexa_core::Skill;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use common::fake_aws::{fleet, FakeAws};
use voiceops_skill::config::SkillIds;
use voiceops_skill::inventory::{InventoryError, Timing};
use voiceops_skill::skill::build;
use voiceops_skill::state::VoiceOps;

fn skill_with(aws: FakeAws, timing: Timing) -> Skill<VoiceOps> {
    build(
        VoiceOps::new(Arc::new(aws), timing),
        SkillIds::Only(vec![TEST_SKILL_ID.into()]),
    )
    .expect("valid skill")
}

async fn replay(skill: &Skill<VoiceOps>, fixture: &str) -> ResponseEnvelope {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../recordings/requests")
        .join(format!("{fixture}.json"));
    let body = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let out = skill
        .handle_json(&body)
        .await
        .unwrap_or_else(|e| panic!("{fixture}: {e}"));
    serde_json::from_slice(&out).unwrap()
}

#[tokio::test]
async fn every_recorded_request_gets_the_answer_a_user_expects() {
    let skill = skill_with(fleet(), Timing::default());
    let cases: &[(&str, &str, Option<bool>)] = &[
        ("va-launch", "Welcome to Voice Ops. You can ask how many instances are running, how many are stopped in a region like Frankfurt, or what databases you have. What would you like to know?", Some(false)),
        ("va-count-running", "87 instances are running across 4 regions: 73 in North Virginia, 10 in Ireland, 3 in Frankfurt and 1 in Tokyo.", Some(true)),
        ("va-count-stopped-frankfurt", "4 instances are stopped in Frankfurt.", Some(true)),
        ("va-count-all-one-shot", "You have 91 instances across 4 regions: 87 running and 4 stopped.", Some(true)),
        ("va-count-en-gb", "No instances are running in London.", Some(true)),
        ("va-count-region-no-match", "I don't know the region franfut. Try a city like Frankfurt, or a name like e u west one. Which region?", Some(false)),
        ("va-list-databases-region-code", "You have 2 databases in Ireland: billing, PostgreSQL, available; reports, Aurora PostgreSQL cluster, available.", Some(true)),
        ("va-status-report", "Across 5 regions, 87 instances are running and 4 are stopped, and you have 3 databases, 2 available.", Some(true)),
        ("va-help", "You can ask how many instances are running, how many are stopped in a region like Frankfurt, or what databases you have. You can also ask for a status report. What would you like to know?", Some(false)),
        ("va-stop", "Goodbye.", Some(true)),
        ("va-cancel", "Goodbye.", Some(true)),
        ("va-fallback", "Sorry, Voice Ops can't help with that. You can ask how many instances are running, how many are stopped in a region like Frankfurt, or what databases you have.", Some(false)),
        ("va-session-ended-user", "", None),
        ("doc-de-de-count-frankfurt", "In Frankfurt sind 4 Instanzen gestoppt.", Some(true)),
        ("doc-dialog-completed", "10 instances are running in Ireland.", Some(true)),
        ("quirk-session-without-id", "You have 3 databases across 2 regions: billing, PostgreSQL, available; orders, MySQL, stopped; reports, Aurora PostgreSQL cluster, available.", Some(true)),
        ("quirk-unknown-request-type", "", None),
        ("special-intent-names", "Sorry, Voice Ops can't help with that. You can ask how many instances are running, how many are stopped in a region like Frankfurt, or what databases you have.", Some(false)),
    ];
    for (fixture, speech, end) in cases {
        let r = replay(&skill, fixture).await;
        assert_eq!(r.speech_text(), *speech, "{fixture}");
        assert_eq!(r.response.should_end_session, *end, "{fixture}");
        if *end == Some(false) {
            assert!(
                r.reprompt_text().is_some(),
                "{fixture}: a question needs a reprompt"
            );
        }
    }
}

#[tokio::test]
async fn the_database_list_card_has_every_database() {
    let r = replay(
        &skill_with(fleet(), Timing::default()),
        "quirk-session-without-id",
    )
    .await;
    let (title, text) = r.card_text().expect("card");
    assert_eq!(title, "Databases (3)");
    assert!(
        text.contains("orders — mysql instance, stopped — North Virginia"),
        "{text}"
    );
}

#[tokio::test]
async fn hanging_regions_give_a_partial_answer_within_the_deadline() {
    let mut aws = fleet();
    aws.regions.push("sa-east-1".into());
    aws.regions.push("ap-south-1".into());
    aws.hang = vec!["sa-east-1".into(), "ap-south-1".into()];
    let timing = Timing {
        per_region: Duration::from_millis(100),
        overall: Duration::from_millis(300),
        ..Timing::default()
    };
    let skill = skill_with(aws, timing);
    let started = std::time::Instant::now();
    let r = replay(&skill, "va-count-running").await;
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(
        r.speech_text(),
        "87 instances are running across 4 regions: 73 in North Virginia, 10 in Ireland, 3 in Frankfurt and 1 in Tokyo. I couldn't reach 2 regions: Sao Paulo and Mumbai."
    );
}

#[tokio::test]
async fn the_overall_deadline_cuts_off_regions_that_have_not_timed_out_yet() {
    let mut aws = fleet();
    aws.hang = vec!["us-east-1".into()];
    let timing = Timing {
        per_region: Duration::from_secs(60),
        overall: Duration::from_millis(150),
        ..Timing::default()
    };
    let r = replay(&skill_with(aws, timing), "va-count-running").await;
    assert!(
        r.speech_text()
            .ends_with("I couldn't reach one region: North Virginia."),
        "{}",
        r.speech_text()
    );
}

#[tokio::test]
async fn aws_errors_are_spoken_plainly_and_never_fail_the_invocation() {
    let cases = [
        (InventoryError::NoCredentials, "I couldn't find any AWS credentials, so I can't see your account. Check the skill's role or your AWS profile."),
        (InventoryError::AccessDenied { permission: "ec2:DescribeInstances" }, "I'm not allowed to read that. The skill's role needs the permission e c 2 describe instances."),
        (InventoryError::Throttled, "AWS is throttling my requests right now. Please try again in a minute."),
    ];
    for (error, speech) in cases {
        let mut aws = fleet();
        aws.fail = aws
            .regions
            .iter()
            .map(|r| (r.clone(), error.clone()))
            .collect();
        let r = replay(&skill_with(aws, Timing::default()), "va-count-running").await;
        assert_eq!(r.speech_text(), speech);
        assert!(r.ends_session());
    }
    let mut aws = fleet();
    aws.regions_error = Some(InventoryError::NoRegion);
    let r = replay(
        &skill_with(aws, Timing::default()),
        "va-list-databases-region-code",
    )
    .await;
    assert!(
        r.speech_text()
            .starts_with("You have 2 databases in Ireland"),
        "a named region needs no region list"
    );
    let mut aws = fleet();
    aws.regions_error = Some(InventoryError::NoRegion);
    let r = replay(&skill_with(aws, Timing::default()), "va-count-running").await;
    assert_eq!(
        r.speech_text(),
        "I don't know which AWS region to start from. Set a default region for the skill."
    );
}

#[tokio::test]
async fn one_failing_region_is_named_and_the_rest_answered() {
    let mut aws = fleet();
    aws.fail
        .insert("eu-west-1".into(), InventoryError::Failed("boom".into()));
    let r = replay(&skill_with(aws, Timing::default()), "va-count-running").await;
    assert_eq!(
        r.speech_text(),
        "77 instances are running across 3 regions: 73 in North Virginia, 3 in Frankfurt and 1 in Tokyo. I couldn't reach one region: Ireland."
    );
}

#[tokio::test]
async fn empty_slots_and_unknown_intents() {
    let skill = skill_with(fleet(), Timing::default());
    let r = skill
        .handle(
            TestRequest::intent("CountInstancesIntent")
                .empty_slot("state")
                .empty_slot("region")
                .build(),
        )
        .await
        .unwrap();
    assert_eq!(
        r.speech_text(),
        "You have 91 instances across 4 regions: 87 running and 4 stopped."
    );
    let r = skill
        .handle(TestRequest::intent("DeleteEverythingIntent").build())
        .await
        .unwrap();
    assert!(r
        .speech_text()
        .starts_with("Sorry, Voice Ops can't help with that."));
    assert!(r.keeps_session_open());
    let r = skill
        .handle(
            TestRequest::intent("CountInstancesIntent")
                .resolved_slot("region", "mars", "AwsRegion", "mars", "Mars")
                .build(),
        )
        .await
        .unwrap();
    assert_eq!(r.speech_text(), "I don't know the region mars. Try a city like Frankfurt, or a name like e u west one. Which region?");
}

#[tokio::test]
async fn bad_input_is_refused_not_answered() {
    let skill = skill_with(fleet(), Timing::default());
    for bad in [&b""[..], b"null", b"{\"version\":\"1.0\"}", b"<xml/>"] {
        assert!(matches!(
            skill.handle_json(bad).await,
            Err(alexa_core::InvocationError::NotAnAlexaRequest(_))
        ));
    }
    let other = TestRequest::launch()
        .skill_id("amzn1.ask.skill.not-ours")
        .build();
    assert!(matches!(
        skill.handle(other).await,
        Err(alexa_core::InvocationError::SkillIdMismatch { .. })
    ));
}

/// Failures the handlers never see (a panic, Alexa's deadline) are answered through the
/// skill's error handler, in the request's language.
#[tokio::test]
async fn a_panic_and_the_deadline_are_apologised_for_in_the_users_language() {
    use tower::Layer;
    let count = |locale: &str| {
        TestRequest::intent("CountInstancesIntent")
            .locale(locale)
            .build()
    };
    let mut aws = fleet();
    aws.panics = true;
    let broken = skill_with(aws, Timing::default());
    let r = broken.handle(count("de-DE")).await.unwrap();
    assert_eq!(
        r.speech_text(),
        "Entschuldigung, da ist etwas schiefgegangen. Bitte versuchen Sie es später noch einmal."
    );
    assert!(r.ends_session());
    let r = broken.handle(count("en-GB")).await.unwrap();
    assert_eq!(r.speech_text(), alexa_core::APOLOGY);

    let mut aws = fleet();
    aws.hang = vec!["us-east-1".into()];
    let patient = Timing {
        per_region: Duration::from_secs(60),
        overall: Duration::from_secs(60),
        ..Timing::default()
    };
    let slow = alexa_core::deadline::DeadlineLayer::new(Duration::from_millis(50))
        .layer(skill_with(aws, patient));
    let r = slow.handle(count("de-DE")).await.unwrap();
    assert_eq!(
        r.speech_text(),
        "Das dauert leider zu lange. Bitte versuchen Sie es gleich noch einmal."
    );
    let r = slow.handle(count("en-US")).await.unwrap();
    assert_eq!(r.speech_text(), alexa_core::TOO_SLOW);
}

/// Asked whether it can answer a request the user made without naming it, VoiceOps says YES
/// only for its own questions with slots it understands, and NO otherwise.
#[tokio::test]
async fn can_fulfill_intent_requests_are_answered_honestly() {
    let skill = skill_with(fleet(), Timing::default());
    let answer = |r: ResponseEnvelope| serde_json::to_value(r.response).unwrap();

    let recorded = answer(replay(&skill, "can-fulfill-count").await);
    assert_eq!(
        recorded,
        serde_json::json!({"canFulfillIntent": {"canFulfill": "YES", "slots": {
            "region": {"canUnderstand": "YES", "canFulfill": "YES"},
            "state": {"canUnderstand": "YES", "canFulfill": "YES"}}}}),
        "no speech, only the answer"
    );

    let ask = |request: TestRequest| {
        let skill = skill.clone();
        async move { answer(skill.handle(request.build()).await.unwrap()) }
    };
    let unknown_region =
        ask(TestRequest::can_fulfill("CountInstancesIntent").slot("region", "atlantis")).await;
    assert_eq!(unknown_region["canFulfillIntent"]["canFulfill"], "NO");
    assert_eq!(
        unknown_region["canFulfillIntent"]["slots"]["region"],
        serde_json::json!({"canUnderstand": "NO", "canFulfill": "NO"})
    );
    let no_slots = ask(TestRequest::can_fulfill("ListDatabasesIntent")).await;
    assert_eq!(
        no_slots["canFulfillIntent"],
        serde_json::json!({"canFulfill": "YES"})
    );
    let resolved = ask(
        TestRequest::can_fulfill("StatusReportIntent").resolved_slot(
            "region",
            "frankfurt",
            "AwsRegion",
            "eu-central-1",
            "Frankfurt",
        ),
    )
    .await;
    assert_eq!(resolved["canFulfillIntent"]["canFulfill"], "YES");
    let german = ask(TestRequest::can_fulfill("CountInstancesIntent")
        .locale("de-DE")
        .slot("region", "irland"))
    .await;
    assert_eq!(
        german["canFulfillIntent"]["canFulfill"], "YES",
        "the German model's values"
    );
    for other in ["AMAZON.HelpIntent", "OrderPizzaIntent"] {
        let not_ours = ask(TestRequest::can_fulfill(other)).await;
        assert_eq!(not_ours["canFulfillIntent"]["canFulfill"], "NO", "{other}");
    }
}
