#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

mod client;
mod error;
mod lists;
mod reminders;
mod settings;
#[cfg(feature = "purchasing")]
mod str_enum;
mod timers;

#[cfg(feature = "endpoints")]
mod endpoints;
#[cfg(feature = "skill-api")]
mod proactive;
#[cfg(feature = "purchasing")]
mod purchase_result;
#[cfg(feature = "purchasing")]
mod purchasing;
#[cfg(feature = "skill-api")]
mod skill_api;
#[cfg(feature = "skill-api")]
mod skill_token;

pub use client::{Alexa, MAX_PROGRESSIVE_RESPONSES};
pub use error::ApiError;
pub use lists::{ListInfo, ListItem};
pub use reminders::{Reminder, ReminderInfo, ReminderTrigger, Reminders};
pub use settings::{Address, DistanceUnit, PhoneNumber, TemperatureUnit};
pub use timers::{
    LocalizedText, Timer, TimerInfo, TimerOperation, TimerTask, Timers, TriggeringBehavior, TIMERS,
};

#[cfg(feature = "endpoints")]
#[cfg_attr(docsrs, doc(cfg(feature = "endpoints")))]
pub use endpoints::{EndpointCapability, EndpointInfo};
#[cfg(feature = "skill-api")]
#[cfg_attr(docsrs, doc(cfg(feature = "skill-api")))]
pub use proactive::{
    Event, ProactiveEvent, RelevantAudience, SkillMessage, SkillStage, MAX_EVENT_LIFETIME,
    NOTIFICATIONS,
};
#[cfg(feature = "purchasing")]
#[cfg_attr(docsrs, doc(cfg(feature = "purchasing")))]
pub use purchase_result::{PurchaseFlow, PurchaseOutcome, PurchaseResult};
#[cfg(feature = "purchasing")]
#[cfg_attr(docsrs, doc(cfg(feature = "purchasing")))]
pub use purchasing::{
    buy, cancel, start_purchase, upsell, EntitledState, EntitlementReason, InSkillProduct,
    InSkillProducts, ProductFilter, ProductType, PurchasableState, PurchaseMode, Transaction,
    TransactionStatus, Transactions,
};
#[cfg(feature = "skill-api")]
#[cfg_attr(docsrs, doc(cfg(feature = "skill-api")))]
pub use skill_api::{AlexaRegion, Retries, SkillApi};
#[cfg(feature = "skill-api")]
#[cfg_attr(docsrs, doc(cfg(feature = "skill-api")))]
pub use skill_token::{
    SkillCredentials, SkillTokens, LWA_TOKEN_URL, PROACTIVE_EVENTS_SCOPE, SKILL_MESSAGING_SCOPE,
};
