//! What each interface adds to the wire format, one file per interface: the request types it
//! sends and the typed parts of its directives (the [`Directive`](super::Directive) enum
//! itself is one list, in `directive.rs`).
//!
//! Each is typed as far as Amazon's model (`ask-sdk-model` 1.82) types it; what is left open
//! (payloads, APL arguments, documents) stays `serde_json::Value`. Families that share one
//! shape (`AlexaSkillEvent.*`, `Reminders.*`, `Alexa.DataStore.PackageManager.*`) carry their
//! full type name in `event`.

mod apl;
mod audio;
mod connections;
mod data_store;
mod dialog;
mod display;
mod gadgets;
mod html;
mod system;

pub use apl::{
    AplLoadIndexListDataRequest, AplLoadTokenListDataRequest, AplRuntimeErrorRequest,
    AplUserEventRequest, AplaRuntimeErrorRequest, ApltUserEventRequest, TargetProfile,
};
pub use audio::{
    AdCompletedRequest, AdNotRenderedRequest, AudioItem, AudioItemMetadata, AudioPlayerEvent,
    AudioPlayerRequest, AudioStream, CaptionData, ClearBehavior, DisplayImage, PlaybackCommand,
    PlaybackControllerRequest, ReadyToEnqueueAudioRequest, VideoItem, VideoMetadata,
};
pub use connections::{
    ConnectionsOnCompletion, ConnectionsRequestRequest, ConnectionsResponseRequest,
    ConnectionsStatus, SessionResumedRequestData, TaskStatus,
};
pub use data_store::{DataStoreErrorRequest, PackageManagerRequest};
pub use dialog::{
    DelegationPeriod, DialogApiInvokedRequest, DialogInputRequest, Entity, EntityListItem,
    EntityName, UpdateBehavior,
};
pub use display::{DisplayElementSelectedRequest, HintText};
pub use gadgets::{
    CustomInterfaceRequest, EventFilter, Expiration, GameEngineInputHandlerEventRequest,
    InterfaceEndpoint, InterfaceHeader,
};
pub use html::{
    HtmlConfiguration, HtmlMessageRequest, HtmlRuntimeErrorRequest, HtmlStartRequest,
    HtmlTransformer,
};
pub use system::{
    AuthorizationGrantRequest, ErrorDetail, ExceptionCause, MessageReceivedRequest,
    SkillEventRequest, SystemExceptionRequest,
};
