//! Dialogs beyond the standard directives: dynamic entities for a session's slot types,
//! and Alexa Conversations (its API calls, its input, delegating to it for a while).

use crate::model::standard::request_struct;
use crate::model::wire_enum::wire_enum;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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

wire_enum! {
    /// `Dialog.UpdateDynamicEntities.updateBehavior`.
    pub enum UpdateBehavior {
        /// Replace the session's dynamic entities with these.
        Replace = "REPLACE",
        /// Remove them all.
        Clear = "CLEAR",
    }
}

/// How long a `Dialog.DelegateRequest` lasts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DelegationPeriod {
    /// `EXPLICIT_RETURN` or `NEXT_TURN`.
    pub until: String,
}
