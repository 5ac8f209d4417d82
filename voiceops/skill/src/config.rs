//! Settings from the environment, read once at start.

use crate::inventory::organization::parse_accounts;
use crate::inventory::{AccountSource, Timing};
use std::time::Duration;

/// When the Lambda host answers with an apology: under the function's 7 s timeout
/// (template.yaml) and Alexa's 8 s, above the 5.5 s the AWS fan-out may take.
pub const LAMBDA_DEADLINE: Duration = Duration::from_millis(6500);

/// Which skill IDs to accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkillIds {
    /// Only these.
    Only(Vec<String>),
    /// Any (local tools only).
    Any,
}

/// What the environment configures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// `SKILL_ID` (comma-separated for several), if set.
    pub skill_ids: Option<Vec<String>>,
    /// `ALLOW_ANY_SKILL_ID=true`.
    pub allow_any_skill_id: bool,
    /// `VOICEOPS_REGIONS`: ask these instead of `DescribeRegions`.
    pub regions: Option<Vec<String>>,
    /// `VOICEOPS_REGION_TIMEOUT_MS` and `VOICEOPS_DEADLINE_MS`.
    pub timing: Timing,
    /// `VOICEOPS_PAGE_SIZE`: `DescribeInstances` page size (default 1000).
    pub page_size: i32,
    /// `VOICEOPS_STORE`: where each user's last counts are kept.
    pub store: StoreSetting,
    /// `VOICEOPS_ROLE_NAME`: the role to assume in every account of the organization;
    /// unset, VoiceOps answers for its own account only.
    pub role_name: Option<String>,
    /// `VOICEOPS_ACCOUNTS`: the accounts to ask (`id` or `name=id`, comma-separated)
    /// instead of the organization's list; parsed when the skill starts.
    pub accounts: Option<String>,
    /// `VOICEOPS_MAX_IN_FLIGHT`: AWS calls in flight at once across accounts (default 128).
    pub max_in_flight: usize,
}

/// Where VoiceOps keeps what it remembers per user (`VOICEOPS_STORE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreSetting {
    /// Unset: the embedded store in the user's data folder
    /// (`$XDG_DATA_HOME/voiceops/attributes.sqlite3`, usually `~/.local/share/...`).
    DataFolder,
    /// `local:PATH`: the embedded store at PATH.
    Local(std::path::PathBuf),
    /// `dynamodb:TABLE`: a DynamoDB table (what template.yaml deploys).
    DynamoDb(String),
    /// Anything else: refused at start with this explanation.
    Invalid(String),
}

impl StoreSetting {
    /// Reads the value of `VOICEOPS_STORE`.
    pub fn parse(value: Option<&str>) -> Self {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return Self::DataFolder;
        };
        match value.split_once(':') {
            Some(("local", path)) if !path.is_empty() => Self::Local(path.into()),
            Some(("dynamodb", table)) if !table.is_empty() => Self::DynamoDb(table.to_owned()),
            _ => Self::Invalid(format!(
                "VOICEOPS_STORE={value:?} is not understood: leave it unset, or use local:PATH or dynamodb:TABLE"
            )),
        }
    }
}

fn list(value: Option<String>) -> Option<Vec<String>> {
    let items: Vec<String> = value?
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    (!items.is_empty()).then_some(items)
}

fn millis(value: Option<String>, default: Duration) -> Duration {
    value
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_millis)
        .unwrap_or(default)
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Self {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup` (tests pass a map).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let defaults = Timing::default();
        Self {
            skill_ids: list(lookup("SKILL_ID")),
            allow_any_skill_id: lookup("ALLOW_ANY_SKILL_ID")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true")),
            regions: list(lookup("VOICEOPS_REGIONS")),
            timing: Timing {
                per_region: millis(lookup("VOICEOPS_REGION_TIMEOUT_MS"), defaults.per_region),
                overall: millis(lookup("VOICEOPS_DEADLINE_MS"), defaults.overall),
                progressive_after: millis(
                    lookup("VOICEOPS_PROGRESSIVE_MS"),
                    defaults.progressive_after,
                ),
            },
            page_size: lookup("VOICEOPS_PAGE_SIZE")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(crate::inventory::aws::DEFAULT_PAGE_SIZE),
            store: StoreSetting::parse(lookup("VOICEOPS_STORE").as_deref()),
            role_name: lookup("VOICEOPS_ROLE_NAME")
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty()),
            accounts: lookup("VOICEOPS_ACCOUNTS")
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty()),
            max_in_flight: lookup("VOICEOPS_MAX_IN_FLIGHT")
                .and_then(|v| v.trim().parse().ok())
                .filter(|n| *n > 0)
                .unwrap_or(crate::inventory::estate::DEFAULT_MAX_IN_FLIGHT),
        }
    }

    /// Where the accounts come from when VoiceOps answers for several, or `None` for its
    /// own account only. A malformed `VOICEOPS_ACCOUNTS`, or one without a role to assume,
    /// is refused with an explanation.
    pub fn account_source(&self) -> Result<Option<AccountSource>, String> {
        match (&self.role_name, &self.accounts) {
            (None, None) => Ok(None),
            (None, Some(_)) => Err("VOICEOPS_ACCOUNTS is set but VOICEOPS_ROLE_NAME is not: name the role to assume in those accounts".to_owned()),
            (Some(_), None) => Ok(Some(AccountSource::Organization)),
            (Some(_), Some(listed)) => parse_accounts(listed).map(|a| Some(AccountSource::Listed(a))),
        }
    }

    /// The skill-ID policy on Lambda: `SKILL_ID` required unless `ALLOW_ANY_SKILL_ID=true`.
    pub fn lambda_skill_ids(&self) -> Result<SkillIds, &'static str> {
        match (&self.skill_ids, self.allow_any_skill_id) {
            (Some(ids), _) => Ok(SkillIds::Only(ids.clone())),
            (None, true) => Ok(SkillIds::Any),
            (None, false) => Err("SKILL_ID is not set: refusing to start. Set it to the skill's ID (amzn1.ask.skill...), or ALLOW_ANY_SKILL_ID=true to accept any caller."),
        }
    }

    /// The skill-ID policy off Lambda: `SKILL_ID` when set, otherwise any.
    pub fn local_skill_ids(&self) -> SkillIds {
        match &self.skill_ids {
            Some(ids) => SkillIds::Only(ids.clone()),
            None => SkillIds::Any,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Config {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn lambda_refuses_to_start_without_a_skill_id() {
        assert!(config(&[]).lambda_skill_ids().is_err());
        assert!(config(&[("ALLOW_ANY_SKILL_ID", "false")])
            .lambda_skill_ids()
            .is_err());
        assert_eq!(
            config(&[("ALLOW_ANY_SKILL_ID", "true")]).lambda_skill_ids(),
            Ok(SkillIds::Any)
        );
        assert_eq!(
            config(&[("SKILL_ID", "amzn1.ask.skill.a, amzn1.ask.skill.b")]).lambda_skill_ids(),
            Ok(SkillIds::Only(vec![
                "amzn1.ask.skill.a".into(),
                "amzn1.ask.skill.b".into()
            ]))
        );
    }

    #[test]
    fn regions_and_timing_from_the_environment() {
        let c = config(&[
            ("VOICEOPS_REGIONS", "eu-west-1,us-east-1"),
            ("VOICEOPS_DEADLINE_MS", "900"),
            ("VOICEOPS_REGION_TIMEOUT_MS", "x"),
        ]);
        assert_eq!(
            c.regions,
            Some(vec!["eu-west-1".into(), "us-east-1".into()])
        );
        assert_eq!(c.timing.overall, Duration::from_millis(900));
        assert_eq!(c.timing.per_region, Timing::default().per_region);
        assert_eq!(config(&[("VOICEOPS_REGIONS", " , ")]).regions, None);
    }

    #[test]
    fn the_store_is_the_data_folder_a_file_or_a_table() {
        assert_eq!(config(&[]).store, StoreSetting::DataFolder);
        assert_eq!(
            config(&[("VOICEOPS_STORE", "local:/tmp/v.sqlite3")]).store,
            StoreSetting::Local("/tmp/v.sqlite3".into())
        );
        assert_eq!(
            config(&[("VOICEOPS_STORE", "dynamodb:voiceops-attributes")]).store,
            StoreSetting::DynamoDb("voiceops-attributes".into())
        );
        for bad in ["redis:x", "local:", "dynamodb", "/tmp/file"] {
            let StoreSetting::Invalid(why) = config(&[("VOICEOPS_STORE", bad)]).store else {
                panic!("{bad} was accepted");
            };
            assert!(why.contains("local:PATH or dynamodb:TABLE"), "{why}");
        }
    }

    #[test]
    fn accounts_come_from_the_organization_a_list_or_nowhere() {
        assert_eq!(config(&[]).account_source(), Ok(None));
        assert_eq!(
            config(&[("VOICEOPS_ROLE_NAME", "VoiceOpsReadOnly")]).account_source(),
            Ok(Some(AccountSource::Organization))
        );
        assert_eq!(
            config(&[
                ("VOICEOPS_ROLE_NAME", "VoiceOpsReadOnly"),
                ("VOICEOPS_ACCOUNTS", "production=111111111111,222222222222")
            ])
            .account_source(),
            Ok(Some(AccountSource::Listed(vec![
                (Some("production".into()), "111111111111".into()),
                (None, "222222222222".into())
            ])))
        );
        let without_role = config(&[("VOICEOPS_ACCOUNTS", "111111111111")]).account_source();
        assert!(without_role.unwrap_err().contains("VOICEOPS_ROLE_NAME"));
        let bad = config(&[("VOICEOPS_ROLE_NAME", "R"), ("VOICEOPS_ACCOUNTS", "prod")]);
        assert!(bad.account_source().unwrap_err().contains("\"prod\""));
        assert_eq!(
            config(&[("VOICEOPS_MAX_IN_FLIGHT", "0")]).max_in_flight,
            128
        );
        assert_eq!(config(&[("VOICEOPS_MAX_IN_FLIGHT", "8")]).max_in_flight, 8);
    }
}
