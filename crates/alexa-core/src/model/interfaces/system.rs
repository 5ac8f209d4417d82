//! What arrives outside a conversation: a directive Alexa could not carry out
//! (`System.ExceptionEncountered`), skill, reminder and list events, Skill Messaging, and
//! authorization grants.

use crate::model::standard::request_struct;
use serde::{Deserialize, Serialize};
use serde_json::Value;

request_struct! {
    /// `System.ExceptionEncountered`: Alexa could not carry out a directive the skill sent.
    SystemExceptionRequest {
        /// What failed.
        #[serde(default)]
        error: ErrorDetail,
        /// The request whose response failed.
        #[serde(default)]
        cause: ExceptionCause,
    }
}

/// `{ type, message }`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Error kind, e.g. `INVALID_RESPONSE`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Human-readable description.
    #[serde(default)]
    pub message: String,
}

/// `System.ExceptionEncountered.cause`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExceptionCause {
    /// The request the failed response answered.
    #[serde(default)]
    pub request_id: String,
}

request_struct! {
    /// `Messaging.MessageReceived`: a message sent to the skill through the Skill Messaging API.
    MessageReceivedRequest {
        /// The message.
        #[serde(default)]
        message: Value,
    }
}

request_struct! {
    /// `Alexa.Authorization.Grant`: an authorization code for out-of-session API access.
    AuthorizationGrantRequest {
        /// `{ grant: { type, code } }`.
        #[serde(default)]
        body: Value,
    }
}

request_struct! {
    /// Out-of-session events: `AlexaSkillEvent.*`, `Reminders.*`, `AlexaHouseholdListEvent.*`.
    SkillEventRequest {
        /// The full type, e.g. `AlexaSkillEvent.SkillEnabled`.
        #[serde(skip)]
        event: String,
        /// The event's data.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        body: Option<Value>,
        /// When the event happened.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event_creation_time: Option<String>,
        /// When Alexa sent it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event_publishing_time: Option<String>,
    }
}
