//! Typed session attributes.

use super::FromRequest;
use crate::model::RequestEnvelope;
use crate::response::{IntoResponse, Response};
use crate::SkillError;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::sync::Arc;

/// Session attributes read into `T` with serde. A request without attributes reads as an
/// empty object, so `T` with `#[serde(default)]` fields always extracts at the start of a
/// session. Write them back with [`Response::session_attributes`].
///
/// ```
/// use alexa_core::extract::SessionAttrs;
/// use alexa_core::Response;
/// #[derive(serde::Deserialize, serde::Serialize, Default)]
/// #[serde(default)]
/// struct Turns { count: u32 }
///
/// async fn handler(SessionAttrs(mut turns): SessionAttrs<Turns>) -> Result<Response, alexa_core::SkillError> {
///     turns.count += 1;
///     Response::ask(format!("Turn {}.", turns.count), "Go on.").session_attributes(&turns)
/// }
/// ```
#[derive(Debug, Clone, Default)]
pub struct SessionAttrs<T>(pub T);

/// The session attributes did not fit the requested type.
#[derive(Debug)]
pub struct AttributesRejection(pub serde_json::Error);

impl IntoResponse for AttributesRejection {
    fn into_response(self) -> Result<Response, SkillError> {
        Err(SkillError::new(self.0))
    }
}

impl<S, T: DeserializeOwned> FromRequest<S> for SessionAttrs<T> {
    type Rejection = AttributesRejection;
    fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Self::Rejection> {
        // Attributes still as they arrived are read straight from their JSON into `T`, never
        // into a map; the map is typed (or taken as typed) only otherwise.
        let raw = req.session.as_ref().and_then(|s| s.attributes.raw_json());
        let parsed = match raw.map(|raw| raw.get()) {
            Some(json) if json.starts_with('{') => serde_json::from_str(json),
            _ => match req.session_attributes() {
                Some(map) => serde_json::from_value(Value::Object(map.clone())),
                None => serde_json::from_value(Value::Object(Map::new())),
            },
        };
        parsed.map(SessionAttrs).map_err(AttributesRejection)
    }
}
