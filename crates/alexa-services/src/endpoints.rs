//! Connected endpoints (`/v1/endpoints`): the gadgets and devices connected to the user's
//! Echo that the skill may talk to. Field names are `ask-sdk-model`'s
//! (`services.endpoint_enumeration`).

use crate::{Alexa, ApiError};
use serde::{Deserialize, Serialize};

/// One interface an endpoint supports: `EndpointCapability`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndpointCapability {
    /// e.g. `Custom.MyGadget`, `Alexa.Gadget.StateListener`.
    pub interface: String,
    /// e.g. `AlexaInterface`.
    #[serde(rename = "type")]
    pub kind: String,
    /// e.g. `1.0`.
    pub version: String,
}

/// One connected endpoint: `EndpointInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EndpointInfo {
    /// What `CustomInterfaceController` directives address.
    pub endpoint_id: String,
    /// The name the user gave it.
    #[serde(default)]
    pub friendly_name: String,
    /// What it can do.
    #[serde(default)]
    pub capabilities: Vec<EndpointCapability>,
}

#[derive(Deserialize)]
struct EndpointEnumeration {
    #[serde(default)]
    endpoints: Vec<EndpointInfo>,
}

impl Alexa {
    /// The endpoints connected to the user's device; empty when there are none.
    pub async fn connected_endpoints(&self) -> Result<Vec<EndpointInfo>, ApiError> {
        let answer: EndpointEnumeration = self.get("/v1/endpoints", None).await?;
        Ok(answer.endpoints)
    }
}
