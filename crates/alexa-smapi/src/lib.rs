//! # alexa-smapi
//!
//! Amazon's Skill Management API (SMAPI), typed with the field names of Amazon's own model
//! (`ask-smapi-model`): everything between a skill's code and Amazon that the ASK CLI does
//! in Node.js, from Rust. It is what `cargo alexa` is built on; no skill links it.
//!
//! - **Login with Amazon** ([`TokenSource`], [`Credentials`], [`lwa`]): the refresh-token
//!   flow against the developer's own security profile, the access token cached until a
//!   minute before it expires and refreshed once after a 401; never printed.
//! - **The skill package** ([`package`]): zip, upload, import as a new skill or into an
//!   existing one, and wait for the import with Amazon's messages per resource.
//! - **Manifest, models, builds, enablement** ([`skill`]).
//! - **Amazon's simulator** ([`simulation`]), **the utterance profiler** ([`profile`]),
//!   **the invocation API** ([`invocation`]) and **NLU evaluations** ([`evaluation`]).
//! - **Errors** ([`SmapiError`]) by what the caller does about them: 400 with Amazon's
//!   violations, 401, 403, 404, 409, 429 (retried with backoff and jitter, honouring
//!   `Retry-After`, a bounded number of times), 5xx.
//! - **A stand-in** (`stand_in`, feature `stand-in`): SMAPI and LWA on 127.0.0.1 answering
//!   Amazon's documented bodies, with builds in progress, failed builds, throttling and
//!   expired tokens on demand, and simulations played by the offline Echo.
//!
//! ```no_run
//! use alexa_smapi::{SimulationsApiRequest, SmapiClient, Stage};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! // ASK_CLIENT_ID, ASK_CLIENT_SECRET, ASK_REFRESH_TOKEN (or `cargo alexa login`).
//! let smapi = SmapiClient::from_env()?;
//! let turn = smapi
//!     .simulate("amzn1.ask.skill.example", &Stage::Development,
//!         &SimulationsApiRequest::new("open voice ops", "en-US", true))
//!     .await?;
//! println!("Alexa: {}", turn.caption());
//! # Ok(()) }
//! ```
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

mod client;
mod common;
mod credentials;
mod endpoints;
mod error;
pub mod evaluation;
pub mod invocation;
pub mod lwa;
pub mod package;
mod poll;
pub mod profile;
mod secret;
pub mod simulation;
pub mod skill;
#[cfg(feature = "stand-in")]
#[cfg_attr(docsrs, doc(cfg(feature = "stand-in")))]
pub mod stand_in;

pub use client::{http_client, Progress, RetryPolicy, SmapiClient};
pub use common::{
    ConfirmationStatus, Intent, ResolutionPerAuthority, ResolutionStatus, Resolutions,
    ResolvedValue, Slot, Stage, StandardizedError, Status,
};
pub use credentials::{stored_path_from, Credentials};
pub use endpoints::Endpoints;
pub use error::{LwaError, SmapiError, Violation};
pub use lwa::TokenSource;
pub use poll::PollPolicy;
pub use profile::{ProfileNluRequest, ProfileNluResponse};
pub use secret::Secret;
pub use simulation::{SimulationsApiRequest, SimulationsApiResponse};
