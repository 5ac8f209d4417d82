//! Conversations through the offline Echo: sessions, attributes, endings, reprompts and
//! dialog directives behave as on a real device.

mod common;

use alexa_core::extract::{SessionAttrs, Slots};
use alexa_core::model::{Request, SessionEndedReason};
use alexa_core::{builtin, FromSlots, Response, Skill, SkillError};
use alexa_sim::{DeviceProfile, Simulator};
use serde::{Deserialize, Serialize};

const SKILL: &str = "amzn1.ask.skill.sim";

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct Tab {
    orders: u32,
}

#[derive(FromSlots)]
struct OrderArgs {
    size: Option<alexa_core::extract::ResolvedSlot>,
    drink: Option<alexa_core::extract::ResolvedSlot>,
}

async fn order(
    Slots(a): Slots<OrderArgs>,
    SessionAttrs(mut tab): SessionAttrs<Tab>,
) -> Result<Response, SkillError> {
    tab.orders += 1;
    let Some(drink) = a.drink else {
        return Response::ask("Which drink?", "Which drink would you like?")
            .elicit_slot("drink", None)
            .session_attributes(&tab);
    };
    let size = a.size.map(|s| s.id).unwrap_or_else(|| "REGULAR".into());
    Response::ask(
        format!(
            "Order {}: {size} {}. Anything else?",
            tab.orders, drink.name
        ),
        "Anything else?",
    )
    .session_attributes(&tab)
}

fn simulator(device: DeviceProfile) -> Simulator<Skill> {
    let skill = Skill::builder()
        .skill_id(SKILL)
        .launch(|| async { Response::ask("Welcome.", "What now?") })
        .intent("OrderIntent", order)
        .intent("MenuIntent", || async {
            Response::end_turn("Coffee and cake.")
        })
        .intent(builtin::HELP, || async {
            Response::ask("Order a drink.", "What now?")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .intent(builtin::FALLBACK, || async {
            Response::ask("I can't do that.", "What now?")
        })
        .session_ended(|e: alexa_core::extract::Envelope| async move {
            if let Request::SessionEnded(r) = &e.0.request {
                assert!(r.reason.is_some());
            }
        })
        .build()
        .unwrap();
    Simulator::new(
        skill,
        common::coffee_resolver("en-US", SKILL),
        "en-US",
        SKILL,
        device,
    )
}

#[tokio::test]
async fn a_conversation_keeps_its_session_and_attributes() {
    let mut sim = simulator(DeviceProfile::Echo);
    let t = sim.say("open coffee shop").await;
    assert_eq!(t.speech, "Welcome.");
    assert!(t.listening);
    let session_id = t
        .request
        .as_ref()
        .unwrap()
        .session
        .as_ref()
        .unwrap()
        .session_id
        .clone();
    let t = sim.say("a small latte").await;
    assert_eq!(t.speech, "Order 1: SMALL latte. Anything else?");
    let request = t.request.unwrap();
    assert_eq!(
        request.session.as_ref().unwrap().session_id,
        session_id,
        "same session"
    );
    assert_eq!(request.session.as_ref().unwrap().new, Some(false));
    let t = sim.say("I would like a large chai").await;
    assert_eq!(
        t.speech, "Order 2: LARGE chai latte. Anything else?",
        "attributes carried between turns"
    );
    let t = sim.say("stop").await;
    assert_eq!(t.speech, "Goodbye.");
    assert!(!t.session_open);
}

#[tokio::test]
async fn an_elicited_slot_is_filled_by_the_next_answer() {
    let mut sim = simulator(DeviceProfile::Echo);
    let t = sim.say("ask coffee shop for something large").await;
    assert_eq!(t.speech, "Which drink?");
    let t = sim.say("short black").await;
    let request = t.request.unwrap();
    let Request::Intent(intent) = &request.request else {
        panic!()
    };
    assert_eq!(
        intent.dialog_state,
        Some(alexa_core::model::DialogState::InProgress)
    );
    assert_eq!(t.speech, "Order 2: LARGE espresso. Anything else?");
}

#[tokio::test]
async fn exit_and_silence_end_the_session_with_the_right_reason() {
    let mut sim = simulator(DeviceProfile::Echo);
    sim.say("open coffee shop").await;
    let t = sim.say("exit").await;
    let Request::SessionEnded(ended) = &t.request.unwrap().request else {
        panic!()
    };
    assert_eq!(ended.reason, Some(SessionEndedReason::UserInitiated));
    assert!(!sim.in_session());

    sim.say("open coffee shop").await;
    assert_eq!(
        sim.silence().await.speech,
        "What now?",
        "the first silence hears the reprompt"
    );
    let t = sim.silence().await;
    let Request::SessionEnded(ended) = &t.request.unwrap().request else {
        panic!()
    };
    assert_eq!(ended.reason, Some(SessionEndedReason::ExceededMaxReprompts));
    assert!(!sim.in_session());
}

#[tokio::test]
async fn an_absent_should_end_session_ends_voice_sessions_but_not_screen_ones() {
    let mut echo = simulator(DeviceProfile::Echo);
    echo.say("open coffee shop").await;
    let t = echo.say("what is on the menu").await;
    assert_eq!(t.speech, "Coffee and cake.");
    assert!(!t.session_open && !t.listening);

    let mut show = simulator(DeviceProfile::EchoShow);
    let t = show.say("open coffee shop").await;
    assert!(t
        .request
        .unwrap()
        .context
        .system
        .device
        .unwrap()
        .supported_interfaces
        .supports_apl());
    let t = show.say("what is on the menu").await;
    assert!(t.session_open && !t.listening);
}

#[tokio::test]
async fn utterances_for_nothing_fall_back_and_other_skills_are_ignored() {
    let mut sim = simulator(DeviceProfile::Echo);
    assert!(
        sim.say("what's the weather").await.request.is_none(),
        "outside a session, not for this skill"
    );
    sim.say("open coffee shop").await;
    assert_eq!(sim.say("order me a pizza").await.speech, "I can't do that.");
}
