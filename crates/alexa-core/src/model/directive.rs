//! Response directives, one typed variant for each live directive in Amazon's model
//! (`ask-sdk-model` 1.82). Open-ended content (APL documents and commands, list items,
//! payloads) stays JSON. Retired interfaces (GameEngine, GadgetController,
//! Display.RenderTemplate) and anything newer than this crate travel as JSON in
//! [`Directive::Other`], with their `type`.

use super::{
    AudioItem, ClearBehavior, ConnectionsOnCompletion, ConnectionsStatus, DelegationPeriod,
    EntityListItem, EventFilter, Expiration, HintText, HtmlConfiguration, HtmlStartRequest,
    HtmlTransformer, Intent, InterfaceEndpoint, InterfaceHeader, PlayBehavior, TargetProfile,
    TaskStatus, UpdateBehavior, VideoItem,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A directive: what a response asks the device to do besides speaking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum Directive {
    /// Let Alexa's dialog model pick the next prompt.
    #[serde(rename = "Dialog.Delegate", rename_all = "camelCase")]
    DialogDelegate {
        /// Slot values to carry forward.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_intent: Option<Intent>,
    },
    /// Hand the dialog to another target (Alexa Conversations or the skill).
    #[serde(rename = "Dialog.DelegateRequest", rename_all = "camelCase")]
    DialogDelegateRequest {
        /// `AMAZON.Conversations` or `skill`.
        target: String,
        /// How long the delegation lasts.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        period: Option<DelegationPeriod>,
        /// The request the target starts from, with its `type`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_request: Option<Value>,
    },
    /// Ask for one slot.
    #[serde(rename = "Dialog.ElicitSlot", rename_all = "camelCase")]
    DialogElicitSlot {
        /// The slot to ask for.
        slot_to_elicit: String,
        /// Slot values to carry forward.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_intent: Option<Intent>,
    },
    /// Ask the user to confirm one slot.
    #[serde(rename = "Dialog.ConfirmSlot", rename_all = "camelCase")]
    DialogConfirmSlot {
        /// The slot to confirm.
        slot_to_confirm: String,
        /// Slot values to carry forward.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_intent: Option<Intent>,
    },
    /// Ask the user to confirm the whole intent.
    #[serde(rename = "Dialog.ConfirmIntent", rename_all = "camelCase")]
    DialogConfirmIntent {
        /// Slot values to carry forward.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updated_intent: Option<Intent>,
    },
    /// Add entities to slot types for this session, or clear them.
    #[serde(rename = "Dialog.UpdateDynamicEntities", rename_all = "camelCase")]
    DialogUpdateDynamicEntities {
        /// `REPLACE` or `CLEAR`.
        update_behavior: UpdateBehavior,
        /// Slot types with their values.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        types: Vec<EntityListItem>,
    },
    /// Play an audio stream.
    #[serde(rename = "AudioPlayer.Play", rename_all = "camelCase")]
    AudioPlayerPlay {
        /// `REPLACE_ALL`, `ENQUEUE` or `REPLACE_ENQUEUED`.
        play_behavior: PlayBehavior,
        /// The stream and what the screen shows while it plays.
        audio_item: AudioItem,
    },
    /// Stop the stream.
    #[serde(rename = "AudioPlayer.Stop")]
    AudioPlayerStop {},
    /// Clear the queue of streams.
    #[serde(rename = "AudioPlayer.ClearQueue", rename_all = "camelCase")]
    AudioPlayerClearQueue {
        /// `CLEAR_ENQUEUED` or `CLEAR_ALL` (which stops the current stream too).
        clear_behavior: ClearBehavior,
    },
    /// Play a video on a screen device. A response carrying it has no `shouldEndSession`.
    #[serde(rename = "VideoApp.Launch", rename_all = "camelCase")]
    VideoAppLaunch {
        /// The video.
        video_item: VideoItem,
    },
    /// Show an APL document.
    #[serde(rename = "Alexa.Presentation.APL.RenderDocument")]
    AplRenderDocument {
        /// Names the document for later commands and user events.
        token: String,
        /// The APL document.
        document: Value,
        /// Its data.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        datasources: BTreeMap<String, Value>,
        /// Other documents (APL-A, ...) the document refers to by name.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        sources: BTreeMap<String, Value>,
        /// Packages the document imports.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        packages: Vec<Value>,
    },
    /// Run APL commands on the document shown with `token`.
    #[serde(rename = "Alexa.Presentation.APL.ExecuteCommands")]
    AplExecuteCommands {
        /// The document's token.
        token: String,
        /// APL commands.
        commands: Vec<Value>,
    },
    /// Answer a `LoadIndexListData` request: items of a dynamic index list.
    #[serde(
        rename = "Alexa.Presentation.APL.SendIndexListData",
        rename_all = "camelCase"
    )]
    AplSendIndexListData {
        /// The request's correlation token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        correlation_token: Option<String>,
        /// The list.
        list_id: String,
        /// The list's version after this change.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        list_version: Option<u64>,
        /// Index of the first item.
        start_index: i64,
        /// Lowest index the list has.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minimum_inclusive_index: Option<i64>,
        /// One past the highest index the list has.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        maximum_exclusive_index: Option<i64>,
        /// The items.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        items: Vec<Value>,
    },
    /// Answer a `LoadTokenListData` request: a page of a dynamic token list.
    #[serde(
        rename = "Alexa.Presentation.APL.SendTokenListData",
        rename_all = "camelCase"
    )]
    AplSendTokenListData {
        /// The request's correlation token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        correlation_token: Option<String>,
        /// The list.
        list_id: String,
        /// The page these items are.
        page_token: String,
        /// The next page, absent at the end.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next_page_token: Option<String>,
        /// The items.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        items: Vec<Value>,
    },
    /// Change a dynamic index list shown with `token`.
    #[serde(
        rename = "Alexa.Presentation.APL.UpdateIndexListData",
        rename_all = "camelCase"
    )]
    AplUpdateIndexListData {
        /// The document's token.
        token: String,
        /// The list.
        list_id: String,
        /// The list's version after these operations.
        list_version: u64,
        /// Insert, set and delete operations.
        operations: Vec<Value>,
    },
    /// Play an APL for Audio document.
    #[serde(rename = "Alexa.Presentation.APLA.RenderDocument")]
    AplaRenderDocument {
        /// Names the document.
        token: String,
        /// The APL-A document.
        document: Value,
        /// Its data.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        datasources: BTreeMap<String, Value>,
    },
    /// Show an APL for Text document on a character display.
    #[serde(
        rename = "Alexa.Presentation.APLT.RenderDocument",
        rename_all = "camelCase"
    )]
    ApltRenderDocument {
        /// Names the document.
        token: String,
        /// `FOUR_CHARACTER_CLOCK` or `NONE`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target_profile: Option<TargetProfile>,
        /// The APLT document.
        document: Value,
        /// Its data.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        datasources: BTreeMap<String, Value>,
    },
    /// Run APLT commands on the document shown with `token`.
    #[serde(rename = "Alexa.Presentation.APLT.ExecuteCommands")]
    AplExecuteTextCommands {
        /// The document's token.
        token: String,
        /// APLT commands.
        commands: Vec<Value>,
    },
    /// Start a web app on the device.
    #[serde(rename = "Alexa.Presentation.HTML.Start")]
    HtmlStart {
        /// Data for the app.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        data: Option<Value>,
        /// Speech transformations applied to the data.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        transformers: Vec<HtmlTransformer>,
        /// Where the app is.
        request: HtmlStartRequest,
        /// How long it may stay idle.
        configuration: HtmlConfiguration,
    },
    /// Send a message to the running web app.
    #[serde(rename = "Alexa.Presentation.HTML.HandleMessage")]
    HtmlHandleMessage {
        /// The message.
        message: Value,
        /// Speech transformations applied to it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        transformers: Vec<HtmlTransformer>,
    },
    /// Ask another skill or Amazon for a task (legacy purchase and consent flows).
    #[serde(rename = "Connections.SendRequest")]
    ConnectionsSendRequest {
        /// The task, e.g. `Buy`.
        name: String,
        /// Its input.
        #[serde(default, skip_serializing_if = "Map::is_empty")]
        payload: Map<String, Value>,
        /// Comes back with the response.
        token: String,
    },
    /// Answer a `Connections.Request` another skill sent.
    #[serde(rename = "Connections.SendResponse")]
    ConnectionsSendResponse {
        /// HTTP-like status.
        status: ConnectionsStatus,
        /// The result.
        #[serde(default, skip_serializing_if = "Map::is_empty")]
        payload: Map<String, Value>,
    },
    /// Start a connection to a task (`connection://AMAZON.AskForPermissionsConsent/2`, ...).
    #[serde(rename = "Connections.StartConnection", rename_all = "camelCase")]
    ConnectionsStartConnection {
        /// The task's URI.
        uri: String,
        /// Resume the session with the result, or only report errors.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        on_completion: Option<ConnectionsOnCompletion>,
        /// The task's input.
        #[serde(default, skip_serializing_if = "Map::is_empty")]
        input: Map<String, Value>,
        /// Comes back with the result.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<String>,
    },
    /// Reset Alexa Conversations' dialog context.
    #[serde(rename = "Conversations.ResetContext")]
    ConversationsResetContext {},
    /// Send a directive to a gadget's custom interface.
    #[serde(rename = "CustomInterfaceController.SendDirective")]
    CustomInterfaceSendDirective {
        /// The interface and directive name.
        header: InterfaceHeader,
        /// The directive's payload (at most 1000 bytes).
        payload: Value,
        /// The gadget.
        endpoint: InterfaceEndpoint,
    },
    /// Start receiving a gadget's events.
    #[serde(
        rename = "CustomInterfaceController.StartEventHandler",
        rename_all = "camelCase"
    )]
    CustomInterfaceStartEventHandler {
        /// Names this handler; events come back with it.
        token: String,
        /// Which events to receive.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event_filter: Option<EventFilter>,
        /// When the handler expires, and what the expiration event carries.
        expiration: Expiration,
    },
    /// Stop receiving a gadget's events.
    #[serde(rename = "CustomInterfaceController.StopEventHandler")]
    CustomInterfaceStopEventHandler {
        /// The handler's token.
        token: String,
    },
    /// End a task another skill or Alexa started (`Tasks.CompleteTask`).
    #[serde(rename = "Tasks.CompleteTask")]
    TasksCompleteTask {
        /// How the task ended.
        status: TaskStatus,
        /// Its result.
        #[serde(default, skip_serializing_if = "Map::is_empty")]
        result: Map<String, Value>,
    },
    /// A hint shown on screen devices ("Try, Alexa, ...").
    #[serde(rename = "Hint")]
    Hint {
        /// The hint.
        hint: HintText,
    },
    /// Any other directive, as JSON with its `type`.
    #[serde(untagged)]
    Other(Map<String, Value>),
}

impl Directive {
    /// The directive's `type`.
    pub fn type_name(&self) -> &str {
        match self {
            Directive::DialogDelegate { .. } => "Dialog.Delegate",
            Directive::DialogDelegateRequest { .. } => "Dialog.DelegateRequest",
            Directive::DialogElicitSlot { .. } => "Dialog.ElicitSlot",
            Directive::DialogConfirmSlot { .. } => "Dialog.ConfirmSlot",
            Directive::DialogConfirmIntent { .. } => "Dialog.ConfirmIntent",
            Directive::DialogUpdateDynamicEntities { .. } => "Dialog.UpdateDynamicEntities",
            Directive::AudioPlayerPlay { .. } => "AudioPlayer.Play",
            Directive::AudioPlayerStop {} => "AudioPlayer.Stop",
            Directive::AudioPlayerClearQueue { .. } => "AudioPlayer.ClearQueue",
            Directive::VideoAppLaunch { .. } => "VideoApp.Launch",
            Directive::AplRenderDocument { .. } => "Alexa.Presentation.APL.RenderDocument",
            Directive::AplExecuteCommands { .. } => "Alexa.Presentation.APL.ExecuteCommands",
            Directive::AplSendIndexListData { .. } => "Alexa.Presentation.APL.SendIndexListData",
            Directive::AplSendTokenListData { .. } => "Alexa.Presentation.APL.SendTokenListData",
            Directive::AplUpdateIndexListData { .. } => {
                "Alexa.Presentation.APL.UpdateIndexListData"
            }
            Directive::AplaRenderDocument { .. } => "Alexa.Presentation.APLA.RenderDocument",
            Directive::ApltRenderDocument { .. } => "Alexa.Presentation.APLT.RenderDocument",
            Directive::AplExecuteTextCommands { .. } => "Alexa.Presentation.APLT.ExecuteCommands",
            Directive::HtmlStart { .. } => "Alexa.Presentation.HTML.Start",
            Directive::HtmlHandleMessage { .. } => "Alexa.Presentation.HTML.HandleMessage",
            Directive::ConnectionsSendRequest { .. } => "Connections.SendRequest",
            Directive::ConnectionsSendResponse { .. } => "Connections.SendResponse",
            Directive::ConnectionsStartConnection { .. } => "Connections.StartConnection",
            Directive::ConversationsResetContext {} => "Conversations.ResetContext",
            Directive::CustomInterfaceSendDirective { .. } => {
                "CustomInterfaceController.SendDirective"
            }
            Directive::CustomInterfaceStartEventHandler { .. } => {
                "CustomInterfaceController.StartEventHandler"
            }
            Directive::CustomInterfaceStopEventHandler { .. } => {
                "CustomInterfaceController.StopEventHandler"
            }
            Directive::TasksCompleteTask { .. } => "Tasks.CompleteTask",
            Directive::Hint { .. } => "Hint",
            Directive::Other(map) => map.get("type").and_then(Value::as_str).unwrap_or(""),
        }
    }
}
