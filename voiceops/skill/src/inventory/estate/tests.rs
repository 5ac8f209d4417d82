//! The fan-out over accounts, against a fake estate with chosen or random latencies and
//! failures, on tokio's paused clock (so "before the deadline" is exact and costs no time).

use super::*;
use crate::inventory::{Database, StateCounts};
use std::collections::HashMap;
use std::time::Duration;
use tokio::time::Instant;

/// What one account-region pair does when asked.
#[derive(Debug, Clone)]
enum Pair {
    Answers {
        after: Duration,
        running: u64,
    },
    Fails {
        after: Duration,
        error: InventoryError,
    },
    Hangs,
}

/// One account's regions and how each behaves.
struct FakeAccount {
    pairs: HashMap<String, Pair>,
    in_flight: Arc<std::sync::atomic::AtomicUsize>,
    peak: Arc<std::sync::atomic::AtomicUsize>,
}

impl Inventory for Arc<FakeAccount> {
    fn regions(&self) -> BoxFuture<Result<Vec<String>, InventoryError>> {
        let mut regions: Vec<String> = self.pairs.keys().cloned().collect();
        regions.sort();
        Box::pin(async move { Ok(regions) })
    }

    fn count_instances(&self, region: String) -> BoxFuture<Result<StateCounts, InventoryError>> {
        let this = Arc::clone(self);
        Box::pin(async move {
            use std::sync::atomic::Ordering::SeqCst;
            let now = this.in_flight.fetch_add(1, SeqCst) + 1;
            this.peak.fetch_max(now, SeqCst);
            // A call cut off at its deadline is dropped mid-way: it leaves the count then.
            let _leaves = InFlight(Arc::clone(&this.in_flight));
            let outcome = match this.pairs.get(&region).cloned() {
                Some(Pair::Answers { after, running }) => {
                    tokio::time::sleep(after).await;
                    Ok(StateCounts {
                        running,
                        stopped: 1,
                        other: 0,
                    })
                }
                Some(Pair::Fails { after, error }) => {
                    tokio::time::sleep(after).await;
                    Err(error)
                }
                Some(Pair::Hangs) => std::future::pending().await,
                None => Err(InventoryError::NotEnabled),
            };
            outcome
        })
    }

    fn list_databases(&self, _: String) -> BoxFuture<Result<Vec<Database>, InventoryError>> {
        Box::pin(async { Ok(Vec::new()) })
    }
}

struct InFlight(Arc<std::sync::atomic::AtomicUsize>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

/// A deterministic generator, so a failing seed can be rerun.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

use crate::regions::ENABLED_BY_DEFAULT as REGIONS;

struct Estate {
    members: Vec<Member>,
    /// What a complete answer would count, per account.
    truth: Vec<u64>,
    /// How many accounts refuse every call.
    unreachable: usize,
    peak: Arc<std::sync::atomic::AtomicUsize>,
}

fn random_estate(seed: u64, accounts: usize) -> Estate {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let in_flight = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let peak = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut members = Vec::new();
    let mut truth = Vec::new();
    let mut unreachable_accounts = 0;
    for index in 0..accounts {
        let mut pairs = HashMap::new();
        let mut total = 0;
        // One account in ten cannot be reached at all (its role cannot be assumed).
        let unreachable = rng.below(10) == 0;
        unreachable_accounts += usize::from(unreachable);
        for region in REGIONS {
            let after = Duration::from_millis(rng.below(900));
            let running = rng.below(40);
            total += running;
            let pair = match (unreachable, rng.below(100)) {
                (true, _) => Pair::Fails {
                    after,
                    error: InventoryError::AccessDenied {
                        permission: "sts:AssumeRole",
                    },
                },
                (false, 0..=2) => Pair::Fails {
                    after,
                    error: InventoryError::Throttled,
                },
                (false, 3..=4) => Pair::Fails {
                    after,
                    error: InventoryError::Failed("InternalError".into()),
                },
                (false, 5) => Pair::Hangs,
                (false, 6) => Pair::Answers {
                    after: Duration::from_secs(30),
                    running,
                },
                _ => Pair::Answers { after, running },
            };
            pairs.insert(region.to_owned(), pair);
        }
        truth.push(total);
        let fake = Arc::new(FakeAccount {
            pairs,
            in_flight: Arc::clone(&in_flight),
            peak: Arc::clone(&peak),
        });
        members.push(Member {
            account: Account {
                id: format!("{:012}", 100_000 + index),
                name: Some(format!("team-{index}")),
                home: index == 0,
            },
            inventory: Arc::new(fake),
        });
    }
    Estate {
        members,
        truth,
        unreachable: unreachable_accounts,
        peak,
    }
}

fn regions() -> Vec<String> {
    REGIONS.iter().map(|r| (*r).to_owned()).collect()
}

#[tokio::test(start_paused = true)]
async fn fifty_accounts_by_seventeen_regions_answer_before_the_deadline_and_name_the_gaps() {
    let timing = Timing::default();
    for seed in 1..=25 {
        let estate = random_estate(seed, 50);
        let started = Instant::now();
        let found = survey_estate(
            &estate.members,
            &regions(),
            timing,
            DEFAULT_MAX_IN_FLIGHT,
            |inv, r| inv.count_instances(r),
        )
        .await;
        let took = started.elapsed();
        assert!(
            took <= timing.overall,
            "seed {seed}: answered after {took:?}"
        );
        assert!(
            estate.peak.load(std::sync::atomic::Ordering::SeqCst) <= DEFAULT_MAX_IN_FLIGHT,
            "seed {seed}: more calls in flight than allowed"
        );
        assert_eq!(
            found.accounts.len(),
            50,
            "seed {seed}: every account accounted for"
        );
        for ((account, survey), truth) in found.accounts.iter().zip(&estate.truth) {
            assert_eq!(
                survey.found.len() + survey.failed.len(),
                17,
                "seed {seed}: {account:?} lost a region"
            );
            let counted: u64 = survey.found.iter().map(|(_, c)| c.running).sum();
            if survey.failed.is_empty() {
                assert_eq!(
                    counted, *truth,
                    "seed {seed}: a complete account's count is exact"
                );
            } else {
                assert!(
                    !found.is_complete(),
                    "seed {seed}: a partial estate is never complete"
                );
                assert!(counted <= *truth);
            }
        }
    }
}

#[tokio::test(start_paused = true)]
async fn an_account_whose_role_cannot_be_assumed_is_named_as_unreached() {
    let estate = (1..)
        .map(|seed| random_estate(seed, 20))
        .find(|e| e.unreachable > 0)
        .expect("some seed has an unreachable account");
    let found = survey_estate(
        &estate.members,
        &regions(),
        Timing::default(),
        DEFAULT_MAX_IN_FLIGHT,
        |inv, r| inv.count_instances(r),
    )
    .await;
    let unreached: Vec<&str> = found
        .unreached_accounts()
        .iter()
        .filter_map(|a| a.name.as_deref())
        .collect();
    let denied: Vec<&str> = found
        .accounts
        .iter()
        .filter(|(_, s)| {
            s.failed
                .iter()
                .filter(|(_, e)| matches!(e, InventoryError::AccessDenied { .. }))
                .count()
                == 17
        })
        .filter_map(|(a, _)| a.name.as_deref())
        .collect();
    assert!(
        !denied.is_empty(),
        "the seed has an account that cannot be reached"
    );
    assert_eq!(unreached, denied);
    assert!(found
        .unreached_regions()
        .iter()
        .all(|(a, _)| !denied.contains(&a.name.as_deref().unwrap_or(""))));
}

#[tokio::test(start_paused = true)]
async fn regions_an_account_has_not_enabled_are_left_out_not_reported() {
    let mut pairs = HashMap::new();
    pairs.insert(
        "us-east-1".to_owned(),
        Pair::Answers {
            after: Duration::from_millis(5),
            running: 3,
        },
    );
    let fake = Arc::new(FakeAccount {
        pairs,
        in_flight: Default::default(),
        peak: Default::default(),
    });
    let member = Member {
        account: Account {
            id: "111122223333".into(),
            name: None,
            home: false,
        },
        inventory: Arc::new(fake),
    };
    let asked = vec!["us-east-1".to_owned(), "af-south-1".to_owned()];
    let found = survey_estate(&[member], &asked, Timing::default(), 4, |inv, r| {
        inv.count_instances(r)
    })
    .await;
    assert!(found.is_complete());
    assert_eq!(found.accounts[0].1.found.len(), 1);
}

#[tokio::test(start_paused = true)]
async fn by_region_adds_accounts_together_and_keeps_any_failure() {
    let estate = random_estate(3, 4);
    let found = survey_estate(
        &estate.members,
        &regions(),
        Timing::default(),
        64,
        |inv, r| inv.count_instances(r),
    )
    .await;
    let merged = found.by_region(|sum, more| *sum += *more);
    let per_pair: u64 = found
        .accounts
        .iter()
        .flat_map(|(_, s)| &s.found)
        .map(|(_, c)| c.running)
        .sum();
    assert_eq!(
        merged.found.iter().map(|(_, c)| c.running).sum::<u64>(),
        per_pair
    );
    let failed_regions: std::collections::BTreeSet<&String> = found
        .accounts
        .iter()
        .flat_map(|(_, s)| s.failed.iter().map(|(r, _)| r))
        .collect();
    assert_eq!(merged.failed.len(), failed_regions.len());
}
