//! Streams: `AudioPlayer` and its events, the media buttons (`PlaybackController`), video
//! (`VideoApp`), and the ads an audio skill plays (`Alexa.Advertisement`).

use crate::model::standard::request_struct;
use crate::model::wire_enum::wire_enum;
use crate::model::ErrorDetail;
use serde::{Deserialize, Serialize};
use serde_json::Value;

macro_rules! named_events {
    ($(#[$meta:meta])* $name:ident : $prefix:literal { $($variant:ident = $wire:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub enum $name {
            #[default]
            $(#[doc = $wire] $variant,)*
        }
        impl $name {
            /// The full request type, e.g. `AudioPlayer.PlaybackStarted`.
            pub fn type_name(self) -> &'static str {
                match self { $(Self::$variant => $wire,)* }
            }
            pub(crate) fn from_type_name(name: &str) -> Option<Self> {
                match name { $($wire => Some(Self::$variant),)* _ => None }
            }
        }
    };
}

named_events! {
    /// Which `AudioPlayer.*` event arrived.
    AudioPlayerEvent: "AudioPlayer." {
        PlaybackStarted = "AudioPlayer.PlaybackStarted",
        PlaybackFinished = "AudioPlayer.PlaybackFinished",
        PlaybackStopped = "AudioPlayer.PlaybackStopped",
        PlaybackNearlyFinished = "AudioPlayer.PlaybackNearlyFinished",
        PlaybackFailed = "AudioPlayer.PlaybackFailed",
    }
}

named_events! {
    /// Which media button was pressed.
    PlaybackCommand: "PlaybackController." {
        Play = "PlaybackController.PlayCommandIssued",
        Pause = "PlaybackController.PauseCommandIssued",
        Next = "PlaybackController.NextCommandIssued",
        Previous = "PlaybackController.PreviousCommandIssued",
    }
}

request_struct! {
    /// `AudioPlayer.*`: the state of a stream the skill started.
    AudioPlayerRequest {
        /// Which event.
        #[serde(skip)]
        event: AudioPlayerEvent,
        /// The stream's token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<String>,
        /// Position in the stream.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        offset_in_milliseconds: Option<u64>,
        /// `PlaybackFailed` only.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<ErrorDetail>,
        /// `PlaybackFailed` only.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        current_playback_state: Option<Value>,
    }
}

request_struct! {
    /// `PlaybackController.*`: a hardware or on-screen media button.
    PlaybackControllerRequest {
        /// Which button.
        #[serde(skip)]
        command: PlaybackCommand,
    }
}

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

wire_enum! {
    /// `AudioPlayer.ClearQueue.clearBehavior`.
    pub enum ClearBehavior {
        /// Clear the queue, keep the current stream.
        ClearEnqueued = "CLEAR_ENQUEUED",
        /// Clear the queue and stop the current stream.
        ClearAll = "CLEAR_ALL",
    }
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

request_struct! {
    /// `Alexa.Advertisement.AdCompleted`: an ad finished playing.
    AdCompletedRequest {
        /// The ad's token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<String>,
    }
}

request_struct! {
    /// `Alexa.Advertisement.AdNotRendered`: an ad was not played.
    AdNotRenderedRequest {
        /// `{ type, message }`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<Value>,
    }
}

request_struct! {
    /// `Alexa.Advertisement.ReadyToEnqueueAudio`: the skill may enqueue its next audio.
    ReadyToEnqueueAudioRequest {
        /// The token of the audio to enqueue after.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<String>,
        /// The token of the audio before it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        previous_token: Option<String>,
    }
}
