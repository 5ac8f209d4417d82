//! Web apps on a screen (`Alexa.Presentation.HTML`): starting one, and what it sends back.

use crate::model::standard::request_struct;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Where a web app starts (`Alexa.Presentation.HTML.Start`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HtmlStartRequest {
    /// `GET`.
    pub method: String,
    /// The HTTPS URL of the app.
    pub uri: String,
    /// Headers for the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<Value>,
}

/// A web app's settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HtmlConfiguration {
    /// Idle time before the app closes.
    pub timeout_in_seconds: u64,
}

/// A speech transformation of data sent to a web app.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HtmlTransformer {
    /// `ssmlToSpeech`, `textToSpeech`, ...
    pub transformer: String,
    /// The data to transform.
    pub input_path: String,
    /// Where the result goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_name: Option<String>,
}

request_struct! {
    /// `Alexa.Presentation.HTML.Message`: the skill's web app sent a message.
    HtmlMessageRequest {
        /// The message.
        #[serde(default)]
        message: Value,
    }
}

request_struct! {
    /// `Alexa.Presentation.HTML.RuntimeError`: the web app failed.
    HtmlRuntimeErrorRequest {
        /// `{ reason, message, code? }`.
        #[serde(default)]
        error: Value,
    }
}
