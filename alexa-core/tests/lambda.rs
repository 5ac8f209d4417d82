//! The skill as the Lambda runtime sees it: a `Service<LambdaEvent<RequestEnvelope>>` whose
//! errors become Lambda diagnostics.
#![cfg(feature = "lambda")]

use alexa_core::testing::{ResponseExt, TestRequest};
use alexa_core::{InvocationError, Response, Skill};
use lambda_runtime::{Context, Diagnostic, LambdaEvent};
use tower::{Service, ServiceExt};

fn skill() -> Skill {
    Skill::builder()
        .skill_id(alexa_core::testing::TEST_SKILL_ID)
        .skip_builtin_check()
        .launch(|| async { Response::ask("Hello from Lambda.", "Still there?") })
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_lambda_event_is_answered() {
    let mut service = skill();
    let event = LambdaEvent::new(TestRequest::launch().build(), Context::default());
    let ready = ServiceExt::<LambdaEvent<_>>::ready(&mut service)
        .await
        .unwrap();
    let response = ready.call(event).await.unwrap();
    assert_eq!(response.speech_text(), "Hello from Lambda.");
}

#[tokio::test]
async fn a_foreign_skill_id_fails_the_invocation_with_a_named_diagnostic() {
    let mut service = skill();
    let event = LambdaEvent::new(
        TestRequest::launch()
            .skill_id("amzn1.ask.skill.other")
            .build(),
        Context::default(),
    );
    let err = service.call(event).await.unwrap_err();
    assert!(matches!(err, InvocationError::SkillIdMismatch { .. }));
    let diagnostic: Diagnostic = err.into();
    assert_eq!(diagnostic.error_type, "SkillIdMismatch");
    assert!(diagnostic.error_message.contains("amzn1.ask.skill.other"));
}
