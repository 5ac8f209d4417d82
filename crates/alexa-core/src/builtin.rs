//! Names of Amazon's built-in intents, so a typo is a compile error, not a silent miss.

/// "help", "what can I say".
pub const HELP: &str = "AMAZON.HelpIntent";
/// "stop", "shut up".
pub const STOP: &str = "AMAZON.StopIntent";
/// "cancel", "never mind".
pub const CANCEL: &str = "AMAZON.CancelIntent";
/// "go home" on screen devices.
pub const NAVIGATE_HOME: &str = "AMAZON.NavigateHomeIntent";
/// Utterances that match no other intent.
pub const FALLBACK: &str = "AMAZON.FallbackIntent";
/// "yes".
pub const YES: &str = "AMAZON.YesIntent";
/// "no".
pub const NO: &str = "AMAZON.NoIntent";
/// "repeat that".
pub const REPEAT: &str = "AMAZON.RepeatIntent";
/// "start over".
pub const START_OVER: &str = "AMAZON.StartOverIntent";
/// "next".
pub const NEXT: &str = "AMAZON.NextIntent";
/// "previous", "go back".
pub const PREVIOUS: &str = "AMAZON.PreviousIntent";
/// "pause".
pub const PAUSE: &str = "AMAZON.PauseIntent";
/// "resume".
pub const RESUME: &str = "AMAZON.ResumeIntent";
/// "more".
pub const MORE: &str = "AMAZON.MoreIntent";
/// Scrolling and page navigation on screen devices.
pub const SCROLL_DOWN: &str = "AMAZON.ScrollDownIntent";
/// Scrolling up.
pub const SCROLL_UP: &str = "AMAZON.ScrollUpIntent";

/// The intents Alexa certification requires every custom skill to handle.
pub const REQUIRED: [&str; 3] = [HELP, STOP, CANCEL];

/// Request type names of the standard requests, for [`crate::SkillBuilder::on_request`].
pub mod request_type {
    /// `LaunchRequest`.
    pub const LAUNCH: &str = "LaunchRequest";
    /// `IntentRequest`.
    pub const INTENT: &str = "IntentRequest";
    /// `SessionEndedRequest`.
    pub const SESSION_ENDED: &str = "SessionEndedRequest";
    /// `CanFulfillIntentRequest`.
    pub const CAN_FULFILL_INTENT: &str = "CanFulfillIntentRequest";
}
