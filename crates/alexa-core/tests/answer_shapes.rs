//! What each request may be answered with, enforced before sending: whatever a handler
//! returns, Alexa receives a response its request type allows (the closest valid one).

use alexa_core::model::{CanFulfill, CanFulfillIntent, Directive, Request};
use alexa_core::testing::{ResponseExt, TestRequest};
use alexa_core::{Response, Skill};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Every handler answers with everything at once: speech, card, reprompt, a Dialog
/// directive, an AudioPlayer directive, canFulfillIntent.
fn everything() -> Response {
    let mut play = Map::new();
    play.insert("type".into(), json!("AudioPlayer.Stop"));
    Response::ask("Speech.", "Reprompt.")
        .simple_card("Card", "Text")
        .elicit_slot("size", None)
        .directive(Directive::Other(play))
        .directive(Directive::DialogUpdateDynamicEntities {
            update_behavior: alexa_core::model::UpdateBehavior::Clear,
            types: vec![],
        })
        .with_can_fulfill(CanFulfillIntent {
            can_fulfill: CanFulfill::Yes,
            slots: BTreeMap::new(),
        })
}

fn skill() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .launch(|| async { everything() })
        .intent("AnyIntent", || async { everything() })
        .can_fulfill(|| async { everything() })
        .on_request("AudioPlayer.PlaybackStarted", || async { everything() })
        .on_request("PlaybackController.NextCommandIssued", || async {
            everything()
        })
        .on_request("AlexaSkillEvent.SkillEnabled", || async { everything() })
        .on_request("Reminders.ReminderCreated", || async { everything() })
        .on_request("System.ExceptionEncountered", || async { everything() })
        .on_request("Messaging.MessageReceived", || async { everything() })
        .session_ended(|| async { everything() })
        .build()
        .unwrap()
}

fn request(json: Value) -> TestRequest {
    let request: Request = serde_json::from_value(json).unwrap();
    TestRequest::of(request)
}

async fn body(req: TestRequest) -> Value {
    let r = skill().handle(req.build()).await.unwrap();
    serde_json::to_value(r.response).unwrap()
}

fn keys(body: &Value) -> Vec<&str> {
    body.as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[tokio::test]
async fn an_intent_request_may_have_everything_but_can_fulfill() {
    let b = body(TestRequest::intent("AnyIntent")).await;
    assert_eq!(
        keys(&b),
        [
            "card",
            "directives",
            "outputSpeech",
            "reprompt",
            "shouldEndSession"
        ]
    );
    let types: Vec<&str> = b["directives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "Dialog.ElicitSlot",
            "AudioPlayer.Stop",
            "Dialog.UpdateDynamicEntities"
        ]
    );
}

#[tokio::test]
async fn a_launch_loses_its_dialog_directives_but_keeps_dynamic_entities() {
    let r = skill().handle(TestRequest::launch().build()).await.unwrap();
    assert_eq!(
        r.directive_types(),
        ["AudioPlayer.Stop", "Dialog.UpdateDynamicEntities"]
    );
    assert_eq!(r.speech_text(), "Speech.");
    assert!(r.response.can_fulfill_intent.is_none());
}

#[tokio::test]
async fn audio_player_and_playback_controller_events_take_directives_only() {
    for event in [
        json!({"type": "AudioPlayer.PlaybackStarted", "token": "t", "offsetInMilliseconds": 0}),
        json!({"type": "PlaybackController.NextCommandIssued"}),
    ] {
        let b = body(request(event.clone())).await;
        assert_eq!(keys(&b), ["directives"], "{event}");
        assert_eq!(
            b["directives"],
            json!([{"type": "AudioPlayer.Stop"}, {"type": "Dialog.UpdateDynamicEntities", "updateBehavior": "CLEAR"}]),
            "{event}"
        );
    }
}

#[tokio::test]
async fn can_fulfill_takes_can_fulfill_intent_only() {
    let b = body(TestRequest::can_fulfill("AnyIntent")).await;
    assert_eq!(keys(&b), ["canFulfillIntent"]);
    assert_eq!(b["canFulfillIntent"]["canFulfill"], "YES");
}

#[tokio::test]
async fn session_ends_exceptions_and_events_are_answered_with_nothing() {
    let cases = [
        TestRequest::session_ended(alexa_core::model::SessionEndedReason::UserInitiated),
        request(
            json!({"type": "System.ExceptionEncountered", "error": {"type": "INVALID_RESPONSE", "message": "x"}}),
        ),
        request(json!({"type": "AlexaSkillEvent.SkillEnabled", "body": {}})),
        request(json!({"type": "Reminders.ReminderCreated", "body": {}})),
        request(json!({"type": "Messaging.MessageReceived", "message": {}})),
    ];
    for case in cases {
        let r = skill().handle(case.build()).await.unwrap();
        assert_eq!(serde_json::to_value(&r.response).unwrap(), json!({}));
        assert!(r.session_attributes.is_none());
    }
}

/// An intent echoed in a dialog directive carries only what Amazon's response model has: a
/// slot's request-only `source` is left out.
#[tokio::test]
async fn an_echoed_intent_leaves_out_the_request_only_slot_source() {
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .intent(
            "AnyIntent",
            |intent: alexa_core::model::Intent| async move {
                Response::ask("Which size?", "Which size?").elicit_slot("size", Some(intent))
            },
        )
        .build()
        .unwrap();
    let mut request = TestRequest::intent("AnyIntent")
        .slot("drink", "latte")
        .build();
    if let Request::Intent(r) = &mut request.request {
        r.intent.slots.get_mut("drink").unwrap().source = Some("USER".into());
    }
    let r = skill.handle(request).await.unwrap();
    let body = serde_json::to_value(&r.response).unwrap();
    let slot = &body["directives"][0]["updatedIntent"]["slots"]["drink"];
    assert_eq!(slot["value"], "latte");
    assert!(slot.get("source").is_none(), "{slot}");
}
