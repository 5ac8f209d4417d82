//! Answers about several accounts: the estate first, then the largest accounts, then what
//! could not be reached, so a partial number is never heard as the whole.

use super::{list, place, sentence, Scope};
use crate::accounts::spoken_name;
use crate::inventory::{Account, Database, EstateSurvey, InventoryError, StateCounts, Survey};
use crate::regions::spoken_name_in;
use crate::slots::InstanceState;
use alexa_core::l10n::{Arg, Messages};
use alexa_core::Response;

/// An account as a list item: "production", "this account", "the account ending in 4321".
pub fn account_label(t: &Messages, account: &Account) -> String {
    match (spoken_name(account), account.home) {
        (Some(name), _) => name,
        (None, true) => t.text("this-account", &[]),
        (None, false) => ending_in(t, account),
    }
}

/// An account on its own: "the production account", "this account".
pub fn account_phrase(t: &Messages, account: &Account) -> String {
    match (spoken_name(account), account.home) {
        (Some(name), _) => t.text("the-named-account", &[("name", name.into())]),
        (None, true) => t.text("this-account", &[]),
        (None, false) => ending_in(t, account),
    }
}

fn ending_in(t: &Messages, account: &Account) -> String {
    let digits = &account.id[account.id.len().saturating_sub(4)..];
    let spaced: Vec<String> = digits.chars().map(String::from).collect();
    t.text("account-ending", &[("digits", spaced.join(" ").into())])
}

/// "in the production account", after a question's subject.
pub fn in_account(t: &Messages, account: &Account) -> String {
    t.text(
        "in-account",
        &[("account", account_phrase(t, account).into())],
    )
}

/// "In production:" before an answer about one account.
pub fn heading(t: &Messages, account: &Account) -> String {
    t.text(
        "account-heading",
        &[("account", account_label(t, account).into())],
    )
}

fn pick(state: Option<InstanceState>) -> impl Fn(&StateCounts) -> u64 {
    move |c| c.in_state(state)
}

/// Per-account totals of what was found, largest first (then by name), zeros left out.
fn by_account<T>(
    t: &Messages,
    survey: &EstateSurvey<T>,
    count: impl Fn(&T) -> u64,
) -> Vec<(String, u64)> {
    let mut rows: Vec<(String, u64)> = survey
        .accounts
        .iter()
        .map(|(a, s)| {
            (
                account_label(t, a),
                s.found.iter().map(|(_, v)| count(v)).sum(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

fn in_accounts(t: &Messages, rows: &[(String, u64)]) -> String {
    let items: Vec<String> = rows
        .iter()
        .map(|(name, n)| {
            t.text(
                "count-in-account",
                &[("count", (*n).into()), ("account", name.as_str().into())],
            )
        })
        .collect();
    list(t, &items)
}

/// What could not be reached, as sentences with a leading space: whole accounts first,
/// then single regions of accounts that otherwise answered. Empty when all answered.
pub fn unreached<T>(t: &Messages, survey: &EstateSurvey<T>) -> String {
    let mut said = String::new();
    let accounts: Vec<String> = survey
        .unreached_accounts()
        .into_iter()
        .map(|a| account_phrase(t, a))
        .collect();
    if !accounts.is_empty() {
        said.push(' ');
        said.push_str(&limited(
            t,
            &accounts,
            "unreached-accounts",
            "unreached-accounts-many",
        ));
    }
    let pairs: Vec<String> = survey
        .unreached_regions()
        .into_iter()
        .map(|(a, r)| {
            let region = spoken_name_in(r, super::lang(t));
            let account = account_label(t, a);
            t.text(
                "region-in-account",
                &[("region", region.into()), ("account", account.into())],
            )
        })
        .collect();
    if !pairs.is_empty() {
        said.push(' ');
        said.push_str(&limited(
            t,
            &pairs,
            "unreached-pairs",
            "unreached-pairs-many",
        ));
    }
    said
}

/// Names all of `items`, or (more than five) three of them and the count.
fn limited(t: &Messages, items: &[String], some: &str, many: &str) -> String {
    let (id, shown) = match items.len() > 5 {
        true => (many, &items[..3]),
        false => (some, items),
    };
    t.text(
        id,
        &[
            ("count", items.len().into()),
            ("names", list(t, shown).into()),
        ],
    )
}

/// When nothing at all answered: the shared reason, or that no account could be reached.
pub fn nothing_answered<T>(t: &Messages, survey: &EstateSurvey<T>) -> Option<Response> {
    if !survey.found_nothing() {
        return None;
    }
    let text = match survey.common_failure() {
        Some(error)
            if !matches!(
                error,
                InventoryError::Timeout | InventoryError::Unreachable(_)
            ) =>
        {
            super::failure(t, error)
        }
        _ if survey.accounts.iter().all(|(_, s)| s.failed.is_empty()) => {
            t.text("no-regions-to-check", &[])
        }
        _ => t.text(
            "unreached-every-account",
            &[("count", survey.accounts.len().into())],
        ),
    };
    Some(Response::tell(text))
}

/// "131 instances are running across 3 accounts: 87 in management, 37 in production and
/// 7 in staging." (or, without a state, every state and then the accounts).
pub fn instance_counts(
    t: &Messages,
    state: Option<InstanceState>,
    scope: &Scope,
    survey: &EstateSurvey<StateCounts>,
) -> Response {
    if let Some(response) = nothing_answered(t, survey) {
        return response;
    }
    let rows = by_account(t, survey, pick(state));
    let total: u64 = rows.iter().map(|(_, n)| n).sum();
    let count = ("count", Arg::from(total));
    let place = ("place", Arg::from(place(t, scope)));
    let reached = survey.accounts.len() - survey.unreached_accounts().len();
    let text = match (state, rows.as_slice()) {
        (Some(s), []) => t.text(
            "estate-state-none",
            &[("state", state_arg(s)), place, ("accounts", reached.into())],
        ),
        (Some(s), [(account, _)]) => t.text(
            "estate-state-one",
            &[
                count,
                ("state", state_arg(s)),
                place,
                ("account", account.as_str().into()),
            ],
        ),
        (Some(s), _) => t.text(
            "estate-state-across",
            &[
                count,
                ("state", state_arg(s)),
                place,
                ("accounts", rows.len().into()),
                ("list", in_accounts(t, &rows).into()),
            ],
        ),
        (None, []) => t.text("have-none", &[place]),
        (None, [(account, _)]) => t.text(
            "estate-have-one",
            &[
                count,
                place,
                ("mix", mix(t, survey).into()),
                ("account", account.as_str().into()),
            ],
        ),
        (None, _) => t.text(
            "estate-have",
            &[
                count,
                place,
                ("accounts", rows.len().into()),
                ("mix", mix(t, survey).into()),
                ("list", in_accounts(t, &rows).into()),
            ],
        ),
    };
    Response::tell(format!("{}{}", sentence(text), unreached(t, survey)))
}

fn state_arg(state: InstanceState) -> Arg {
    state.word().into()
}

/// "131 running and 9 stopped", or "all running".
fn mix(t: &Messages, survey: &EstateSurvey<StateCounts>) -> String {
    let mut total = StateCounts::default();
    for (_, counts) in survey.accounts.iter().flat_map(|(_, s)| &s.found) {
        total += *counts;
    }
    match super::nonzero_states(&total).as_slice() {
        [(_, state)] => {
            let count = ("count", Arg::from(total.total()));
            t.text("all-in-state", &[count, ("state", (*state).into())])
        }
        several => super::counts_in_states(t, several),
    }
}

/// The estate's databases: the single-account answer over every account's regions, then
/// how many each account has, then what could not be reached.
pub fn databases(t: &Messages, scope: &Scope, survey: &EstateSurvey<Vec<Database>>) -> Response {
    if let Some(response) = nothing_answered(t, survey) {
        return response;
    }
    let merged = reached_only(survey.databases_by_region());
    let answer = super::databases(t, scope, &merged);
    let rows = by_account(t, survey, |dbs| dbs.len() as u64);
    with_accounts(t, answer, &rows, survey)
}

/// The estate's status report: the single-account report over every account's regions,
/// then running instances by account, then what could not be reached.
pub fn status_report(
    t: &Messages,
    scope: &Scope,
    instances: &EstateSurvey<StateCounts>,
    dbs: &EstateSurvey<Vec<Database>>,
) -> Response {
    if let Some(response) = nothing_answered(t, instances) {
        return response;
    }
    let counts = reached_only(instances.counts_by_region());
    let merged_dbs = reached_only(dbs.databases_by_region());
    let answer = super::status_report(t, scope, &counts, &merged_dbs);
    let rows = by_account(t, instances, |c| c.running);
    with_accounts(t, answer, &rows, &instances.failed_in_either(dbs))
}

/// The estate's surveys with failures taken out: the estate's own sentences name them
/// by account, which the single-account sentences cannot.
fn reached_only<T>(survey: Survey<T>) -> Survey<T> {
    Survey {
        found: survey.found,
        failed: Vec::new(),
    }
}

fn with_accounts<T>(
    t: &Messages,
    answer: Response,
    rows: &[(String, u64)],
    survey: &EstateSurvey<T>,
) -> Response {
    let mut extra = String::new();
    if rows.len() > 1 {
        extra.push_str(&t.text(
            "estate-by-account",
            &[("list", in_accounts(t, rows).into())],
        ));
    }
    extra.push_str(&unreached(t, survey));
    match extra.trim() {
        "" => answer,
        more => super::with_sentence(answer, more),
    }
}

/// "Running instances are in 3 regions: North Virginia with 73, Frankfurt with 12 and
/// Ireland with 3." `rows` are (spoken name, count) in any order.
pub fn which(
    t: &Messages,
    id: &str,
    state: Option<InstanceState>,
    place: String,
    mut rows: Vec<(String, u64)>,
    unreached: String,
) -> Response {
    rows.retain(|(_, n)| *n > 0);
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let state_arg: Arg = state.map(InstanceState::word).unwrap_or("any").into();
    let text = match rows.is_empty() {
        true => t.text(
            "which-none",
            &[("state", state_arg), ("place", place.into())],
        ),
        false => {
            let items: Vec<String> = rows
                .iter()
                .map(|(name, n)| {
                    t.text(
                        "name-with-count",
                        &[("name", name.as_str().into()), ("count", (*n).into())],
                    )
                })
                .collect();
            t.text(
                id,
                &[
                    ("state", state_arg),
                    ("place", place.into()),
                    ("count", rows.len().into()),
                    ("list", list(t, &items).into()),
                ],
            )
        }
    };
    Response::tell(format!("{}{unreached}", sentence(text)))
}

/// (spoken region name, count in `state`) for each region that answered.
fn region_rows(
    t: &Messages,
    state: Option<InstanceState>,
    survey: &Survey<StateCounts>,
) -> Vec<(String, u64)> {
    let count = pick(state);
    survey
        .found
        .iter()
        .map(|(r, c)| (spoken_name_in(r, super::lang(t)), count(c)))
        .collect()
}

/// Which regions have instances in `state`, over one account's survey.
pub fn which_regions(
    t: &Messages,
    state: Option<InstanceState>,
    place: String,
    survey: &Survey<StateCounts>,
) -> Response {
    if let Some(response) = super::nothing_answered(t, survey) {
        return response;
    }
    let rows = region_rows(t, state, survey);
    let unreached = super::unreached(t, &survey.failed);
    which(t, "which-regions", state, place, rows, unreached)
}

/// Which regions have instances in `state`, across every account.
pub fn which_regions_in_estate(
    t: &Messages,
    state: Option<InstanceState>,
    survey: &EstateSurvey<StateCounts>,
) -> Response {
    if let Some(response) = nothing_answered(t, survey) {
        return response;
    }
    let rows = region_rows(t, state, &survey.counts_by_region());
    which(
        t,
        "which-regions",
        state,
        String::new(),
        rows,
        unreached(t, survey),
    )
}

/// Which accounts have instances in `state` (in one region, or all).
pub fn which_accounts(
    t: &Messages,
    state: Option<InstanceState>,
    scope: &Scope,
    survey: &EstateSurvey<StateCounts>,
) -> Response {
    if let Some(response) = nothing_answered(t, survey) {
        return response;
    }
    let rows = by_account(t, survey, pick(state));
    which(
        t,
        "which-accounts",
        state,
        place(t, scope),
        rows,
        unreached(t, survey),
    )
}
