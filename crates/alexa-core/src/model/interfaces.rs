//! Request types that interfaces add (audio, APL, connections, skill events, ...).
//!
//! Each is typed as far as Amazon documents its fields; what is left open (payloads, APL
//! arguments) stays `serde_json::Value`. Families that share one shape (`AlexaSkillEvent.*`,
//! `Reminders.*`) carry their full type name in `event`.

use super::standard::request_struct;
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
    /// `Display.ElementSelected`: the user touched an item of a display template.
    DisplayElementSelectedRequest {
        /// The item's token.
        #[serde(default)]
        token: String,
    }
}

request_struct! {
    /// `Alexa.Presentation.APL.UserEvent`: a `SendEvent` command fired on screen.
    AplUserEventRequest {
        /// The document's token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<String>,
        /// The command's arguments.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        arguments: Vec<Value>,
        /// The component that fired it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<Value>,
        /// Values of components the command asked for.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        components: Option<Value>,
    }
}

request_struct! {
    /// `Alexa.Presentation.APL.LoadIndexListData`: a dynamic list needs more items.
    AplLoadIndexListDataRequest {
        /// The document's token.
        #[serde(default)]
        token: String,
        /// Echo this back in the `SendIndexListData` directive.
        #[serde(default)]
        correlation_token: String,
        /// The list.
        #[serde(default)]
        list_id: String,
        /// The list's version.
        #[serde(default)]
        list_version: u64,
        /// First index wanted.
        #[serde(default)]
        start_index: i64,
        /// How many items.
        #[serde(default)]
        count: u64,
    }
}

request_struct! {
    /// `Alexa.Presentation.APL.LoadTokenListData`: a token-paged list needs a page.
    AplLoadTokenListDataRequest {
        /// The document's token.
        #[serde(default)]
        token: String,
        /// Echo this back in the `SendTokenListData` directive.
        #[serde(default)]
        correlation_token: String,
        /// The list.
        #[serde(default)]
        list_id: String,
        /// The page wanted.
        #[serde(default)]
        page_token: String,
    }
}

request_struct! {
    /// `Alexa.Presentation.APL.RuntimeError`: the device failed to render something.
    AplRuntimeErrorRequest {
        /// The document's token.
        #[serde(default)]
        token: String,
        /// One entry per failure: `{ type, reason, message, ... }`.
        #[serde(default)]
        errors: Vec<Value>,
    }
}

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

request_struct! {
    /// `Dialog.API.Invoked`: an Alexa Conversations API call.
    DialogApiInvokedRequest {
        /// `{ name, arguments, slots }`.
        #[serde(default)]
        api_request: Value,
    }
}

request_struct! {
    /// `Dialog.InputRequest`: input collected by an Alexa Conversations dialog.
    DialogInputRequest {
        /// The input, shaped by the dialog.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        input: Option<Value>,
    }
}

request_struct! {
    /// `CustomInterfaceController.*`: events from an Alexa Gadget.
    CustomInterfaceRequest {
        /// The full type, e.g. `CustomInterfaceController.EventsReceived`.
        #[serde(skip)]
        event: String,
        /// The event handler's token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<String>,
        /// `EventsReceived`: the gadget events.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        events: Option<Vec<Value>>,
        /// `Expired`: what the handler asked to receive on expiry.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        expiration_payload: Option<Value>,
    }
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
