//! The invocation API: a request envelope sent straight to the deployed endpoint, past NLU
//! (what `voiceops-skill invoke FILE` is offline).

use crate::client::Body;
use crate::common::status_enum;
use crate::simulation::{Invocation, ResultError, SimulationStatus};
use crate::{SmapiClient, SmapiError, Stage};
use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

status_enum! {
    /// Which of the skill's regional endpoints to call.
    EndpointRegion {
        /// North America.
        Na = "NA",
        /// Europe and India.
        Eu = "EU",
        /// The Far East.
        Fe = "FE",
        /// The default endpoint.
        Default = "default",
    }
}

/// The envelope to send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillRequest {
    /// A request envelope, as Alexa would send it.
    pub body: Value,
}

/// `POST /v2/skills/{skillId}/stages/{stage}/invocations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvocationsApiRequest {
    /// The endpoint's region.
    pub endpoint_region: EndpointRegion,
    /// The envelope.
    pub skill_request: SkillRequest,
}

/// What the call produced. Unlike a simulation's, `skillExecutionInfo` is one call.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvocationResponseResult {
    /// The call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill_execution_info: Option<Invocation>,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ResultError>,
}

/// The invocation API's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvocationsApiResponse {
    /// SUCCESSFUL or FAILED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SimulationStatus>,
    /// What it produced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<InvocationResponseResult>,
}

impl InvocationsApiResponse {
    /// The skill's response envelope, when it answered.
    pub fn response_body(&self) -> Option<&Value> {
        let call = self.result.as_ref()?.skill_execution_info.as_ref()?;
        call.invocation_response.as_ref().map(|r| &r.body)
    }
}

impl SmapiClient {
    /// Sends `request` to the skill's endpoint (synchronous; Amazon gives the endpoint 10 s).
    pub async fn invoke(
        &self,
        skill_id: &str,
        stage: &Stage,
        request: &InvocationsApiRequest,
    ) -> Result<InvocationsApiResponse, SmapiError> {
        self.call(
            "invoke the skill",
            Method::POST,
            &format!("/v2/skills/{skill_id}/stages/{stage}/invocations"),
            Body::json(request),
            &[],
        )
        .await?
        .json("invoke the skill")
    }
}
