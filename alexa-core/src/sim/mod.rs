//! The offline Echo: turning typed utterances into requests with the skill's own
//! interaction model, as Alexa would, so a skill can be tried without an Echo or the cloud.
//!
//! [`Resolver`] maps an utterance to a launch, an intent with slots and entity resolution,
//! or the fallback intent (never a forced guess).

mod resolver;
mod session;

pub use resolver::{Resolved, Resolver};
pub use session::{DeviceProfile, Simulator, Target, Turn};
