//! Extractors for the envelope as a whole and its simple members.

use super::{FromRequest, Missing};
use crate::model::{RequestEnvelope, Secret};
use std::convert::Infallible;
use std::sync::Arc;

/// The whole request envelope, shared (no copy).
#[derive(Debug, Clone)]
pub struct Envelope(pub Arc<RequestEnvelope>);

impl<S> FromRequest<S> for Envelope {
    type Rejection = Infallible;
    fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Infallible> {
        Ok(Envelope(Arc::clone(req)))
    }
}

/// The request's locale, e.g. `en-GB`. Falls back to `en-US` when a request has none, so
/// speech code can always pick a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale(pub String);

impl Locale {
    /// The language part, e.g. `en` of `en-GB`.
    pub fn language(&self) -> &str {
        self.0.split(['-', '_']).next().unwrap_or(&self.0)
    }
}

impl<S> FromRequest<S> for Locale {
    type Rejection = Infallible;
    fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Infallible> {
        Ok(Locale(req.locale().unwrap_or("en-US").to_owned()))
    }
}

/// The request id, for logs and for progressive responses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

impl<S> FromRequest<S> for RequestId {
    type Rejection = Infallible;
    fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Infallible> {
        Ok(RequestId(req.request.request_id().to_owned()))
    }
}

/// The Alexa API endpoint and bearer token (progressive responses, settings, lists).
/// Absent in requests from some test tools: take `Option<ApiAccess>` to tolerate that.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiAccess {
    /// e.g. `https://api.eu.amazonalexa.com`.
    pub endpoint: String,
    /// The token; its `Debug` prints `***`.
    pub token: Secret,
}

impl<S> FromRequest<S> for ApiAccess {
    type Rejection = Missing;
    fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Missing> {
        let system = &req.context.system;
        match (&system.api_endpoint, &system.api_access_token) {
            (Some(endpoint), Some(token)) => Ok(ApiAccess {
                endpoint: endpoint.clone(),
                token: token.clone(),
            }),
            _ => Err(Missing("apiEndpoint and apiAccessToken")),
        }
    }
}

/// The skill's shared state, given to [`crate::Skill::with_state`]. Cloned per request, so
/// keep it cheap to clone (an `Arc`, or clients that are `Arc`s inside).
#[derive(Debug, Clone, Copy, Default)]
pub struct State<S>(pub S);

impl<S: Clone> FromRequest<S> for State<S> {
    type Rejection = Infallible;
    fn from_request(_: &Arc<RequestEnvelope>, state: &S) -> Result<Self, Infallible> {
        Ok(State(state.clone()))
    }
}

/// A screen that renders APL (an Echo Show, a Fire TV): present only when the device lists
/// `Alexa.Presentation.APL` among its supported interfaces. Take `Option<AplScreen>` to
/// answer voice-only devices too; sending an APL directive to them is an error Alexa reports.
///
/// ```
/// use alexa_core::{extract::AplScreen, Response};
/// async fn show_count(screen: Option<AplScreen>) -> Response {
///     let answer = Response::tell("Three instances are running.");
///     match screen {
///         Some(_) => answer.apl_document("count", serde_json::json!({"type": "APL"}), Default::default()),
///         None => answer,
///     }
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct AplScreen {
    /// The newest APL version the device runs, e.g. `2023.3`.
    pub max_version: Option<String>,
    /// Pixel width and height, when the request carries a viewport.
    pub size: Option<(f64, f64)>,
}

impl<S> FromRequest<S> for AplScreen {
    type Rejection = Missing;
    fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Missing> {
        let device = req.context.system.device.as_ref();
        let apl = device.and_then(|d| d.supported_interfaces.apl.as_ref());
        let Some(apl) = apl else {
            return Err(Missing("an APL screen"));
        };
        let size = req.context.viewport.as_ref().and_then(|v| {
            Some((
                v.current_pixel_width
                    .as_ref()
                    .or(v.pixel_width.as_ref())?
                    .as_f64()?,
                v.current_pixel_height
                    .as_ref()
                    .or(v.pixel_height.as_ref())?
                    .as_f64()?,
            ))
        });
        Ok(AplScreen {
            max_version: apl.runtime.as_ref().and_then(|r| r.max_version.clone()),
            size,
        })
    }
}
