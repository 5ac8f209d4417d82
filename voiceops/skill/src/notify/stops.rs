//! The stops a notification tells of: EventBridge's EC2 state-change event, and the spoken
//! summary of a window's stops ("1 instance stopped in Frankfurt").

use crate::regions::spoken_name_in;
use crate::speech::{lang, messages};
use alexa_core::model::Timestamp;
use serde::Deserialize;
use std::collections::BTreeMap;

/// EventBridge's `detail-type` for EC2 state changes.
pub const STATE_CHANGE: &str = "EC2 Instance State-change Notification";

/// An instance that stopped, as EventBridge tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    /// `i-0123...`.
    pub instance_id: String,
    /// Its region.
    pub region: String,
    /// When (Unix seconds).
    pub at: i64,
}

/// Why an event is not one VoiceOps notifies about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotAStop {
    /// Not an EC2 state-change event at all.
    #[error("not an EC2 state-change event: {0}")]
    Foreign(String),
    /// A state change, but not to `stopped` (the rule should not send these).
    #[error("instance {instance} is {state}, not stopped")]
    OtherState {
        /// The instance.
        instance: String,
        /// Its new state.
        state: String,
    },
}

#[derive(Deserialize)]
struct Envelope {
    source: String,
    #[serde(rename = "detail-type")]
    detail_type: String,
    region: String,
    time: String,
    detail: Detail,
}

#[derive(Deserialize)]
struct Detail {
    #[serde(rename = "instance-id")]
    instance_id: String,
    state: String,
}

impl Stop {
    /// The stop an EventBridge event reports.
    ///
    /// ```
    /// use voiceops_skill::notify::Stop;
    /// let event = serde_json::json!({"version": "0", "source": "aws.ec2",
    ///     "detail-type": "EC2 Instance State-change Notification", "region": "eu-central-1",
    ///     "time": "2026-12-03T10:00:00Z", "detail": {"instance-id": "i-1", "state": "stopped"}});
    /// let stop = Stop::from_event(&event).unwrap();
    /// assert_eq!((stop.instance_id.as_str(), stop.region.as_str()), ("i-1", "eu-central-1"));
    /// ```
    pub fn from_event(event: &serde_json::Value) -> Result<Stop, NotAStop> {
        let envelope =
            Envelope::deserialize(event).map_err(|err| NotAStop::Foreign(err.to_string()))?;
        if envelope.source != "aws.ec2" || envelope.detail_type != STATE_CHANGE {
            return Err(NotAStop::Foreign(format!(
                "{} from {}",
                envelope.detail_type, envelope.source
            )));
        }
        if envelope.detail.state != "stopped" {
            return Err(NotAStop::OtherState {
                instance: envelope.detail.instance_id,
                state: envelope.detail.state,
            });
        }
        let at = Timestamp::parse(&envelope.time)
            .ok_or_else(|| NotAStop::Foreign(format!("unreadable time {:?}", envelope.time)))?;
        Ok(Stop {
            instance_id: envelope.detail.instance_id,
            region: envelope.region,
            at: at.unix_millis() / 1000,
        })
    }
}

/// How many stopped in each region, by region code.
pub type StopsByRegion = BTreeMap<String, u64>;

/// The spoken summary of a window's stops in `locale`: "1 instance stopped in Frankfurt",
/// "3 instances stopped: 2 in Frankfurt and 1 in Ireland".
///
/// ```
/// use voiceops_skill::notify::summary;
/// let stops = [("eu-central-1".to_owned(), 2), ("eu-west-1".to_owned(), 1)].into();
/// assert_eq!(summary("en-US", &stops), "3 instances stopped: 2 in Frankfurt and 1 in Ireland");
/// assert_eq!(summary("de-DE", &[("eu-central-1".to_owned(), 1)].into()), "1 Instanz in Frankfurt gestoppt");
/// ```
pub fn summary(locale: &str, stops: &StopsByRegion) -> String {
    let t = messages(locale);
    let total: u64 = stops.values().sum();
    let named: Vec<(String, u64)> = stops
        .iter()
        .map(|(region, n)| (spoken_name_in(region, lang(&t)), *n))
        .collect();
    if let [(region, count)] = named.as_slice() {
        return t.text(
            "stopped-in-region",
            &[
                ("count", (*count).into()),
                ("region", region.clone().into()),
            ],
        );
    }
    let parts: Vec<String> = named
        .iter()
        .map(|(region, n)| {
            t.text(
                "stopped-part",
                &[("count", (*n).into()), ("region", region.clone().into())],
            )
        })
        .collect();
    let list = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => t.text(
            "stopped-list",
            &[
                ("rest", rest.join(", ").into()),
                ("last", last.clone().into()),
            ],
        ),
        _ => parts.concat(),
    };
    t.text(
        "stopped-in-regions",
        &[("count", total.into()), ("list", list.into())],
    )
}
