//! Amazon's common built-in slot types, as Alexa fills them: spoken words become the
//! documented value formats (`AMAZON.NUMBER` "21", `AMAZON.DATE` "2026-11-26",
//! `AMAZON.TIME` "15:30", `AMAZON.DURATION` "PT1H30M", `AMAZON.ORDINAL` "3"). English and
//! German. A capture that is not such a value makes a sample match score lower, so a
//! better-fitting sample wins, as with Alexa.

use time::{Date, Duration, Month, Weekday};

/// A built-in type the simulator converts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BuiltinType {
    Number,
    Ordinal,
    Date,
    Time,
    Duration,
}

impl BuiltinType {
    pub(crate) fn of(slot_type: &str) -> Option<Self> {
        Some(match slot_type {
            "AMAZON.NUMBER" | "AMAZON.FOUR_DIGIT_NUMBER" => Self::Number,
            "AMAZON.Ordinal" | "AMAZON.ORDINAL" => Self::Ordinal,
            "AMAZON.DATE" => Self::Date,
            "AMAZON.TIME" => Self::Time,
            "AMAZON.DURATION" => Self::Duration,
            _ => return None,
        })
    }

    /// The value Alexa would send for `spoken`, or `None` when it is not one.
    pub(crate) fn value(self, spoken: &str, german: bool, today: Date) -> Option<String> {
        let spoken = spoken.trim().to_lowercase();
        match self {
            Self::Number => number(&spoken, german).map(|n| n.to_string()),
            Self::Ordinal => ordinal(&spoken, german).map(|n| n.to_string()),
            Self::Date => date(&spoken, german, today),
            Self::Time => clock_time(&spoken, german),
            Self::Duration => duration(&spoken, german),
        }
    }
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect()
}

#[rustfmt::skip]
const EN_UNITS: &[(&str, u64)] = &[
    ("zero", 0), ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4),
    ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
    ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15),
    ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20),
    ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70),
    ("eighty", 80), ("ninety", 90), ("hundred", 100), ("thousand", 1000),
];

#[rustfmt::skip]
const DE_UNITS: &[(&str, u64)] = &[
    ("null", 0), ("ein", 1), ("eine", 1), ("einen", 1), ("eins", 1), ("zwei", 2), ("drei", 3),
    ("vier", 4), ("fünf", 5), ("sechs", 6), ("sieben", 7), ("acht", 8), ("neun", 9),
    ("zehn", 10), ("elf", 11), ("zwölf", 12), ("zwanzig", 20), ("dreißig", 30), ("vierzig", 40),
    ("fünfzig", 50), ("hundert", 100), ("tausend", 1000),
];

/// "twenty one" -> 21, "three hundred and five" -> 305, "42" -> 42.
pub(crate) fn number(text: &str, german: bool) -> Option<u64> {
    if let Ok(n) = text.trim().parse() {
        return Some(n);
    }
    let units = if german { DE_UNITS } else { EN_UNITS };
    let (mut total, mut current, mut any) = (0u64, 0u64, false);
    for word in words(text)
        .into_iter()
        .filter(|w| *w != "and" && *w != "und")
    {
        let (_, n) = units.iter().find(|(w, _)| *w == word)?;
        any = true;
        match n {
            100 => current = current.max(1) * 100,
            1000 => {
                total += current.max(1) * 1000;
                current = 0;
            }
            n => current += n,
        }
    }
    any.then_some(total + current)
}

#[rustfmt::skip]
const EN_ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
];

#[rustfmt::skip]
const DE_ORDINALS: &[&str] = &[
    "erste", "zweite", "dritte", "vierte", "fünfte", "sechste", "siebte", "achte", "neunte",
    "zehnte", "elfte", "zwölfte",
];

/// "third" -> 3, "21st" -> 21, "twenty first" -> 21, "dritte" -> 3.
fn ordinal(text: &str, german: bool) -> Option<u64> {
    let text = text.trim();
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        return digits.parse().ok();
    }
    let table = if german { DE_ORDINALS } else { EN_ORDINALS };
    let all = words(text);
    let (last, head) = all.split_last()?;
    let stem = last.trim_end_matches(['n', 'r', 's', 'm']);
    let last_value = table
        .iter()
        .position(|w| *w == *last || *w == stem)
        .map(|i| i as u64 + 1)?;
    if head.is_empty() {
        return Some(last_value);
    }
    // "twenty first": the cardinal head plus the ordinal unit.
    Some(number(&head.join(" "), german)? + last_value)
}

#[rustfmt::skip]
const MONTHS: [Month; 12] = [
    Month::January, Month::February, Month::March, Month::April, Month::May, Month::June,
    Month::July, Month::August, Month::September, Month::October, Month::November,
    Month::December,
];
#[rustfmt::skip]
const EN_MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];
#[rustfmt::skip]
const DE_MONTHS: [&str; 12] = [
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember",
];
#[rustfmt::skip]
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday, Weekday::Tuesday, Weekday::Wednesday, Weekday::Thursday, Weekday::Friday,
    Weekday::Saturday, Weekday::Sunday,
];
#[rustfmt::skip]
const EN_WEEKDAYS: [&str; 7] = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
#[rustfmt::skip]
const DE_WEEKDAYS: [&str; 7] = [
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
];

fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

fn week(date: Date) -> String {
    let (year, week, _) = date.to_iso_week_date();
    format!("{year:04}-W{week:02}")
}

/// "today", "tomorrow", "friday" (the next one), "december first", "the 3rd of march",
/// "2026-12-01", "this week", "next weekend".
fn date(text: &str, german: bool, today: Date) -> Option<String> {
    let relative: &[(&str, i64)] = if german {
        &[
            ("heute", 0),
            ("morgen", 1),
            ("übermorgen", 2),
            ("gestern", -1),
        ]
    } else {
        &[
            ("today", 0),
            ("tonight", 0),
            ("tomorrow", 1),
            ("yesterday", -1),
        ]
    };
    if let Some((_, days)) = relative.iter().find(|(w, _)| *w == text) {
        return Some(iso(today + Duration::days(*days)));
    }
    if Date::parse(text, &time::format_description::well_known::Iso8601::DATE).is_ok() {
        return Some(text.to_owned());
    }
    let all: Vec<&str> = words(text)
        .into_iter()
        .filter(|w| !matches!(*w, "on" | "the" | "of" | "am" | "den" | "nächsten" | "next"))
        .collect();
    let names = if german { DE_WEEKDAYS } else { EN_WEEKDAYS };
    if let [day] = all.as_slice() {
        if let Some(i) = names.iter().position(|n| n == day) {
            let mut date = today + Duration::days(1);
            while date.weekday() != WEEKDAYS[i] {
                date += Duration::days(1);
            }
            return Some(iso(date));
        }
    }
    let (this, next, week_word, weekend_word) = if german {
        ("diese", "nächste", "woche", "wochenende")
    } else {
        ("this", "next", "week", "weekend")
    };
    let spoken = words(text);
    if let [which, unit] = spoken.as_slice() {
        let start = match *which {
            w if w == this || (german && w == "dieses") => Some(today),
            w if w == next || (german && w == "nächstes") => Some(today + Duration::weeks(1)),
            _ => None,
        };
        if let Some(start) = start {
            if *unit == week_word {
                return Some(week(start));
            }
            if *unit == weekend_word {
                return Some(format!("{}-WE", week(start)));
            }
        }
    }
    month_day(&all, german, today)
}

/// "december first", "first of december", "3 march": the next such date from today.
fn month_day(all: &[&str], german: bool, today: Date) -> Option<String> {
    let months = if german { DE_MONTHS } else { EN_MONTHS };
    let at = all.iter().position(|w| months.contains(w))?;
    let month = MONTHS[months.iter().position(|m| *m == all[at])?];
    let rest: Vec<&str> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, w)| *w)
        .collect();
    let rest = rest.join(" ");
    let day = ordinal(&rest, german).or_else(|| number(&rest, german))?;
    let day = u8::try_from(day).ok()?;
    let this_year = Date::from_calendar_date(today.year(), month, day).ok()?;
    let date = if this_year < today {
        Date::from_calendar_date(today.year() + 1, month, day).ok()?
    } else {
        this_year
    };
    Some(iso(date))
}

/// "noon" -> 12:00, "3 pm" -> 15:00, "half past seven" is not attempted; "7:45 am" -> 07:45,
/// "15:30" -> 15:30, "morning" -> MO (Alexa's period codes).
fn clock_time(text: &str, german: bool) -> Option<String> {
    let named: &[(&str, &str)] = if german {
        &[
            ("mittag", "12:00"),
            ("mitternacht", "00:00"),
            ("morgens", "MO"),
            ("vormittags", "MO"),
            ("nachmittags", "AF"),
            ("abends", "EV"),
            ("nachts", "NI"),
        ]
    } else {
        &[
            ("noon", "12:00"),
            ("midday", "12:00"),
            ("midnight", "00:00"),
            ("morning", "MO"),
            ("afternoon", "AF"),
            ("evening", "EV"),
            ("night", "NI"),
            ("tonight", "NI"),
        ]
    };
    let all: Vec<&str> = words(text)
        .into_iter()
        .filter(|w| !matches!(*w, "at" | "the" | "in" | "um" | "uhr"))
        .collect();
    let joined = all.join(" ");
    if let Some((_, value)) = named.iter().find(|(w, _)| *w == joined) {
        return Some((*value).to_owned());
    }
    let (clock, meridiem) = match all.split_last() {
        Some((last, head)) if matches!(*last, "am" | "a.m." | "pm" | "p.m.") => {
            (head.join(" "), Some(last.starts_with('p')))
        }
        _ => (joined.clone(), None),
    };
    let (hour, minute) = match clock.split_once(':') {
        Some((h, m)) => (h.trim().parse::<u8>().ok()?, m.trim().parse::<u8>().ok()?),
        None => {
            let parts = words(&clock);
            match parts.as_slice() {
                [h] => (u8::try_from(number(h, german)?).ok()?, 0),
                [h, "o'clock"] => (u8::try_from(number(h, german)?).ok()?, 0),
                [h, m @ ..] => (
                    u8::try_from(number(h, german)?).ok()?,
                    u8::try_from(number(&m.join(" "), german)?).ok()?,
                ),
                [] => return None,
            }
        }
    };
    let hour = match meridiem {
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        _ => hour,
    };
    (hour < 24 && minute < 60).then(|| format!("{hour:02}:{minute:02}"))
}

/// "five minutes" -> PT5M, "an hour and a half" is not attempted; "two hours and thirty
/// minutes" -> PT2H30M, "three days" -> P3D, "two weeks" -> P2W.
fn duration(text: &str, german: bool) -> Option<String> {
    let units: &[(&str, char, bool)] = if german {
        &[
            ("sekunde", 'S', true),
            ("sekunden", 'S', true),
            ("minute", 'M', true),
            ("minuten", 'M', true),
            ("stunde", 'H', true),
            ("stunden", 'H', true),
            ("tag", 'D', false),
            ("tage", 'D', false),
            ("tagen", 'D', false),
            ("woche", 'W', false),
            ("wochen", 'W', false),
        ]
    } else {
        &[
            ("second", 'S', true),
            ("seconds", 'S', true),
            ("minute", 'M', true),
            ("minutes", 'M', true),
            ("hour", 'H', true),
            ("hours", 'H', true),
            ("day", 'D', false),
            ("days", 'D', false),
            ("week", 'W', false),
            ("weeks", 'W', false),
        ]
    };
    let (mut date_part, mut time_part) = (String::new(), String::new());
    let mut amount: Vec<&str> = Vec::new();
    for word in words(text) {
        if matches!(word, "and" | "und" | "for" | "für") {
            continue;
        }
        match units.iter().find(|(w, _, _)| *w == word) {
            Some((_, unit, in_time)) => {
                let n = number(&amount.join(" "), german)?;
                amount.clear();
                let part = if *in_time {
                    &mut time_part
                } else {
                    &mut date_part
                };
                part.push_str(&format!("{n}{unit}"));
            }
            None => amount.push(word),
        }
    }
    if !amount.is_empty() || (date_part.is_empty() && time_part.is_empty()) {
        return None;
    }
    let time = if time_part.is_empty() {
        String::new()
    } else {
        format!("T{time_part}")
    };
    Some(format!("P{date_part}{time}"))
}

#[cfg(test)]
mod tests {
    use super::BuiltinType::{self, *};
    use time::macros::date;

    // A Wednesday.
    const TODAY: time::Date = date!(2026 - 11 - 25);

    fn en(kind: BuiltinType, spoken: &str) -> Option<String> {
        kind.value(spoken, false, TODAY)
    }

    fn de(kind: BuiltinType, spoken: &str) -> Option<String> {
        kind.value(spoken, true, TODAY)
    }

    #[test]
    fn numbers_and_ordinals() {
        assert_eq!(en(Number, "twenty one").as_deref(), Some("21"));
        assert_eq!(en(Number, "three hundred and five").as_deref(), Some("305"));
        assert_eq!(en(Number, "42").as_deref(), Some("42"));
        assert_eq!(en(Number, "many"), None);
        assert_eq!(de(Number, "zwei").as_deref(), Some("2"));
        assert_eq!(en(Ordinal, "third").as_deref(), Some("3"));
        assert_eq!(en(Ordinal, "21st").as_deref(), Some("21"));
        assert_eq!(en(Ordinal, "twenty first").as_deref(), Some("21"));
        assert_eq!(de(Ordinal, "dritten").as_deref(), Some("3"));
        assert_eq!(en(Ordinal, "blue"), None);
    }

    #[test]
    fn dates_relative_to_today() {
        assert_eq!(en(Date, "today").as_deref(), Some("2026-11-25"));
        assert_eq!(en(Date, "tomorrow").as_deref(), Some("2026-11-26"));
        assert_eq!(en(Date, "friday").as_deref(), Some("2026-11-27"));
        assert_eq!(
            en(Date, "wednesday").as_deref(),
            Some("2026-12-02"),
            "the next one"
        );
        assert_eq!(en(Date, "december first").as_deref(), Some("2026-12-01"));
        assert_eq!(en(Date, "the 3rd of march").as_deref(), Some("2027-03-03"));
        assert_eq!(en(Date, "2026-12-24").as_deref(), Some("2026-12-24"));
        assert_eq!(en(Date, "next week").as_deref(), Some("2026-W49"));
        assert_eq!(en(Date, "this weekend").as_deref(), Some("2026-W48-WE"));
        assert_eq!(de(Date, "morgen").as_deref(), Some("2026-11-26"));
        assert_eq!(de(Date, "am freitag").as_deref(), Some("2026-11-27"));
        assert_eq!(de(Date, "ersten dezember").as_deref(), Some("2026-12-01"));
        assert_eq!(en(Date, "soon"), None);
        assert_eq!(en(Date, "february thirtieth"), None);
    }

    #[test]
    fn times_and_durations() {
        assert_eq!(en(Time, "noon").as_deref(), Some("12:00"));
        assert_eq!(en(Time, "3 pm").as_deref(), Some("15:00"));
        assert_eq!(en(Time, "seven thirty am").as_deref(), Some("07:30"));
        assert_eq!(en(Time, "12 am").as_deref(), Some("00:00"));
        assert_eq!(en(Time, "15:45").as_deref(), Some("15:45"));
        assert_eq!(en(Time, "in the morning").as_deref(), Some("MO"));
        assert_eq!(de(Time, "um acht uhr").as_deref(), Some("08:00"));
        assert_eq!(en(Time, "25:00"), None);
        assert_eq!(en(Duration, "five minutes").as_deref(), Some("PT5M"));
        assert_eq!(en(Duration, "an hour").as_deref(), Some("PT1H"));
        assert_eq!(
            en(Duration, "two hours and thirty minutes").as_deref(),
            Some("PT2H30M")
        );
        assert_eq!(en(Duration, "three days").as_deref(), Some("P3D"));
        assert_eq!(
            en(Duration, "a week and two days").as_deref(),
            Some("P1W2D")
        );
        assert_eq!(de(Duration, "zehn minuten").as_deref(), Some("PT10M"));
        assert_eq!(en(Duration, "a while"), None);
    }
}
