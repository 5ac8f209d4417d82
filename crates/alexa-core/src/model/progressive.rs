//! The body of a progressive response: what a skill POSTs to
//! `{apiEndpoint}/v1/directives` while it works, before its final answer. `VoicePlayer.Speak`
//! lives only here; it is not a response directive (Amazon's model has no such one), so it
//! cannot be put into `response.directives` by mistake.

use serde::{Deserialize, Serialize};

/// `{ "header": { "requestId" }, "directive": { "type": "VoicePlayer.Speak", "speech" } }`
/// (`SendDirectiveRequest` in Amazon's model).
///
/// ```
/// use alexa_core::model::ProgressiveResponse;
/// let body = ProgressiveResponse::speak("amzn1.echo-api.request.1", "<speak>One moment.</speak>");
/// assert_eq!(
///     serde_json::to_value(&body).unwrap(),
///     serde_json::json!({"header": {"requestId": "amzn1.echo-api.request.1"},
///         "directive": {"type": "VoicePlayer.Speak", "speech": "<speak>One moment.</speak>"}})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressiveResponse {
    /// Which request this speech belongs to.
    pub header: ProgressiveHeader,
    /// What to say.
    pub directive: ProgressiveDirective,
}

/// The header of a progressive response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgressiveHeader {
    /// The `requestId` of the request being answered.
    pub request_id: String,
}

/// The directives a progressive response can carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum ProgressiveDirective {
    /// Speak while the skill works.
    #[serde(rename = "VoicePlayer.Speak")]
    VoicePlayerSpeak {
        /// SSML (or plain text), at most 600 characters.
        speech: String,
    },
}

impl ProgressiveResponse {
    /// A `VoicePlayer.Speak` for the request `request_id`.
    pub fn speak(request_id: impl Into<String>, speech: impl Into<String>) -> Self {
        Self {
            header: ProgressiveHeader {
                request_id: request_id.into(),
            },
            directive: ProgressiveDirective::VoicePlayerSpeak {
                speech: speech.into(),
            },
        }
    }
}
