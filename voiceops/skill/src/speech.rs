//! What VoiceOps says: which message, with which numbers and names. The sentences are in
//! `locales/en.ftl` and `locales/de.ftl` (Project Fluent, through alexa-core's `l10n`);
//! plural forms, word order and the German verb agreement live there, not here.

use crate::history::Change;
use crate::inventory::{InventoryError, StateCounts, Survey};
use crate::regions::{spoken_name_in, Lang};
use crate::slots::InstanceState;
use crate::spoken::spoken_permission;
use alexa_core::l10n::{Arg, Catalog, Messages};
use alexa_core::model::OutputSpeech;
use alexa_core::{Failure, Response};
use std::sync::{Arc, LazyLock};

static CATALOG: LazyLock<Arc<Catalog>> = LazyLock::new(|| {
    Catalog::builder("en-US")
        .add("en", include_str!("../locales/en.ftl"))
        .add("de", include_str!("../locales/de.ftl"))
        .build()
        // Both files are compiled in; `the_catalogue_is_complete` parses them in every test run.
        .expect("VoiceOps's message catalogue parses")
});

/// Every language's messages, built once.
pub fn catalog() -> Arc<Catalog> {
    Arc::clone(&CATALOG)
}

/// The messages for `locale` (English for a locale VoiceOps does not speak).
pub fn messages(locale: &str) -> Messages {
    CATALOG.messages(locale)
}

/// The region names' language for these messages.
pub(crate) fn lang(t: &Messages) -> Lang {
    Lang::from_locale(t.locale())
}

pub use crate::regions::Scope;

/// The welcome: what to ask, and listening.
pub fn welcome(t: &Messages) -> Response {
    Response::ask(t.text("welcome", &[]), t.text("welcome-reprompt", &[]))
}

/// Help: what to ask, and listening. With several accounts, `account` is one of their
/// names, offered as an example of asking for one.
pub fn help(t: &Messages, account: Option<String>) -> Response {
    let text = match account {
        Some(name) => t.text("help-accounts", &[("account", name.into())]),
        None => t.text("help", &[]),
    };
    Response::ask(text, t.text("what-now", &[]))
}

/// Stop, cancel, going home.
pub fn goodbye(t: &Messages) -> Response {
    Response::tell(t.text("goodbye", &[]))
}

/// What the user hears when the answer failed: a handler's error (its own words, when it
/// has them), a panic, the deadline, a response over Alexa's limits, an unsaved memory.
pub fn apology(t: &Messages, failure: &Failure) -> Response {
    if let Failure::HandlerError(err) = failure {
        if let Some(speech) = err.speech() {
            return Response::tell(speech.clone());
        }
    }
    match failure {
        Failure::DeadlinePassed { .. } => Response::tell(t.text("too-slow", &[])),
        _ => Response::tell(t.text("apology", &[])),
    }
}

/// An utterance the model could not place.
pub fn fallback(t: &Messages) -> Response {
    Response::ask(t.text("fallback", &[]), t.text("what-now", &[]))
}

/// A region the model could not resolve: named back, never guessed.
pub fn unknown_region(t: &Messages, spoken: &str) -> Response {
    Response::ask(
        t.text("unknown-region", &[("spoken", said_back(spoken).into())]),
        t.text("which-region", &[]),
    )
}

/// What the user said, fit to be said back: control characters dropped, and at most about
/// 60 characters (cut at a word), so a garbled or hostile slot value still gets a short,
/// valid answer instead of one over Alexa's speech limit.
pub fn said_back(spoken: &str) -> String {
    const MOST: usize = 60;
    let clean: String = spoken
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words: Vec<&str> = clean.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        let needed = out.chars().count() + word.chars().count() + usize::from(!out.is_empty());
        if needed > MOST {
            if out.is_empty() {
                out = word.chars().take(MOST).collect();
            }
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
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
pub fn list(t: &Messages, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => t.text(
            "list-last",
            &[
                ("init", init.join(", ").into()),
                ("last", last.as_str().into()),
            ],
        ),
    }
}

/// What a failure sounds like when it stopped the whole answer.
pub fn failure(t: &Messages, error: &InventoryError) -> String {
    use InventoryError::*;
    match error {
        NoCredentials => t.text("no-credentials", &[]),
        NoRegion => t.text("no-region", &[]),
        AccessDenied { permission } => t.text(
            "access-denied",
            &[("permission", spoken_permission(permission).into())],
        ),
        Throttled => t.text("throttled", &[]),
        Timeout => t.text("aws-timeout", &[]),
        Unreachable(_) => t.text("aws-unreachable", &[]),
        Failed(_) | NotEnabled => t.text("aws-failed", &[]),
    }
}

/// " I couldn't reach 2 regions: Sao Paulo and Mumbai." (empty when all answered)
pub fn unreached(t: &Messages, failed: &[(String, InventoryError)]) -> String {
    if failed.is_empty() {
        return String::new();
    }
    let names: Vec<String> = failed
        .iter()
        .map(|(code, _)| spoken_name_in(code, lang(t)))
        .collect();
    let (id, shown) = match names.len() > 5 {
        true => ("unreached-many", &names[..3]),
        false => ("unreached-some", &names[..]),
    };
    let args = [
        ("count", failed.len().into()),
        ("names", list(t, shown).into()),
    ];
    format!(" {}", t.text(id, &args))
}

/// When nothing answered: the shared reason, or that no region could be reached.
pub(crate) fn nothing_answered<T>(t: &Messages, survey: &Survey<T>) -> Option<Response> {
    if !survey.found.is_empty() {
        return None;
    }
    let tried = survey.failed.len();
    let text = match survey.common_failure() {
        _ if tried == 0 => t.text("no-regions-to-check", &[]),
        Some(error)
            if !matches!(
                error,
                InventoryError::Timeout | InventoryError::Unreachable(_)
            ) =>
        {
            failure(t, error)
        }
        _ if tried == 1 => {
            let name = spoken_name_in(&survey.failed[0].0, lang(t));
            t.text("unreached-the-one", &[("region", name.into())])
        }
        _ => t.text("unreached-every", &[("count", tried.into())]),
    };
    Some(Response::tell(text))
}

/// Regions with a nonzero count, largest first: "73 in North Virginia".
fn breakdown(t: &Messages, per_region: &[(String, u64)]) -> Vec<String> {
    let mut rows: Vec<(String, u64)> = per_region
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(code, n)| (spoken_name_in(code, lang(t)), *n))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows.into_iter()
        .map(|(name, n)| {
            t.text(
                "count-in-region",
                &[("count", n.into()), ("region", name.into())],
            )
        })
        .collect()
}

/// " in Frankfurt" for one region; nothing for all of them.
pub(crate) fn place(t: &Messages, scope: &Scope) -> String {
    match scope {
        Scope::AllRegions => String::new(),
        Scope::Region(code) => {
            let name = spoken_name_in(code, lang(t));
            format!(" {}", t.text("in-region", &[("region", name.into())]))
        }
    }
}

/// " in Frankfurt", " across 3 regions", or nothing when everything is in one region.
pub(crate) fn spread(t: &Messages, scope: &Scope, regions_with_any: usize) -> String {
    match scope {
        Scope::Region(_) => place(t, scope),
        Scope::AllRegions if regions_with_any > 1 => format!(
            " {}",
            t.text("across-regions", &[("count", regions_with_any.into())])
        ),
        Scope::AllRegions => String::new(),
    }
}

/// The answer to "how many instances are running / stopped / do I have".
pub fn instance_counts(
    t: &Messages,
    state: Option<InstanceState>,
    scope: &Scope,
    survey: &Survey<StateCounts>,
) -> Response {
    if let Some(response) = nothing_answered(t, survey) {
        return response;
    }
    let text = match state {
        Some(state) => one_state(t, state, scope, survey),
        None => all_states(t, scope, survey),
    };
    Response::tell(format!(
        "{}{}",
        sentence(text),
        unreached(t, &survey.failed)
    ))
}

fn state_arg(state: InstanceState) -> Arg {
    match state {
        InstanceState::Running => "running".into(),
        InstanceState::Stopped => "stopped".into(),
    }
}

fn one_state(
    t: &Messages,
    state: InstanceState,
    scope: &Scope,
    survey: &Survey<StateCounts>,
) -> String {
    let pick = |c: &StateCounts| c.in_state(Some(state));
    let per_region: Vec<(String, u64)> = survey
        .found
        .iter()
        .map(|(r, c)| (r.clone(), pick(c)))
        .collect();
    let n: u64 = per_region.iter().map(|(_, c)| c).sum();
    let regions = breakdown(t, &per_region);
    let only_region = per_region
        .iter()
        .find(|(_, c)| *c > 0)
        .map(|(r, _)| spoken_name_in(r, lang(t)))
        .unwrap_or_default();
    let count = ("count", Arg::from(n));
    let state = ("state", state_arg(state));
    match (scope, regions.len()) {
        (Scope::Region(code), _) => {
            let region = spoken_name_in(code, lang(t));
            t.text(
                "state-in-region",
                &[count, state, ("region", region.into())],
            )
        }
        (Scope::AllRegions, 0) => t.text("state-nowhere", &[count, state]),
        (Scope::AllRegions, 1) if n == 1 => t.text(
            "state-one-region-single",
            &[state, ("region", only_region.into())],
        ),
        (Scope::AllRegions, 1) => t.text(
            "state-one-region",
            &[count, state, ("region", only_region.into())],
        ),
        (Scope::AllRegions, k) => t.text(
            "state-across",
            &[
                count,
                state,
                ("regions", k.into()),
                ("list", list(t, &regions).into()),
            ],
        ),
    }
}

/// The states that have instances, with their counts: running, stopped, other.
pub(crate) fn nonzero_states(total: &StateCounts) -> Vec<(u64, &'static str)> {
    [
        (total.running, "running"),
        (total.stopped, "stopped"),
        (total.other, "other"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .collect()
}

/// "87 running and 4 stopped".
pub(crate) fn counts_in_states(t: &Messages, states: &[(u64, &str)]) -> String {
    let parts: Vec<String> = states
        .iter()
        .map(|(n, state)| {
            t.text(
                "count-in-state",
                &[("count", (*n).into()), ("state", (*state).into())],
            )
        })
        .collect();
    list(t, &parts)
}

fn all_states(t: &Messages, scope: &Scope, survey: &Survey<StateCounts>) -> String {
    let mut total = StateCounts::default();
    for (_, counts) in &survey.found {
        total += *counts;
    }
    let regions_with_any = survey.found.iter().filter(|(_, c)| c.total() > 0).count();
    let spread = ("place", Arg::from(spread(t, scope, regions_with_any)));
    let states = nonzero_states(&total);
    let count = ("count", Arg::from(total.total()));
    match states.as_slice() {
        [] => t.text("have-none", &[("place", place(t, scope).into())]),
        [(1, state)] => t.text("have-one", &[spread, ("state", (*state).into())]),
        [(_, state)] => t.text("have-all", &[count, spread, ("state", (*state).into())]),
        several => t.text(
            "have-mixed",
            &[count, spread, ("list", counts_in_states(t, several).into())],
        ),
    }
}

/// "Checking 17 regions...": the progressive response while AWS is slow ("Checking 3
/// accounts in 17 regions..." for several accounts).
pub fn checking(t: &Messages, accounts: usize, regions: usize) -> String {
    match accounts {
        0 | 1 => t.text("checking-regions", &[("count", regions.into())]),
        _ => t.text(
            "checking-accounts",
            &[("accounts", accounts.into()), ("count", regions.into())],
        ),
    }
}

/// "That's 3 more than when you asked at 14:05."
pub fn change(t: &Messages, change: &Change) -> String {
    let more = change.difference > 0;
    let difference = ("difference", Arg::from(change.difference.unsigned_abs()));
    match (&change.at, more) {
        (Some(time), true) => t.text("more-since", &[difference, ("time", time.as_str().into())]),
        (Some(time), false) => t.text("fewer-since", &[difference, ("time", time.as_str().into())]),
        (None, true) => t.text("more-than-last-time", &[difference]),
        (None, false) => t.text("fewer-than-last-time", &[difference]),
    }
}

/// `answer` with `sentence` said after its speech (plain text or SSML).
pub fn with_sentence(answer: Response, sentence: &str) -> Response {
    surrounded(answer, "", sentence)
}

/// `answer` with `heading` said before its speech: "In production: ...".
pub fn with_heading(answer: Response, heading: &str) -> Response {
    surrounded(answer, heading, "")
}

fn surrounded(answer: Response, before: &str, after: &str) -> Response {
    let join = |parts: [&str; 3]| {
        let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        parts.join(" ")
    };
    match answer.body().output_speech.clone() {
        Some(OutputSpeech::PlainText { text, .. }) => answer.speak(join([before, &text, after])),
        Some(OutputSpeech::Ssml { ssml, .. }) => {
            let inner = ssml.trim();
            let inner = inner.strip_prefix("<speak>").unwrap_or(inner);
            let inner = inner.strip_suffix("</speak>").unwrap_or(inner);
            let before = alexa_core::ssml::escape(before);
            let after = alexa_core::ssml::escape(after);
            let joined = format!("<speak>{}</speak>", join([&before, inner, &after]));
            match alexa_core::ssml::Ssml::from_raw(joined) {
                Ok(ssml) => answer.speak(ssml),
                Err(_) => answer,
            }
        }
        _ => answer,
    }
}

mod databases;
pub mod estate;
pub use databases::{databases, status_report, DATABASES_SPOKEN};

#[cfg(test)]
mod tests;
