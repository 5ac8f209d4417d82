//! A skill that delegates its dialog (`Dialog.Delegate`) can be tried offline: the simulator
//! follows the model's dialog model and prompts as Alexa does, and the skill sees the dialog
//! states STARTED, IN_PROGRESS and COMPLETED.

mod common;

use alexa_core::interaction_model::SkillPackage;
use alexa_core::model::{ConfirmationStatus, DialogState, IntentRequest, Request};
use alexa_core::{Response, Skill};
use alexa_sim::{DeviceProfile, Simulator, Turn};
use std::path::PathBuf;

const SKILL: &str = "amzn1.ask.skill.delegation";

/// Delegates until the dialog is COMPLETED, then answers with what it got.
async fn order(request: IntentRequest) -> Response {
    if request.dialog_state != Some(DialogState::Completed) {
        return Response::empty().delegate(None);
    }
    let value = |slot: &str| {
        request
            .intent
            .slot(slot)
            .and_then(|s| s.value.clone())
            .unwrap_or_default()
    };
    match request.intent.confirmation_status {
        ConfirmationStatus::Denied => Response::tell("Cancelled."),
        _ => Response::tell(format!("Ordered a {} {}.", value("size"), value("drink"))),
    }
}

fn simulator() -> Simulator<Skill> {
    let skill = common::with_builtins(Skill::builder())
        .skill_id(SKILL)
        .launch(|| async { Response::ask("Welcome.", "What would you like?") })
        .intent("OrderIntent", order)
        .build()
        .unwrap();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/coffee-shop");
    let package = SkillPackage::load(&dir).unwrap();
    let model = &package.locale("en-US").unwrap().model;
    Simulator::new(
        skill,
        common::coffee_resolver("en-US", SKILL),
        "en-US",
        SKILL,
        DeviceProfile::Echo,
    )
    .with_dialog_model(model)
}

fn sent(turn: &Turn) -> &IntentRequest {
    match &turn.request.as_ref().expect("a request was sent").request {
        Request::Intent(r) => r,
        other => panic!("expected an IntentRequest, got {}", other.type_name()),
    }
}

#[tokio::test]
async fn a_delegated_dialog_elicits_confirms_and_completes() {
    let mut sim = simulator();
    let t = sim.say("ask coffee shop for a latte").await;
    assert_eq!(sent(&t).dialog_state, Some(DialogState::Started));
    assert_eq!(
        t.speech, "What size latte?",
        "the model's prompt, the slot filled in"
    );
    assert!(t.listening);

    let t = sim.say("large").await;
    assert_eq!(sent(&t).dialog_state, Some(DialogState::InProgress));
    assert_eq!(
        sent(&t)
            .intent
            .slot("size")
            .and_then(|s| s.value.as_deref()),
        Some("large")
    );
    assert_eq!(t.speech, "A large latte, is that right?");
    assert!(t.listening);

    let t = sim.say("yes").await;
    let completed = sent(&t);
    assert_eq!(completed.dialog_state, Some(DialogState::Completed));
    assert_eq!(
        completed.intent.confirmation_status,
        ConfirmationStatus::Confirmed
    );
    assert_eq!(t.speech, "Ordered a large latte.");
    assert!(!t.session_open);
}

#[tokio::test]
async fn every_missing_required_slot_is_asked_for_in_the_model_s_order() {
    let mut sim = simulator();
    let t = sim.say("open coffee shop").await;
    assert!(t.session_open);
    let t = sim.say("something large").await;
    assert_eq!(sent(&t).dialog_state, Some(DialogState::Started));
    assert_eq!(t.speech, "Which drink would you like?");
    let t = sim.say("a flat white").await;
    assert_eq!(sent(&t).dialog_state, Some(DialogState::InProgress));
    assert_eq!(t.speech, "A large flat white, is that right?");
    let t = sim.say("no").await;
    assert_eq!(
        sent(&t).intent.confirmation_status,
        ConfirmationStatus::Denied
    );
    assert_eq!(t.speech, "Cancelled.");
}

#[tokio::test]
async fn without_a_dialog_model_nothing_is_started() {
    let skill = common::with_builtins(Skill::builder())
        .skill_id(SKILL)
        .intent("OrderIntent", || async { "Fine." })
        .build()
        .unwrap();
    let mut sim = Simulator::new(
        skill,
        common::coffee_resolver("en-US", SKILL),
        "en-US",
        SKILL,
        DeviceProfile::Echo,
    );
    let t = sim.say("ask coffee shop for a latte").await;
    assert_eq!(sent(&t).dialog_state, None);
}
