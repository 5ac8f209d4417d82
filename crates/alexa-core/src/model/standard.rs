//! The four standard request types of a custom skill.

use super::wire_enum::wire_enum;
use super::{DialogState, Intent};
use serde::{Deserialize, Serialize};

/// Declares a request struct with the fields every request carries (`requestId`,
/// `timestamp`, `locale`) followed by its own, so no type repeats them by hand.
macro_rules! request_struct {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            /// Unique id of this request; every log line about it carries it.
            #[serde(default)]
            pub request_id: String,
            /// When Alexa sent it.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub timestamp: Option<$crate::model::Timestamp>,
            /// e.g. `en-US`; absent on some event types.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub locale: Option<String>,
            $($(#[$fmeta])* pub $field: $ty,)*
        }
    };
}
pub(crate) use request_struct;

request_struct! {
    /// The user opened the skill without asking for anything ("open coffee shop"), or
    /// Alexa started one of the skill's tasks (`task`).
    LaunchRequest {
        /// The task to run, `{ name, version, input }`, when the launch starts one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        task: Option<serde_json::Value>,
    }
}

request_struct! {
    /// The user asked for something the interaction model maps to an intent.
    IntentRequest {
        /// Present when the intent has a dialog model.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dialog_state: Option<DialogState>,
        /// The intent and its slots.
        intent: Intent,
    }
}

request_struct! {
    /// The session ended: the user left, did not answer, or an error occurred.
    /// Alexa ignores any speech in the answer.
    SessionEndedRequest {
        /// Why it ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<SessionEndedReason>,
        /// Set when `reason` is `ERROR`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<SessionEndedError>,
    }
}

request_struct! {
    /// Alexa asks, without the user knowing, whether the skill could handle an utterance.
    CanFulfillIntentRequest {
        /// Present when the intent has a dialog model.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dialog_state: Option<DialogState>,
        /// The intent Alexa would send.
        intent: Intent,
    }
}

wire_enum! {
    /// Why a session ended.
    pub enum SessionEndedReason {
        /// The user said "stop", "exit" or similar.
        UserInitiated = "USER_INITIATED",
        /// Something went wrong; see `error`.
        Error = "ERROR",
        /// The user did not answer the reprompts.
        ExceededMaxReprompts = "EXCEEDED_MAX_REPROMPTS",
    }
}

/// `SessionEndedRequest.error`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SessionEndedError {
    /// `INVALID_RESPONSE`, `DEVICE_COMMUNICATION_ERROR`, `INTERNAL_SERVICE_ERROR`,
    /// `ENDPOINT_TIMEOUT`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// What Alexa says went wrong; often names the bad field of a response.
    #[serde(default)]
    pub message: String,
}
