//! The offline Echo's understanding: utterances resolved with a real interaction model (the
//! coffee shop under `tests/fixtures`), as Alexa would: launch, one-shot, slots with entity
//! resolution, built-in phrasings, and the fallback intent when nothing matches.

mod common;

use alexa_core::model::{Intent, ResolutionStatusCode};
use alexa_sim::{Resolved, Resolver};

const SKILL: &str = "amzn1.ask.skill.test";

fn resolver(locale: &str) -> Resolver {
    common::coffee_resolver(locale, SKILL)
}

fn intent(resolved: Resolved) -> Intent {
    match resolved {
        Resolved::Intent { intent, .. } => intent,
        other => panic!("expected an intent, got {other:?}"),
    }
}

fn resolved_id(intent: &Intent, slot: &str) -> Option<String> {
    let r = intent.slot(slot)?.resolutions.as_ref()?;
    let a = &r.resolutions_per_authority[0];
    (a.status.code == ResolutionStatusCode::ErSuccessMatch).then(|| a.values[0].value.id.clone())
}

#[test]
fn opening_the_skill_is_a_launch_and_other_skills_are_not_ours() {
    let r = resolver("en-US");
    assert_eq!(r.resolve("open coffee shop", false), Resolved::Launch);
    assert_eq!(
        r.resolve("Alexa, launch coffee shop", false),
        Resolved::Launch
    );
    assert_eq!(
        r.resolve("open the weather", false),
        Resolved::NotForThisSkill
    );
}

#[test]
fn one_shot_questions_resolve_with_entity_resolution() {
    let r = resolver("en-US");
    let resolved = r.resolve("ask coffee shop for a large flat white?", false);
    assert!(matches!(resolved, Resolved::Intent { one_shot: true, .. }));
    let i = intent(resolved);
    assert_eq!(i.name, "OrderIntent");
    assert_eq!(resolved_id(&i, "size").as_deref(), Some("LARGE"));
    assert_eq!(resolved_id(&i, "drink").as_deref(), Some("FLAT_WHITE"));
}

#[test]
fn in_session_utterances_use_synonyms_and_initialisms_as_spoken() {
    let r = resolver("en-US");
    let i = intent(r.resolve("make me a big f. w.", true));
    assert_eq!(i.name, "OrderIntent");
    assert_eq!(resolved_id(&i, "size").as_deref(), Some("LARGE"));
    assert_eq!(resolved_id(&i, "drink").as_deref(), Some("FLAT_WHITE"));
    let i = intent(r.resolve("I would like a milky coffee", true));
    assert_eq!(resolved_id(&i, "drink").as_deref(), Some("LATTE"));
    assert!(
        i.slot("size").unwrap().value.is_none(),
        "unfilled slots are present without a value"
    );
}

#[test]
fn unknown_values_are_no_match_never_a_guess() {
    let r = resolver("en-US");
    let i = intent(r.resolve("order a large mocha", true));
    assert_eq!(i.name, "OrderIntent");
    assert_eq!(resolved_id(&i, "size").as_deref(), Some("LARGE"));
    let drink = i.slot("drink").unwrap();
    assert_eq!(drink.value.as_deref(), Some("mocha"));
    assert_eq!(
        drink
            .resolutions
            .as_ref()
            .unwrap()
            .resolutions_per_authority[0]
            .status
            .code,
        ResolutionStatusCode::ErSuccessNoMatch
    );
}

#[test]
fn built_in_phrasings_exit_and_fallback() {
    let r = resolver("en-US");
    assert_eq!(
        intent(r.resolve("what can I say", true)).name,
        "AMAZON.HelpIntent"
    );
    assert_eq!(intent(r.resolve("stop", true)).name, "AMAZON.StopIntent");
    assert_eq!(
        intent(r.resolve("never mind", true)).name,
        "AMAZON.CancelIntent"
    );
    assert_eq!(
        intent(r.resolve("go home", true)).name,
        "AMAZON.NavigateHomeIntent"
    );
    assert_eq!(r.resolve("exit", true), Resolved::Exit);
    assert_eq!(
        intent(r.resolve("order me a pizza", true)).name,
        "AMAZON.FallbackIntent"
    );
}

#[test]
fn german_utterances_resolve_with_the_german_model() {
    let r = resolver("de-DE");
    let i = intent(r.resolve("sag coffee shop ich hätte gern einen großen latte", false));
    assert_eq!(i.name, "OrderIntent");
    assert_eq!(resolved_id(&i, "size").as_deref(), Some("LARGE"));
    assert_eq!(resolved_id(&i, "drink").as_deref(), Some("LATTE"));
    let i = intent(r.resolve("was steht auf der karte", true));
    assert_eq!(i.name, "MenuIntent");
    assert_eq!(intent(r.resolve("hilfe", true)).name, "AMAZON.HelpIntent");
}

/// A reminder skill's model: dates, times, durations and ordinals in one place.
fn reminders() -> Resolver {
    let model: alexa_core::interaction_model::LanguageModel =
        serde_json::from_value(serde_json::json!({
            "invocationName": "reminder desk",
            "intents": [
                {"name": "RemindIntent", "slots": [
                    {"name": "day", "type": "AMAZON.DATE"},
                    {"name": "at", "type": "AMAZON.TIME"}],
                 "samples": ["remind me {day} at {at}", "remind me {day}"]},
                {"name": "SnoozeIntent", "slots": [{"name": "for", "type": "AMAZON.DURATION"}],
                 "samples": ["snooze for {for}"]},
                {"name": "PickIntent", "slots": [{"name": "which", "type": "AMAZON.ORDINAL"}],
                 "samples": ["the {which} one"]},
                {"name": "NoteIntent", "slots": [{"name": "text", "type": "AMAZON.SearchQuery"}],
                 "samples": ["note {text}"]},
                {"name": "AMAZON.FallbackIntent", "samples": []}
            ]
        }))
        .unwrap();
    let wednesday = time::Date::from_calendar_date(2026, time::Month::November, 25).unwrap();
    Resolver::new(&model, "en-US", SKILL).with_today(wednesday)
}

fn value(intent: &Intent, slot: &str) -> Option<String> {
    intent.slot(slot)?.value.clone()
}

#[test]
fn common_built_in_slot_types_arrive_in_alexa_s_formats() {
    let r = reminders();
    let remind = intent(r.resolve("remind me tomorrow at 3 pm", true));
    assert_eq!(remind.name, "RemindIntent");
    assert_eq!(value(&remind, "day").as_deref(), Some("2026-11-26"));
    assert_eq!(value(&remind, "at").as_deref(), Some("15:00"));

    let remind = intent(r.resolve("ask reminder desk to remind me friday", false));
    assert_eq!(value(&remind, "day").as_deref(), Some("2026-11-27"));

    let snooze = intent(r.resolve("snooze for an hour and ten minutes", true));
    assert_eq!(value(&snooze, "for").as_deref(), Some("PT1H10M"));

    let pick = intent(r.resolve("the third one", true));
    assert_eq!(value(&pick, "which").as_deref(), Some("3"));

    // Free-form types carry the words as spoken.
    let note = intent(r.resolve("note buy more coffee", true));
    assert_eq!(value(&note, "text").as_deref(), Some("buy more coffee"));
}

#[test]
fn a_value_that_is_not_of_the_built_in_type_is_passed_as_spoken() {
    // Alexa sends what it heard when it cannot convert it; the skill decides.
    let r = reminders();
    let snooze = intent(r.resolve("snooze for a little while", true));
    assert_eq!(snooze.name, "SnoozeIntent");
    assert_eq!(value(&snooze, "for").as_deref(), Some("a little while"));
}

/// Every authority's resolution of `slot`, in the order Alexa reports them.
fn authorities<'a>(intent: &'a Intent, slot: &str) -> &'a [alexa_core::model::Resolution] {
    let resolutions = intent.slot(slot).and_then(|s| s.resolutions.as_ref());
    resolutions.map_or(&[], |r| &r.resolutions_per_authority)
}

#[test]
fn dynamic_entities_resolve_first_for_the_session_and_clear() {
    use alexa_core::model::{Entity, EntityListItem, EntityName, UpdateBehavior};
    let mut r = resolver("en-US");
    let specials = [EntityListItem {
        name: "DrinkType".into(),
        values: vec![Entity {
            id: Some("PUMPKIN_SPICE".into()),
            name: EntityName {
                value: "pumpkin spice latte".into(),
                synonyms: vec!["p. s. l.".into()],
            },
        }],
    }];
    let before = intent(r.resolve("a pumpkin spice latte", true));
    assert_eq!(resolved_id(&before, "drink"), None);

    r.update_dynamic_entities(UpdateBehavior::Replace, &specials);
    let i = intent(r.resolve("a p. s. l.", true));
    let resolutions = authorities(&i, "drink");
    assert_eq!(
        resolutions[0].authority,
        format!("amzn1.er-authority.echo-sdk.dynamic.{SKILL}.DrinkType")
    );
    assert_eq!(resolved_id(&i, "drink").as_deref(), Some("PUMPKIN_SPICE"));
    assert_eq!(
        resolutions[1].status.code,
        ResolutionStatusCode::ErSuccessNoMatch,
        "the model's own authority is still reported"
    );
    // A static value still resolves through the model's authority, after the dynamic one.
    let latte = intent(r.resolve("a large latte", true));
    let latte = authorities(&latte, "drink");
    assert_eq!(latte[0].status.code, ResolutionStatusCode::ErSuccessNoMatch);
    assert_eq!(latte[1].values[0].value.id, "LATTE");

    r.update_dynamic_entities(UpdateBehavior::Clear, &[]);
    assert_eq!(
        resolved_id(&intent(r.resolve("a p. s. l.", true)), "drink"),
        None
    );
}
