//! An intent's slots (`SlotMap`) behave as the `BTreeMap` they replaced: found by name, in name
//! order, the last of a name sent twice kept, and written back as the same JSON object.

use alexa_core::model::{Intent, Request, RequestEnvelope, Slot, SlotMap};
use std::collections::BTreeMap;

fn slot(name: &str, value: &str) -> Slot {
    Slot {
        name: name.into(),
        value: Some(value.into()),
        ..Slot::default()
    }
}

#[test]
fn slots_sent_in_any_order_are_found_by_name_and_written_in_name_order() {
    // From text, not `json!`: its map would sort the names before the model saw them.
    let intent: Intent = serde_json::from_str(
        r#"{"name": "CountInstancesIntent", "slots": {
            "state": {"name": "state", "value": "stopped"},
            "region": {"name": "region", "value": "Frankfurt"},
            "account": {"name": "account"}}}"#,
    )
    .unwrap();
    assert_eq!(
        intent.slot("region").and_then(Slot::spoken),
        Some("Frankfurt")
    );
    assert_eq!(intent.slots["state"].spoken(), Some("stopped"));
    assert!(intent.slots.contains_key("account"));
    assert!(intent.slot("city").is_none());
    let names: Vec<&String> = intent.slots.keys().collect();
    assert_eq!(names, ["account", "region", "state"]);

    // Written back (a dialog directive's updated intent) as the object Alexa sent, in the
    // order a BTreeMap gave.
    let written = serde_json::to_string(&intent.slots).unwrap();
    assert_eq!(
        written,
        r#"{"account":{"name":"account","confirmationStatus":"NONE"},"region":{"name":"region","value":"Frankfurt","confirmationStatus":"NONE"},"state":{"name":"state","value":"stopped","confirmationStatus":"NONE"}}"#
    );
    let again: SlotMap = serde_json::from_str(&written).unwrap();
    assert_eq!(again, intent.slots);
}

#[test]
fn a_slot_named_twice_keeps_the_last() {
    let slots: SlotMap = serde_json::from_str(
        r#"{"region": {"name": "region", "value": "Ohio"},
            "region": {"name": "region", "value": "Frankfurt"}}"#,
    )
    .unwrap();
    assert_eq!(slots.len(), 1);
    assert_eq!(slots["region"].spoken(), Some("Frankfurt"));
}

/// Thousands of slots sent in reverse order, some names twice: read as a `BTreeMap` reads them
/// (name order, the last of a name kept). One sort, not an insert each: inserting in order
/// would move every later slot each time, the square of their number for a hostile request
/// (docs/reliability.md).
#[test]
fn many_slots_in_reverse_order_read_as_a_btreemap_reads_them() {
    let names: Vec<String> = (0..5_000).rev().map(|i| format!("s{i:05}")).collect();
    let mut members: Vec<String> = names
        .iter()
        .map(|n| format!(r#""{n}": {{"name": "{n}", "value": "first"}}"#))
        .collect();
    members.extend(
        names
            .iter()
            .step_by(7)
            .map(|n| format!(r#""{n}": {{"name": "{n}", "value": "second"}}"#)),
    );
    let json = format!("{{{}}}", members.join(","));
    let ours: SlotMap = serde_json::from_str(&json).unwrap();
    let model: BTreeMap<String, Slot> = serde_json::from_str(&json).unwrap();
    assert_eq!(ours.len(), 5_000);
    assert!(ours.iter().eq(model.iter()));
    assert_eq!(ours["s04999"].spoken(), Some("second"));
    assert_eq!(ours["s04998"].spoken(), Some("first"));
}

#[test]
fn slots_of_the_wrong_shape_are_refused() {
    assert!(serde_json::from_str::<SlotMap>(r#"["region"]"#).is_err());
    assert!(serde_json::from_str::<SlotMap>(r#"{"region": 5}"#).is_err());
}

#[test]
fn in_a_request_a_slot_of_the_wrong_shape_is_left_out_and_the_others_kept() {
    let body = br#"{"version": "1.0", "context": {}, "request": {"type": "IntentRequest",
        "requestId": "r", "locale": "en-US", "intent": {"name": "CountInstancesIntent",
        "slots": {"state": 5, "region": {"name": "region", "value": "Frankfurt"}}}}}"#;
    let read = RequestEnvelope::from_slice_lenient(body).unwrap();
    let Request::Intent(request) = &read.envelope.request else {
        panic!("not an intent: {:?}", read.envelope.request)
    };
    assert_eq!(request.intent.slots.keys().collect::<Vec<_>>(), ["region"]);
    assert_eq!(read.dropped.len(), 1);
    assert!(
        read.dropped[0].starts_with("request.intent.slots.state:"),
        "{:?}",
        read.dropped
    );
}

#[test]
#[should_panic(expected = "no slot named \"city\"")]
fn indexing_a_missing_slot_names_it() {
    let slots = SlotMap::from([("region".to_owned(), slot("region", "Ohio"))]);
    let _ = &slots["city"];
}

/// Inserts and removals over a few names, in a fixed pseudo-random order, leave a `SlotMap`
/// equal to a `BTreeMap` given the same calls: same answers, same contents, same order.
#[test]
fn inserts_and_removals_match_a_btreemap() {
    let names = ["a", "b.c", "region", "state", "Z", "ä", ""];
    let mut ours = SlotMap::new();
    let mut model = BTreeMap::new();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for step in 0..2_000 {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let name = names[(seed >> 33) as usize % names.len()];
        if (seed >> 20).is_multiple_of(3) {
            assert_eq!(ours.remove(name), model.remove(name), "step {step}");
        } else {
            let value = slot(name, &step.to_string());
            assert_eq!(
                ours.insert(name.to_owned(), value.clone()),
                model.insert(name.to_owned(), value),
                "step {step}"
            );
        }
        assert_eq!(ours.len(), model.len());
        assert!(ours.iter().eq(model.iter()), "step {step}");
        assert_eq!(ours.get(name), model.get(name));
    }
    assert_eq!(SlotMap::from(model.clone()), ours);
    let mut rebuilt: SlotMap = model.into_iter().rev().collect();
    for (_, slot) in &mut rebuilt {
        slot.confirmation_status = alexa_core::model::ConfirmationStatus::Confirmed;
    }
    assert!(rebuilt
        .values()
        .all(|s| s.confirmation_status == alexa_core::model::ConfirmationStatus::Confirmed));
    assert!(rebuilt.keys().eq(ours.keys()));
}
