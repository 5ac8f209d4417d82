//! Asking many regions at once, within a deadline, keeping what did answer.

use super::{Inventory, InventoryError};
use alexa_core::handler::BoxFuture;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::Instant;

/// How long to wait. Alexa waits about 8 s for the whole turn; the defaults leave time to
/// build and send the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// Longest wait for one region.
    pub per_region: Duration,
    /// Longest wait for all regions together.
    pub overall: Duration,
    /// When to say "Checking 17 regions..." if the answer is not ready.
    pub progressive_after: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Self {
            per_region: Duration::from_millis(4500),
            overall: Duration::from_millis(5500),
            progressive_after: Duration::from_millis(700),
        }
    }
}

/// What a fan-out found: answers by region (in the order asked) and the regions that failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Survey<T> {
    /// Regions that answered.
    pub found: Vec<(String, T)>,
    /// Regions that did not, with why.
    pub failed: Vec<(String, InventoryError)>,
}

impl<T> Survey<T> {
    /// The error every region failed with, when all failed alike (no credentials, say).
    pub fn common_failure(&self) -> Option<&InventoryError> {
        if !self.found.is_empty() {
            return None;
        }
        let (_, first) = self.failed.first()?;
        self.failed.iter().all(|(_, e)| e == first).then_some(first)
    }

    /// The sum of `count` over every region, or `None` when a region failed: a partial
    /// total is never remembered or compared as a total.
    pub fn complete_total(&self, count: impl Fn(&T) -> u64) -> Option<u64> {
        self.failed
            .is_empty()
            .then(|| self.found.iter().map(|(_, v)| count(v)).sum())
    }

    /// The regions that failed here or in `other` (two surveys of the same regions), each
    /// once, this survey's first.
    pub fn failed_in_either<U>(&self, other: &Survey<U>) -> Vec<(String, InventoryError)> {
        let mut failed = self.failed.clone();
        for (region, error) in &other.failed {
            if !failed.iter().any(|(r, _)| r == region) {
                failed.push((region.clone(), error.clone()));
            }
        }
        failed
    }
}

impl Survey<Vec<super::Database>> {
    /// Every database found, with its region, by name (then region).
    pub fn databases_by_name(&self) -> Vec<(&String, &super::Database)> {
        let mut all: Vec<(&String, &super::Database)> = self
            .found
            .iter()
            .flat_map(|(region, dbs)| dbs.iter().map(move |d| (region, d)))
            .collect();
        all.sort_by_cached_key(|(region, d)| (d.name.to_lowercase(), (*region).clone()));
        all
    }
}

/// Calls `ask` for every region concurrently. A region that takes longer than
/// `timing.per_region`, or is still running at `timing.overall`, is reported as timed out;
/// the rest are kept. A region not enabled for the account has nothing in it and is left out.
pub async fn survey<T, F>(
    inventory: &Arc<dyn Inventory>,
    regions: &[String],
    timing: Timing,
    ask: F,
) -> Survey<T>
where
    T: Send + 'static,
    F: Fn(&dyn Inventory, String) -> BoxFuture<Result<T, InventoryError>>,
{
    let calls = regions
        .iter()
        .map(|r| ask(&**inventory, r.clone()))
        .collect();
    let results = gather(calls, timing, usize::MAX).await;
    Survey::from_results(regions, results)
}

impl<T> Survey<T> {
    /// Pairs each region with its result, in order.
    pub(crate) fn from_results(
        regions: &[String],
        results: Vec<Result<T, InventoryError>>,
    ) -> Self {
        let mut found = Vec::new();
        let mut failed = Vec::new();
        for (region, result) in regions.iter().zip(results) {
            match result {
                Ok(value) => found.push((region.clone(), value)),
                Err(InventoryError::NotEnabled) => {}
                Err(error) => failed.push((region.clone(), error)),
            }
        }
        Survey { found, failed }
    }
}

/// Runs `calls` concurrently, at most `max_in_flight` at a time, and returns their results
/// in order. A call gets `timing.per_region` from when it starts; whatever has not finished
/// (or not started) at `timing.overall` is a timeout, and a panicking call a failure.
pub(crate) async fn gather<T: Send + 'static>(
    calls: Vec<BoxFuture<Result<T, InventoryError>>>,
    timing: Timing,
    max_in_flight: usize,
) -> Vec<Result<T, InventoryError>> {
    let deadline = Instant::now() + timing.overall;
    let permits = Arc::new(Semaphore::new(
        max_in_flight.clamp(1, Semaphore::MAX_PERMITS),
    ));
    let mut tasks = JoinSet::new();
    let mut task_index = std::collections::HashMap::new();
    for (index, call) in calls.into_iter().enumerate() {
        let permits = Arc::clone(&permits);
        let limit = timing.per_region;
        let handle = tasks.spawn(async move {
            let Ok(_permit) = permits.acquire_owned().await else {
                return Err(InventoryError::Failed("internal error".to_owned()));
            };
            match tokio::time::timeout(limit, call).await {
                Ok(result) => result,
                Err(_) => Err(InventoryError::Timeout),
            }
        });
        task_index.insert(handle.id(), index);
    }
    let mut results: Vec<Option<Result<T, InventoryError>>> =
        task_index.iter().map(|_| None).collect();
    loop {
        match tokio::time::timeout_at(deadline, tasks.join_next_with_id()).await {
            Ok(Some(Ok((id, result)))) => results[task_index[&id]] = Some(result),
            Ok(Some(Err(join_error))) => {
                tracing::error!(%join_error, "an AWS call panicked");
                let failure = Err(InventoryError::Failed("internal error".to_owned()));
                results[task_index[&join_error.id()]] = Some(failure);
            }
            Ok(None) => break,
            Err(_) => {
                tasks.abort_all();
                break;
            }
        }
    }
    results
        .into_iter()
        .map(|r| r.unwrap_or(Err(InventoryError::Timeout)))
        .collect()
}
