//! Building responses: speech, cards, directives, dialog, session attributes; and [`fit`],
//! what each request type may be answered with.

mod builder;
pub(crate) mod fit;
mod into_response;
pub(crate) mod outgoing;
mod speech;

pub use builder::{Response, ShouldEndSession};
pub use into_response::IntoResponse;
pub use speech::Speech;
