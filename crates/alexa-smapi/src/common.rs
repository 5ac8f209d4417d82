//! Types several SMAPI operations share: status words, Amazon's standardized errors, and the
//! slot resolutions read in both shapes Amazon's material shows.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// An enum of Amazon's status words that keeps a word newer than this crate as it came.
macro_rules! status_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// A word newer than this crate, kept as Amazon sent it.
            Other(String),
        }

        impl $name {
            /// Amazon's word for it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $text,)*
                    Self::Other(word) => word,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = String::deserialize(d)?;
                Ok(match word.as_str() {
                    $($text => Self::$variant,)*
                    _ => Self::Other(word),
                })
            }
        }
    };
}
pub(crate) use status_enum;

status_enum! {
    /// How an import, a manifest update or a model build stands.
    Status {
        /// Still working.
        InProgress = "IN_PROGRESS",
        /// Done.
        Succeeded = "SUCCEEDED",
        /// Failed; the errors say why.
        Failed = "FAILED",
        /// Failed and rolled back.
        RollbackSucceeded = "ROLLBACK_SUCCEEDED",
        /// Failed and could not be rolled back.
        RollbackFailed = "ROLLBACK_FAILED",
        /// Nothing to do.
        Skipped = "SKIPPED",
    }
}

status_enum! {
    /// A skill's stage.
    Stage {
        /// What the developer is working on.
        Development = "development",
        /// What is certified and published.
        Live = "live",
    }
}

status_enum! {
    /// Whether the user confirmed an intent or slot.
    ConfirmationStatus {
        /// Not asked.
        None = "NONE",
        /// Confirmed.
        Confirmed = "CONFIRMED",
        /// Denied.
        Denied = "DENIED",
    }
}

/// One of Amazon's errors or warnings about a resource (`StandardizedError`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StandardizedError {
    /// Amazon's code for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// What is wrong.
    #[serde(default)]
    pub message: String,
    /// Where exactly (the field, the expected format, ...), as Amazon gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_details: Option<Value>,
}

/// A resolved value of a slot, read from `{name, id}` (the SMAPI specification's shape) or
/// from `{value: {name, id}}` (the request envelope's), written in the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "ValueShape")]
pub struct ResolvedValue {
    /// The canonical value.
    pub name: String,
    /// Its ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[derive(Deserialize)]
struct FlatValue {
    #[serde(default)]
    name: String,
    #[serde(default)]
    id: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ValueShape {
    Wrapped { value: FlatValue },
    Flat(FlatValue),
}

impl From<ValueShape> for ResolvedValue {
    fn from(shape: ValueShape) -> Self {
        let (ValueShape::Wrapped { value } | ValueShape::Flat(value)) = shape;
        ResolvedValue {
            name: value.name,
            id: value.id,
        }
    }
}

/// The status of one resolution authority: `ER_SUCCESS_MATCH`, `ER_SUCCESS_NO_MATCH`, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionStatus {
    /// The code.
    pub code: String,
}

/// What one authority (the skill's slot type, a dynamic entity list) resolved a slot to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionPerAuthority {
    /// The authority's name (`amzn1.er-authority.echo-sdk.<skill>.<type>`).
    pub authority: String,
    /// Matched or not.
    pub status: ResolutionStatus,
    /// The values, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<ResolvedValue>,
}

/// A slot's resolutions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resolutions {
    /// One entry per authority.
    #[serde(default)]
    pub resolutions_per_authority: Vec<ResolutionPerAuthority>,
}

/// A slot as Amazon's NLU filled it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Slot {
    /// The slot's name (evaluation results leave it to the map's key).
    #[serde(default)]
    pub name: String,
    /// What was heard, when anything was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Confirmed, denied or not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation_status: Option<ConfirmationStatus>,
    /// Entity resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolutions: Option<Resolutions>,
}

impl Slot {
    /// The first matched value's ID (else its name), as the skill would read it.
    pub fn resolved_id(&self) -> Option<&str> {
        let resolutions = self.resolutions.as_ref()?;
        resolutions
            .resolutions_per_authority
            .iter()
            .find(|a| a.status.code == "ER_SUCCESS_MATCH")
            .and_then(|a| a.values.first())
            .map(|v| v.id.as_deref().unwrap_or(&v.name))
    }
}

/// An intent Amazon's NLU picked or considered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Intent {
    /// The intent's name (`<LaunchRequest>` for a launch in a simulation).
    pub name: String,
    /// Confirmed, denied or not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation_status: Option<ConfirmationStatus>,
    /// Its slots by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub slots: BTreeMap<String, Slot>,
}

impl Intent {
    /// The slot called `name`.
    pub fn slot(&self, name: &str) -> Option<&Slot> {
        self.slots.get(name)
    }

    /// Every slot that was heard, by name, with its resolved ID (or its value when it did
    /// not resolve).
    pub fn filled_slots(&self) -> Vec<(String, String)> {
        let mut filled: Vec<(String, String)> = self
            .slots
            .iter()
            .filter_map(|(name, slot)| {
                let value = slot.value.clone()?;
                Some((
                    name.clone(),
                    slot.resolved_id().map(str::to_owned).unwrap_or(value),
                ))
            })
            .collect();
        filled.sort();
        filled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolutions_read_in_both_shapes() {
        let spec = r#"{"name":"region","value":"frankfurt","resolutions":{"resolutionsPerAuthority":[
            {"authority":"a","status":{"code":"ER_SUCCESS_MATCH"},"values":[{"name":"Frankfurt","id":"eu-central-1"}]}]}}"#;
        let envelope = r#"{"name":"region","value":"frankfurt","resolutions":{"resolutionsPerAuthority":[
            {"authority":"a","status":{"code":"ER_SUCCESS_MATCH"},"values":[{"value":{"name":"Frankfurt","id":"eu-central-1"}}]}]}}"#;
        for text in [spec, envelope] {
            let slot: Slot = serde_json::from_str(text).unwrap();
            assert_eq!(slot.resolved_id(), Some("eu-central-1"), "{text}");
        }
        let slot: Slot = serde_json::from_str(envelope).unwrap();
        let written = serde_json::to_value(&slot).unwrap();
        assert_eq!(
            written["resolutions"]["resolutionsPerAuthority"][0]["values"][0],
            serde_json::json!({"name": "Frankfurt", "id": "eu-central-1"})
        );
    }

    #[test]
    fn a_status_newer_than_the_crate_is_kept() {
        let s: Status = serde_json::from_str(r#""QUEUED""#).unwrap();
        assert_eq!(s, Status::Other("QUEUED".into()));
        assert_eq!(serde_json::to_string(&s).unwrap(), r#""QUEUED""#);
        let s: Status = serde_json::from_str(r#""IN_PROGRESS""#).unwrap();
        assert_eq!(s, Status::InProgress);
    }

    #[test]
    fn a_no_match_slot_reads_as_what_was_heard() {
        let intent: Intent = serde_json::from_str(
            r#"{"name":"CountInstancesIntent","slots":{
            "region":{"name":"region","value":"franfut","resolutions":{"resolutionsPerAuthority":[
                {"authority":"a","status":{"code":"ER_SUCCESS_NO_MATCH"}}]}},
            "state":{"name":"state"}}}"#,
        )
        .unwrap();
        assert_eq!(
            intent.filled_slots(),
            vec![("region".to_string(), "franfut".to_string())]
        );
    }
}
