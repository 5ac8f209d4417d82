//! The interaction model's slot types as Rust types.

pub use crate::accounts::AccountName;
use alexa_core::extract::{ResolvedSlot, SlotError};
use alexa_core::model::SlotValueRef;
use alexa_core::{FromSlot, FromSlots};

/// The `InstanceState` slot type.
#[derive(FromSlot, Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstanceState {
    /// "running", "up", "on", ...
    #[slot(id = "running")]
    Running,
    /// "stopped", "off", "down", ...
    #[slot(id = "stopped")]
    Stopped,
}

impl InstanceState {
    /// The word used in answers.
    pub fn word(self) -> &'static str {
        match self {
            InstanceState::Running => "running",
            InstanceState::Stopped => "stopped",
        }
    }
}

/// The `AwsRegion` slot type: a region code, from the resolved id. A value entity
/// resolution could not match, or one that is not a region code, is `Unresolved`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region(pub String);

impl FromSlot for Region {
    fn from_slot(value: SlotValueRef<'_>) -> Result<Self, SlotError> {
        let slot = ResolvedSlot::from_slot(value)?;
        let code = slot.id.trim().to_ascii_lowercase();
        if crate::regions::is_region_code(&code) {
            Ok(Region(code))
        } else {
            Err(SlotError::Unresolved {
                spoken: slot.spoken,
            })
        }
    }
}

/// Slots of `CountInstancesIntent`.
#[derive(FromSlots, Debug)]
pub struct CountArgs {
    /// Running, stopped, or (absent) both.
    pub state: Option<InstanceState>,
    /// One region, or (absent) all.
    pub region: Option<Region>,
    /// One account, or (absent) every account the skill asks.
    pub account: Option<AccountName>,
}

/// Slots of `ListDatabasesIntent` and `StatusReportIntent`.
#[derive(FromSlots, Debug)]
pub struct RegionArgs {
    /// One region, or (absent) all.
    pub region: Option<Region>,
    /// One account, or (absent) every account the skill asks.
    pub account: Option<AccountName>,
}

/// Slots of `WhichRegionsIntent`: "which regions have running instances (in production)?"
#[derive(FromSlots, Debug)]
pub struct WhichRegionsArgs {
    /// Running, stopped, or (absent) any.
    pub state: Option<InstanceState>,
    /// One account, or (absent) every account.
    pub account: Option<AccountName>,
}

/// Slots of `WhichAccountsIntent`: "which accounts have stopped instances (in Frankfurt)?"
#[derive(FromSlots, Debug)]
pub struct WhichAccountsArgs {
    /// Running, stopped, or (absent) any.
    pub state: Option<InstanceState>,
    /// One region, or (absent) all.
    pub region: Option<Region>,
}

/// Counting by the state a question names: here rather than in `inventory`, which knows
/// nothing of slots.
impl crate::inventory::StateCounts {
    /// The instances in `state`, or all of them for no state.
    pub fn in_state(&self, state: Option<InstanceState>) -> u64 {
        match state {
            Some(InstanceState::Running) => self.running,
            Some(InstanceState::Stopped) => self.stopped,
            None => self.total(),
        }
    }
}
