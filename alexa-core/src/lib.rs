//! # alexa-core
//!
//! A framework for Alexa custom skills: handlers are plain async functions whose arguments
//! are extracted by type, as in axum; the router is built once and dispatches by lookup;
//! errors and panics become a spoken apology; responses are checked against Alexa's limits
//! before they leave; the skill is a `tower::Service` hosted on AWS Lambda.
//!
//! The request path:
//! `bytes -> RequestEnvelope (tolerant serde) -> skill-ID check -> lookup by request type /
//! intent name -> handler(extractors..) -> IntoResponse -> limits -> ResponseEnvelope`.
//!
//! ```
//! use alexa_core::extract::{Slots, State};
//! use alexa_core::{builtin, Response, Skill, SkillError, SlotEnum, Slots};
//!
//! #[derive(SlotEnum, Debug, Clone, Copy, PartialEq)]
//! enum Colour { #[slot(id = "RED")] Red, #[slot(id = "BLUE")] Blue }
//!
//! #[derive(Slots)]
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
#![cfg_attr(docsrs, feature(doc_auto_cfg))]
#![warn(missing_docs)]

// Lets the derive macros name `::alexa_core` inside this crate's own tests too.
extern crate self as alexa_core;

pub mod builtin;
pub mod extract;
pub mod hosting;
pub mod interaction_model;
pub mod limits;
pub mod model;
pub mod sim;
pub mod ssml;
#[cfg(feature = "test-util")]
pub mod test;

mod builder;
mod error;
mod handler;
mod response;
mod service;
mod skill;

pub use alexa_core_macros::{SlotEnum, Slots};
pub use builder::SkillBuilder;
pub use error::{BuildError, InvocationError, SkillError};
pub use handler::{BoxFuture, Handler, Outcome};
pub use response::{IntoResponse, Response, ShouldEndSession, Speech};
pub use service::{Deadline, DeadlineLayer, TOO_SLOW};
pub use skill::{Skill, APOLOGY, CANNOT_HELP};

/// The README's example compiles (it needs the `lambda` feature).
#[cfg(all(doctest, feature = "lambda"))]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
