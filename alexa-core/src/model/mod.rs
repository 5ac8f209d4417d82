//! The wire format: request and response envelopes as plain data with serde.
//!
//! Nothing here knows about routing or hosting; it is what Alexa sends and accepts.

mod context;
mod envelope;
mod intent;
mod interfaces;
mod request;
mod response;
mod secret;
mod standard;
mod timestamp;

pub use context::*;
pub use envelope::*;
pub use intent::*;
pub use interfaces::*;
pub use request::*;
pub use response::*;
pub use secret::Secret;
pub use standard::*;
pub use timestamp::Timestamp;
