//! Request timestamps: Alexa sends ISO-8601, some test tools send epoch milliseconds.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The moment a request was sent, normalised to UTC.
///
/// Parses `"2026-11-25T18:00:00Z"`, `"2026-11-25T18:00:00.123+01:00"` and epoch
/// milliseconds (as a number or a string of digits). Serialises as RFC 3339 in UTC, so a
/// request can be recorded and replayed without losing the instant.
///
/// ```
/// use alexa_core::model::Timestamp;
/// let iso: Timestamp = serde_json::from_str(r#""2026-11-25T18:00:00Z""#).unwrap();
/// let epoch: Timestamp = serde_json::from_str("1795629600000").unwrap();
/// assert_eq!(iso, epoch);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    /// The current time.
    pub fn now() -> Self {
        Self(OffsetDateTime::now_utc())
    }

    /// A timestamp from milliseconds since the Unix epoch; `None` when out of range.
    pub fn from_unix_millis(millis: i64) -> Option<Self> {
        let nanos = i128::from(millis) * 1_000_000;
        OffsetDateTime::from_unix_timestamp_nanos(nanos)
            .ok()
            .map(Self)
    }

    /// Milliseconds since the Unix epoch.
    pub fn unix_millis(&self) -> i64 {
        (self.0.unix_timestamp_nanos() / 1_000_000) as i64
    }

    /// Parses RFC 3339 / ISO-8601 text or a string of epoch-millisecond digits.
    pub fn parse(text: &str) -> Option<Self> {
        if let Some(utc) = parse_plain_utc(text) {
            return Some(Self(utc));
        }
        let text = text.trim();
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            return text.parse().ok().and_then(Self::from_unix_millis);
        }
        OffsetDateTime::parse(text, &Rfc3339)
            .ok()
            .map(|t| Self(t.to_offset(time::UtcOffset::UTC)))
    }

    /// The signed distance `self - other` in milliseconds.
    pub fn millis_since(&self, other: &Timestamp) -> i64 {
        self.unix_millis() - other.unix_millis()
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, the one form Alexa sends, read digit by digit: every request
/// carries one, and the general RFC 3339 reader costs several times more. Anything else
/// (offsets, fractions, a leap second) is left to that reader.
fn parse_plain_utc(text: &str) -> Option<OffsetDateTime> {
    let b: &[u8; 20] = text.as_bytes().try_into().ok()?;
    if [b[4], b[7], b[10], b[13], b[16], b[19]] != *b"--T::Z" {
        return None;
    }
    let digit = |i: usize| {
        let d = b[i].wrapping_sub(b'0');
        (d < 10).then_some(d)
    };
    let two = |i: usize| Some(digit(i)? * 10 + digit(i + 1)?);
    let year = i32::from(two(0)?) * 100 + i32::from(two(2)?);
    let month = time::Month::try_from(two(5)?).ok()?;
    let date = time::Date::from_calendar_date(year, month, two(8)?).ok()?;
    let time = time::Time::from_hms(two(11)?, two(14)?, two(17)?).ok()?;
    Some(time::PrimitiveDateTime::new(date, time).assume_utc())
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.format(&Rfc3339) {
            Ok(text) => f.write_str(&text),
            Err(_) => write!(f, "{}ms", self.unix_millis()),
        }
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO-8601 timestamp or epoch milliseconds")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Timestamp::parse(v).ok_or_else(|| E::custom(format!("bad timestamp {v:?}")))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
                Timestamp::from_unix_millis(v).ok_or_else(|| E::custom("timestamp out of range"))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
                i64::try_from(v)
                    .ok()
                    .and_then(Timestamp::from_unix_millis)
                    .ok_or_else(|| E::custom("timestamp out of range"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Timestamp, E> {
                if v.is_finite() && v.abs() < 1e15 {
                    self.visit_i64(v as i64)
                } else {
                    Err(E::custom("timestamp out of range"))
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_normalised_to_utc() {
        let a = Timestamp::parse("2026-11-25T19:00:00+01:00").unwrap();
        let b = Timestamp::parse("2026-11-25T18:00:00Z").unwrap();
        assert_eq!(a, b);
        assert_eq!(b.to_string(), "2026-11-25T18:00:00Z");
    }

    #[test]
    fn epoch_millis_as_string_and_number() {
        let s: Timestamp = serde_json::from_str("\"1795716000123\"").unwrap();
        let n: Timestamp = serde_json::from_str("1795716000123").unwrap();
        assert_eq!(s, n);
        assert_eq!(n.unix_millis(), 1_795_716_000_123);
    }

    #[test]
    fn alexas_form_reads_as_the_general_reader_reads_it() {
        for text in [
            "2026-11-25T18:20:23Z",
            "2024-02-29T00:00:00Z",
            "1999-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z",
        ] {
            let general = OffsetDateTime::parse(text, &Rfc3339).unwrap();
            assert_eq!(parse_plain_utc(text), Some(general), "{text}");
        }
        // Not a date, or not this form: refused here, and the general reader decides.
        for text in [
            "2026-02-30T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-25T24:00:00Z",
            "2026-11-25T18:20:60Z",
            "2026-11-25T18:20:2aZ",
            "2026-11-25T18:20:2:Z",
            "2026-11-25T18:20:2/Z",
            " 2026-11-25T18:20:2Z",
            "2026-11-25 18:20:23Z",
            "2026-11-25T18:20:23.5Z",
        ] {
            assert_eq!(parse_plain_utc(text), None, "{text}");
        }
        assert!(Timestamp::parse("2026-02-30T00:00:00Z").is_none());
        assert_eq!(
            Timestamp::parse("2026-11-25T18:20:23.5Z")
                .unwrap()
                .unix_millis()
                % 1000,
            500
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(serde_json::from_str::<Timestamp>("\"yesterday\"").is_err());
        assert!(serde_json::from_str::<Timestamp>("1e300").is_err());
        assert!(serde_json::from_str::<Timestamp>("true").is_err());
    }
}
