//! Building responses: speech, cards, directives, dialog, session attributes.

mod builder;
mod into_response;
mod speech;

pub use builder::{Response, ShouldEndSession};
pub use into_response::IntoResponse;
pub use speech::Speech;
