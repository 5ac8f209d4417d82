//! Skill connections and tasks: asking another skill or Alexa to run a task (purchases,
//! printing, reminders), its answer, a task handed to this skill, and a session coming back.

use crate::model::standard::request_struct;
use crate::model::wire_enum::wire_enum;
use serde::{Deserialize, Serialize};
use serde_json::Value;

request_struct! {
    /// `Connections.Response`: the answer to a `Connections.SendRequest` (purchases, tasks).
    ConnectionsResponseRequest {
        /// e.g. `Buy`, `Upsell`.
        #[serde(default)]
        name: String,
        /// `{ code, message }`.
        #[serde(default)]
        status: ConnectionsStatus,
        /// The provider's result.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        payload: Option<Value>,
        /// The token the skill sent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<String>,
    }
}

/// `Connections.Response.status`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConnectionsStatus {
    /// HTTP-like code as a string, e.g. `"200"`.
    #[serde(default)]
    pub code: String,
    /// e.g. `OK`.
    #[serde(default)]
    pub message: String,
}

request_struct! {
    /// `Connections.Request`: another skill or Alexa asks this skill to run a task.
    ConnectionsRequestRequest {
        /// The task, e.g. `AMAZON.PrintPDF`.
        #[serde(default)]
        name: String,
        /// Its input.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        payload: Option<Value>,
    }
}

request_struct! {
    /// `SessionResumedRequest`: a task the skill started elsewhere came back.
    SessionResumedRequestData {
        /// `{ type, token, status, result }`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cause: Option<Value>,
    }
}

wire_enum! {
    /// `Connections.StartConnection.onCompletion`.
    pub enum ConnectionsOnCompletion {
        /// Come back to the skill with the result.
        ResumeSession = "RESUME_SESSION",
        /// Come back only on an error.
        SendErrorsOnly = "SEND_ERRORS_ONLY",
    }
}

/// How a task ended (`Tasks.CompleteTask`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TaskStatus {
    /// HTTP-like code, e.g. `"200"`.
    pub code: String,
    /// e.g. `OK`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}
