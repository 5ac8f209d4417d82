//! Alexa Presentation Language on a screen (APL), in audio (APL-A) and on character
//! displays (APL-T): the requests its documents send. The documents themselves stay JSON.

use crate::model::standard::request_struct;
use crate::model::wire_enum::wire_enum;
use serde_json::Value;

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

wire_enum! {
    /// `Alexa.Presentation.APLT.RenderDocument.targetProfile`.
    pub enum TargetProfile {
        /// A four-character clock display.
        FourCharacterClock = "FOUR_CHARACTER_CLOCK",
        /// No particular profile.
        None = "NONE",
    }
}
