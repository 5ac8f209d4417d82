//! Extractors: typed values a handler asks for in its signature.
//!
//! A handler's arguments each implement [`FromRequest`]. Extraction reads the envelope
//! (already in memory) synchronously; a failure is a rejection that becomes a response, so
//! a handler never runs with data it did not get. Wrap an extractor in `Option<_>` to accept
//! its absence, or in `Result<_, Rejection>` to handle the failure yourself.

mod envelope;
mod session;
pub(crate) mod slots;

pub use envelope::{ApiAccess, AplScreen, Envelope, Locale, RequestId, State};
pub use session::SessionAttrs;
pub use slots::{FromSlot, FromSlots, ResolvedSlot, SlotError, SlotRejection, Slots};

use crate::model::RequestEnvelope;
use crate::response::{IntoResponse, Response};
use crate::SkillError;
use std::sync::Arc;

/// Builds a handler argument from the request and the skill's state.
///
/// ```
/// use alexa_core::extract::{FromRequest, Missing};
/// use alexa_core::model::RequestEnvelope;
/// use std::sync::Arc;
///
/// /// The user's id, for handlers that keep per-user data.
/// struct UserId(String);
///
/// impl<S> FromRequest<S> for UserId {
///     type Rejection = Missing;
///     fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Missing> {
///         req.context.system.user.as_ref()
///             .map(|u| UserId(u.user_id.clone()))
///             .ok_or(Missing("user"))
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an extractor for Alexa handlers with state `{S}`",
    label = "this argument cannot be extracted from an Alexa request",
    note = "handler arguments must implement `FromRequest`: e.g. `Slots<T>`, `Intent`, `Locale`, `SessionAttrs<T>`, `State<S>`, `Envelope`, or `Option<_>` of one"
)]
pub trait FromRequest<S>: Sized {
    /// What extraction fails with; it is turned into the response.
    type Rejection: IntoResponse;

    /// Extracts the value.
    fn from_request(req: &Arc<RequestEnvelope>, state: &S) -> Result<Self, Self::Rejection>;

    /// Slot names this extractor reads, so the model check can compare them with the
    /// interaction model.
    fn slot_names() -> &'static [&'static str] {
        &[]
    }
}

/// A rejection for data the request does not carry (e.g. `Intent` in a `LaunchRequest`).
/// It is a bug in the skill's wiring, so it goes to the error handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing(pub &'static str);

impl IntoResponse for Missing {
    fn into_response(self) -> Result<Response, SkillError> {
        Err(SkillError::msg(format!("the request has no {}", self.0)))
    }
}

impl<S, T: FromRequest<S>> FromRequest<S> for Option<T> {
    type Rejection = std::convert::Infallible;
    fn from_request(req: &Arc<RequestEnvelope>, state: &S) -> Result<Self, Self::Rejection> {
        Ok(T::from_request(req, state).ok())
    }
    fn slot_names() -> &'static [&'static str] {
        T::slot_names()
    }
}

impl<S, T: FromRequest<S>> FromRequest<S> for Result<T, T::Rejection> {
    type Rejection = std::convert::Infallible;
    fn from_request(req: &Arc<RequestEnvelope>, state: &S) -> Result<Self, Self::Rejection> {
        Ok(T::from_request(req, state))
    }
    fn slot_names() -> &'static [&'static str] {
        T::slot_names()
    }
}

impl IntoResponse for std::convert::Infallible {
    fn into_response(self) -> Result<Response, SkillError> {
        match self {}
    }
}

/// Implements `FromRequest` for a model type cloned out of the envelope.
macro_rules! clone_extractor {
    ($ty:ty, $what:literal, |$req:ident| $get:expr) => {
        impl<S> FromRequest<S> for $ty {
            type Rejection = Missing;
            fn from_request($req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Missing> {
                $get.cloned().ok_or(Missing($what))
            }
        }
    };
}

use crate::model::{
    Device, DialogState, Intent, IntentRequest, Request, SupportedInterfaces, Viewport,
};

clone_extractor!(Intent, "intent", |req| req.request.intent());
clone_extractor!(IntentRequest, "IntentRequest", |req| match &req.request {
    Request::Intent(r) => Some(r),
    _ => None,
});
clone_extractor!(DialogState, "dialog state", |req| match &req.request {
    Request::Intent(r) => r.dialog_state.as_ref(),
    Request::CanFulfillIntent(r) => r.dialog_state.as_ref(),
    _ => None,
});
clone_extractor!(Device, "device", |req| req.context.system.device.as_ref());
clone_extractor!(SupportedInterfaces, "device", |req| req
    .context
    .system
    .device
    .as_ref()
    .map(|d| d.supported_interfaces.get()));
clone_extractor!(Viewport, "viewport", |req| req.context.viewport.as_ref());
