//! The typed parts of directives: audio and video items, gadget headers and filters, task
//! statuses, hints, dynamic entities. Field names as in Amazon's model.

use super::wire_enum::wire_enum;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// An audio stream and what the screen shows while it plays (`AudioPlayer.Play`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AudioItem {
    /// The stream.
    pub stream: AudioStream,
    /// Title, subtitle and images.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<AudioItemMetadata>,
}

/// `audioItem.stream`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AudioStream {
    /// HTTPS URL of the stream (at most 8000 characters).
    pub url: String,
    /// Identifies the stream in later AudioPlayer events (at most 1024 characters).
    pub token: String,
    /// With `ENQUEUE`: the token of the stream this one follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_previous_token: Option<String>,
    /// Where to start.
    #[serde(default)]
    pub offset_in_milliseconds: u64,
    /// Captions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption_data: Option<CaptionData>,
}

/// Captions of a stream.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CaptionData {
    /// The captions.
    pub content: String,
    /// `WEBVTT`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// What a screen shows about a stream.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AudioItemMetadata {
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The subtitle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Album art.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub art: Option<DisplayImage>,
    /// The background.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background_image: Option<DisplayImage>,
}

/// An image in several sizes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DisplayImage {
    /// Its description, for screen readers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_description: Option<String>,
    /// `{ url, size?, widthPixels?, heightPixels? }` per size.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Value>,
}

/// A video and its titles (`VideoApp.Launch`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VideoItem {
    /// HTTPS URL of the video.
    pub source: String,
    /// Title and subtitle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<VideoMetadata>,
}

/// The titles of a video.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VideoMetadata {
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The subtitle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
}

/// A slot type's entities for `Dialog.UpdateDynamicEntities`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EntityListItem {
    /// The slot type.
    pub name: String,
    /// Its entities.
    #[serde(default)]
    pub values: Vec<Entity>,
}

/// One dynamic entity.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Entity {
    /// What entity resolution reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its value and synonyms.
    pub name: EntityName,
}

/// An entity's value and synonyms.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EntityName {
    /// The value.
    pub value: String,
    /// Other ways to say it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<String>,
}

/// How long a `Dialog.DelegateRequest` lasts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DelegationPeriod {
    /// `EXPLICIT_RETURN` or `NEXT_TURN`.
    pub until: String,
}

/// A custom interface directive's namespace and name.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InterfaceHeader {
    /// e.g. `Custom.Robot`.
    pub namespace: String,
    /// e.g. `Spin`.
    pub name: String,
}

/// A gadget.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InterfaceEndpoint {
    /// The gadget's endpoint id.
    pub endpoint_id: String,
}

/// Which gadget events a handler receives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventFilter {
    /// A JSON Logic expression over the events.
    pub filter_expression: Value,
    /// `SEND` or `SEND_AND_TERMINATE`.
    pub filter_match_action: String,
}

/// When an event handler expires.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Expiration {
    /// How long it lives (at most 90 s).
    pub duration_in_milliseconds: u64,
    /// What the expiration event carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_payload: Option<Value>,
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

/// The text of a `Hint`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum HintText {
    /// Plain text.
    PlainText {
        /// "what's on the menu".
        text: String,
    },
}

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

wire_enum! {
    /// `Dialog.UpdateDynamicEntities.updateBehavior`.
    pub enum UpdateBehavior {
        /// Replace the session's dynamic entities with these.
        Replace = "REPLACE",
        /// Remove them all.
        Clear = "CLEAR",
    }
}

wire_enum! {
    /// `AudioPlayer.ClearQueue.clearBehavior`.
    pub enum ClearBehavior {
        /// Clear the queue, keep the current stream.
        ClearEnqueued = "CLEAR_ENQUEUED",
        /// Clear the queue and stop the current stream.
        ClearAll = "CLEAR_ALL",
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

wire_enum! {
    /// `Alexa.Presentation.APLT.RenderDocument.targetProfile`.
    pub enum TargetProfile {
        /// A four-character clock display.
        FourCharacterClock = "FOUR_CHARACTER_CLOCK",
        /// No particular profile.
        None = "NONE",
    }
}
