//! What the skill needs from AWS, behind a small trait so speech logic tests in
//! microseconds and the real implementation is tested over HTTP against an emulator.

pub mod aws;
pub mod estate;
pub mod organization;
mod survey;

pub use aws::AwsInventory;
pub use estate::{survey_estate, Account, EstateSurvey, Member, Organization};
pub use organization::{AccountSource, AwsOrganization};
pub use survey::{survey, Survey, Timing};

use alexa_core::handler::BoxFuture;

/// Instance counts of one region, by state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StateCounts {
    /// `running`.
    pub running: u64,
    /// `stopped`.
    pub stopped: u64,
    /// `pending`, `stopping`, `shutting-down` (terminated instances are not counted).
    pub other: u64,
}

impl StateCounts {
    /// All instances that exist.
    pub fn total(&self) -> u64 {
        self.running + self.stopped + self.other
    }
}

impl std::ops::AddAssign for StateCounts {
    fn add_assign(&mut self, rhs: Self) {
        self.running += rhs.running;
        self.stopped += rhs.stopped;
        self.other += rhs.other;
    }
}

/// A database: an RDS DB instance outside any cluster, or an Aurora cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Database {
    /// The identifier, e.g. `orders-db`.
    pub name: String,
    /// The engine, e.g. `postgres`, `aurora-postgresql`.
    pub engine: String,
    /// e.g. `available`, `stopped`.
    pub status: String,
    /// An Aurora cluster rather than a single instance.
    pub is_cluster: bool,
}

/// Why AWS did not answer for a region (or at all). Each has a plain spoken form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InventoryError {
    /// The credential chain found nothing.
    #[error("no AWS credentials")]
    NoCredentials,
    /// No region configured, so not even the region list can be asked for.
    #[error("no AWS region configured")]
    NoRegion,
    /// The role lacks a permission.
    #[error("access denied: missing {permission}")]
    AccessDenied {
        /// The IAM action, e.g. `ec2:DescribeInstances`.
        permission: &'static str,
    },
    /// Throttled, even after the SDK's retries.
    #[error("throttled by AWS")]
    Throttled,
    /// The region did not answer in time.
    #[error("timed out")]
    Timeout,
    /// The endpoint could not be reached (connection refused, DNS, TLS).
    #[error("unreachable: {0}")]
    Unreachable(String),
    /// The region is not enabled for the account (an opt-in region another account of the
    /// organization uses): nothing can be in it, so it is left out rather than reported.
    #[error("region not enabled for this account")]
    NotEnabled,
    /// Anything else: unreachable endpoint, a service error.
    #[error("{0}")]
    Failed(String),
}

/// The AWS calls the skill makes. Everything is read-only.
pub trait Inventory: Send + Sync + 'static {
    /// The regions to ask: `VOICEOPS_REGIONS`, or the account's enabled regions.
    fn regions(&self) -> BoxFuture<Result<Vec<String>, InventoryError>>;
    /// Instance counts in one region (paging through every instance).
    fn count_instances(&self, region: String) -> BoxFuture<Result<StateCounts, InventoryError>>;
    /// DB instances (outside clusters) and Aurora clusters in one region.
    fn list_databases(&self, region: String) -> BoxFuture<Result<Vec<Database>, InventoryError>>;
    /// The stopped instances of one region with when each stopped (Unix seconds, from its
    /// state-transition reason), for counting the stops of a notification's window. An
    /// inventory that cannot tell answers none, and a notification counts only the stops
    /// it was told of.
    fn stopped_instances(&self, region: String) -> BoxFuture<Result<Vec<Stopped>, InventoryError>> {
        let _ = region;
        Box::pin(async { Ok(Vec::new()) })
    }
}

/// A stopped instance and when it stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    /// `i-0123...`.
    pub instance_id: String,
    /// Unix seconds; `None` when AWS did not say.
    pub at: Option<i64>,
}

/// When an instance stopped, from its `StateTransitionReason`:
/// `User initiated (2026-12-03 10:00:00 GMT)` (AWS) or `... UTC)` (emulators).
///
/// ```
/// use voiceops_skill::inventory::stop_time;
/// assert_eq!(stop_time("User initiated (2026-12-03 10:00:00 GMT)"), Some(1_796_292_000));
/// assert_eq!(stop_time("User initiated"), None);
/// ```
pub fn stop_time(reason: &str) -> Option<i64> {
    let inside = reason.rsplit_once('(')?.1.strip_suffix(')')?;
    let stamp = inside
        .strip_suffix(" GMT")
        .or_else(|| inside.strip_suffix(" UTC"))?;
    let civil = jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", stamp).ok()?;
    Some(
        jiff::tz::TimeZone::UTC
            .to_timestamp(civil)
            .ok()?
            .as_second(),
    )
}
