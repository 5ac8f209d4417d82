//! `cargo alexa nlu FILE`: every phrasing of a list through Amazon's utterance profiler and
//! through the offline resolver, side by side. This is how we learn where the offline Echo
//! is kinder or harsher than the device. Exit status 1 when Amazon's NLU misses an expected
//! intent or slot.

use crate::cli::NluArgs;
use crate::project::Project;
use crate::report::{print_json, CliError};
use alexa_core::interaction_model::SkillPackage;
use alexa_sim::phrasings::{self, Phrasing};
use alexa_sim::{Resolved, Resolver};
use alexa_smapi::{Intent, ProfileNluRequest, Stage};
use serde::Serialize;
use serde_json::json;

/// Who understood a phrasing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Agreement {
    /// Both reached what the list expects.
    Agreed,
    /// Only Amazon did.
    AmazonOnly,
    /// Only the offline resolver did.
    OfflineOnly,
    /// Neither did.
    BothWrong,
}

/// One phrasing's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct Compared {
    /// What is said.
    pub utterance: String,
    /// What the list expects (`Intent slot=id ...`).
    pub expected: String,
    /// What Amazon's NLU picked.
    pub amazon: String,
    /// What the offline resolver picked.
    pub offline: String,
    /// What else Amazon considered.
    pub considered: Vec<String>,
    /// Who got it.
    pub agreement: Agreement,
}

fn expected_of(p: &Phrasing) -> (String, Vec<(String, String)>) {
    let mut slots = p.slots.clone();
    slots.sort();
    (p.intent.clone(), slots)
}

fn reading(intent: Option<&Intent>) -> (String, Vec<(String, String)>) {
    intent
        .map(|i| (i.name.clone(), i.filled_slots()))
        .unwrap_or_else(|| ("(no intent)".into(), Vec::new()))
}

fn show((name, slots): &(String, Vec<(String, String)>)) -> String {
    let slots: String = slots.iter().map(|(k, v)| format!(" {k}={v}")).collect();
    format!("{name}{slots}")
}

/// The offline resolver's pick, read in SMAPI's shape so both sides compare alike.
fn offline(resolver: &Resolver, utterance: &str) -> Option<Intent> {
    match resolver.resolve(utterance, true) {
        Resolved::Intent { intent, .. } => serde_json::to_value(intent)
            .ok()
            .and_then(|v| serde_json::from_value(v).ok()),
        _ => None,
    }
}

/// Runs the comparison.
pub async fn run(args: NluArgs) -> Result<(), CliError> {
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| CliError::Input(format!("cannot read {}: {e}", args.file.display())))?;
    let list = phrasings::parse(&args.file.display().to_string(), &text)
        .map_err(|e| CliError::Input(e.to_string()))?;
    let project = Project::find(args.skill.package.as_deref(), &args.skill.profile)?;
    let skill_id = project.skill_id(args.skill.skill_id.as_deref())?;
    let package =
        SkillPackage::load(&project.package).map_err(|e| CliError::Input(e.to_string()))?;
    let model = package.locale(&args.locale).ok_or_else(|| {
        CliError::Input(format!(
            "{} has no {} model",
            project.package.display(),
            args.locale
        ))
    })?;
    let resolver = Resolver::new(&model.model.language_model, &args.locale, &skill_id);
    let smapi = crate::client(&args.skill)?;
    let mut results = Vec::new();
    for phrasing in &list {
        let request = ProfileNluRequest {
            utterance: phrasing.utterance.clone(),
            multi_turn_token: None,
        };
        let profiled = smapi
            .profile_nlu(&skill_id, &Stage::Development, &args.locale, &request)
            .await?;
        let expected = expected_of(phrasing);
        let amazon = reading(profiled.selected_intent.as_ref());
        let local = reading(offline(&resolver, &phrasing.utterance).as_ref());
        let agreement = match (amazon == expected, local == expected) {
            (true, true) => Agreement::Agreed,
            (true, false) => Agreement::AmazonOnly,
            (false, true) => Agreement::OfflineOnly,
            (false, false) => Agreement::BothWrong,
        };
        results.push(Compared {
            utterance: phrasing.utterance.clone(),
            expected: show(&expected),
            amazon: show(&amazon),
            offline: show(&local),
            considered: profiled
                .considered_intents
                .iter()
                .map(crate::dialog::describe)
                .collect(),
            agreement,
        });
    }
    let count = |a: Agreement| results.iter().filter(|r| r.agreement == a).count();
    let (agreed, amazon_only, offline_only, both) = (
        count(Agreement::Agreed),
        count(Agreement::AmazonOnly),
        count(Agreement::OfflineOnly),
        count(Agreement::BothWrong),
    );
    if args.skill.json {
        print_json(
            &json!({"skillId": skill_id, "locale": args.locale, "phrasings": results,
            "agreed": agreed, "amazonOnly": amazon_only, "offlineOnly": offline_only, "bothWrong": both}),
        );
    } else {
        for r in &results {
            let word = match r.agreement {
                Agreement::Agreed => "agreed      ",
                Agreement::AmazonOnly => "Amazon only ",
                Agreement::OfflineOnly => "offline only",
                Agreement::BothWrong => "both wrong  ",
            };
            println!("{word}  {:?} => {}", r.utterance, r.expected);
            if r.agreement != Agreement::Agreed {
                println!(
                    "              Amazon: {}   offline: {}",
                    r.amazon, r.offline
                );
                if !r.considered.is_empty() {
                    println!(
                        "              Amazon also considered: {}",
                        r.considered.join("; ")
                    );
                }
            }
        }
        println!(
            "{} phrasings in {}: {agreed} agreed, {amazon_only} Amazon only, {offline_only} offline only, {both} both wrong",
            results.len(),
            args.locale
        );
    }
    let missed = offline_only + both;
    if missed > 0 {
        return Err(CliError::Failed(format!(
            "Amazon's NLU missed {missed} of {} phrasings",
            results.len()
        )));
    }
    Ok(())
}
