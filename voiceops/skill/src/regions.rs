//! AWS regions as people say them: "North Virginia", never "us-east-1".

/// (code, spoken name) for every commercial region the interaction model knows.
const NAMES: &[(&str, &str)] = &[
    ("us-east-1", "North Virginia"),
    ("us-east-2", "Ohio"),
    ("us-west-1", "North California"),
    ("us-west-2", "Oregon"),
    ("af-south-1", "Cape Town"),
    ("ap-east-1", "Hong Kong"),
    ("ap-east-2", "Taipei"),
    ("ap-south-1", "Mumbai"),
    ("ap-south-2", "Hyderabad"),
    ("ap-southeast-1", "Singapore"),
    ("ap-southeast-2", "Sydney"),
    ("ap-southeast-3", "Jakarta"),
    ("ap-southeast-4", "Melbourne"),
    ("ap-southeast-5", "Malaysia"),
    ("ap-southeast-6", "New Zealand"),
    ("ap-southeast-7", "Thailand"),
    ("ap-northeast-1", "Tokyo"),
    ("ap-northeast-2", "Seoul"),
    ("ap-northeast-3", "Osaka"),
    ("ca-central-1", "Canada Central"),
    ("ca-west-1", "Calgary"),
    ("eu-central-1", "Frankfurt"),
    ("eu-central-2", "Zurich"),
    ("eu-west-1", "Ireland"),
    ("eu-west-2", "London"),
    ("eu-west-3", "Paris"),
    ("eu-south-1", "Milan"),
    ("eu-south-2", "Spain"),
    ("eu-north-1", "Stockholm"),
    ("il-central-1", "Tel Aviv"),
    ("me-south-1", "Bahrain"),
    ("me-central-1", "the U.A.E."),
    ("mx-central-1", "Mexico"),
    ("sa-east-1", "Sao Paulo"),
];

/// German names where they differ from the English ones.
const GERMAN: &[(&str, &str)] = &[
    ("us-east-1", "Nord-Virginia"),
    ("us-west-1", "Nordkalifornien"),
    ("af-south-1", "Kapstadt"),
    ("ap-east-1", "Hongkong"),
    ("ap-east-2", "Taipeh"),
    ("ap-southeast-1", "Singapur"),
    ("ap-southeast-6", "Neuseeland"),
    ("ap-northeast-1", "Tokio"),
    ("ca-central-1", "Kanada Zentral"),
    ("eu-central-2", "Zürich"),
    ("eu-west-1", "Irland"),
    ("eu-south-1", "Mailand"),
    ("eu-south-2", "Spanien"),
    ("me-central-1", "den Vereinigten Arabischen Emiraten"),
    ("mx-central-1", "Mexiko"),
    ("sa-east-1", "São Paulo"),
];

/// Which regions a question covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every region the skill asks.
    AllRegions,
    /// One region, by code.
    Region(String),
}

/// The languages VoiceOps answers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English (every en-* locale).
    En,
    /// German (de-DE).
    De,
}

impl Lang {
    /// The language of a locale; English unless it is German.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("de") {
            Lang::De
        } else {
            Lang::En
        }
    }
}

/// A region's name in `lang`.
pub fn spoken_name_in(code: &str, lang: Lang) -> String {
    match lang {
        Lang::De => GERMAN
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, name)| (*name).to_owned())
            .unwrap_or_else(|| spoken_name(code)),
        Lang::En => spoken_name(code),
    }
}

/// The 17 regions every AWS account has enabled without opting in: what "every region"
/// means for most estates, and what the fan-out tests and measurements ask.
pub const ENABLED_BY_DEFAULT: [&str; 17] = [
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];

/// Every region code this skill has a spoken name for.
pub fn known_codes() -> impl Iterator<Item = &'static str> {
    NAMES.iter().map(|(code, _)| *code)
}

/// True when `code` looks like a region code (`eu-west-1`), known or not.
pub fn is_region_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && parts
            .last()
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// The spoken name of a region. A region newer than this table is described from its code
/// ("Asia Pacific South 3") rather than spelled out as a code.
pub fn spoken_name(code: &str) -> String {
    if let Some((_, name)) = NAMES.iter().find(|(c, _)| *c == code) {
        return (*name).to_owned();
    }
    let mut words = Vec::new();
    for (i, part) in code.split('-').enumerate() {
        let word = match (i, part) {
            (0, "us") => "US".to_owned(),
            (0, "eu") => "Europe".to_owned(),
            (0, "ap") => "Asia Pacific".to_owned(),
            (0, "sa") => "South America".to_owned(),
            (0, "ca") => "Canada".to_owned(),
            (0, "me") => "Middle East".to_owned(),
            (0, "af") => "Africa".to_owned(),
            (0, "il") => "Israel".to_owned(),
            (0, "mx") => "Mexico".to_owned(),
            (_, p) => capitalise(p),
        };
        words.push(word);
    }
    words.join(" ")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_regions_have_city_names() {
        assert_eq!(spoken_name("us-east-1"), "North Virginia");
        assert_eq!(spoken_name("eu-central-1"), "Frankfurt");
    }

    #[test]
    fn unknown_regions_are_described_never_spelled_as_codes() {
        assert_eq!(spoken_name("ap-south-3"), "Asia Pacific South 3");
        assert_eq!(spoken_name("eusc-de-east-1"), "Eusc De East 1");
        assert!(!spoken_name("ap-south-3").contains('-'));
    }

    #[test]
    fn german_names_fall_back_to_english_where_they_agree() {
        assert_eq!(spoken_name_in("eu-west-1", Lang::De), "Irland");
        assert_eq!(spoken_name_in("eu-central-1", Lang::De), "Frankfurt");
        assert_eq!(Lang::from_locale("de-DE"), Lang::De);
        assert_eq!(Lang::from_locale("en-IN"), Lang::En);
    }

    #[test]
    fn region_codes_are_recognised() {
        assert!(is_region_code("eu-west-1"));
        assert!(is_region_code("us-gov-west-1"));
        assert!(!is_region_code("frankfurt"));
        assert!(!is_region_code("eu-west-"));
    }

    #[test]
    fn the_table_covers_the_interaction_model() {
        let model: serde_json::Value = serde_json::from_str(include_str!(
            "../../interaction-model/skill-package/interactionModels/custom/en-US.json"
        ))
        .unwrap();
        let types = model["interactionModel"]["languageModel"]["types"]
            .as_array()
            .unwrap();
        let regions = types.iter().find(|t| t["name"] == "AwsRegion").unwrap();
        let ids: Vec<&str> = regions["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap())
            .collect();
        let known: Vec<&str> = known_codes().collect();
        assert_eq!(
            ids, known,
            "model region ids and spoken names must list the same regions"
        );
    }
}
