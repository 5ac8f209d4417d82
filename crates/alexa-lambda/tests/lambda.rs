//! The skill as the Lambda runtime sees it: a `Service<LambdaEvent<RequestEnvelope>>` whose
//! refusals are Lambda diagnostics and whose slow answers are apologies, not timeouts.

use alexa_core::testing::{ResponseExt, TestRequest, TEST_SKILL_ID};
use alexa_core::{Response, Skill};
use alexa_lambda::{AlexaRequest, LambdaSkill};
use lambda_runtime::{Context, LambdaEvent};
use std::time::Duration;
use tower::{Service, ServiceExt};

fn skill() -> Skill {
    Skill::builder()
        .skill_id(TEST_SKILL_ID)
        .skip_builtin_check()
        .launch(|| async { Response::ask("Hello from Lambda.", "Still there?") })
        .intent("SlowIntent", || async {
            tokio::time::sleep(Duration::from_secs(30)).await;
            "late"
        })
        .build()
        .unwrap()
}

fn event(request: alexa_core::model::RequestEnvelope) -> LambdaEvent<AlexaRequest> {
    LambdaEvent::new(AlexaRequest(request), Context::default())
}

#[tokio::test]
async fn a_lambda_event_is_answered() {
    let mut service = LambdaSkill::new(skill(), Duration::from_secs(7));
    let ready = service.ready().await.unwrap();
    let response = ready
        .call(event(TestRequest::launch().build()))
        .await
        .unwrap();
    assert_eq!(response.speech_text(), "Hello from Lambda.");
}

#[tokio::test]
async fn a_foreign_skill_id_fails_the_invocation_with_a_named_diagnostic() {
    let mut service = LambdaSkill::new(skill(), Duration::from_secs(7));
    let request = TestRequest::launch()
        .skill_id("amzn1.ask.skill.other")
        .build();
    let diagnostic = service.call(event(request)).await.unwrap_err();
    assert_eq!(diagnostic.error_type, "SkillIdMismatch");
    assert!(diagnostic.error_message.contains("amzn1.ask.skill.other"));
}

#[tokio::test]
async fn an_answer_later_than_the_deadline_is_an_apology_not_a_timeout() {
    let mut service = LambdaSkill::new(skill(), Duration::from_millis(20));
    let response = service
        .call(event(TestRequest::intent("SlowIntent").build()))
        .await
        .unwrap();
    assert_eq!(response.speech_text(), alexa_core::TOO_SLOW);
    assert!(response.ends_session());
}

/// The payload is read as Amazon's model reads it: an odd optional field is left out, a
/// required one fails with a message naming the field.
#[test]
fn the_payload_is_read_leniently_and_names_a_broken_required_field() {
    let odd = r#"{"version": "1.0", "context": {}, "session": {"new": "yes"},
        "request": {"type": "LaunchRequest", "requestId": "r", "locale": 5}}"#;
    let AlexaRequest(envelope) = serde_json::from_str(odd).unwrap();
    assert_eq!(envelope.request.locale(), None);
    let broken = r#"{"version": "1.0", "context": {}, "request": {"type": "IntentRequest",
        "requestId": "r", "intent": {"name": false}}}"#;
    let err = serde_json::from_str::<AlexaRequest>(broken)
        .unwrap_err()
        .to_string();
    assert!(err.contains("field `request.intent.name`"), "{err}");
}

fn invocation(json: serde_json::Value) -> LambdaEvent<alexa_lambda::Invocation> {
    LambdaEvent::new(serde_json::from_value(json).unwrap(), Context::default())
}

#[tokio::test]
async fn alexa_requests_go_to_the_skill_and_other_events_to_their_own_handler() {
    let on_event: alexa_lambda::OtherEvents = std::sync::Arc::new(|event| {
        Box::pin(async move { Ok(serde_json::json!({"seen": event["detail-type"]})) })
    });
    let mut service = alexa_lambda::SkillWithEvents::new(skill(), Duration::from_secs(7), on_event);
    let launch = serde_json::to_value(TestRequest::launch().build()).unwrap();
    let answer = serde_json::to_value(service.call(invocation(launch)).await.unwrap()).unwrap();
    assert_eq!(
        answer["response"]["outputSpeech"]["text"],
        "Hello from Lambda."
    );
    let rule = serde_json::json!({"source": "aws.ec2", "detail-type": "EC2 Instance State-change Notification",
        "detail": {"instance-id": "i-1", "state": "stopped"}});
    let answer = serde_json::to_value(service.call(invocation(rule)).await.unwrap()).unwrap();
    assert_eq!(
        answer,
        serde_json::json!({"seen": "EC2 Instance State-change Notification"})
    );
    let foreign = TestRequest::launch()
        .skill_id("amzn1.ask.skill.other")
        .build();
    let refused = service
        .call(invocation(serde_json::to_value(foreign).unwrap()))
        .await
        .unwrap_err();
    assert_eq!(
        refused.error_type, "SkillIdMismatch",
        "an Alexa request is never handed to the other handler"
    );
}

/// An invocation shaped like Alexa's (`version` and `request`) is never handed to the other
/// handler, even broken: it fails, naming the field. Anything else is the other handler's.
#[test]
fn a_broken_alexa_request_fails_and_is_not_taken_for_another_event() {
    let broken = serde_json::json!({"version": "1.0", "context": {},
        "request": {"type": "IntentRequest", "requestId": "r", "intent": {"name": false}}});
    let err = serde_json::from_value::<alexa_lambda::Invocation>(broken)
        .unwrap_err()
        .to_string();
    assert!(err.contains("field `request.intent.name`"), "{err}");
    let schedule = serde_json::json!({"version": "0", "source": "aws.events", "detail": {}});
    assert!(matches!(
        serde_json::from_value::<alexa_lambda::Invocation>(schedule),
        Ok(alexa_lambda::Invocation::Other(_))
    ));
}
