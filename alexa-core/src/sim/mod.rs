//! The offline Echo: turning typed utterances into requests with the skill's own
//! interaction model, as Alexa would, so a skill can be tried without an Echo or the cloud.
//!
//! [`Resolver`] maps an utterance to a launch, an intent with slots and entity resolution,
//! or the fallback intent (never a forced guess). [`Simulator`] keeps the session as Alexa
//! does and sends full envelopes to a [`Target`]: the skill in-process, or (feature
//! `sim-http`) a web service or a local Lambda runtime. Front ends: [`repl`] (feature
//! `sim-repl`) for a terminal, [`console`] (feature `sim-console`) for a browser.

mod builtin_types;
mod resolver;
mod session;
mod turn;

#[cfg(feature = "sim-console")]
pub mod console;
#[cfg(feature = "sim-http")]
mod http;
#[cfg(feature = "sim-repl")]
pub mod repl;
#[cfg(feature = "sim-repl")]
mod speak;

#[cfg(feature = "sim-http")]
pub use http::{HttpTarget, LambdaTarget};

pub use resolver::{Resolved, Resolver};
pub use session::{DeviceProfile, Simulator, Target};
pub use turn::{CardView, ScreenView, Turn};
