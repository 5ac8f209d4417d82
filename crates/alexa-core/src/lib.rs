//! # alexa-core
//!
//! A framework for Alexa custom skills. Handlers are plain async functions whose arguments
//! are extracted by type, as in axum; the router is built once and dispatches by lookup;
//! every envelope parses tolerantly; errors, panics, a passed deadline and over-limit
//! responses all reach one error handler and become a spoken answer; responses are checked
//! against Alexa's limits before they leave; the skill is a `tower::Service`, hosted on AWS
//! Lambda by the `alexa-lambda` crate.
//!
//! The request path:
//! `bytes -> RequestEnvelope (tolerant serde) -> skill-ID check -> lookup by request type /
//! intent name -> handler(extractors..) -> IntoResponse -> limits -> ResponseEnvelope`.
//!
//! ```
//! use alexa_core::extract::{Slots, State};
//! use alexa_core::{builtin, Response, Skill, SkillError, FromSlot, FromSlots};
//!
//! #[derive(FromSlot, Debug, Clone, Copy, PartialEq)]
//! enum Colour { #[slot(id = "RED")] Red, #[slot(id = "BLUE")] Blue }
//!
//! #[derive(FromSlots)]
//! struct Favourite { colour: Option<Colour> }
//!
//! async fn favourite(Slots(args): Slots<Favourite>, State(greeting): State<&'static str>)
//!     -> Result<Response, SkillError> {
//!     Ok(match args.colour {
//!         Some(c) => Response::tell(format!("{greeting} {c:?} it is.")),
//!         None => Response::ask("Which colour?", "Red or blue?"),
//!     })
//! }
//!
//! let skill = Skill::with_state("Lovely.")
//!     .skill_id("amzn1.ask.skill.0000")
//!     .intent("FavouriteColourIntent", favourite)
//!     .intent(builtin::HELP, || async { Response::ask("Tell me a colour.", "Which colour?") })
//!     .intent(builtin::STOP, || async { "Goodbye." })
//!     .intent(builtin::CANCEL, || async { "Goodbye." })
//!     .build()
//!     .unwrap();
//! # let _ = skill;
//! ```
//!
//! ## Modules
//!
//! | module | what it is for |
//! | --- | --- |
//! | crate root | [`Skill`] and its [`SkillBuilder`], [`Response`], [`Speech`], the errors ([`SkillError`], [`Failure`], [`InvocationError`], [`BuildError`]), the `FromSlots`/`FromSlot` traits and their derives |
//! | [`model`] | the wire format: request and response envelopes as plain serde data; the members few handlers read (most of `context`, the session's attributes) stay JSON until read ([`model::Lazy`]) |
//! | [`extract`] | what a handler can ask for in its signature: slots, session attributes, locale, device, state, ... |
//! | [`handler`] | the [`Handler`] trait that makes an async function a handler |
//! | [`deadline`] | the layer that answers before Alexa gives up, whatever the handlers do |
//! | [`intercept`] | request and response interceptors as tower layers around every handler |
//! | [`extensions`] | values a layer hands to extractors for one request |
//! | [`persist`] | persistent attributes: the `Persistent<T>` extractor, the store trait, an in-memory store |
//! | `l10n` | Project Fluent catalogues: each request's messages in its locale (feature `fluent`) |
//! | [`route`] | conditions for routing besides names: dialog state, session attributes, request types |
//! | [`ssml`] | an SSML builder that escapes every text node and attribute |
//! | [`builtin`] | names of Amazon's built-in intents and of the request types |
//! | [`limits`] | Alexa's response limits, checked before sending |
//! | [`interaction_model`] | load a skill package and check it against the router |
//! | `testing` | request builders and response readers for tests (feature `test-util`) |
//!
//! Beside it, one job each: `alexa-lambda` hosts a skill on AWS Lambda, `alexa-sim` is the
//! offline Echo (resolver, sessions, terminal and web console). A skill links only what it
//! uses; this crate has no HTTP stack, no AWS SDK and no user interface.
//!
//! ## Features
//!
//! | feature | what it adds | default |
//! | --- | --- | --- |
//! | `fluent` | `l10n`: Fluent message catalogues, the `Messages` extractor, a completeness check | no |
//! | `test-util` | `testing`: `TestRequest` builders and the `ResponseExt` readers | no |
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

// Lets the derive macros name `::alexa_core` inside this crate's own tests too.
extern crate self as alexa_core;

pub mod builtin;
pub mod deadline;
pub mod extensions;
pub mod extract;
pub mod handler;
pub mod interaction_model;
pub mod intercept;
#[cfg(feature = "fluent")]
#[cfg_attr(docsrs, doc(cfg(feature = "fluent")))]
pub mod l10n;
pub mod limits;
pub mod model;
pub mod persist;
pub mod ssml;
#[cfg(feature = "test-util")]
pub mod testing;

mod error;
mod response;
mod skill;

pub use alexa_core_macros::{FromSlot, FromSlots};
pub use error::{BuildError, Failure, InvocationError, SkillError};
pub use extract::{FromSlot, FromSlots};
pub use handler::Handler;
pub use response::{IntoResponse, Response, ShouldEndSession, Speech};
pub use skill::builder::SkillBuilder;
pub use skill::{route, Skill, APOLOGY, CANNOT_HELP, TOO_SLOW};

/// What the derive macros expand to. Not part of the API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::extract::slots::{slot_list, slot_optional, slot_required};
}
