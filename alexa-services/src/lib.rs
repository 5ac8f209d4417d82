//! # alexa-services
//!
//! Typed clients for the Alexa service APIs a skill calls during a request, at the request's
//! `apiEndpoint` with its `apiAccessToken`: progressive responses (the directive service),
//! device settings, device address, customer profile, reminders, timers and household lists;
//! with the `purchasing` feature the monetization API and the purchase directives, with
//! `endpoints` the connected endpoints. With `skill-api`, the APIs a skill calls on its own
//! outside a request (skill messaging, proactive events) with its own Login with Amazon
//! tokens (`SkillApi`). A skill that uses none of them does not link this crate (or its
//! HTTP client); the `alexa-services-stand-in` crate serves them all locally for tests.
//!
//! One HTTP client (reqwest with rustls) serves the whole process, so connections are pooled
//! across requests; each call has a short timeout, because Alexa gives a skill about eight
//! seconds in all. A handler asks for [`Alexa`] as an extractor:
//!
//! ```no_run
//! use alexa_core::Response;
//! use alexa_services::{Alexa, ApiError};
//!
//! async fn where_am_i(alexa: Alexa) -> Response {
//!     match alexa.country_and_postal_code().await {
//!         Ok(place) => Response::tell(format!("You are in {}.", place.postal_code.unwrap_or_default())),
//!         Err(err) => err
//!             .ask_for_consent("I need your postal code; I sent a card to your Alexa app.")
//!             .unwrap_or_else(|| Response::tell("I couldn't find your address.")),
//!     }
//! }
//! ```
//!
//! Every call's failure is an [`ApiError`]; a missing permission is
//! [`ApiError::NotPermitted`] naming the permission, and
//! [`ApiError::ask_for_consent`] answers it with the AskForPermissionsConsent card for
//! exactly that permission.
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
