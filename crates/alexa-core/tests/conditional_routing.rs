//! Routing on a condition besides names: dialog state, a session attribute, a request type;
//! conditions come before the lookup, in registration order.

use alexa_core::model::{DialogState, Request};
use alexa_core::testing::{ResponseExt, TestRequest};
use alexa_core::{route, Response, Skill};
use serde_json::json;

fn skill() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .when(route::session_attr("stage", "ordering"), || async {
            Response::ask("Still ordering: which size?", "Which size?")
        })
        .when(
            route::dialog_state(DialogState::Started).and(route::intent("OrderIntent")),
            || async { Response::empty().delegate(None) },
        )
        .when(
            route::request_type("Alexa.Presentation.APL.UserEvent"),
            || async { "Touched." },
        )
        .when(
            route::new_session().and(route::intent("HelloIntent")),
            || async { "Hello, newcomer." },
        )
        .intent("OrderIntent", || async { "Ordered." })
        .intent("HelloIntent", || async { "Hello again." })
        .build()
        .unwrap()
}

async fn said(request: TestRequest) -> alexa_core::model::ResponseEnvelope {
    skill().handle(request.build()).await.unwrap()
}

#[tokio::test]
async fn a_session_attribute_routes_every_utterance_before_the_name() {
    let r =
        said(TestRequest::intent("HelloIntent").session_attributes(json!({"stage": "ordering"})))
            .await;
    assert_eq!(r.speech_text(), "Still ordering: which size?");
    let r =
        said(TestRequest::intent("HelloIntent").session_attributes(json!({"stage": "paid"}))).await;
    assert_eq!(r.speech_text(), "Hello again.");
}

#[tokio::test]
async fn dialog_state_and_intent_together_pick_the_delegating_handler() {
    let mut started = TestRequest::intent("OrderIntent").build();
    if let Request::Intent(r) = &mut started.request {
        r.dialog_state = Some(DialogState::Started);
    }
    let r = skill().handle(started).await.unwrap();
    assert_eq!(r.directive_types(), ["Dialog.Delegate"]);
    let r = said(TestRequest::intent("OrderIntent")).await;
    assert_eq!(
        r.speech_text(),
        "Ordered.",
        "without a dialog state, the name decides"
    );
}

#[tokio::test]
async fn any_request_type_and_the_first_turn_can_be_routed() {
    let event: Request = serde_json::from_value(json!({"type": "Alexa.Presentation.APL.UserEvent",
        "token": "board", "arguments": ["row", 2]}))
    .unwrap();
    let r = said(TestRequest::of(event)).await;
    assert_eq!(r.speech_text(), "Touched.");
    let mut first = TestRequest::intent("HelloIntent").build();
    first.session.as_mut().unwrap().new = Some(true);
    assert_eq!(
        skill().handle(first).await.unwrap().speech_text(),
        "Hello, newcomer."
    );
    let mut later = TestRequest::intent("HelloIntent").build();
    later.session.as_mut().unwrap().new = Some(false);
    assert_eq!(
        skill().handle(later).await.unwrap().speech_text(),
        "Hello again."
    );
}

#[test]
fn conditions_combine_and_negate() {
    let ordering = route::session_attr("stage", "ordering");
    let request = TestRequest::intent("X")
        .session_attributes(json!({"stage": "ordering"}))
        .build();
    assert!(ordering.holds(&request));
    assert!(!(!ordering.clone()).holds(&request));
    assert!(ordering.clone().or(route::intent("Y")).holds(&request));
    assert!(!ordering.and(route::intent("Y")).holds(&request));
    assert!(route::has_session_attr("stage").holds(&request));
    assert!(route::Condition::from(
        |r: &alexa_core::model::RequestEnvelope| r.request.type_name() == "IntentRequest"
    )
    .holds(&request));
}
