//! The utterance profiler (`profileNlu`): which intent and slots Amazon's NLU picks for an
//! utterance, against the last built model, without calling the skill.

use crate::client::Body;
use crate::common::{ConfirmationStatus, Intent};
use crate::{SmapiClient, SmapiError, Stage};
use reqwest::Method;
use serde::{Deserialize, Serialize};

/// `POST …/interactionModel/locales/{locale}/profileNlu`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileNluRequest {
    /// What is said.
    pub utterance: String,
    /// The `multiTurn.token` of the previous answer, to continue a model-defined dialog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_turn_token: Option<String>,
}

/// The dialog act a multi-turn answer is in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogAct {
    /// `Dialog.ElicitSlot`, `Dialog.ConfirmSlot`, `Dialog.ConfirmIntent`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The slot asked about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_slot: Option<String>,
}

/// Present while a model-defined dialog is incomplete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MultiTurn {
    /// What Alexa would ask next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialog_act: Option<DialogAct>,
    /// Send it back as `multiTurnToken`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// The prompt Alexa would say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
}

/// The profiler's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileNluResponse {
    /// True when NLU picked an intent that ends the session (exit, go home).
    #[serde(default)]
    pub session_ended: bool,
    /// The intent it picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected_intent: Option<Intent>,
    /// What else it considered.
    #[serde(default)]
    pub considered_intents: Vec<Intent>,
    /// The dialog, when the model has one for the intent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_turn: Option<MultiTurn>,
}

impl ProfileNluResponse {
    /// True when the selected intent still waits for a confirmation.
    pub fn awaiting_confirmation(&self) -> bool {
        self.selected_intent
            .as_ref()
            .is_some_and(|i| i.confirmation_status == Some(ConfirmationStatus::None))
            && self
                .multi_turn
                .as_ref()
                .and_then(|m| m.dialog_act.as_ref())
                .is_some_and(|d| d.kind.starts_with("Dialog.Confirm"))
    }
}

impl SmapiClient {
    /// Profiles one utterance against the last built model of `locale`.
    pub async fn profile_nlu(
        &self,
        skill_id: &str,
        stage: &Stage,
        locale: &str,
        request: &ProfileNluRequest,
    ) -> Result<ProfileNluResponse, SmapiError> {
        self.call(
            "profile an utterance",
            Method::POST,
            &format!(
                "/v1/skills/{skill_id}/stages/{stage}/interactionModel/locales/{locale}/profileNlu"
            ),
            Body::json(request),
            &[],
        )
        .await?
        .json("profile an utterance")
    }
}
