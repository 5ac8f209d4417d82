//! "What changed since you last asked": per user, the count of the last complete answer to
//! each question, and the difference to the one being given.
//!
//! Only counts, the question (what, which state, which region) and the time are stored;
//! never names, never a partial count (an answer with unreachable regions is neither
//! compared nor remembered, so a missing region never sounds like a change).

use crate::regions::Scope;
use crate::slots::InstanceState;
use alexa_core::persist::{Persistent, PersistentAttributes};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The last complete count for each question one user asked.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    /// By [`question`] key.
    #[serde(default)]
    pub asked: BTreeMap<String, Asked>,
}

impl PersistentAttributes for History {
    const NAME: &'static str = "last_counts";
}

/// One remembered answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    /// The number said.
    pub count: u64,
    /// When, in seconds since the Unix epoch (the request's timestamp).
    pub at: i64,
}

/// The key of a question: "instances/running/eu-central-1", "databases/any/all".
pub fn question(what: &str, state: Option<InstanceState>, scope: &Scope) -> String {
    let state = match state {
        Some(InstanceState::Running) => "running",
        Some(InstanceState::Stopped) => "stopped",
        None => "any",
    };
    let place = match scope {
        Scope::AllRegions => "all",
        Scope::Region(code) => code.as_str(),
    };
    format!("{what}/{state}/{place}")
}

/// How the new count compares with the remembered one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// New minus old; never zero.
    pub difference: i64,
    /// The local time of the last answer ("14:05"), when the device's time zone is known
    /// and it was the same day; otherwise the answer says "than last time".
    pub at: Option<String>,
}

/// The change from `previous` to `count`, if there is one. `zone` is the device's IANA time
/// zone; `twelve_hour` picks "2:05 PM" over "14:05".
pub fn change(
    previous: Option<Asked>,
    count: u64,
    now: i64,
    zone: Option<&str>,
    twelve_hour: bool,
) -> Option<Change> {
    let previous = previous?;
    let difference = i64::try_from(count).ok()? - i64::try_from(previous.count).ok()?;
    if difference == 0 {
        return None;
    }
    let at = zone.and_then(|zone| local_time_same_day(previous.at, now, zone, twelve_hour));
    Some(Change { difference, at })
}

/// `then` as a wall-clock time in `zone`, if `then` and `now` fall on the same local day.
fn local_time_same_day(then: i64, now: i64, zone: &str, twelve_hour: bool) -> Option<String> {
    let zone = jiff::tz::TimeZone::get(zone).ok()?;
    let then = zone.to_datetime(jiff::Timestamp::from_second(then).ok()?);
    let now = zone.to_datetime(jiff::Timestamp::from_second(now).ok()?);
    if then.date() != now.date() {
        return None;
    }
    let (hour, minute) = (then.hour(), then.minute());
    Some(match twelve_hour {
        false => format!("{hour:02}:{minute:02}"),
        true => {
            let half = if hour < 12 { "AM" } else { "PM" };
            let hour = match hour % 12 {
                0 => 12,
                h => h,
            };
            format!("{hour}:{minute:02} {half}")
        }
    })
}

/// True for English locales that say "2:05 PM".
pub fn says_twelve_hour(locale: &str) -> bool {
    matches!(locale, "en-US" | "en-CA" | "en-AU" | "en-IN")
}

/// Remembers `count` for `question` after the answer is given.
pub fn remember(history: &Persistent<History>, question: String, count: u64, at: i64) {
    history.update(move |h| {
        h.asked.insert(question.clone(), Asked { count, at });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-26 13:05:00 UTC and 15:30:00 UTC.
    const FIVE_PAST_ONE: i64 = 1_795_698_300;
    const HALF_THREE: i64 = 1_795_707_000;

    fn asked(count: u64, at: i64) -> Option<Asked> {
        Some(Asked { count, at })
    }

    #[test]
    fn the_time_is_said_in_the_devices_zone_and_format() {
        let berlin = change(
            asked(82, FIVE_PAST_ONE),
            85,
            HALF_THREE,
            Some("Europe/Berlin"),
            false,
        );
        assert_eq!(
            berlin,
            Some(Change {
                difference: 3,
                at: Some("14:05".into())
            })
        );
        let new_york = change(
            asked(90, FIVE_PAST_ONE),
            85,
            HALF_THREE,
            Some("America/New_York"),
            true,
        );
        assert_eq!(new_york.unwrap().at.as_deref(), Some("8:05 AM"));
    }

    #[test]
    fn without_a_zone_or_on_another_day_it_is_last_time() {
        let no_zone = change(asked(82, FIVE_PAST_ONE), 80, HALF_THREE, None, false).unwrap();
        assert_eq!((no_zone.difference, no_zone.at), (-2, None));
        let yesterday = FIVE_PAST_ONE - 86_400;
        let old = change(asked(82, yesterday), 80, HALF_THREE, Some("UTC"), false).unwrap();
        assert_eq!(old.at, None);
        let bad_zone = change(
            asked(82, FIVE_PAST_ONE),
            80,
            HALF_THREE,
            Some("Mars/Olympus"),
            false,
        );
        assert_eq!(bad_zone.unwrap().at, None);
    }

    #[test]
    fn no_change_and_no_history_say_nothing() {
        assert_eq!(
            change(asked(85, FIVE_PAST_ONE), 85, HALF_THREE, Some("UTC"), false),
            None
        );
        assert_eq!(change(None, 85, HALF_THREE, Some("UTC"), false), None);
    }

    #[test]
    fn questions_are_keyed_by_what_state_and_place() {
        let frankfurt = Scope::Region("eu-central-1".into());
        assert_eq!(
            question("instances", Some(InstanceState::Stopped), &frankfurt),
            "instances/stopped/eu-central-1"
        );
        assert_eq!(
            question("databases", None, &Scope::AllRegions),
            "databases/any/all"
        );
    }
}
