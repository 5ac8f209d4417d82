//! The simulation API: what the developer console's Test tab does. An utterance goes
//! through Amazon's speech-less NLU to the deployed skill; the answer comes back with the
//! request and response bodies and what Alexa said.

use crate::client::Body;
use crate::common::{status_enum, Intent};
use crate::poll::Polled;
use crate::{SmapiClient, SmapiError, Stage};
use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

status_enum! {
    /// Whether a simulation keeps Amazon's session or starts a new one.
    SessionMode {
        /// Continue the session Amazon holds.
        Default = "DEFAULT",
        /// Start a new session with this utterance.
        ForceNewSession = "FORCE_NEW_SESSION",
    }
}

status_enum! {
    /// How a simulation or invocation stands.
    SimulationStatus {
        /// Still working.
        InProgress = "IN_PROGRESS",
        /// Done.
        Successful = "SUCCESSFUL",
        /// Failed; `result.error` says why.
        Failed = "FAILED",
    }
}

/// What the user says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Input {
    /// The utterance, as text.
    pub content: String,
}

/// The simulated device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Device {
    /// Its locale.
    pub locale: String,
}

/// The session part of a simulation request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// New or continued.
    pub mode: SessionMode,
}

/// `POST /v2/skills/{skillId}/stages/{stage}/simulations`. There is no `simulation` member:
/// Amazon refuses `simulation.type` though its model has it (alexa/ask-cli#405).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimulationsApiRequest {
    /// What is said.
    pub input: Input,
    /// The device's locale.
    pub device: Device,
    /// New session or not; absent is `DEFAULT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
}

impl SimulationsApiRequest {
    /// `utterance` in `locale`, in a new session when `new_session`.
    ///
    /// ```
    /// let r = alexa_smapi::SimulationsApiRequest::new("open voice ops", "en-US", true);
    /// assert_eq!(serde_json::to_value(&r).unwrap(), serde_json::json!({
    ///     "input": {"content": "open voice ops"}, "device": {"locale": "en-US"},
    ///     "session": {"mode": "FORCE_NEW_SESSION"}}));
    /// ```
    pub fn new(utterance: &str, locale: &str, new_session: bool) -> Self {
        SimulationsApiRequest {
            input: Input {
                content: utterance.to_owned(),
            },
            device: Device {
                locale: locale.to_owned(),
            },
            session: new_session.then_some(Session {
                mode: SessionMode::ForceNewSession,
            }),
        }
    }
}

/// What Alexa said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlexaResponseContent {
    /// The words.
    #[serde(default)]
    pub caption: String,
}

/// One thing Alexa said (`type` is `Speech`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlexaResponse {
    /// The kind.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its content.
    pub content: AlexaResponseContent,
}

/// What Alexa did: its answers and the intents its NLU considered.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlexaExecutionInfo {
    /// What it said.
    #[serde(default)]
    pub alexa_responses: Vec<AlexaResponse>,
    /// The intents considered, the chosen one first.
    #[serde(default)]
    pub considered_intents: Vec<Intent>,
}

/// The request sent to the skill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvocationRequest {
    /// Where it went.
    #[serde(default)]
    pub endpoint: String,
    /// The request envelope.
    pub body: Value,
}

/// The skill's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvocationResponse {
    /// The response envelope.
    pub body: Value,
}

/// How long the skill took.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    /// In milliseconds.
    pub skill_execution_time_in_milliseconds: u64,
}

/// One call of the skill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invocation {
    /// What was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invocation_request: Option<InvocationRequest>,
    /// What came back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invocation_response: Option<InvocationResponse>,
    /// How long it took.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics: Option<Metrics>,
}

/// The skill's calls during a simulation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SkillExecutionInfo {
    /// In order.
    #[serde(default)]
    pub invocations: Vec<Invocation>,
}

/// Why a simulation or invocation failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultError {
    /// Amazon's code, when it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// What went wrong.
    #[serde(default)]
    pub message: String,
}

/// What a simulation produced.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SimulationResult {
    /// Alexa's side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alexa_execution_info: Option<AlexaExecutionInfo>,
    /// The skill's side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill_execution_info: Option<SkillExecutionInfo>,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ResultError>,
}

/// `POST` and `GET …/simulations[/{id}]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimulationsApiResponse {
    /// The simulation's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// How it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SimulationStatus>,
    /// What it produced, once done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<SimulationResult>,
}

impl SimulationsApiResponse {
    /// Everything Alexa said, joined by spaces.
    pub fn caption(&self) -> String {
        self.alexa()
            .map(|a| {
                a.alexa_responses
                    .iter()
                    .map(|r| r.content.caption.trim())
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    }

    /// The intents Amazon's NLU considered, the chosen one first.
    pub fn considered_intents(&self) -> &[Intent] {
        self.alexa()
            .map(|a| a.considered_intents.as_slice())
            .unwrap_or_default()
    }

    /// The skill's calls.
    pub fn invocations(&self) -> &[Invocation] {
        self.result
            .as_ref()
            .and_then(|r| r.skill_execution_info.as_ref())
            .map(|s| s.invocations.as_slice())
            .unwrap_or_default()
    }

    /// `response.shouldEndSession` of the skill's last answer: `Some(None)` when the skill
    /// left it out, `None` when the skill was not called.
    pub fn should_end_session(&self) -> Option<Option<bool>> {
        let last = self
            .invocations()
            .iter()
            .rev()
            .find_map(|i| i.invocation_response.as_ref())?;
        Some(
            last.body
                .pointer("/response/shouldEndSession")
                .and_then(Value::as_bool),
        )
    }

    /// The failure's message, when it failed.
    pub fn error(&self) -> Option<&str> {
        self.result
            .as_ref()?
            .error
            .as_ref()
            .map(|e| e.message.as_str())
    }

    fn alexa(&self) -> Option<&AlexaExecutionInfo> {
        self.result.as_ref()?.alexa_execution_info.as_ref()
    }
}

impl SmapiClient {
    /// `POST /v2/skills/{skillId}/stages/{stage}/simulations`: starts one simulation.
    pub async fn start_simulation(
        &self,
        skill_id: &str,
        stage: &Stage,
        request: &SimulationsApiRequest,
    ) -> Result<SimulationsApiResponse, SmapiError> {
        self.call(
            "start a simulation",
            Method::POST,
            &format!("/v2/skills/{skill_id}/stages/{stage}/simulations"),
            Body::json(request),
            &[],
        )
        .await?
        .json("start a simulation")
    }

    /// `GET /v2/skills/{skillId}/stages/{stage}/simulations/{simulationId}` (kept by Amazon
    /// for ten minutes).
    pub async fn simulation(
        &self,
        skill_id: &str,
        stage: &Stage,
        simulation_id: &str,
    ) -> Result<SimulationsApiResponse, SmapiError> {
        self.get_json(
            "read a simulation",
            &format!("/v2/skills/{skill_id}/stages/{stage}/simulations/{simulation_id}"),
        )
        .await
    }

    /// Starts a simulation and polls it until it is SUCCESSFUL or FAILED. One at a time
    /// per client, since Amazon refuses a second in flight (409); a 409 from elsewhere (the
    /// developer console) is waited out within the polling deadline.
    pub async fn simulate(
        &self,
        skill_id: &str,
        stage: &Stage,
        request: &SimulationsApiRequest,
    ) -> Result<SimulationsApiResponse, SmapiError> {
        let _one = self.one_simulation.lock().await;
        let started = self
            .poll("another simulation of this account", || async {
                match self.start_simulation(skill_id, stage, request).await {
                    Ok(started) => Ok(Polled::Done(started)),
                    Err(SmapiError::Conflict { .. }) => Ok(Polled::Pending("409".into())),
                    Err(e) => Err(e),
                }
            })
            .await?;
        let id = started.id.clone().ok_or(SmapiError::Decode {
            operation: "start a simulation",
            message: "no simulation id".into(),
        })?;
        let what = format!("the simulation of {:?}", request.input.content);
        let mut first = Some(started);
        self.poll(&what, || {
            let known = first.take();
            let id = id.clone();
            async move {
                let current = match known {
                    Some(known) if known.status != Some(SimulationStatus::InProgress) => known,
                    _ => self.simulation(skill_id, stage, &id).await?,
                };
                Ok(match &current.status {
                    Some(SimulationStatus::InProgress) | None => {
                        Polled::Pending("IN_PROGRESS".into())
                    }
                    Some(_) => Polled::Done(current),
                })
            }
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_simulation_reads_as_a_turn() {
        let text = r#"{"id":"s1","status":"SUCCESSFUL","result":{
            "alexaExecutionInfo":{"alexaResponses":[{"type":"Speech","content":{"caption":"Welcome to Voice Ops."}}],
                                  "consideredIntents":[{"name":"<LaunchRequest>"}]},
            "skillExecutionInfo":{"invocations":[{"invocationRequest":{"endpoint":"arn:aws:lambda:x","body":{"version":"1.0"}},
                                                  "invocationResponse":{"body":{"version":"1.0","response":{"shouldEndSession":false}}},
                                                  "metrics":{"skillExecutionTimeInMilliseconds":12}}]}}}"#;
        let sim: SimulationsApiResponse = serde_json::from_str(text).unwrap();
        assert_eq!(sim.caption(), "Welcome to Voice Ops.");
        assert_eq!(sim.should_end_session(), Some(Some(false)));
        assert_eq!(sim.considered_intents()[0].name, "<LaunchRequest>");
        let failed: SimulationsApiResponse = serde_json::from_str(
            r#"{"id":"s2","status":"FAILED","result":{"error":{"message":"This utterance did not resolve to any intent in your skill."}}}"#,
        )
        .unwrap();
        assert_eq!(failed.should_end_session(), None);
        assert!(failed.error().unwrap().contains("did not resolve"));
    }
}
