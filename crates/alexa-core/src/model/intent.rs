//! Intents, slots and entity resolution.

use super::wire_enum::wire_enum;
use super::SlotMap;
use serde::{Deserialize, Serialize};

/// A resolved intent: its name, whether the user confirmed it, and its slots by name.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Intent {
    /// e.g. `CountInstancesIntent`, `AMAZON.HelpIntent`,
    /// `AMAZON.PlaybackAction<object@MusicCreativeWork>`.
    pub name: String,
    /// Confirmation of the whole intent (dialog management).
    #[serde(default)]
    pub confirmation_status: ConfirmationStatus,
    /// Slots by name. Slot names can contain `.`, e.g. `object.byArtist.name`.
    #[serde(default, skip_serializing_if = "SlotMap::is_empty")]
    pub slots: SlotMap,
}

impl Intent {
    /// The slot of this name, if the intent has one.
    pub fn slot(&self, name: &str) -> Option<&Slot> {
        self.slots.get(name)
    }
}

wire_enum! {
    /// `NONE`, `DENIED` or `CONFIRMED`.
    #[derive(Default)]
    pub enum ConfirmationStatus {
        /// Not asked, or not answered.
        #[default]
        None = "NONE",
        /// The user said no.
        Denied = "DENIED",
        /// The user said yes.
        Confirmed = "CONFIRMED",
    }
}

wire_enum! {
    /// Where a multi-turn dialog stands: `STARTED`, `IN_PROGRESS` or `COMPLETED`.
    pub enum DialogState {
        /// First turn of the dialog.
        Started = "STARTED",
        /// Slots are still being filled or confirmed.
        InProgress = "IN_PROGRESS",
        /// Every required slot is filled and confirmed.
        Completed = "COMPLETED",
    }
}

/// One slot of an intent. An unfilled slot has a name and no value.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Slot {
    /// The slot's name.
    #[serde(default)]
    pub name: String,
    /// What the user said, as Alexa heard it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Confirmation of this slot (dialog management).
    #[serde(default)]
    pub confirmation_status: ConfirmationStatus,
    /// `USER` when the user said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Entity resolution for custom and extended slot types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolutions: Option<Resolutions>,
    /// The structured value: one value, or a list for multi-value slots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot_value: Option<SlotValue>,
}

impl Slot {
    /// The spoken value, if the slot was filled with something other than whitespace.
    pub fn spoken(&self) -> Option<&str> {
        self.value
            .as_deref()
            .or(match &self.slot_value {
                Some(SlotValue::Simple { value, .. }) => value.as_deref(),
                _ => None,
            })
            .filter(|v| !v.trim().is_empty())
    }

    /// The values of this slot: one for a simple slot, each entry for a multi-value slot.
    pub fn values(&self) -> Vec<SlotValueRef<'_>> {
        match &self.slot_value {
            Some(SlotValue::List { values }) => values.iter().flat_map(SlotValue::refs).collect(),
            Some(simple @ SlotValue::Simple { .. }) if self.value.is_none() => simple.refs(),
            _ => vec![SlotValueRef {
                value: self.spoken(),
                resolutions: self.resolutions.as_ref(),
            }],
        }
    }

    /// This slot's single value with its resolutions.
    pub fn as_value(&self) -> SlotValueRef<'_> {
        let resolutions = self.resolutions.as_ref().or(match &self.slot_value {
            Some(SlotValue::Simple { resolutions, .. }) => resolutions.as_ref(),
            _ => None,
        });
        SlotValueRef {
            value: self.spoken(),
            resolutions,
        }
    }
}

/// `slotValue`: `{type: "Simple", value, resolutions}` or `{type: "List", values: [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum SlotValue {
    /// One value.
    Simple {
        /// What the user said.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<String>,
        /// Its entity resolution.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        resolutions: Option<Resolutions>,
    },
    /// Several values for a multi-value slot ("mysql and postgres").
    List {
        /// The values in the order spoken.
        #[serde(default)]
        values: Vec<SlotValue>,
    },
}

impl SlotValue {
    fn refs(&self) -> Vec<SlotValueRef<'_>> {
        match self {
            SlotValue::Simple { value, resolutions } => vec![SlotValueRef {
                value: value.as_deref().filter(|v| !v.trim().is_empty()),
                resolutions: resolutions.as_ref(),
            }],
            SlotValue::List { values } => values.iter().flat_map(SlotValue::refs).collect(),
        }
    }
}

/// A borrowed view of one slot value and its resolutions: what typed slot conversion reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct SlotValueRef<'a> {
    /// What the user said.
    pub value: Option<&'a str>,
    /// Entity resolution, when Alexa ran it.
    pub resolutions: Option<&'a Resolutions>,
}

impl<'a> SlotValueRef<'a> {
    /// The first `ER_SUCCESS_MATCH` value across authorities (custom types come first).
    pub fn resolved(&self) -> Option<&'a ResolvedValue> {
        self.resolutions?
            .resolutions_per_authority
            .iter()
            .filter(|r| r.status.code == ResolutionStatusCode::ErSuccessMatch)
            .find_map(|r| r.values.first().map(|v| &v.value))
    }

    /// True when entity resolution ran and matched nothing (`ER_SUCCESS_NO_MATCH` and no
    /// authority matched). Resolution errors (`ER_ERROR_TIMEOUT`, `ER_ERROR_EXCEPTION`) are
    /// not a "no match": the value may be fine, Alexa just could not check it.
    pub fn is_no_match(&self) -> bool {
        self.resolutions.is_some_and(|r| {
            let codes = || r.resolutions_per_authority.iter().map(|a| &a.status.code);
            codes().any(|c| *c == ResolutionStatusCode::ErSuccessNoMatch)
                && codes().all(|c| *c != ResolutionStatusCode::ErSuccessMatch)
        })
    }
}

/// `resolutions`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resolutions {
    /// One entry per authority (the custom type, dynamic entities, ...).
    #[serde(default)]
    pub resolutions_per_authority: Vec<Resolution>,
}

/// Entity resolution by one authority.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Resolution {
    /// e.g. `amzn1.er-authority.echo-sdk.<skillId>.RegionType`.
    #[serde(default)]
    pub authority: String,
    /// Whether it matched.
    #[serde(default)]
    pub status: ResolutionStatus,
    /// Matches, best first; absent on `ER_SUCCESS_NO_MATCH`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<ResolutionValue>,
}

/// `status` of an authority.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ResolutionStatus {
    /// The outcome.
    pub code: ResolutionStatusCode,
}

wire_enum! {
    /// The outcome of entity resolution for one authority.
    #[derive(Default)]
    pub enum ResolutionStatusCode {
        /// The value matched an entity.
        ErSuccessMatch = "ER_SUCCESS_MATCH",
        /// The value matched none of the type's values or synonyms.
        #[default]
        ErSuccessNoMatch = "ER_SUCCESS_NO_MATCH",
        /// Resolution timed out.
        ErErrorTimeout = "ER_ERROR_TIMEOUT",
        /// Resolution failed.
        ErErrorException = "ER_ERROR_EXCEPTION",
    }
}

/// `{ "value": { "name", "id" } }`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ResolutionValue {
    /// The matched entity.
    pub value: ResolvedValue,
}

/// A matched entity: canonical name and id.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ResolvedValue {
    /// Canonical value, e.g. `Frankfurt`.
    #[serde(default)]
    pub name: String,
    /// The id from the interaction model, e.g. `eu-central-1`.
    #[serde(default)]
    pub id: String,
}
