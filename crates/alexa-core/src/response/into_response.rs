//! `IntoResponse`: what a handler may return.

use super::{Response, Speech};
use crate::ssml::Ssml;
use crate::SkillError;

/// Turns a handler's return value into a [`Response`] or an error for the error handler.
///
/// Implemented for [`Response`], [`Speech`], strings and [`Ssml`] (a statement that ends the
/// session), `()` (an empty response, for events), [`SkillError`], and `Result<T, E>` where the
/// error becomes a spoken apology through the skill's error handler.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned from an Alexa handler",
    label = "not a response",
    note = "return `Response`, `Speech`, `String`, `&'static str`, `Ssml`, `()`, or `Result<T, E>` where `T` is one of these and `E: Into<SkillError>`"
)]
pub trait IntoResponse {
    /// Converts; `Err` goes to the skill's error handler.
    fn into_response(self) -> Result<Response, SkillError>;
}

impl IntoResponse for Response {
    fn into_response(self) -> Result<Response, SkillError> {
        Ok(self)
    }
}

impl IntoResponse for Speech {
    fn into_response(self) -> Result<Response, SkillError> {
        Ok(Response::tell(self))
    }
}

impl IntoResponse for String {
    fn into_response(self) -> Result<Response, SkillError> {
        Ok(Response::tell(self))
    }
}

impl IntoResponse for &'static str {
    fn into_response(self) -> Result<Response, SkillError> {
        Ok(Response::tell(self))
    }
}

impl IntoResponse for Ssml {
    fn into_response(self) -> Result<Response, SkillError> {
        Ok(Response::tell(self))
    }
}

impl IntoResponse for () {
    fn into_response(self) -> Result<Response, SkillError> {
        Ok(Response::empty())
    }
}

impl IntoResponse for SkillError {
    fn into_response(self) -> Result<Response, SkillError> {
        Err(self)
    }
}

impl<T: IntoResponse, E: Into<SkillError>> IntoResponse for Result<T, E> {
    fn into_response(self) -> Result<Response, SkillError> {
        self.map_err(Into::into)?.into_response()
    }
}
