//! Numbers as each language writes them, so speech synthesis reads "2,5" in German as
//! "zwei Komma fünf" and "12,345" in English as one number.
//!
//! Fluent leaves number formatting to the host; its formatter hook is a plain function with
//! no locale, so there is one function per writing convention, chosen when a bundle is built.

use fluent_bundle::types::FluentNumber;
use fluent_bundle::FluentValue;
use intl_memoizer::concurrent::IntlLangMemoizer;

/// A bundle's number formatter.
pub(crate) type Formatter = fn(&FluentValue, &IntlLangMemoizer) -> Option<String>;

/// The formatter for a language: decimal mark, group separator, and whether four-digit
/// numbers are grouped (CLDR's minimum grouping digits).
pub(crate) fn formatter_for(language: &str) -> Formatter {
    match language {
        "de" | "it" | "nl" | "pt" | "id" | "da" | "tr" => dot_groups_comma_decimals,
        "es" | "pl" => dot_groups_from_five_digits,
        "fr" => space_groups_comma_decimals,
        _ => comma_groups_point_decimals,
    }
}

fn comma_groups_point_decimals(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    number(value).map(|n| write(n, ',', '.', 4))
}

fn dot_groups_comma_decimals(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    number(value).map(|n| write(n, '.', ',', 4))
}

fn dot_groups_from_five_digits(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    number(value).map(|n| write(n, '.', ',', 5))
}

fn space_groups_comma_decimals(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    number(value).map(|n| write(n, '\u{202f}', ',', 4))
}

fn number<'a>(value: &'a FluentValue) -> Option<&'a FluentNumber> {
    match value {
        FluentValue::Number(n) => Some(n),
        _ => None,
    }
}

/// Writes `n` with `group` between thousands (only from `min_digits` integer digits on) and
/// `decimal` before the fraction; the fraction as Fluent's own options ask, else as short as
/// the value needs (at most three digits).
pub(crate) fn write(n: &FluentNumber, group: char, decimal: char, min_digits: usize) -> String {
    if !n.value.is_finite() {
        return n.as_string().into_owned();
    }
    let min = n.options.minimum_fraction_digits.unwrap_or(0);
    let max = n.options.maximum_fraction_digits.unwrap_or(3).max(min);
    let fixed = format!("{:.*}", max, n.value.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut frac = frac.to_owned();
    while frac.len() > min && frac.ends_with('0') {
        frac.pop();
    }
    let mut out = String::new();
    if n.value < 0.0 && fixed.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    let grouped = n.options.use_grouping && int.len() >= min_digits;
    for (i, digit) in int.chars().enumerate() {
        if grouped && i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(&frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(value: f64) -> FluentNumber {
        FluentNumber::new(value, Default::default())
    }

    #[test]
    fn each_convention_writes_its_own_marks() {
        assert_eq!(write(&n(1234567.0), ',', '.', 4), "1,234,567");
        assert_eq!(write(&n(2.5), '.', ',', 4), "2,5");
        assert_eq!(write(&n(1234.0), '.', ',', 5), "1234");
        assert_eq!(write(&n(12345.0), '.', ',', 5), "12.345");
        assert_eq!(write(&n(-0.0001), ',', '.', 4), "0");
        assert_eq!(write(&n(-1.25), ',', '.', 4), "-1.25");
        assert_eq!(write(&n(85.0), ',', '.', 4), "85");
        assert_eq!(write(&n(f64::NAN), ',', '.', 4), "NaN");
    }
}
