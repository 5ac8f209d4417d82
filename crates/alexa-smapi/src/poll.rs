//! Waiting for what Amazon does in the background (imports, builds, simulations,
//! evaluations): the first look at once, then growing waits, within one overall deadline.

use crate::{Progress, SmapiClient, SmapiError};
use std::future::Future;
use std::time::{Duration, Instant};

/// How to wait: the first wait, how much each wait grows, the longest wait, and when to give
/// up. The default is the ASK CLI's rhythm (2 s growing by a fifth) with a 10-minute limit.
#[derive(Debug, Clone, PartialEq)]
pub struct PollPolicy {
    /// The wait after the first look.
    pub first_wait: Duration,
    /// Each wait is this many times the one before.
    pub factor: f64,
    /// No wait is longer.
    pub max_wait: Duration,
    /// Give up after this long in all.
    pub deadline: Duration,
}

impl Default for PollPolicy {
    fn default() -> Self {
        PollPolicy {
            first_wait: Duration::from_secs(2),
            factor: 1.2,
            max_wait: Duration::from_secs(30),
            deadline: Duration::from_secs(600),
        }
    }
}

impl PollPolicy {
    /// The default rhythm starting from `first_wait` instead of 2 s.
    pub fn every(first_wait: Duration) -> Self {
        PollPolicy {
            first_wait,
            ..PollPolicy::default()
        }
    }
}

/// One look: finished, or still going with Amazon's status.
pub(crate) enum Polled<T> {
    Done(T),
    Pending(String),
}

impl SmapiClient {
    /// Looks with `look` until it is done or the deadline passes, reporting each pending look.
    pub(crate) async fn poll<T, F, Fut>(&self, what: &str, mut look: F) -> Result<T, SmapiError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Polled<T>, SmapiError>>,
    {
        let policy = self.polling.clone();
        let started = Instant::now();
        let mut wait = policy.first_wait;
        loop {
            match look().await? {
                Polled::Done(value) => return Ok(value),
                Polled::Pending(status) => {
                    let elapsed = started.elapsed();
                    if elapsed + wait > policy.deadline {
                        return Err(SmapiError::StillInProgress {
                            what: what.to_owned(),
                            waited_secs: elapsed.as_secs(),
                        });
                    }
                    self.report(&Progress::Waiting {
                        what: what.to_owned(),
                        status,
                        elapsed,
                    });
                    tokio::time::sleep(wait).await;
                    wait = wait.mul_f64(policy.factor).min(policy.max_wait);
                }
            }
        }
    }
}
