//! One request of each of the 59 types in Amazon's model (`tests/fixtures/requests/model/`,
//! built from ask-sdk-model 1.82's own definitions by the recorder's model script): each
//! parses into its typed variant, never the raw fallback, and round-trips with every field.

use alexa_core::model::{Request, RequestEnvelope};
use serde_json::Value;
use std::path::PathBuf;

fn model_fixtures() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/requests/model");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (
                name,
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Every leaf of `sent` that is missing or different in `back`.
fn lost(sent: &Value, back: &Value, at: &str, out: &mut Vec<String>) {
    match (sent, back) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                match b.get(k) {
                    Some(w) => lost(v, w, &format!("{at}.{k}"), out),
                    None => out.push(format!("{at}.{k}")),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                lost(v, w, &format!("{at}[{i}]"), out);
            }
        }
        (a, b) if a != b => out.push(format!("{at}: {a} became {b}")),
        _ => {}
    }
}

#[test]
fn every_request_type_of_amazons_model_is_typed_and_round_trips() {
    let fixtures = model_fixtures();
    assert_eq!(fixtures.len(), 59, "one fixture per request type");
    let mut problems = Vec::new();
    for (name, json) in fixtures {
        let envelope: RequestEnvelope = match serde_json::from_value(json.clone()) {
            Ok(e) => e,
            Err(e) => {
                problems.push(format!("{name}: does not parse: {e}"));
                continue;
            }
        };
        if matches!(envelope.request, Request::Other(_)) {
            problems.push(format!("{name}: not typed"));
        }
        assert_eq!(
            envelope.request.type_name(),
            json["request"]["type"],
            "{name}"
        );
        let back = serde_json::to_value(&envelope).unwrap();
        let mut missing = Vec::new();
        lost(&json["request"], &back["request"], "request", &mut missing);
        if !missing.is_empty() {
            problems.push(format!("{name}: lost {missing:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
