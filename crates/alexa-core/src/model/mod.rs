//! The wire format: request and response envelopes as plain data with serde.
//!
//! Nothing here knows about routing or hosting; it is what Alexa sends and accepts.

mod context;
mod directive;
mod envelope;
mod in_place;
mod intent;
mod interfaces;
mod lazy;
mod lenient;
pub(crate) mod plain_answer;
mod progressive;
mod replay;
pub(crate) mod request;
mod response;
mod secret;
mod slot_map;
mod standard;
mod timestamp;
mod wire_enum;

// Re-exported by name, so each type has one documented home and a new item is a choice.
pub use context::{
    Advertising, AplState, AppLinkState, AudioPlayerState, Context, Coordinate, Device,
    DisplayInterface, DisplayState, ExperimentAssignment, ExperimentationState, ExtensionsState,
    Geolocation, LocationServices, PackageManagerState, Person, PresentationInterface,
    PresentationRuntime, PresentationState, SupportedInterfaces, System, Unit, VideoCodecs,
    Viewport, ViewportDescriptor, ViewportExperience,
};
pub(crate) use envelope::default_version;
pub use envelope::{Application, Permissions, ProtocolVersion, RequestEnvelope, Session, User};
pub use intent::{
    ConfirmationStatus, DialogState, Intent, Resolution, ResolutionStatus, ResolutionStatusCode,
    ResolutionValue, Resolutions, ResolvedValue, Slot, SlotValue, SlotValueRef,
};
pub use interfaces::{
    AdCompletedRequest, AdNotRenderedRequest, AplLoadIndexListDataRequest,
    AplLoadTokenListDataRequest, AplRuntimeErrorRequest, AplUserEventRequest,
    AplaRuntimeErrorRequest, ApltUserEventRequest, AudioItem, AudioItemMetadata, AudioPlayerEvent,
    AudioPlayerRequest, AudioStream, AuthorizationGrantRequest, CaptionData, ClearBehavior,
    ConnectionsOnCompletion, ConnectionsRequestRequest, ConnectionsResponseRequest,
    ConnectionsStatus, CustomInterfaceRequest, DataStoreErrorRequest, DelegationPeriod,
    DialogApiInvokedRequest, DialogInputRequest, DisplayElementSelectedRequest, DisplayImage,
    Entity, EntityListItem, EntityName, ErrorDetail, EventFilter, ExceptionCause, Expiration,
    GameEngineInputHandlerEventRequest, HintText, HtmlConfiguration, HtmlMessageRequest,
    HtmlRuntimeErrorRequest, HtmlStartRequest, HtmlTransformer, InterfaceEndpoint, InterfaceHeader,
    MessageReceivedRequest, PackageManagerRequest, PlaybackCommand, PlaybackControllerRequest,
    ReadyToEnqueueAudioRequest, SessionResumedRequestData, SkillEventRequest,
    SystemExceptionRequest, TargetProfile, TaskStatus, UpdateBehavior, VideoItem, VideoMetadata,
};
pub use lazy::{Absent, Lazy};
pub use lenient::{EnvelopeError, Lenient};
pub use progressive::{ProgressiveDirective, ProgressiveHeader, ProgressiveResponse};
pub use request::{OtherRequest, Request};
pub(crate) use response::EMPTY_BODY;
pub use response::{
    CanFulfill, CanFulfillIntent, CanFulfillSlot, CanFulfillSlotValue, Card, CardImage, Directive,
    ExperimentTrigger, OutputSpeech, PlayBehavior, Reprompt, ResponseBody, ResponseEnvelope,
};
pub use secret::Secret;
pub use slot_map::{SlotIter, SlotIterMut, SlotMap};
pub use standard::{
    CanFulfillIntentRequest, IntentRequest, LaunchRequest, SessionEndedError, SessionEndedReason,
    SessionEndedRequest,
};
pub use timestamp::Timestamp;
