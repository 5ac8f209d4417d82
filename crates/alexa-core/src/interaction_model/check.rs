//! The rules a skill package must follow, and its agreement with the router.

use super::utterance::{matches, normalise, slot_names, tokens};
use super::{LocaleModel, SkillPackage};
use crate::{builtin, Skill};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::PathBuf;

/// One problem: the file, the item in it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelIssue {
    /// The file the problem is in (or missing from).
    pub file: PathBuf,
    /// The intent, slot, sample or phrase concerned.
    pub item: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ModelIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.file.display(),
            self.item,
            self.message
        )
    }
}

/// Words an invocation name may not contain.
const LAUNCH_WORDS: &[&str] = &[
    "ask", "tell", "open", "launch", "load", "begin", "start", "enable", "run", "resume", "play",
    "use", "alexa", "amazon", "echo", "computer", "skill", "app",
];

/// Built-in intents every custom model must include.
const REQUIRED_IN_MODEL: &[&str] = &[
    builtin::CANCEL,
    builtin::HELP,
    builtin::STOP,
    builtin::NAVIGATE_HOME,
];

struct Issues(Vec<ModelIssue>);

impl Issues {
    fn add(&mut self, file: &std::path::Path, item: impl Into<String>, message: impl Into<String>) {
        self.0.push(ModelIssue {
            file: file.to_owned(),
            item: item.into(),
            message: message.into(),
        });
    }
}

/// Checks a package against Alexa's rules and against the skill's handlers. An empty list
/// means they agree.
///
/// ```no_run
/// use alexa_core::interaction_model::{check, SkillPackage};
/// # let skill = alexa_core::Skill::builder().accept_any_skill_id().skip_builtin_check().build().unwrap();
/// let package = SkillPackage::load("interaction-model/skill-package".as_ref()).unwrap();
/// for issue in check(&package, &skill) {
///     eprintln!("{issue}");
/// }
/// ```
pub fn check<S: Send + Sync + 'static>(
    package: &SkillPackage,
    skill: &Skill<S>,
) -> Vec<ModelIssue> {
    let mut issues = Issues(Vec::new());
    if package.models.is_empty() {
        issues.add(
            std::path::Path::new("interactionModels/custom"),
            "models",
            "no interaction model found",
        );
    }
    for model in &package.models {
        check_model(model, &mut issues);
    }
    check_router(package, skill, &mut issues);
    check_locales_agree(package, &mut issues);
    check_example_phrases(package, &mut issues);
    issues.0
}

fn check_model(m: &LocaleModel, issues: &mut Issues) {
    let lm = &m.model.language_model;
    let path = &m.path;
    check_invocation_name(&lm.invocation_name, path, issues);
    for required in REQUIRED_IN_MODEL {
        if lm.intent(required).is_none() {
            issues.add(path, *required, "required built-in intent is missing");
        }
    }
    let custom_types: BTreeSet<&str> = lm.types.iter().map(|t| t.name.as_str()).collect();
    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
    for intent in &lm.intents {
        let declared: BTreeSet<&str> = intent.slots.iter().map(|s| s.name.as_str()).collect();
        for slot in &intent.slots {
            if !slot.slot_type.starts_with("AMAZON.")
                && !custom_types.contains(slot.slot_type.as_str())
            {
                issues.add(
                    path,
                    format!("{}.{}", intent.name, slot.name),
                    format!("slot type {} is not declared", slot.slot_type),
                );
            }
            for sample in &slot.samples {
                check_sample(sample, &intent.name, &declared, path, issues);
            }
        }
        for sample in &intent.samples {
            check_sample(sample, &intent.name, &declared, path, issues);
            let key = normalise(sample).join(" ");
            if let Some(other) = owner.insert(key, &intent.name) {
                if other != intent.name {
                    issues.add(
                        path,
                        format!("\"{sample}\""),
                        format!("utterance belongs to both {other} and {}", intent.name),
                    );
                }
            }
        }
    }
}

fn check_sample(
    sample: &str,
    intent: &str,
    declared: &BTreeSet<&str>,
    path: &std::path::Path,
    issues: &mut Issues,
) {
    let item = format!("{intent} \"{sample}\"");
    for slot in slot_names(sample) {
        if !declared.contains(slot.as_str()) {
            issues.add(
                path,
                &item,
                format!("references slot {{{slot}}}, which {intent} does not declare"),
            );
        }
    }
    let mut outside_slots = String::new();
    let mut depth = 0;
    for ch in sample.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => outside_slots.push(c),
            _ => {}
        }
    }
    if depth != 0 {
        issues.add(path, &item, "unbalanced { }");
    }
    if outside_slots.chars().any(|c| c.is_ascii_digit()) {
        issues.add(path, &item, "numbers must be spelled out");
    }
    if let Some(bad) = outside_slots.chars().find(|c| {
        !(c.is_alphabetic()
            || c.is_whitespace()
            || matches!(c, '\'' | '.' | '-')
            || c.is_ascii_digit())
    }) {
        issues.add(
            path,
            &item,
            format!("character {bad:?} is not allowed in a sample utterance"),
        );
    }
    for word in outside_slots.split_whitespace().filter(|w| w.contains('.')) {
        let initials = word
            .split_inclusive('.')
            .all(|part| part.chars().count() == 2 && part.ends_with('.'));
        if !initials {
            issues.add(
                path,
                &item,
                format!(
                    "period in {word:?}: periods are only for initialisms such as \"e. c. two\""
                ),
            );
        }
    }
}

fn check_invocation_name(name: &str, path: &std::path::Path, issues: &mut Issues) {
    let item = format!("invocation name \"{name}\"");
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        issues.add(path, &item, "must have at least two words");
    }
    if name.chars().any(|c| c.is_uppercase()) {
        issues.add(path, &item, "must be lower case");
    }
    if name.chars().any(|c| c.is_ascii_digit()) {
        issues.add(path, &item, "numbers must be spelled out");
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_alphabetic() || c.is_whitespace() || matches!(c, '\'' | '.')))
    {
        issues.add(path, &item, format!("character {bad:?} is not allowed"));
    }
    for word in &words {
        if LAUNCH_WORDS.contains(&word.to_lowercase().as_str()) {
            issues.add(
                path,
                &item,
                format!("must not contain the launch or wake word \"{word}\""),
            );
        }
    }
}

fn check_router<S: Send + Sync + 'static>(
    package: &SkillPackage,
    skill: &Skill<S>,
    issues: &mut Issues,
) {
    let routes = skill.intent_routes();
    let handled: BTreeSet<&str> = routes.iter().map(|(name, _)| *name).collect();
    for m in &package.models {
        let lm = &m.model.language_model;
        for intent in &lm.intents {
            if !handled.contains(intent.name.as_str()) {
                issues.add(&m.path, &intent.name, "intent has no handler in the skill");
            }
        }
        for (name, slots) in &routes {
            match lm.intent(name) {
                None => issues.add(
                    &m.path,
                    *name,
                    "the skill handles this intent, but the model does not have it",
                ),
                Some(intent) => {
                    for slot in slots {
                        if !intent.slots.iter().any(|s| s.name == *slot) {
                            issues.add(
                                &m.path,
                                format!("{name}.{slot}"),
                                "the handler extracts this slot, but the model does not declare it",
                            );
                        }
                    }
                }
            }
        }
    }
}

fn shape(m: &LocaleModel) -> BTreeMap<String, BTreeSet<String>> {
    m.model
        .language_model
        .intents
        .iter()
        .map(|i| {
            (
                i.name.clone(),
                i.slots
                    .iter()
                    .map(|s| format!("{}: {}", s.name, s.slot_type))
                    .collect(),
            )
        })
        .collect()
}

fn check_locales_agree(package: &SkillPackage, issues: &mut Issues) {
    let Some(first) = package.models.first() else {
        return;
    };
    let reference = shape(first);
    for m in &package.models[1..] {
        let other = shape(m);
        for (intent, slots) in &reference {
            match other.get(intent) {
                None => issues.add(
                    &m.path,
                    intent,
                    format!("intent is in {} but not in {}", first.locale, m.locale),
                ),
                Some(theirs) if theirs != slots => issues.add(
                    &m.path,
                    intent,
                    format!(
                        "slots differ from {}: {:?} here, {:?} there",
                        first.locale, theirs, slots
                    ),
                ),
                Some(_) => {}
            }
        }
        for intent in other.keys().filter(|i| !reference.contains_key(*i)) {
            issues.add(
                &m.path,
                intent,
                format!("intent is in {} but not in {}", m.locale, first.locale),
            );
        }
    }
}

/// English words that open a skill in an example phrase ("ask", "talk to", ...), and the
/// connectors that may follow the invocation name ("ask coffee shop to ...").
const OPENERS: &[&str] = &[
    "open", "launch", "start", "begin", "load", "ask", "tell", "use", "run", "talk", "to",
];
const CONNECTORS: &[&str] = &["to", "for", "about", "if", "whether", "that"];

fn check_example_phrases(package: &SkillPackage, issues: &mut Issues) {
    let Some((path, manifest)) = &package.manifest else {
        return;
    };
    let Some(locales) = manifest
        .pointer("/manifest/publishingInformation/locales")
        .and_then(|l| l.as_object())
    else {
        issues.add(path, "publishingInformation.locales", "missing");
        return;
    };
    for (locale, info) in locales {
        let Some(model) = package.locale(locale) else {
            issues.add(
                path,
                locale,
                "the manifest lists this locale, but it has no interaction model",
            );
            continue;
        };
        let phrases = info["examplePhrases"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if phrases.is_empty() {
            issues.add(
                path,
                format!("{locale} examplePhrases"),
                "at least one example phrase is required",
            );
        }
        for phrase in phrases.iter().filter_map(|p| p.as_str()) {
            if !phrase_matches(phrase, model) {
                issues.add(
                    path,
                    format!("{locale} example \"{phrase}\""),
                    "no sample utterance of this locale matches it",
                );
            }
        }
    }
}

/// "Alexa, open coffee shop" or "Alexa, ask coffee shop for a large latte": the
/// part after the invocation name (minus a connector) must match a sample of the locale.
/// English lead-ins must be opening words; other languages may use any short lead-in.
fn phrase_matches(phrase: &str, model: &LocaleModel) -> bool {
    let lm = &model.model.language_model;
    let words = normalise(phrase);
    let words = match words.first() {
        Some(first) if first.trim_end_matches(',') == "alexa" => &words[1..],
        _ => &words[..],
    };
    let invocation = normalise(&lm.invocation_name);
    let Some(start) = (0..words.len()).find(|&i| words[i..].starts_with(&invocation)) else {
        return false;
    };
    let lead_in = &words[..start];
    let lead_in_ok = if model.locale.starts_with("en") {
        lead_in.len() <= 2 && lead_in.iter().all(|w| OPENERS.contains(&w.as_str()))
    } else {
        lead_in.len() <= 3
    };
    let after = &words[start + invocation.len()..];
    let utterance = match after.split_first() {
        Some((first, rest)) if CONNECTORS.contains(&first.as_str()) && !rest.is_empty() => rest,
        _ => after,
    };
    lead_in_ok
        && (utterance.is_empty()
            || lm
                .intents
                .iter()
                .flat_map(|i| &i.samples)
                .any(|s| matches(&tokens(s), utterance).is_some()))
}
