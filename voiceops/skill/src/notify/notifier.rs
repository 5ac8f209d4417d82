//! Turning EC2 stop events into one notification per subscriber per window.
//!
//! EventBridge invokes the function once per stopped instance, so twenty instances stopped
//! by one scale-in would be twenty notifications. Instead every invocation waits until its
//! window (aligned to the clock, [`Notifier::window`] long) has closed, counts the stops of
//! the whole window from EC2, and sends each subscriber the same event under the window's
//! reference ID: Amazon accepts the first and refuses the others as duplicates (409), so
//! each subscriber hears one summary of the window. Nothing is stored for this but the
//! subscriptions; a failure to notify is logged and leaves them as they are.

use super::stops::{summary, Stop, StopsByRegion};
use crate::inventory::Inventory;
use crate::subscriptions::{Subscriber, Subscriptions};
use alexa_core::model::Timestamp;
use alexa_services::{
    AlexaRegion, ApiError, Event, ProactiveEvent, RelevantAudience, SkillApi, SkillStage,
    SkillTokens,
};
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

/// The locales a notification carries text for: the skill's.
pub const LOCALES: [&str; 6] = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN", "de-DE"];

/// The unit of coalescing when nothing else is configured.
pub const DEFAULT_WINDOW: Duration = Duration::from_secs(60);

/// How long past its window's end an invocation waits for EventBridge's late deliveries and
/// EC2's view to settle before counting.
const SETTLE: Duration = Duration::from_secs(5);

/// How long a notification stays in the user's list.
const LIFETIME: Duration = Duration::from_secs(6 * 3600);

/// The clock, in Unix seconds (replaceable in tests).
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// What one invocation did: the Lambda answer for a stop event, and its log line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// The window's start (Unix seconds): each user's event has the reference ID
    /// [`reference_id`]`(start, user)`.
    pub window_start: i64,
    /// Stops counted in the window.
    pub stopped: u64,
    /// The English summary.
    pub summary: String,
    /// Subscribers this invocation notified.
    pub sent: usize,
    /// Subscribers another invocation of the window had already notified.
    pub already_sent: usize,
    /// Subscribers whose notification failed (logged; they stay subscribed).
    pub failed: usize,
}

/// Sends the stop notifications.
#[derive(Clone)]
pub struct Notifier {
    subscriptions: Subscriptions,
    inventory: Arc<dyn Inventory>,
    tokens: Arc<SkillTokens>,
    stage: SkillStage,
    window: Duration,
    settle: Duration,
    clock: Clock,
    extra_api: Option<String>,
}

impl std::fmt::Debug for Notifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Notifier")
            .field("stage", &self.stage)
            .field("window", &self.window)
            .finish_non_exhaustive()
    }
}

impl Notifier {
    /// Notifies `subscriptions` of the stops `inventory` sees, with the skill's `tokens`,
    /// for `stage`; a window of [`DEFAULT_WINDOW`] on the system clock.
    pub fn new(
        subscriptions: Subscriptions,
        inventory: Arc<dyn Inventory>,
        tokens: Arc<SkillTokens>,
        stage: SkillStage,
    ) -> Self {
        Notifier {
            subscriptions,
            inventory,
            tokens,
            stage,
            window: DEFAULT_WINDOW,
            settle: SETTLE,
            clock: Arc::new(|| Timestamp::now().unix_millis() / 1000),
            extra_api: None,
        }
    }

    /// Coalesces over `window` instead (at least a second).
    pub fn with_window(mut self, window: Duration) -> Self {
        self.window = window.max(Duration::from_secs(1));
        self
    }

    /// Reads the time from `clock`, and waits `settle` past a window's end.
    pub fn with_clock(mut self, clock: Clock, settle: Duration) -> Self {
        self.clock = clock;
        self.settle = settle;
        self
    }

    /// Also sends to `endpoint` (a stand-in), besides Amazon's three API hosts. A
    /// subscription naming any other host is never sent the skill's token.
    pub fn allowing_api(mut self, endpoint: impl Into<String>) -> Self {
        self.extra_api = Some(endpoint.into().trim_end_matches('/').to_owned());
        self
    }

    /// The coalescing window.
    pub fn window(&self) -> Duration {
        self.window
    }

    /// Tells every subscriber of `stop`'s window, once.
    pub async fn on_stop(&self, stop: Stop) -> Result<Outcome, alexa_core::persist::StoreError> {
        let window = self.window.as_secs() as i64;
        let start = stop.at - stop.at.rem_euclid(window);
        let end = start + window;
        let wait = end + self.settle.as_secs() as i64 - (self.clock)();
        if wait > 0 {
            tokio::time::sleep(Duration::from_secs(wait as u64)).await;
        }
        let stops = self.count(&stop, start, end).await;
        let stopped = stops.values().sum();
        let mut outcome = Outcome {
            window_start: start,
            stopped,
            summary: summary("en-US", &stops),
            sent: 0,
            already_sent: 0,
            failed: 0,
        };
        let subscribers = self.subscriptions.all().await?;
        let event = self.event(start, stopped as u32, &stops);
        for (user, subscriber) in &subscribers {
            match self.send(start, user, subscriber, &event).await {
                Ok(()) => outcome.sent += 1,
                Err(ApiError::Refused { status: 409, .. }) => outcome.already_sent += 1,
                Err(err) => {
                    outcome.failed += 1;
                    tracing::warn!(%err, user = %short(user), "the notification was not sent; the subscription stays");
                }
            }
        }
        tracing::info!(?outcome, "stop notification");
        Ok(outcome)
    }

    /// The window's stops by region: what EC2 says stopped in `[start, end)`, and `stop`
    /// itself, whatever EC2 says.
    async fn count(&self, stop: &Stop, start: i64, end: i64) -> StopsByRegion {
        let regions = match self.inventory.regions().await {
            Ok(regions) => regions,
            Err(err) => {
                tracing::warn!(%err, "counting only the stop this event reports");
                vec![stop.region.clone()]
            }
        };
        let mut instances: BTreeSet<(String, String)> = BTreeSet::new();
        instances.insert((stop.region.clone(), stop.instance_id.clone()));
        for region in regions {
            match self.inventory.stopped_instances(region.clone()).await {
                Ok(stopped) => instances.extend(
                    stopped
                        .into_iter()
                        .filter(|s| s.at.is_some_and(|at| (start..end).contains(&at)))
                        .map(|s| (region.clone(), s.instance_id)),
                ),
                Err(err) => tracing::warn!(%err, %region, "stops in this region not counted"),
            }
        }
        let mut by_region = StopsByRegion::new();
        for (region, _) in instances {
            *by_region.entry(region).or_default() += 1;
        }
        by_region
    }

    fn event(&self, start: i64, count: u32, stops: &StopsByRegion) -> ProactiveEvent {
        let now = Timestamp::from_unix_millis((self.clock)() * 1000).unwrap_or_else(Timestamp::now);
        let event = ProactiveEvent::new(
            format!("voiceops-stopped-{start}"),
            Event::message_alert("localizedattribute:summary", count.max(1)),
            RelevantAudience::everyone(),
            now,
            LIFETIME,
        );
        LOCALES.iter().fold(event, |event, locale| {
            event.localized(locale, "summary", &summary(locale, stops))
        })
    }

    async fn send(
        &self,
        start: i64,
        user: &str,
        subscriber: &Subscriber,
        event: &ProactiveEvent,
    ) -> Result<(), ApiError> {
        let endpoint = subscriber.api_endpoint.trim_end_matches('/');
        let known = AlexaRegion::of_endpoint(endpoint).is_some()
            || self.extra_api.as_deref() == Some(endpoint);
        if !known {
            return Err(ApiError::NoAccess("an Alexa API host the skill knows"));
        }
        let mut event = event.clone();
        event.reference_id = reference_id(start, user);
        event.relevant_audience = RelevantAudience::user(user);
        SkillApi::at(endpoint, Arc::clone(&self.tokens))
            .create_proactive_event(self.stage, &event)
            .await
    }
}

/// The reference ID of `user`'s event for the window starting at `start`: the same for every
/// invocation of that window, so Amazon refuses a second one (409) and the user hears one
/// notification; different for each user, so one user's event never looks like a repeat of
/// another's. A hash of the user ID (FNV-1a), not the ID itself.
pub fn reference_id(start: i64, user: &str) -> String {
    let hash = user.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("voiceops-stopped-{start}-{hash:016x}")
}

/// A user ID shortened for logs: enough to tell users apart, not the ID itself.
fn short(user: &str) -> String {
    let tail: String = user
        .chars()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("…{tail}")
}
