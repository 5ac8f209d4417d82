//! Alexa Gadgets: custom interfaces (`CustomInterfaceController`) and the retired Echo
//! Buttons (`GameEngine`).

use crate::model::standard::request_struct;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
