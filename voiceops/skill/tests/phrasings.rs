//! Coverage of the ways operators really ask (voiceops/recordings/phrasings): every phrasing must
//! reach the right intent with the right slots in every locale of its language, through the
//! simulator's resolver and the skill's own models. A miss is listed, not hidden.

use alexa_core::model::Intent;
use alexa_sim::{Resolved, Resolver};
use end_to_end::{phrasings, Phrasing};

fn resolved_id(intent: &Intent, slot: &str) -> Option<String> {
    let slot = intent.slots.get(slot)?;
    let resolutions = slot.resolutions.as_ref()?;
    let first = resolutions.resolutions_per_authority.first()?;
    first.values.first().map(|v| v.value.id.clone())
}

fn misses(locale: &str, language: &str) -> Vec<String> {
    let model = voiceops_skill::package::model(locale).unwrap();
    let resolver = Resolver::new(&model.language_model, locale, "amzn1.ask.skill.test");
    let mut missed = Vec::new();
    for Phrasing {
        utterance,
        intent: expected,
        slots,
        ..
    } in phrasings(language)
    {
        let got = match resolver.resolve(&utterance, true) {
            Resolved::Intent { intent, .. } => intent,
            other => {
                missed.push(format!("{locale}: {utterance:?} -> {other:?}"));
                continue;
            }
        };
        if got.name != expected {
            missed.push(format!(
                "{locale}: {utterance:?} -> {}, not {expected}",
                got.name
            ));
            continue;
        }
        for (slot, id) in &slots {
            let found = resolved_id(&got, slot);
            if found.as_deref() != Some(id.as_str()) {
                missed.push(format!(
                    "{locale}: {utterance:?}: {slot} = {found:?}, not {id}"
                ));
            }
        }
        let filled: Vec<&String> = got
            .slots
            .iter()
            .filter(|(_, s)| s.value.is_some())
            .map(|(name, _)| name)
            .collect();
        for name in filled {
            if !slots.iter().any(|(s, _)| s == name) {
                missed.push(format!(
                    "{locale}: {utterance:?}: {name} filled, not expected"
                ));
            }
        }
    }
    missed
}

#[test]
fn english_operators_phrasings_resolve_in_every_english_locale() {
    let mut all = Vec::new();
    for locale in ["en-US", "en-GB", "en-CA", "en-AU", "en-IN"] {
        all.extend(misses(locale, "en"));
    }
    assert!(all.is_empty(), "{} misses:\n{}", all.len(), all.join("\n"));
}

#[test]
fn german_operators_phrasings_resolve() {
    let missed = misses("de-DE", "de");
    assert!(
        missed.is_empty(),
        "{} misses:\n{}",
        missed.len(),
        missed.join("\n")
    );
}
