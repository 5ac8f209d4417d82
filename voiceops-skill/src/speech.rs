//! Everything VoiceOps says. Handlers pass numbers in; sentences come out. Plural rules,
//! region names and error wording live here, not in handler code.

use crate::inventory::{Database, InventoryError, StateCounts, Survey};
use crate::regions::spoken_name;
use crate::slots::InstanceState;
use alexa_core::ssml::Ssml;
use alexa_core::Response;

/// Which regions a question covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every region the skill asks.
    AllRegions,
    /// One region, by code.
    Region(String),
}

impl Scope {
    fn suffix(&self) -> String {
        match self {
            Scope::AllRegions => String::new(),
            Scope::Region(code) => format!(" in {}", spoken_name(code)),
        }
    }
}

const WHAT_TO_ASK: &str =
    "You can ask how many instances are running, how many are stopped in a region like Frankfurt, or what databases you have.";
const REPROMPT: &str = "What would you like to know?";

/// The welcome: what to ask, and listening.
pub fn welcome() -> Response {
    Response::ask(
        format!("Welcome to Voice Ops. {WHAT_TO_ASK} {REPROMPT}"),
        format!("{WHAT_TO_ASK} {REPROMPT}"),
    )
}

/// Help: what to ask, and listening.
pub fn help() -> Response {
    Response::ask(
        format!("{WHAT_TO_ASK} You can also ask for a status report. {REPROMPT}"),
        REPROMPT,
    )
}

/// Stop, cancel, going home.
pub fn goodbye() -> Response {
    Response::tell("Goodbye.")
}

/// An utterance the model could not place.
pub fn fallback() -> Response {
    Response::ask(
        format!("Sorry, Voice Ops can't help with that. {WHAT_TO_ASK}"),
        REPROMPT,
    )
}

/// A region the model could not resolve: named back, never guessed.
pub fn unknown_region(spoken: &str) -> Response {
    Response::ask(
        format!("I don't know the region {spoken}. Try a city like Frankfurt, or a name like e u west one. Which region?"),
        "Which region?",
    )
}

/// "no instances", "one instance", "87 instances".
pub fn quantity(n: u64, noun: &str) -> String {
    match n {
        0 => format!("no {noun}s"),
        1 => format!("one {noun}"),
        n => format!("{n} {noun}s"),
    }
}

fn verb(n: u64) -> &'static str {
    if n == 1 {
        "is"
    } else {
        "are"
    }
}

/// Upper-cases the first letter of a sentence.
fn sentence(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// "a", "a and b", "a, b and c".
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// What a failure sounds like when it stopped the whole answer.
pub fn failure(error: &InventoryError) -> String {
    match error {
        InventoryError::NoCredentials => {
            "I couldn't find any AWS credentials, so I can't see your account. Check the skill's role or your AWS profile.".into()
        }
        InventoryError::NoRegion => {
            "I don't know which AWS region to start from. Set a default region for the skill.".into()
        }
        InventoryError::AccessDenied { permission } => format!(
            "I'm not allowed to read that. The skill's role needs the permission {}.",
            spoken_permission(permission)
        ),
        InventoryError::Throttled => "AWS is throttling my requests right now. Please try again in a minute.".into(),
        InventoryError::Timeout => "AWS took too long to answer. Please try again.".into(),
        InventoryError::Unreachable(_) => "I couldn't reach AWS. Please try again later.".into(),
        InventoryError::Failed(_) => "Something went wrong while talking to AWS. Please try again later.".into(),
    }
}

/// `ec2:DescribeInstances` -> "e c 2 describe instances".
fn spoken_permission(permission: &str) -> String {
    let (service, action) = permission.split_once(':').unwrap_or(("", permission));
    let service: Vec<String> = service
        .chars()
        .map(|c| c.to_ascii_lowercase().to_string())
        .collect();
    let mut action_words = String::new();
    for (i, ch) in action.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            action_words.push(' ');
        }
        action_words.push(ch.to_ascii_lowercase());
    }
    format!(
        "{} {}",
        service.join(" "),
        action_words.replace("d b", "db")
    )
}

/// "I couldn't reach 2 regions: Sao Paulo and Mumbai." (empty when all answered)
pub fn unreached(failed: &[(String, InventoryError)]) -> String {
    if failed.is_empty() {
        return String::new();
    }
    let names: Vec<String> = failed.iter().map(|(code, _)| spoken_name(code)).collect();
    let count = quantity(failed.len() as u64, "region");
    if names.len() > 5 {
        format!(
            " I couldn't reach {count}, including {}.",
            list(&names[..3])
        )
    } else {
        format!(" I couldn't reach {count}: {}.", list(&names))
    }
}

/// When nothing answered: the shared reason, or that no region could be reached.
fn nothing_answered<T>(survey: &Survey<T>) -> Option<Response> {
    if !survey.found.is_empty() {
        return None;
    }
    let text = match survey.common_failure() {
        _ if survey.failed.is_empty() => "I didn't find any regions to check.".to_owned(),
        Some(error)
            if !matches!(
                error,
                InventoryError::Timeout | InventoryError::Unreachable(_)
            ) =>
        {
            failure(error)
        }
        _ => format!(
            "I couldn't reach any of the {} I tried.",
            quantity(survey.failed.len() as u64, "region")
        ),
    };
    Some(Response::tell(text))
}

/// Regions with a nonzero count, largest first: "73 in North Virginia".
fn breakdown(per_region: &[(String, u64)]) -> Vec<String> {
    let mut rows: Vec<&(String, u64)> = per_region.iter().filter(|(_, n)| *n > 0).collect();
    rows.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| spoken_name(&a.0).cmp(&spoken_name(&b.0)))
    });
    rows.iter()
        .map(|(code, n)| format!("{n} in {}", spoken_name(code)))
        .collect()
}

/// The answer to "how many instances are running / stopped / do I have".
pub fn instance_counts(
    state: Option<InstanceState>,
    scope: &Scope,
    survey: &Survey<StateCounts>,
) -> Response {
    if let Some(response) = nothing_answered(survey) {
        return response;
    }
    let mut total = StateCounts::default();
    for (_, counts) in &survey.found {
        total += *counts;
    }
    let text = match state {
        Some(state) => {
            let pick = |c: &StateCounts| match state {
                InstanceState::Running => c.running,
                InstanceState::Stopped => c.stopped,
            };
            let n = pick(&total);
            let word = state.word();
            let per_region: Vec<(String, u64)> = survey
                .found
                .iter()
                .map(|(r, c)| (r.clone(), pick(c)))
                .collect();
            let regions = breakdown(&per_region);
            match (scope, regions.len()) {
                (Scope::Region(_), _) | (Scope::AllRegions, 0) => {
                    format!(
                        "{} {} {word}{}.",
                        quantity(n, "instance"),
                        verb(n),
                        scope.suffix()
                    )
                }
                (Scope::AllRegions, 1) => {
                    let region = spoken_name(
                        &per_region
                            .iter()
                            .find(|(_, c)| *c > 0)
                            .map(|(r, _)| r.clone())
                            .unwrap_or_default(),
                    );
                    if n == 1 {
                        format!("one instance is {word}, in {region}.")
                    } else {
                        format!("{n} instances are {word}, all in {region}.")
                    }
                }
                (Scope::AllRegions, k) => {
                    format!(
                        "{n} instances are {word} across {k} regions: {}.",
                        list(&regions)
                    )
                }
            }
        }
        None => {
            let regions_with_any =
                survey.found.iter().filter(|(_, c)| c.total() > 0).count() as u64;
            let whole = total.total();
            let where_ = match scope {
                Scope::Region(_) => scope.suffix(),
                Scope::AllRegions if regions_with_any > 1 => {
                    format!(" across {regions_with_any} regions")
                }
                Scope::AllRegions => String::new(),
            };
            let states: Vec<(u64, &str)> = [
                (total.running, "running"),
                (total.stopped, "stopped"),
                (total.other, "starting or stopping"),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .collect();
            match states.as_slice() {
                [] => format!("you have no instances{}.", scope.suffix()),
                [(1, state)] => format!("you have one instance{where_}, and it is {state}."),
                [(_, state)] => format!(
                    "you have {}{where_}, all {state}.",
                    quantity(whole, "instance")
                ),
                several => {
                    let parts: Vec<String> = several
                        .iter()
                        .map(|(n, state)| format!("{n} {state}"))
                        .collect();
                    format!(
                        "you have {}{where_}: {}.",
                        quantity(whole, "instance"),
                        list(&parts)
                    )
                }
            }
        }
    };
    Response::tell(format!("{}{}", sentence(text), unreached(&survey.failed)))
}

/// How many databases to name before "and N more".
pub const DATABASES_SPOKEN: usize = 3;

fn spoken_engine(engine: &str) -> String {
    match engine {
        "postgres" => "PostgreSQL".into(),
        "mysql" => "MySQL".into(),
        "mariadb" => "MariaDB".into(),
        "aurora-postgresql" => "Aurora PostgreSQL".into(),
        "aurora-mysql" | "aurora" => "Aurora MySQL".into(),
        e if e.starts_with("oracle") => "Oracle".into(),
        e if e.starts_with("sqlserver") => "SQL Server".into(),
        e if e.starts_with("db2") => "D B 2".into(),
        other => other.replace('-', " "),
    }
}

fn describe(db: &Database) -> String {
    let kind = if db.is_cluster { " cluster" } else { "" };
    format!(
        "{}, {}{kind}, {}",
        db.name,
        spoken_engine(&db.engine),
        db.status.replace('-', " ")
    )
}

/// The answer to "what databases do I have": how many, the first few by name with engine
/// and status, and the full list in a card. Names are escaped into SSML.
pub fn databases(scope: &Scope, survey: &Survey<Vec<Database>>) -> Response {
    if let Some(response) = nothing_answered(survey) {
        return response;
    }
    let mut all: Vec<(&String, &Database)> = survey
        .found
        .iter()
        .flat_map(|(r, dbs)| dbs.iter().map(move |d| (r, d)))
        .collect();
    all.sort_by_cached_key(|(region, d)| (d.name.to_lowercase(), (*region).clone()));
    let n = all.len() as u64;
    let regions_with_any = survey.found.iter().filter(|(_, d)| !d.is_empty()).count();
    let where_ = match scope {
        Scope::Region(_) => scope.suffix(),
        Scope::AllRegions if regions_with_any > 1 => format!(" across {regions_with_any} regions"),
        Scope::AllRegions => String::new(),
    };
    let mut ssml = Ssml::builder();
    if n == 0 {
        ssml = ssml.text(&format!("You have no databases{}.", scope.suffix()));
    } else {
        let named: Vec<String> = all
            .iter()
            .take(DATABASES_SPOKEN)
            .map(|(_, d)| describe(d))
            .collect();
        let more = all.len().saturating_sub(DATABASES_SPOKEN);
        let mut body = format!(
            "You have {}{where_}: {}",
            quantity(n, "database"),
            named.join("; ")
        );
        if more > 0 {
            body.push_str(&format!(
                "; and {more} more. The full list is in the Alexa app."
            ));
        } else {
            body.push('.');
        }
        ssml = ssml.text(&body);
    }
    ssml = ssml.text(&unreached(&survey.failed));
    let response = Response::tell(ssml.build());
    if n == 0 {
        return response;
    }
    let lines: Vec<String> = all
        .iter()
        .map(|(region, d)| {
            let kind = if d.is_cluster {
                "Aurora cluster"
            } else {
                "instance"
            };
            format!(
                "{} — {} {kind}, {} — {}",
                d.name,
                d.engine,
                d.status,
                spoken_name(region)
            )
        })
        .collect();
    response.standard_card(format!("Databases ({n})"), lines.join("\n"), None)
}

/// Instances and databases in one answer.
pub fn status_report(
    scope: &Scope,
    instances: &Survey<StateCounts>,
    dbs: &Survey<Vec<Database>>,
) -> Response {
    if instances.found.is_empty() && dbs.found.is_empty() {
        return nothing_answered(instances)
            .unwrap_or_else(|| Response::tell(failure(&InventoryError::Timeout)));
    }
    let mut total = StateCounts::default();
    for (_, c) in &instances.found {
        total += *c;
    }
    let db_count: u64 = dbs.found.iter().map(|(_, d)| d.len() as u64).sum();
    let available = dbs
        .found
        .iter()
        .flat_map(|(_, d)| d)
        .filter(|d| d.status == "available")
        .count() as u64;
    let place = match scope {
        Scope::Region(code) => format!("In {}", spoken_name(code)),
        Scope::AllRegions => format!(
            "Across {}",
            quantity(instances.found.len().max(dbs.found.len()) as u64, "region")
        ),
    };
    let stopped = match total.stopped {
        0 => "none are stopped".to_owned(),
        1 => "one is stopped".to_owned(),
        n => format!("{n} are stopped"),
    };
    let instances_part = format!(
        "{} {} running and {stopped}",
        quantity(total.running, "instance"),
        verb(total.running)
    );
    let db_part = match db_count {
        0 => "you have no databases".to_owned(),
        n => format!(
            "you have {}, {} available",
            quantity(n, "database"),
            available
        ),
    };
    let mut failed = instances.failed.clone();
    for (region, error) in &dbs.failed {
        if !failed.iter().any(|(r, _)| r == region) {
            failed.push((region.clone(), error.clone()));
        }
    }
    let text = format!(
        "{place}, {instances_part}, and {db_part}.{}",
        unreached(&failed)
    );
    Response::tell(Ssml::from_text(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(r: &Response) -> String {
        let speech = r.body().output_speech.clone().expect("speech");
        match speech {
            alexa_core::model::OutputSpeech::PlainText { text, .. } => text,
            alexa_core::model::OutputSpeech::Ssml { ssml, .. } => {
                alexa_core::ssml::to_plain_text(&ssml)
            }
        }
    }

    fn counts(running: u64, stopped: u64) -> StateCounts {
        StateCounts {
            running,
            stopped,
            other: 0,
        }
    }

    fn found(rows: &[(&str, StateCounts)]) -> Survey<StateCounts> {
        Survey {
            found: rows.iter().map(|(r, c)| (r.to_string(), *c)).collect(),
            failed: vec![],
        }
    }

    #[test]
    fn singular_plural_and_none() {
        let one = found(&[("eu-west-1", counts(1, 0))]);
        assert_eq!(
            said(&instance_counts(
                Some(InstanceState::Running),
                &Scope::AllRegions,
                &one
            )),
            "One instance is running, in Ireland."
        );
        assert_eq!(
            said(&instance_counts(
                Some(InstanceState::Stopped),
                &Scope::AllRegions,
                &one
            )),
            "No instances are stopped."
        );
        let region = Scope::Region("eu-central-1".into());
        let fra = found(&[("eu-central-1", counts(3, 1))]);
        assert_eq!(
            said(&instance_counts(
                Some(InstanceState::Running),
                &region,
                &fra
            )),
            "3 instances are running in Frankfurt."
        );
        assert_eq!(
            said(&instance_counts(
                Some(InstanceState::Stopped),
                &region,
                &fra
            )),
            "One instance is stopped in Frankfurt."
        );
    }

    #[test]
    fn all_states_name_only_what_exists() {
        let one = found(&[("eu-west-1", counts(1, 0))]);
        assert_eq!(
            said(&instance_counts(
                None,
                &Scope::Region("eu-west-1".into()),
                &one
            )),
            "You have one instance in Ireland, and it is running."
        );
        let stopped = found(&[("eu-west-1", counts(0, 3))]);
        assert_eq!(
            said(&instance_counts(None, &Scope::AllRegions, &stopped)),
            "You have 3 instances, all stopped."
        );
        let none = found(&[("eu-west-1", counts(0, 0))]);
        assert_eq!(
            said(&instance_counts(None, &Scope::AllRegions, &none)),
            "You have no instances."
        );
        let busy = found(&[(
            "eu-west-1",
            StateCounts {
                running: 2,
                stopped: 1,
                other: 1,
            },
        )]);
        assert_eq!(
            said(&instance_counts(None, &Scope::AllRegions, &busy)),
            "You have 4 instances: 2 running, 1 stopped and 1 starting or stopping."
        );
    }

    #[test]
    fn across_regions_largest_first_by_name() {
        let s = found(&[
            ("eu-west-1", counts(10, 0)),
            ("us-east-1", counts(73, 0)),
            ("ap-northeast-1", counts(1, 0)),
            ("eu-central-1", counts(3, 0)),
            ("sa-east-1", counts(0, 4)),
        ]);
        assert_eq!(
            said(&instance_counts(Some(InstanceState::Running), &Scope::AllRegions, &s)),
            "87 instances are running across 4 regions: 73 in North Virginia, 10 in Ireland, 3 in Frankfurt and 1 in Tokyo."
        );
        assert_eq!(
            said(&instance_counts(None, &Scope::AllRegions, &s)),
            "You have 91 instances across 5 regions: 87 running and 4 stopped."
        );
    }

    #[test]
    fn partial_answers_say_what_is_missing() {
        let mut s = found(&[("eu-west-1", counts(2, 0))]);
        s.failed = vec![
            ("sa-east-1".into(), InventoryError::Timeout),
            ("ap-south-1".into(), InventoryError::Timeout),
        ];
        assert_eq!(
            said(&instance_counts(Some(InstanceState::Running), &Scope::AllRegions, &s)),
            "2 instances are running, all in Ireland. I couldn't reach 2 regions: Sao Paulo and Mumbai."
        );
    }

    #[test]
    fn a_shared_failure_is_said_plainly() {
        let s: Survey<StateCounts> = Survey {
            found: vec![],
            failed: vec![
                (
                    "eu-west-1".into(),
                    InventoryError::AccessDenied {
                        permission: "ec2:DescribeInstances",
                    },
                ),
                (
                    "us-east-1".into(),
                    InventoryError::AccessDenied {
                        permission: "ec2:DescribeInstances",
                    },
                ),
            ],
        };
        assert_eq!(
            said(&instance_counts(None, &Scope::AllRegions, &s)),
            "I'm not allowed to read that. The skill's role needs the permission e c 2 describe instances."
        );
        assert_eq!(
            spoken_permission("rds:DescribeDBClusters"),
            "r d s describe db clusters"
        );
    }

    #[test]
    fn database_names_are_escaped_and_the_rest_goes_to_the_card() {
        let db = |name: &str, engine: &str, cluster: bool| Database {
            name: name.into(),
            engine: engine.into(),
            status: "available".into(),
            is_cluster: cluster,
        };
        let s = Survey {
            found: vec![
                (
                    "eu-west-1".into(),
                    vec![
                        db("A&B <main>", "postgres", false),
                        db("analytics", "aurora-postgresql", true),
                    ],
                ),
                (
                    "us-east-1".into(),
                    vec![
                        db("a", "mysql", false),
                        db("b", "mysql", false),
                        db("c", "mariadb", false),
                    ],
                ),
            ],
            failed: vec![],
        };
        let r = databases(&Scope::AllRegions, &s);
        let alexa_core::model::OutputSpeech::Ssml { ssml, .. } =
            r.body().output_speech.clone().unwrap()
        else {
            panic!()
        };
        assert!(ssml.contains("A&amp;B &lt;main&gt;"), "{ssml}");
        assert_eq!(
            said(&r),
            "You have 5 databases across 2 regions: a, MySQL, available; A&B <main>, PostgreSQL, available; analytics, Aurora PostgreSQL cluster, available; and 2 more. The full list is in the Alexa app."
        );
        let Some(alexa_core::model::Card::Standard { text, .. }) = &r.body().card else {
            panic!()
        };
        assert_eq!(text.lines().count(), 5);
    }
}
