//! The skill's own Login with Amazon, proactive events and skill messaging against the
//! crate's stand-in, which answers with Amazon's documented bodies and faults.

use alexa_core::model::{Secret, Timestamp};
use alexa_services::*;
use alexa_services_stand_in::StandIn;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

const USER: &str = "amzn1.ask.account.stand-in";

fn stopped_event(reference: &str, count: u32) -> ProactiveEvent {
    ProactiveEvent::new(
        reference,
        Event::message_alert("localizedattribute:summary", count),
        RelevantAudience::user(USER),
        Timestamp::now(),
        Duration::from_secs(3600),
    )
    .localized("en-US", "summary", "1 instance stopped in Frankfurt")
    .localized("de-DE", "summary", "1 Instanz in Frankfurt gestoppt")
}

#[tokio::test]
async fn one_token_per_scope_serves_every_call_until_it_nears_expiry() {
    let amazon = StandIn::start().await.unwrap();
    let api = amazon.skill_api();
    for n in 0..3 {
        api.create_proactive_event(
            SkillStage::Development,
            &stopped_event(&format!("r-{n}"), 1),
        )
        .await
        .unwrap();
    }
    assert_eq!(amazon.tokens_issued(), 1, "one token for three events");
    let message = SkillMessage {
        data: json!({"check": "now"}),
        expires_after_seconds: Some(600),
    };
    api.send_message(USER, &message).await.unwrap();
    assert_eq!(
        amazon.tokens_issued(),
        2,
        "skill messaging has a scope of its own"
    );
    let events = amazon.events();
    assert_eq!(events.len(), 3);
    assert_eq!(events[0].to, "development");
    assert_eq!(
        events[0].body["localizedAttributes"][1]["summary"],
        "1 Instanz in Frankfurt gestoppt"
    );
    assert_eq!(amazon.messages()[0].body["data"]["check"], "now");
}

#[tokio::test]
async fn the_live_stage_posts_to_the_live_path() {
    let amazon = StandIn::start().await.unwrap();
    amazon
        .skill_api()
        .create_proactive_event(SkillStage::Live, &stopped_event("live-1", 2))
        .await
        .unwrap();
    assert_eq!(amazon.events()[0].to, "live");
    assert_eq!(amazon.calls()[0].call, "POST /v1/proactiveEvents");
}

#[tokio::test]
async fn refused_credentials_say_what_login_with_amazon_said() {
    let amazon = StandIn::start().await.unwrap();
    let wrong = SkillCredentials {
        client_id: "amzn1.application-oa2-client.other".into(),
        client_secret: Secret::new("nope"),
    };
    let api = SkillApi::at(
        &amazon.base_url(),
        Arc::new(SkillTokens::with_token_url(wrong, amazon.token_url())),
    );
    let err = api
        .create_proactive_event(SkillStage::Development, &stopped_event("r", 1))
        .await
        .unwrap_err();
    match &err {
        ApiError::Credentials(reason) => assert!(reason.starts_with("invalid_client"), "{reason}"),
        other => panic!("expected Credentials, got {other:?}"),
    }
    assert!(
        !err.to_string().contains("nope"),
        "the secret never reaches the error: {err}"
    );
    assert!(amazon.events().is_empty());
}

#[tokio::test]
async fn an_event_that_breaks_its_schema_names_the_field() {
    let amazon = StandIn::start().await.unwrap();
    let api = amazon.skill_api();
    let err = api
        .create_proactive_event(SkillStage::Development, &stopped_event("r", 0))
        .await
        .unwrap_err();
    match err {
        ApiError::Refused {
            status: 400,
            message,
            ..
        } => {
            assert!(
                message.contains("event.payload.messageGroup.count"),
                "{message}"
            )
        }
        other => panic!("expected Refused, got {other:?}"),
    }
    let mut missing_text = stopped_event("r2", 1);
    missing_text.localized_attributes[1].remove("summary");
    let err = api
        .create_proactive_event(SkillStage::Development, &missing_text)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ApiError::Refused { message, .. } if message.contains("localizedAttributes.summary")),
        "{err:?}"
    );
    assert!(amazon.events().is_empty(), "nothing refused is kept");
}

#[tokio::test]
async fn a_second_event_with_one_reference_id_is_a_conflict() {
    let amazon = StandIn::start().await.unwrap();
    let api = amazon.skill_api();
    api.create_proactive_event(SkillStage::Development, &stopped_event("same", 1))
        .await
        .unwrap();
    let err = api
        .create_proactive_event(SkillStage::Development, &stopped_event("same", 1))
        .await
        .unwrap_err();
    assert!(
        matches!(err, ApiError::Refused { status: 409, .. }),
        "{err:?}"
    );
    assert_eq!(amazon.events().len(), 1);
}

#[tokio::test]
async fn a_throttled_call_waits_as_long_as_retry_after_says_then_succeeds() {
    let amazon = StandIn::start().await.unwrap();
    amazon.set_retry_after(1);
    amazon.fail_next(&[429]);
    amazon
        .skill_api()
        .create_proactive_event(SkillStage::Development, &stopped_event("r", 1))
        .await
        .unwrap();
    let calls = amazon.calls();
    assert_eq!(calls.len(), 2, "the 429 and the retry");
    assert!(
        calls[1].at.duration_since(calls[0].at) >= Duration::from_secs(1),
        "Retry-After honoured"
    );
    assert_eq!(amazon.events().len(), 1);
}

#[tokio::test]
async fn throttling_that_outlasts_the_retries_is_reported() {
    let amazon = StandIn::start().await.unwrap();
    amazon.set_retry_after(0);
    amazon.fail_next(&[429, 429, 429]);
    let api = amazon.skill_api().with_retries(Retries {
        attempts: 2,
        ..Retries::default()
    });
    let err = api
        .create_proactive_event(SkillStage::Development, &stopped_event("r", 1))
        .await
        .unwrap_err();
    assert_eq!(err, ApiError::Throttled);
    assert_eq!(amazon.calls().len(), 3, "the first call and two retries");
}

#[tokio::test]
async fn a_revoked_token_is_fetched_again_once() {
    let amazon = StandIn::start().await.unwrap();
    let api = amazon.skill_api();
    api.create_proactive_event(SkillStage::Development, &stopped_event("a", 1))
        .await
        .unwrap();
    amazon.revoke_tokens();
    api.create_proactive_event(SkillStage::Development, &stopped_event("b", 1))
        .await
        .unwrap();
    assert_eq!(amazon.tokens_issued(), 2);
    amazon.fail_next(&[401, 401]);
    let err = api
        .create_proactive_event(SkillStage::Development, &stopped_event("c", 1))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        ApiError::Unauthorized,
        "a second refusal is not retried forever"
    );
    assert_eq!(amazon.events().len(), 2);
}

#[tokio::test]
async fn server_errors_and_unknown_users_are_typed() {
    let amazon = StandIn::start().await.unwrap();
    let api = amazon.skill_api();
    amazon.fail_next(&[500]);
    let err = api
        .create_proactive_event(SkillStage::Development, &stopped_event("a", 1))
        .await
        .unwrap_err();
    assert_eq!(err, ApiError::Status { status: 500 });
    let message = SkillMessage {
        data: json!({}),
        expires_after_seconds: None,
    };
    let err = api
        .send_message("amzn1.ask.account.nobody", &message)
        .await
        .unwrap_err();
    assert_eq!(err, ApiError::NotFound);
    amazon.add_user("amzn1.ask.account.nobody");
    api.send_message("amzn1.ask.account.nobody", &message)
        .await
        .unwrap();
    let too_long = SkillMessage {
        data: json!({}),
        expires_after_seconds: Some(100_000),
    };
    let err = api.send_message(USER, &too_long).await.unwrap_err();
    assert!(
        matches!(&err, ApiError::Refused { message, .. } if message.contains("expiresAfterSeconds")),
        "{err:?}"
    );
    amazon.fail_next(&[403, 403]);
    assert_eq!(
        api.send_message(USER, &message).await.unwrap_err(),
        ApiError::Forbidden
    );
}

#[test]
fn the_region_is_read_from_the_requests_api_endpoint() {
    assert_eq!(
        AlexaRegion::of_endpoint("https://api.eu.amazonalexa.com"),
        Some(AlexaRegion::Europe)
    );
    assert_eq!(
        AlexaRegion::of_endpoint("https://api.amazonalexa.com/"),
        Some(AlexaRegion::NorthAmerica)
    );
    assert_eq!(AlexaRegion::of_endpoint("http://127.0.0.1:9"), None);
}
