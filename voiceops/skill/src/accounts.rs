//! Accounts by voice: the `AccountName` slot, matching what was said against the
//! organization's account names, and the dynamic entities that teach Alexa those names.
//!
//! Written names and spoken ones differ ("acme-prod-eu" is said "prod", "production account",
//! "the prod account"), and entity resolution only knows the names the skill sent at launch,
//! so the skill matches the spoken words itself when resolution found nothing.

use crate::inventory::{Account, Member};
use alexa_core::extract::{FromSlot, SlotError};
use alexa_core::model::{
    Directive, Entity, EntityListItem, EntityName, SlotValueRef, UpdateBehavior,
};

/// The slot type the interaction models declare for account names.
pub const SLOT_TYPE: &str = "AccountName";

/// The `account` slot: what was said, and what entity resolution made of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountName {
    /// What the user said, e.g. "prod".
    pub spoken: String,
    /// The resolved id (the account ID for a dynamic entity) and name, if resolution matched.
    pub resolved: Option<(String, String)>,
}

impl FromSlot for AccountName {
    fn from_slot(value: SlotValueRef<'_>) -> Result<Self, SlotError> {
        let spoken = value.value.ok_or(SlotError::Missing)?.to_owned();
        let resolved = value.resolved().map(|v| (v.id.clone(), v.name.clone()));
        Ok(Self { spoken, resolved })
    }
}

/// Words that say "account" rather than which one.
const FILLER: &[&str] = &[
    "the", "my", "our", "account", "accounts", "aws", "amazon", "konto", "das", "dem", "im",
];

/// Lower-case words without punctuation or filler: "The Acme-Prod account" → ["acme", "prod"].
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .map(str::to_owned)
        .collect()
}

/// How well `said` names an account called `name`: 3 the same words, 2 the one begins the
/// other ("prod" for "production"), 1 every spoken word begins a word of the name
/// ("sandbox" for "acme-sandbox"), 0 not at all.
fn closeness(said: &[String], name: &[String]) -> u8 {
    if said.is_empty() || name.is_empty() {
        return 0;
    }
    if said == name {
        return 3;
    }
    let joined_said = said.concat();
    let joined_name = name.concat();
    if joined_said == joined_name {
        return 3;
    }
    let begins = |long: &str, short: &str| short.len() >= 3 && begins_like(long, short);
    if begins(&joined_name, &joined_said) || begins(&joined_said, &joined_name) {
        return 2;
    }
    let each_begins_a_word = said
        .iter()
        .all(|w| name.iter().any(|n| n == w || begins(n, w) || begins(w, n)));
    u8::from(each_begins_a_word)
}

/// Whether `short` begins `long`, allowing its last letter to differ ("stage" for
/// "staging", as people shorten a name by sound).
fn begins_like(long: &str, short: &str) -> bool {
    if long.starts_with(short) {
        return true;
    }
    let shared = long
        .chars()
        .zip(short.chars())
        .take_while(|(a, b)| a == b)
        .count();
    shared >= 4 && shared + 1 >= short.chars().count()
}

/// The member the user named, or `None` when no account (or more than one equally) fits.
/// A resolved account ID wins; then the closest name; an account without a name can be
/// named by the last four digits of its ID.
pub fn find<'a>(members: &'a [Member], named: &AccountName) -> Option<&'a Member> {
    if let Some((id, _)) = &named.resolved {
        if let Some(member) = members.iter().find(|m| m.account.id == *id) {
            return Some(member);
        }
    }
    // The model's own values resolve too ("produktion" to the id "production"): its name,
    // then its id, then the words as spoken are each tried against the account names.
    let mut candidates: Vec<&str> = Vec::new();
    if let Some((id, name)) = &named.resolved {
        candidates.push(name);
        candidates.push(id);
    }
    candidates.push(&named.spoken);
    for candidate in candidates {
        let said = words(candidate);
        let digits: String = candidate.chars().filter(char::is_ascii_digit).collect();
        let score = |m: &Member| match &m.account.name {
            Some(name) => closeness(&said, &words(name)),
            None => u8::from(digits.len() >= 4 && m.account.id.ends_with(&digits)) * 3,
        };
        let best = members.iter().map(score).max().unwrap_or(0);
        if best == 0 {
            continue;
        }
        let mut top = members.iter().filter(|m| score(m) == best);
        match (top.next(), top.next()) {
            (Some(only), None) => return Some(only),
            _ => return None,
        }
    }
    None
}

/// How an account's name is said: "acme-prod" as "acme prod"; `None` without a name.
pub fn spoken_name(account: &Account) -> Option<String> {
    let name = account.name.as_deref()?;
    let spoken: Vec<&str> = name
        .split(['-', '_', '.', '/'])
        .filter(|w| !w.is_empty())
        .collect();
    Some(spoken.join(" "))
}

/// `Dialog.UpdateDynamicEntities` teaching Alexa the accounts' names (and their spoken
/// forms as synonyms), so "the production account" resolves to its ID for this session.
pub fn dynamic_entities(members: &[Member]) -> Option<Directive> {
    let values: Vec<Entity> = members
        .iter()
        .filter_map(|m| {
            let name = m.account.name.clone()?;
            let mut synonyms: Vec<String> = Vec::new();
            let spoken = spoken_name(&m.account).unwrap_or_default();
            for synonym in [spoken.clone(), format!("{spoken} account")] {
                if synonym != name && !synonyms.contains(&synonym) {
                    synonyms.push(synonym);
                }
            }
            Some(Entity {
                id: Some(m.account.id.clone()),
                name: EntityName {
                    value: name,
                    synonyms,
                },
            })
        })
        .collect();
    (!values.is_empty()).then(|| Directive::DialogUpdateDynamicEntities {
        update_behavior: UpdateBehavior::Replace,
        types: vec![EntityListItem {
            name: SLOT_TYPE.to_owned(),
            values,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::{Database, Inventory, InventoryError, StateCounts};
    use alexa_core::handler::BoxFuture;
    use std::sync::Arc;

    struct Nothing;
    impl Inventory for Nothing {
        fn regions(&self) -> BoxFuture<Result<Vec<String>, InventoryError>> {
            Box::pin(async { Ok(vec![]) })
        }
        fn count_instances(&self, _: String) -> BoxFuture<Result<StateCounts, InventoryError>> {
            Box::pin(async { Ok(StateCounts::default()) })
        }
        fn list_databases(&self, _: String) -> BoxFuture<Result<Vec<Database>, InventoryError>> {
            Box::pin(async { Ok(vec![]) })
        }
    }

    fn estate(names: &[(&str, Option<&str>)]) -> Vec<Member> {
        names
            .iter()
            .map(|(id, name)| Member {
                account: Account {
                    id: (*id).to_owned(),
                    name: name.map(str::to_owned),
                    home: false,
                },
                inventory: Arc::new(Nothing),
            })
            .collect()
    }

    fn said(text: &str) -> AccountName {
        AccountName {
            spoken: text.to_owned(),
            resolved: None,
        }
    }

    fn named<'a>(members: &'a [Member], text: &str) -> Option<&'a str> {
        find(members, &said(text)).and_then(|m| m.account.name.as_deref())
    }

    #[test]
    fn spoken_names_find_written_ones() {
        let members = estate(&[
            ("111111111111", Some("management")),
            ("222222222222", Some("production")),
            ("333333333333", Some("staging")),
            ("444444444444", Some("acme-sandbox")),
        ]);
        for (spoken, expected) in [
            ("production", "production"),
            ("prod", "production"),
            ("the production account", "production"),
            ("Prod account", "production"),
            ("stage", "staging"),
            ("sandbox", "acme-sandbox"),
            ("acme sandbox", "acme-sandbox"),
            ("management", "management"),
        ] {
            assert_eq!(named(&members, spoken), Some(expected), "{spoken}");
        }
        assert_eq!(named(&members, "marketing"), None);
        assert_eq!(named(&members, "the account"), None);
    }

    #[test]
    fn two_equally_close_accounts_are_not_guessed() {
        let members = estate(&[
            ("111111111111", Some("prod-eu")),
            ("222222222222", Some("prod-us")),
        ]);
        assert_eq!(named(&members, "prod"), None);
        assert_eq!(named(&members, "prod eu"), Some("prod-eu"));
    }

    #[test]
    fn a_resolved_id_wins_and_an_unnamed_account_answers_to_its_last_digits() {
        let members = estate(&[("111111111111", Some("production")), ("222222224321", None)]);
        let resolved = AccountName {
            spoken: "live".into(),
            resolved: Some(("111111111111".into(), "production".into())),
        };
        assert_eq!(
            find(&members, &resolved).unwrap().account.id,
            "111111111111"
        );
        assert_eq!(
            find(&members, &said("4321")).unwrap().account.id,
            "222222224321"
        );
        assert!(find(&members, &said("43")).is_none());
    }

    #[test]
    fn launch_teaches_alexa_the_names_with_spoken_synonyms() {
        let members = estate(&[("111111111111", Some("acme-prod")), ("222222222222", None)]);
        let Some(Directive::DialogUpdateDynamicEntities { types, .. }) = dynamic_entities(&members)
        else {
            panic!("no directive");
        };
        assert_eq!(types[0].name, "AccountName");
        assert_eq!(
            types[0].values.len(),
            1,
            "an account without a name cannot be said"
        );
        let entity = &types[0].values[0];
        assert_eq!(entity.id.as_deref(), Some("111111111111"));
        assert_eq!(entity.name.synonyms, ["acme prod", "acme prod account"]);
        assert!(dynamic_entities(&estate(&[("1", None)])).is_none());
    }
}
