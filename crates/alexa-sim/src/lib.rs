//! # alexa-sim
//!
//! The offline Echo for skills built on `alexa-core`: type what you would say, and it
//! resolves the utterance with the skill's own interaction model, keeps the session as Alexa
//! keeps it, and sends full request envelopes to the skill, in-process or over HTTP.
//!
//! | item | what it is for |
//! | --- | --- |
//! | [`Resolver`] | utterance to launch, intent with slots and entity resolution, or the fallback intent (never a forced guess) |
//! | [`Simulator`] | a session with one skill: attributes, reprompts, silence, dialog directives, device |
//! | [`Target`] | where requests go: a [`Skill`](alexa_core::Skill) in-process, [`HttpTarget`], [`LambdaTarget`] |
//! | [`transcript`] | conversations as text files, replayed in a skill's tests |
//! | [`repl`] | the terminal front end |
//! | [`console`] | the web console on 127.0.0.1 (chat, JSON, card, Echo Show screen) |
//! | `api` | a local stand-in for the Alexa service APIs: progressive responses, device settings |
//!
//! ## Features
//!
//! | feature | what it adds | default |
//! | --- | --- | --- |
//! | `repl` | [`repl`]: history, cards, JSON, optional espeak-ng speech | no |
//! | `console` | [`console`]: the web console, served with axum | no |
//! | `http` | [`HttpTarget`] and [`LambdaTarget`] (hyper) | no |
//! | `api` | `api`: the Alexa API stand-in (axum) | no |
//!
//! ```
//! use alexa_core::interaction_model::LanguageModel;
//! use alexa_core::{builtin, Response, Skill};
//! use alexa_sim::{DeviceProfile, Resolver, Simulator};
//!
//! let model: LanguageModel = serde_json::from_str(r#"{"invocationName": "coffee shop",
//!     "intents": [{"name": "MenuIntent", "samples": ["what is on the menu"]}]}"#).unwrap();
//! let skill = Skill::builder()
//!     .accept_any_skill_id()
//!     .skip_builtin_check()
//!     .intent("MenuIntent", || async { "Coffee and cake." })
//!     .build()
//!     .unwrap();
//! let resolver = Resolver::new(&model, "en-US", "amzn1.ask.skill.coffee");
//! let mut sim = Simulator::new(skill, resolver, "en-US", "amzn1.ask.skill.coffee", DeviceProfile::Echo);
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let turn = sim.say("ask coffee shop what is on the menu").await;
//! assert_eq!(turn.speech, "Coffee and cake.");
//! # });
//! ```
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

#[cfg(feature = "api")]
pub mod api;
mod api_log;
mod builtin_types;
mod dialog;
mod events;
mod notification;
pub mod phrasings;
mod resolver;
mod session;
pub mod transcript;
mod turn;

#[cfg(feature = "console")]
pub mod console;
#[cfg(feature = "http")]
mod http;
#[cfg(feature = "repl")]
pub mod repl;
#[cfg(feature = "repl")]
mod speak;

#[cfg(feature = "http")]
pub use http::{HttpTarget, LambdaTarget, SignRequest};

pub use api_log::{ApiLog, Progressive};
pub use events::{EventHandler, EventOutcome};
pub use notification::Notification;
pub use resolver::{Resolved, Resolver};

/// The skill ID simulated requests carry when the skill names none of its own. The same as
/// `alexa_core::testing::TEST_SKILL_ID`, so recorded fixtures and simulated requests agree.
pub const SIMULATOR_SKILL_ID: &str = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";
pub use session::{simulated_user_id, DeviceProfile, Simulator, Target, UnknownDevice};
pub use turn::{CardView, ScreenView, Turn};
