//! The phrasing lists (voiceops/recordings/phrasings) through a second, independent resolver:
//! virtual-alexa's, with each locale's model (voiceops/end-to-end/conformance/phrasings_virtual_alexa.js).
//! Where it understands a phrasing it must reach the intent and slots ours does. It may miss
//! only what its matcher cannot read: spelled-out initialisms ("E. C. two", "R. D. S.") and
//! samples with two slots side by side (German "sind in {region} {state}"), listed below.
//! The coverage is printed.

use end_to_end::{phrasings, root};
use serde_json::Value;
use std::process::Command;

/// Phrasings whose only sample has two slots side by side, which virtual-alexa's matcher
/// cannot split (Alexa can).
const SIDE_BY_SIDE_SLOTS: &[&str] = &["wie viele instanzen sind in frankfurt gestoppt"];

/// "E. C. two", "A. W. S.": letters spoken one by one.
fn has_initialism(utterance: &str) -> bool {
    utterance.split_whitespace().any(|w| {
        w.len() == 2 && w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase)
    })
}

#[test]
fn virtual_alexa_agrees_wherever_it_understands() {
    let mut report = Vec::new();
    let mut problems = Vec::new();
    for (locale, language) in [
        ("en-US", "en"),
        ("en-GB", "en"),
        ("en-CA", "en"),
        ("en-AU", "en"),
        ("en-IN", "en"),
        ("de-DE", "de"),
    ] {
        let model = root().join(format!(
            "voiceops/interaction-model/skill-package/interactionModels/custom/{locale}.json"
        ));
        let list = root().join(format!("voiceops/recordings/phrasings/{language}.txt"));
        let output = Command::new("node")
            .arg(root().join("voiceops/end-to-end/conformance/phrasings_virtual_alexa.js"))
            .args([model.as_os_str(), locale.as_ref(), list.as_os_str()])
            .output()
            .expect("node runs: ./scripts/test installs it and virtual-alexa");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let results: Vec<Value> = String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let wanted = phrasings(language);
        assert_eq!(
            results.len(),
            wanted.len(),
            "{locale}: every phrasing judged"
        );
        let mut understood = 0;
        for (want, got) in wanted.iter().zip(&results) {
            let Some(intent) = got["intent"].as_str() else {
                let known = has_initialism(&want.utterance)
                    || SIDE_BY_SIDE_SLOTS.contains(&want.utterance.as_str());
                if !known {
                    problems.push(format!(
                        "{locale}: {:?} not understood: {}",
                        want.utterance, got["error"]
                    ));
                }
                continue;
            };
            understood += 1;
            if intent != want.intent {
                problems.push(format!(
                    "{locale}: {:?} -> {intent}, not {}",
                    want.utterance, want.intent
                ));
            }
            for (slot, id) in &want.slots {
                if got["slots"][slot].as_str() != Some(id.as_str()) {
                    problems.push(format!(
                        "{locale}: {:?}: {slot} = {}, not {id}",
                        want.utterance, got["slots"][slot]
                    ));
                }
            }
        }
        report.push(format!("{locale}: {understood}/{}", wanted.len()));
    }
    println!("virtual-alexa understood: {}", report.join(", "));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
