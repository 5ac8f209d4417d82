//! Request types of newer interfaces: APL for Audio and for Text, web apps (HTML),
//! advertising, and the DataStore package manager. Typed as far as Amazon's model
//! (`ask-sdk-model` 1.82) types them; open-ended parts stay `serde_json::Value`.

use super::standard::request_struct;
use serde_json::Value;

request_struct! {
    /// `Alexa.Presentation.APLA.RuntimeError`: an APL-A document failed to play.
    AplaRuntimeErrorRequest {
        /// The document's token.
        #[serde(default)]
        token: String,
        /// One entry per failure: `{ type, reason, message }`.
        #[serde(default)]
        errors: Vec<Value>,
    }
}

request_struct! {
    /// `Alexa.Presentation.APLT.UserEvent`: a character display sent an event.
    ApltUserEventRequest {
        /// The document's token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<String>,
        /// The command's arguments.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        arguments: Vec<Value>,
        /// The component that fired it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<Value>,
    }
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

request_struct! {
    /// `Alexa.DataStore.Error`: a DataStore command failed on a device.
    DataStoreErrorRequest {
        /// `{ type, content }`.
        #[serde(default)]
        error: Value,
    }
}

request_struct! {
    /// `Alexa.DataStore.PackageManager.*`: a DataStore package was installed, removed or
    /// failed, or asks to be updated. The full type is in `event`; the fields are those of
    /// its kind (`packageId`, `version`, `fromVersion`, `toVersion`, `error`, `payload`).
    PackageManagerRequest {
        /// Which event, e.g. `Alexa.DataStore.PackageManager.UsagesInstalled`.
        #[serde(skip)]
        event: String,
        /// The package.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        package_id: Option<String>,
        /// Its version (InstallationError).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        version: Option<String>,
        /// The installed version (UpdateRequest).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from_version: Option<String>,
        /// The version to update to (UpdateRequest).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to_version: Option<String>,
        /// What failed (InstallationError).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<Value>,
        /// The usages installed or removed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        payload: Option<Value>,
    }
}

request_struct! {
    /// `GameEngine.InputHandlerEvent`: Echo Buttons events (a retired interface, kept typed
    /// so old skills still route it).
    GameEngineInputHandlerEventRequest {
        /// The request that started the input handler.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        originating_request_id: Option<String>,
        /// The events: `{ name, inputEvents }`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        events: Vec<Value>,
    }
}
