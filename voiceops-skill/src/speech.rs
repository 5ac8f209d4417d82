//! Everything VoiceOps says, in English and German. Handlers pass numbers in; sentences
//! come out. Plural rules, region names and error wording live here, not in handler code;
//! each answer keeps its English and German sentences side by side.

use crate::inventory::{Database, InventoryError, StateCounts, Survey};
use crate::regions::{spoken_name_in, Lang};
use crate::slots::InstanceState;
use alexa_core::ssml::Ssml;
use alexa_core::{Failure, Response};

/// Which regions a question covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every region the skill asks.
    AllRegions,
    /// One region, by code.
    Region(String),
}

/// What to ask, said by welcome, help and fallback.
fn what_to_ask(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "You can ask how many instances are running, how many are stopped in a region like Frankfurt, or what databases you have.",
        Lang::De => "Sie können fragen, wie viele Instanzen laufen, wie viele in einer Region wie Frankfurt gestoppt sind, oder welche Datenbanken Sie haben.",
    }
}

fn what_now(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "What would you like to know?",
        Lang::De => "Was möchten Sie wissen?",
    }
}

/// The welcome: what to ask, and listening.
pub fn welcome(lang: Lang) -> Response {
    let greeting = match lang {
        Lang::En => "Welcome to Voice Ops.",
        Lang::De => "Willkommen bei Voice Ops.",
    };
    Response::ask(
        format!("{greeting} {} {}", what_to_ask(lang), what_now(lang)),
        format!("{} {}", what_to_ask(lang), what_now(lang)),
    )
}

/// Help: what to ask, and listening.
pub fn help(lang: Lang) -> Response {
    let report = match lang {
        Lang::En => "You can also ask for a status report.",
        Lang::De => "Sie können auch nach einem Statusbericht fragen.",
    };
    Response::ask(
        format!("{} {report} {}", what_to_ask(lang), what_now(lang)),
        what_now(lang),
    )
}

/// Stop, cancel, going home.
pub fn goodbye(lang: Lang) -> Response {
    Response::tell(match lang {
        Lang::En => "Goodbye.",
        Lang::De => "Auf Wiedersehen.",
    })
}

/// What the user hears when the answer failed: a handler's error (its own words, when it
/// has them), a panic, the deadline, a response over Alexa's limits; in the request's
/// language.
pub fn apology(lang: Lang, failure: &Failure) -> Response {
    if let Failure::HandlerError(err) = failure {
        if let Some(speech) = err.speech() {
            return Response::tell(speech.clone());
        }
    }
    Response::tell(match (lang, failure) {
        (Lang::En, Failure::DeadlinePassed { .. }) => alexa_core::TOO_SLOW,
        (Lang::De, Failure::DeadlinePassed { .. }) => {
            "Das dauert leider zu lange. Bitte versuchen Sie es gleich noch einmal."
        }
        (Lang::En, _) => alexa_core::APOLOGY,
        (Lang::De, _) => {
            "Entschuldigung, da ist etwas schiefgegangen. Bitte versuchen Sie es später noch einmal."
        }
    })
}

/// An utterance the model could not place.
pub fn fallback(lang: Lang) -> Response {
    let sorry = match lang {
        Lang::En => "Sorry, Voice Ops can't help with that.",
        Lang::De => "Dabei kann Voice Ops leider nicht helfen.",
    };
    Response::ask(format!("{sorry} {}", what_to_ask(lang)), what_now(lang))
}

/// A region the model could not resolve: named back, never guessed.
pub fn unknown_region(lang: Lang, spoken: &str) -> Response {
    match lang {
        Lang::En => Response::ask(
            format!("I don't know the region {spoken}. Try a city like Frankfurt, or a name like e u west one. Which region?"),
            "Which region?",
        ),
        Lang::De => Response::ask(
            format!("Die Region {spoken} kenne ich nicht. Nennen Sie eine Stadt wie Frankfurt oder einen Namen wie e u west eins. Welche Region?"),
            "Welche Region?",
        ),
    }
}

/// The nouns VoiceOps counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    /// EC2 instances.
    Instance,
    /// Databases.
    Database,
    /// AWS regions.
    Region,
}

/// "no instances", "one instance", "87 instances"; "keine Instanzen", "eine Instanz".
pub fn quantity(lang: Lang, n: u64, noun: Noun) -> String {
    let (one, many) = match (lang, noun) {
        (Lang::En, Noun::Instance) => ("instance", "instances"),
        (Lang::En, Noun::Database) => ("database", "databases"),
        (Lang::En, Noun::Region) => ("region", "regions"),
        (Lang::De, Noun::Instance) => ("Instanz", "Instanzen"),
        (Lang::De, Noun::Database) => ("Datenbank", "Datenbanken"),
        (Lang::De, Noun::Region) => ("Region", "Regionen"),
    };
    match (lang, n) {
        (Lang::En, 0) => format!("no {many}"),
        (Lang::En, 1) => format!("one {one}"),
        (Lang::De, 0) => format!("keine {many}"),
        (Lang::De, 1) => format!("eine {one}"),
        (_, n) => format!("{n} {many}"),
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

/// "a", "a and b", "a, b and c" ("und" in German).
pub fn list(lang: Lang, items: &[String]) -> String {
    let and = match lang {
        Lang::En => "and",
        Lang::De => "und",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// What a failure sounds like when it stopped the whole answer.
pub fn failure(lang: Lang, error: &InventoryError) -> String {
    use InventoryError::*;
    match (lang, error) {
        (Lang::En, NoCredentials) => "I couldn't find any AWS credentials, so I can't see your account. Check the skill's role or your AWS profile.".into(),
        (Lang::De, NoCredentials) => "Ich habe keine AWS-Zugangsdaten gefunden und kann Ihr Konto nicht sehen. Prüfen Sie die Rolle des Skills oder Ihr AWS-Profil.".into(),
        (Lang::En, NoRegion) => "I don't know which AWS region to start from. Set a default region for the skill.".into(),
        (Lang::De, NoRegion) => "Ich weiß nicht, mit welcher AWS-Region ich beginnen soll. Legen Sie eine Standardregion für den Skill fest.".into(),
        (Lang::En, AccessDenied { permission }) => format!(
            "I'm not allowed to read that. The skill's role needs the permission {}.",
            spoken_permission(permission)
        ),
        (Lang::De, AccessDenied { permission }) => format!(
            "Das darf ich nicht lesen. Die Rolle des Skills braucht die Berechtigung {}.",
            spoken_permission(permission)
        ),
        (Lang::En, Throttled) => "AWS is throttling my requests right now. Please try again in a minute.".into(),
        (Lang::De, Throttled) => "AWS drosselt meine Anfragen gerade. Bitte versuchen Sie es in einer Minute noch einmal.".into(),
        (Lang::En, Timeout) => "AWS took too long to answer. Please try again.".into(),
        (Lang::De, Timeout) => "AWS hat zu lange gebraucht. Bitte versuchen Sie es noch einmal.".into(),
        (Lang::En, Unreachable(_)) => "I couldn't reach AWS. Please try again later.".into(),
        (Lang::De, Unreachable(_)) => "Ich konnte AWS nicht erreichen. Bitte versuchen Sie es später noch einmal.".into(),
        (Lang::En, Failed(_)) => "Something went wrong while talking to AWS. Please try again later.".into(),
        (Lang::De, Failed(_)) => "Bei der Abfrage von AWS ist etwas schiefgegangen. Bitte versuchen Sie es später noch einmal.".into(),
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
pub fn unreached(lang: Lang, failed: &[(String, InventoryError)]) -> String {
    if failed.is_empty() {
        return String::new();
    }
    let names: Vec<String> = failed
        .iter()
        .map(|(code, _)| spoken_name_in(code, lang))
        .collect();
    let count = quantity(lang, failed.len() as u64, Noun::Region);
    let shown = if names.len() > 5 {
        &names[..3]
    } else {
        &names[..]
    };
    match (lang, names.len() > 5) {
        (Lang::En, true) => format!(
            " I couldn't reach {count}, including {}.",
            list(lang, shown)
        ),
        (Lang::En, false) => format!(" I couldn't reach {count}: {}.", list(lang, shown)),
        (Lang::De, true) => format!(
            " Ich konnte {count} nicht erreichen, darunter {}.",
            list(lang, shown)
        ),
        (Lang::De, false) => format!(
            " Ich konnte {count} nicht erreichen: {}.",
            list(lang, shown)
        ),
    }
}

/// When nothing answered: the shared reason, or that no region could be reached.
fn nothing_answered<T>(lang: Lang, survey: &Survey<T>) -> Option<Response> {
    if !survey.found.is_empty() {
        return None;
    }
    let tried = survey.failed.len();
    let text = match survey.common_failure() {
        _ if tried == 0 => match lang {
            Lang::En => "I didn't find any regions to check.".to_owned(),
            Lang::De => "Ich habe keine Regionen zum Prüfen gefunden.".to_owned(),
        },
        Some(error)
            if !matches!(
                error,
                InventoryError::Timeout | InventoryError::Unreachable(_)
            ) =>
        {
            failure(lang, error)
        }
        _ if tried == 1 => {
            let name = spoken_name_in(&survey.failed[0].0, lang);
            match lang {
                Lang::En => format!("I couldn't reach {name}. Please try again later."),
                Lang::De => format!(
                    "Ich konnte {name} nicht erreichen. Bitte versuchen Sie es später noch einmal."
                ),
            }
        }
        _ => match lang {
            Lang::En => format!(
                "I couldn't reach any of the {} I tried.",
                quantity(lang, tried as u64, Noun::Region)
            ),
            Lang::De => {
                format!("Ich konnte keine der {tried} Regionen erreichen, die ich gefragt habe.")
            }
        },
    };
    Some(Response::tell(text))
}

/// Regions with a nonzero count, largest first: "73 in North Virginia".
fn breakdown(lang: Lang, per_region: &[(String, u64)]) -> Vec<String> {
    let mut rows: Vec<(String, u64)> = per_region
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(code, n)| (spoken_name_in(code, lang), *n))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows.into_iter()
        .map(|(name, n)| format!("{n} in {name}"))
        .collect()
}

/// "in Frankfurt" / "in 3 regions" and friends, for one language.
fn place(lang: Lang, scope: &Scope) -> String {
    match scope {
        Scope::AllRegions => String::new(),
        Scope::Region(code) => format!(" in {}", spoken_name_in(code, lang)),
    }
}

/// The answer to "how many instances are running / stopped / do I have".
pub fn instance_counts(
    lang: Lang,
    state: Option<InstanceState>,
    scope: &Scope,
    survey: &Survey<StateCounts>,
) -> Response {
    if let Some(response) = nothing_answered(lang, survey) {
        return response;
    }
    let mut total = StateCounts::default();
    for (_, counts) in &survey.found {
        total += *counts;
    }
    let text = match state {
        Some(state) => one_state(lang, state, scope, survey, &total),
        None => all_states(lang, scope, survey, &total),
    };
    Response::tell(format!(
        "{}{}",
        sentence(text),
        unreached(lang, &survey.failed)
    ))
}

fn one_state(
    lang: Lang,
    state: InstanceState,
    scope: &Scope,
    survey: &Survey<StateCounts>,
    total: &StateCounts,
) -> String {
    let pick = |c: &StateCounts| match state {
        InstanceState::Running => c.running,
        InstanceState::Stopped => c.stopped,
    };
    let n = pick(total);
    let per_region: Vec<(String, u64)> = survey
        .found
        .iter()
        .map(|(r, c)| (r.clone(), pick(c)))
        .collect();
    let regions = breakdown(lang, &per_region);
    let only_region = per_region
        .iter()
        .find(|(_, c)| *c > 0)
        .map(|(r, _)| spoken_name_in(r, lang))
        .unwrap_or_default();
    let qty = quantity(lang, n, Noun::Instance);
    match lang {
        Lang::En => {
            let verb = if n == 1 { "is" } else { "are" };
            let word = state.word();
            match (scope, regions.len()) {
                (Scope::Region(_), _) | (Scope::AllRegions, 0) => {
                    format!("{qty} {verb} {word}{}.", place(lang, scope))
                }
                (Scope::AllRegions, 1) if n == 1 => {
                    format!("one instance is {word}, in {only_region}.")
                }
                (Scope::AllRegions, 1) => {
                    format!("{n} instances are {word}, all in {only_region}.")
                }
                (Scope::AllRegions, k) => format!(
                    "{n} instances are {word} across {k} regions: {}.",
                    list(lang, &regions)
                ),
            }
        }
        Lang::De => {
            // "laufen" / "läuft"; "sind ... gestoppt" / "ist ... gestoppt".
            let (verb, participle) = match (state, n) {
                (InstanceState::Running, 1) | (InstanceState::Running, 0) => ("läuft", ""),
                (InstanceState::Running, _) => ("laufen", ""),
                (InstanceState::Stopped, 1) | (InstanceState::Stopped, 0) => ("ist", " gestoppt"),
                (InstanceState::Stopped, _) => ("sind", " gestoppt"),
            };
            let qty = if n == 0 {
                "keine Instanz".to_owned()
            } else {
                qty
            };
            match (scope, regions.len()) {
                (Scope::Region(code), _) => format!(
                    "in {} {verb} {qty}{participle}.",
                    spoken_name_in(code, lang)
                ),
                (Scope::AllRegions, 0) => format!("es {verb} {qty}{participle}."),
                (Scope::AllRegions, 1) if n == 1 => {
                    format!("es {verb} eine Instanz{participle}, in {only_region}.")
                }
                (Scope::AllRegions, 1) => {
                    format!("es {verb} {qty}{participle}, alle in {only_region}.")
                }
                (Scope::AllRegions, k) => format!(
                    "in {k} Regionen {verb} {qty}{participle}: {}.",
                    list(lang, &regions)
                ),
            }
        }
    }
}

fn all_states(
    lang: Lang,
    scope: &Scope,
    survey: &Survey<StateCounts>,
    total: &StateCounts,
) -> String {
    let regions_with_any = survey.found.iter().filter(|(_, c)| c.total() > 0).count();
    let whole = total.total();
    let where_ = match (scope, regions_with_any > 1, lang) {
        (Scope::Region(_), _, _) => place(lang, scope),
        (Scope::AllRegions, true, Lang::En) => format!(" across {regions_with_any} regions"),
        (Scope::AllRegions, true, Lang::De) => format!(" in {regions_with_any} Regionen"),
        (Scope::AllRegions, false, _) => String::new(),
    };
    let words: [&str; 3] = match lang {
        Lang::En => ["running", "stopped", "starting or stopping"],
        Lang::De => ["laufend", "gestoppt", "startend oder stoppend"],
    };
    let states: Vec<(u64, &str)> = [
        (total.running, words[0]),
        (total.stopped, words[1]),
        (total.other, words[2]),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .collect();
    let qty = quantity(lang, whole, Noun::Instance);
    match (lang, states.as_slice()) {
        (Lang::En, []) => format!("you have no instances{}.", place(lang, scope)),
        (Lang::En, [(1, state)]) => format!("you have one instance{where_}, and it is {state}."),
        (Lang::En, [(_, state)]) => format!("you have {qty}{where_}, all {state}."),
        (Lang::De, []) => format!("Sie haben keine Instanzen{}.", place(lang, scope)),
        (Lang::De, [(1, state)]) => format!("Sie haben eine Instanz{where_}, und sie ist {state}."),
        (Lang::De, [(_, state)]) => format!("Sie haben {qty}{where_}, alle {state}."),
        (_, several) => {
            let parts: Vec<String> = several
                .iter()
                .map(|(n, state)| format!("{n} {state}"))
                .collect();
            let have = match lang {
                Lang::En => "you have",
                Lang::De => "Sie haben",
            };
            format!("{have} {qty}{where_}: {}.", list(lang, &parts))
        }
    }
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

fn spoken_status(lang: Lang, status: &str) -> String {
    match (lang, status) {
        (Lang::De, "available") => "verfügbar".into(),
        (Lang::De, "stopped") => "gestoppt".into(),
        (Lang::De, "creating") => "wird erstellt".into(),
        (Lang::De, "starting") => "startet".into(),
        (Lang::De, "stopping") => "wird gestoppt".into(),
        (_, other) => other.replace('-', " "),
    }
}

fn describe(lang: Lang, db: &Database) -> String {
    let kind = if db.is_cluster { " cluster" } else { "" };
    let kind = if lang == Lang::De && db.is_cluster {
        " Cluster"
    } else {
        kind
    };
    format!(
        "{}, {}{kind}, {}",
        db.name,
        spoken_engine(&db.engine),
        spoken_status(lang, &db.status)
    )
}

/// The answer to "what databases do I have": how many, the first few by name with engine
/// and status, and the full list in a card. Names are escaped into SSML.
pub fn databases(lang: Lang, scope: &Scope, survey: &Survey<Vec<Database>>) -> Response {
    if let Some(response) = nothing_answered(lang, survey) {
        return response;
    }
    let all = survey.databases_by_name();
    let n = all.len() as u64;
    let regions_with_any = survey.found.iter().filter(|(_, d)| !d.is_empty()).count();
    let where_ = match (scope, regions_with_any > 1, lang) {
        (Scope::Region(_), _, _) => place(lang, scope),
        (Scope::AllRegions, true, Lang::En) => format!(" across {regions_with_any} regions"),
        (Scope::AllRegions, true, Lang::De) => format!(" in {regions_with_any} Regionen"),
        (Scope::AllRegions, false, _) => String::new(),
    };
    let have = match lang {
        Lang::En => "You have",
        Lang::De => "Sie haben",
    };
    let body = if n == 0 {
        format!(
            "{have} {}{}.",
            quantity(lang, 0, Noun::Database),
            place(lang, scope)
        )
    } else {
        let named: Vec<String> = all
            .iter()
            .take(DATABASES_SPOKEN)
            .map(|(_, d)| describe(lang, d))
            .collect();
        let more = all.len().saturating_sub(DATABASES_SPOKEN);
        let tail = match (lang, more) {
            (_, 0) => ".".to_owned(),
            (Lang::En, more) => format!("; and {more} more. The full list is in the Alexa app."),
            (Lang::De, more) => {
                format!("; und {more} weitere. Die vollständige Liste steht in der Alexa-App.")
            }
        };
        format!(
            "{have} {}{where_}: {}{tail}",
            quantity(lang, n, Noun::Database),
            named.join("; ")
        )
    };
    let ssml = Ssml::builder()
        .text(&body)
        .text(&unreached(lang, &survey.failed))
        .build();
    let response = Response::tell(ssml);
    if n == 0 {
        return response;
    }
    let (title, instance, cluster) = match lang {
        Lang::En => ("Databases", "instance", "Aurora cluster"),
        Lang::De => ("Datenbanken", "Instanz", "Aurora-Cluster"),
    };
    let lines: Vec<String> = all
        .iter()
        .map(|(region, d)| {
            let kind = if d.is_cluster { cluster } else { instance };
            format!(
                "{} — {} {kind}, {} — {}",
                d.name,
                d.engine,
                d.status,
                spoken_name_in(region, lang)
            )
        })
        .collect();
    response.standard_card(format!("{title} ({n})"), lines.join("\n"), None)
}

/// Instances and databases in one answer.
pub fn status_report(
    lang: Lang,
    scope: &Scope,
    instances: &Survey<StateCounts>,
    dbs: &Survey<Vec<Database>>,
) -> Response {
    if instances.found.is_empty() && dbs.found.is_empty() {
        return nothing_answered(lang, instances)
            .unwrap_or_else(|| Response::tell(failure(lang, &InventoryError::Timeout)));
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
        .count();
    let regions = instances.found.len().max(dbs.found.len()) as u64;
    let failed = instances.failed_in_either(dbs);
    let running = quantity(lang, total.running, Noun::Instance);
    let text = match lang {
        Lang::En => {
            let at = match scope {
                Scope::Region(code) => format!("In {}", spoken_name_in(code, lang)),
                Scope::AllRegions => format!("Across {}", quantity(lang, regions, Noun::Region)),
            };
            let verb = if total.running == 1 { "is" } else { "are" };
            let stopped = match total.stopped {
                0 => "none are stopped".to_owned(),
                1 => "one is stopped".to_owned(),
                n => format!("{n} are stopped"),
            };
            let db = match db_count {
                0 => "you have no databases".to_owned(),
                n => format!(
                    "you have {}, {available} available",
                    quantity(lang, n, Noun::Database)
                ),
            };
            format!("{at}, {running} {verb} running and {stopped}, and {db}.")
        }
        Lang::De => {
            let at = match scope {
                Scope::Region(code) => format!("In {}", spoken_name_in(code, lang)),
                Scope::AllRegions => format!("In {}", quantity(lang, regions, Noun::Region)),
            };
            let running = if total.running == 0 {
                "keine Instanz".to_owned()
            } else {
                running
            };
            let verb = if total.running <= 1 {
                "läuft"
            } else {
                "laufen"
            };
            let stopped = match total.stopped {
                0 => "keine ist gestoppt".to_owned(),
                1 => "eine ist gestoppt".to_owned(),
                n => format!("{n} sind gestoppt"),
            };
            let db = match db_count {
                0 => "Sie haben keine Datenbanken".to_owned(),
                n => format!(
                    "Sie haben {}, {available} verfügbar",
                    quantity(lang, n, Noun::Database)
                ),
            };
            format!("{at} {verb} {running} und {stopped}, und {db}.")
        }
    };
    Response::tell(Ssml::from_text(&format!(
        "{text}{}",
        unreached(lang, &failed)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(r: &Response) -> String {
        r.body().output_speech.as_ref().expect("speech").heard()
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
    fn german_answers_use_german_grammar_and_names() {
        let de = Lang::De;
        let region = Scope::Region("eu-central-1".into());
        let fra = found(&[("eu-central-1", counts(3, 1))]);
        assert_eq!(
            said(&instance_counts(
                de,
                Some(InstanceState::Running),
                &region,
                &fra
            )),
            "In Frankfurt laufen 3 Instanzen."
        );
        assert_eq!(
            said(&instance_counts(
                de,
                Some(InstanceState::Stopped),
                &region,
                &fra
            )),
            "In Frankfurt ist eine Instanz gestoppt."
        );
        let s = found(&[("eu-west-1", counts(10, 0)), ("us-east-1", counts(73, 2))]);
        assert_eq!(
            said(&instance_counts(
                de,
                Some(InstanceState::Running),
                &Scope::AllRegions,
                &s
            )),
            "In 2 Regionen laufen 83 Instanzen: 73 in Nord-Virginia und 10 in Irland."
        );
        assert_eq!(
            said(&instance_counts(
                de,
                Some(InstanceState::Stopped),
                &Scope::AllRegions,
                &s
            )),
            "Es sind 2 Instanzen gestoppt, alle in Nord-Virginia."
        );
        assert_eq!(
            said(&instance_counts(de, None, &Scope::AllRegions, &s)),
            "Sie haben 85 Instanzen in 2 Regionen: 83 laufend und 2 gestoppt."
        );
        let none = found(&[("eu-west-1", counts(0, 0))]);
        assert_eq!(
            said(&instance_counts(
                de,
                Some(InstanceState::Running),
                &Scope::AllRegions,
                &none
            )),
            "Es läuft keine Instanz."
        );
        let mut partial = found(&[("eu-west-1", counts(1, 0))]);
        partial.failed = vec![("sa-east-1".into(), InventoryError::Timeout)];
        assert_eq!(
            said(&instance_counts(
                de,
                Some(InstanceState::Running),
                &Scope::AllRegions,
                &partial
            )),
            "Es läuft eine Instanz, in Irland. Ich konnte eine Region nicht erreichen: São Paulo."
        );
        assert_eq!(said(&goodbye(de)), "Auf Wiedersehen.");
    }

    #[test]
    fn singular_plural_and_none() {
        let one = found(&[("eu-west-1", counts(1, 0))]);
        assert_eq!(
            said(&instance_counts(
                Lang::En,
                Some(InstanceState::Running),
                &Scope::AllRegions,
                &one
            )),
            "One instance is running, in Ireland."
        );
        assert_eq!(
            said(&instance_counts(
                Lang::En,
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
                Lang::En,
                Some(InstanceState::Running),
                &region,
                &fra
            )),
            "3 instances are running in Frankfurt."
        );
        assert_eq!(
            said(&instance_counts(
                Lang::En,
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
                Lang::En,
                None,
                &Scope::Region("eu-west-1".into()),
                &one
            )),
            "You have one instance in Ireland, and it is running."
        );
        let stopped = found(&[("eu-west-1", counts(0, 3))]);
        assert_eq!(
            said(&instance_counts(
                Lang::En,
                None,
                &Scope::AllRegions,
                &stopped
            )),
            "You have 3 instances, all stopped."
        );
        let none = found(&[("eu-west-1", counts(0, 0))]);
        assert_eq!(
            said(&instance_counts(Lang::En, None, &Scope::AllRegions, &none)),
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
            said(&instance_counts(Lang::En, None, &Scope::AllRegions, &busy)),
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
            said(&instance_counts(Lang::En, Some(InstanceState::Running), &Scope::AllRegions, &s)),
            "87 instances are running across 4 regions: 73 in North Virginia, 10 in Ireland, 3 in Frankfurt and 1 in Tokyo."
        );
        assert_eq!(
            said(&instance_counts(Lang::En, None, &Scope::AllRegions, &s)),
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
            said(&instance_counts(Lang::En, Some(InstanceState::Running), &Scope::AllRegions, &s)),
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
            said(&instance_counts(Lang::En, None, &Scope::AllRegions, &s)),
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
        let r = databases(Lang::En, &Scope::AllRegions, &s);
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
