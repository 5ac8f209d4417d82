//! Many accounts at once: every account of an AWS Organization (or a configured list) in
//! every region, as one bounded fan-out over account-region pairs.

use super::survey::gather;
use super::{Database, Inventory, InventoryError, StateCounts, Survey, Timing};
use alexa_core::handler::BoxFuture;
use std::sync::Arc;

/// How many AWS calls may be in flight at once when many accounts are asked
/// (`VOICEOPS_MAX_IN_FLIGHT`): 50 accounts by 17 regions is 850 pairs, and one Lambda
/// should not open 850 connections at once (its file descriptors stop at 1,024). At a
/// typical 300 ms per call, 128 at a time ask 850 pairs in about 2 s.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 128;

/// An AWS account the skill asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// The 12-digit account ID.
    pub id: String,
    /// Its name in the organization (or from `VOICEOPS_ACCOUNTS`), if it has one.
    pub name: Option<String>,
    /// The account the skill runs in, asked with its own credentials.
    pub home: bool,
}

/// An account and how to ask it.
#[derive(Clone)]
pub struct Member {
    /// Which account.
    pub account: Account,
    /// Its inventory (assumed-role credentials, or the skill's own for the home account).
    pub inventory: Arc<dyn Inventory>,
}

impl std::fmt::Debug for Member {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.account.fmt(f)
    }
}

/// Where the accounts come from: the organization, or a fixed list.
pub trait Organization: Send + Sync + 'static {
    /// Every account to ask, the home account first.
    fn members(&self) -> BoxFuture<Result<Arc<Vec<Member>>, InventoryError>>;
}

/// A fixed set of members (tests, and `VOICEOPS_ACCOUNTS` once resolved).
impl Organization for Arc<Vec<Member>> {
    fn members(&self) -> BoxFuture<Result<Arc<Vec<Member>>, InventoryError>> {
        let members = Arc::clone(self);
        Box::pin(async move { Ok(members) })
    }
}

/// What a fan-out over accounts found: one region survey per account, in the order asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EstateSurvey<T> {
    /// Each account with what its regions answered.
    pub accounts: Vec<(Account, Survey<T>)>,
}

impl<T> EstateSurvey<T> {
    /// Accounts where no region answered: the account could not be reached at all (its role
    /// could not be assumed, or every call failed).
    pub fn unreached_accounts(&self) -> Vec<&Account> {
        self.accounts
            .iter()
            .filter(|(_, s)| s.found.is_empty() && !s.failed.is_empty())
            .map(|(a, _)| a)
            .collect()
    }

    /// Regions that failed in accounts that otherwise answered, as (account, region).
    pub fn unreached_regions(&self) -> Vec<(&Account, &String)> {
        self.accounts
            .iter()
            .filter(|(_, s)| !s.found.is_empty())
            .flat_map(|(a, s)| s.failed.iter().map(move |(r, _)| (a, r)))
            .collect()
    }

    /// Whether every pair answered, so the numbers are complete.
    pub fn is_complete(&self) -> bool {
        self.accounts.iter().all(|(_, s)| s.failed.is_empty())
    }

    /// Whether nothing at all answered.
    pub fn found_nothing(&self) -> bool {
        self.accounts.iter().all(|(_, s)| s.found.is_empty())
    }

    /// The one error every pair failed with, when all failed alike.
    pub fn common_failure(&self) -> Option<&InventoryError> {
        let mut errors = self.accounts.iter().flat_map(|(_, s)| &s.failed);
        let (_, first) = errors.next()?;
        (self.found_nothing() && errors.all(|(_, e)| e == first)).then_some(first)
    }

    /// Which pairs answered in both this survey and `other` (of the same accounts and
    /// regions), and which failed in either: what a report built from both can vouch for.
    pub fn failed_in_either<U>(&self, other: &EstateSurvey<U>) -> EstateSurvey<()> {
        let accounts = self
            .accounts
            .iter()
            .zip(&other.accounts)
            .map(|((account, mine), (_, theirs))| {
                let failed = mine.failed_in_either(theirs);
                let found = mine
                    .found
                    .iter()
                    .filter(|(r, _)| !failed.iter().any(|(f, _)| f == r))
                    .map(|(r, _)| (r.clone(), ()))
                    .collect();
                (account.clone(), Survey { found, failed })
            })
            .collect();
        EstateSurvey { accounts }
    }

    /// One region survey for the whole estate: each region's answers across accounts
    /// combined with `merge`; a region counts as failed if it failed in any account.
    pub fn by_region(&self, mut merge: impl FnMut(&mut T, &T)) -> Survey<T>
    where
        T: Clone,
    {
        let mut found: Vec<(String, T)> = Vec::new();
        let mut failed: Vec<(String, InventoryError)> = Vec::new();
        for (_, survey) in &self.accounts {
            for (region, value) in &survey.found {
                match found.iter_mut().find(|(r, _)| r == region) {
                    Some((_, sum)) => merge(sum, value),
                    None => found.push((region.clone(), value.clone())),
                }
            }
            for (region, error) in &survey.failed {
                if !failed.iter().any(|(r, _)| r == region) {
                    failed.push((region.clone(), error.clone()));
                }
            }
        }
        Survey { found, failed }
    }
}

impl<T> EstateSurvey<T> {
    /// The sum of `count` over every account and region, or `None` when anything failed:
    /// a partial total is never remembered or compared as a total.
    pub fn complete_total(&self, count: impl Fn(&T) -> u64) -> Option<u64> {
        let found = self.accounts.iter().flat_map(|(_, s)| &s.found);
        self.is_complete()
            .then(|| found.map(|(_, v)| count(v)).sum())
    }
}

impl EstateSurvey<StateCounts> {
    /// Instance counts per region, added up over the accounts.
    pub fn counts_by_region(&self) -> Survey<StateCounts> {
        self.by_region(|sum, more| *sum += *more)
    }
}

impl EstateSurvey<Vec<Database>> {
    /// Databases per region, every account's together.
    pub fn databases_by_region(&self) -> Survey<Vec<Database>> {
        self.by_region(|all, more| all.extend(more.iter().cloned()))
    }
}

/// Asks every member in every one of `regions`, at most `max_in_flight` calls at once, all
/// within `timing` (see [`survey`](super::survey)).
pub async fn survey_estate<T, F>(
    members: &[Member],
    regions: &[String],
    timing: Timing,
    max_in_flight: usize,
    ask: F,
) -> EstateSurvey<T>
where
    T: Send + 'static,
    F: Fn(&dyn Inventory, String) -> BoxFuture<Result<T, InventoryError>>,
{
    let calls = members
        .iter()
        .flat_map(|m| regions.iter().map(|r| ask(&*m.inventory, r.clone())))
        .collect();
    let mut results = gather(calls, timing, max_in_flight).await.into_iter();
    let accounts = members
        .iter()
        .map(|m| {
            let mine: Vec<_> = results.by_ref().take(regions.len()).collect();
            (m.account.clone(), Survey::from_results(regions, mine))
        })
        .collect();
    EstateSurvey { accounts }
}

#[cfg(test)]
mod tests;
