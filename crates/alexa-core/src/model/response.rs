//! The response envelope as Alexa accepts it.

pub use super::directive::Directive;
use super::envelope::{default_version, read_version, ProtocolVersion};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// `{ version, sessionAttributes?, response }`: what a skill sends back.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseEnvelope {
    /// Protocol version, `"1.0"` (see [`ProtocolVersion`]).
    #[serde(default = "default_version", deserialize_with = "read_version")]
    pub version: ProtocolVersion,
    /// What Alexa sends back in `session.attributes` on the next turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_attributes: Option<Map<String, Value>>,
    /// Speech, card, directives and whether the session goes on.
    pub response: ResponseBody,
}

/// The `response` member.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseBody {
    /// What Alexa says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_speech: Option<OutputSpeech>,
    /// The card in the Alexa app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<Card>,
    /// What Alexa says when the user does not answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reprompt: Option<Reprompt>,
    /// Dialog, screen and audio directives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directives: Vec<Directive>,
    /// `true` ends the session, `false` keeps the microphone open, absent ends the turn but
    /// keeps the session on screen devices. The three differ; see [`crate::ShouldEndSession`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub should_end_session: Option<bool>,
    /// The answer to a `CanFulfillIntentRequest`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_fulfill_intent: Option<CanFulfillIntent>,
    /// An Alexa Conversations API's result (`apiResponse`), as the API declares it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_response: Option<Value>,
    /// Which A/B experiments this response triggered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experimentation: Option<ExperimentTrigger>,
}

/// The empty body (`{}` on the wire), to read and compare against without building one.
pub(crate) static EMPTY_BODY: ResponseBody = ResponseBody {
    output_speech: None,
    card: None,
    reprompt: None,
    directives: Vec::new(),
    should_end_session: None,
    can_fulfill_intent: None,
    api_response: None,
    experimentation: None,
};

/// `experimentation`: the experiments a response triggered.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExperimentTrigger {
    /// Experiment ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triggered_experiments: Vec<String>,
}

/// `outputSpeech`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum OutputSpeech {
    /// Plain text; Alexa reads it as is.
    PlainText {
        /// The text.
        text: String,
        /// How it interacts with speech already queued.
        #[serde(
            rename = "playBehavior",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        play_behavior: Option<PlayBehavior>,
    },
    /// SSML markup wrapped in `<speak>`.
    #[serde(rename = "SSML")]
    Ssml {
        /// The markup.
        ssml: String,
        /// How it interacts with speech already queued.
        #[serde(
            rename = "playBehavior",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        play_behavior: Option<PlayBehavior>,
    },
}

impl OutputSpeech {
    /// The text or markup, whichever this is.
    pub fn content(&self) -> &str {
        match self {
            OutputSpeech::PlainText { text, .. } => text,
            OutputSpeech::Ssml { ssml, .. } => ssml,
        }
    }

    /// What a listener hears: the text, or the SSML with its markup removed.
    ///
    /// ```
    /// use alexa_core::model::OutputSpeech;
    /// let speech = OutputSpeech::Ssml { ssml: "<speak>Fish &amp; chips<break/></speak>".into(), play_behavior: None };
    /// assert_eq!(speech.heard(), "Fish & chips");
    /// ```
    pub fn heard(&self) -> String {
        match self {
            OutputSpeech::PlainText { text, .. } => text.clone(),
            OutputSpeech::Ssml { ssml, .. } => crate::ssml::to_plain_text(ssml),
        }
    }
}

/// `playBehavior`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PlayBehavior {
    /// Play after what is queued.
    Enqueue,
    /// Stop everything and play this.
    ReplaceAll,
    /// Replace what is queued but let the current speech finish.
    ReplaceEnqueued,
}

/// `reprompt`: what Alexa plays when the user does not answer. Both members are optional
/// in Amazon's model: a reprompt may be speech, directives (an APL-A audio document), or both.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reprompt {
    /// What Alexa says after silence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_speech: Option<OutputSpeech>,
    /// Directives played after silence (e.g. `Alexa.Presentation.APLA.RenderDocument`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directives: Vec<Directive>,
}

/// A card for the Alexa app and screen devices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Card {
    /// Title and plain text.
    Simple {
        /// Title.
        #[serde(default)]
        title: String,
        /// Body text.
        #[serde(default)]
        content: String,
    },
    /// Title, text and an optional image.
    Standard {
        /// Title.
        #[serde(default)]
        title: String,
        /// Body text.
        #[serde(default)]
        text: String,
        /// HTTPS image URLs.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        image: Option<CardImage>,
    },
    /// Asks the user to link their account.
    LinkAccount,
    /// Asks the user to grant permissions.
    AskForPermissionsConsent {
        /// Permission scopes, e.g. `alexa::profile:email:read`.
        permissions: Vec<String>,
    },
}

/// Image URLs of a Standard card (HTTPS, at most 2000 characters each).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CardImage {
    /// 720 x 480.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_image_url: Option<String>,
    /// 1200 x 800.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_image_url: Option<String>,
}

/// `canFulfillIntent`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CanFulfillIntent {
    /// The overall answer.
    pub can_fulfill: CanFulfill,
    /// Per-slot answers.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub slots: BTreeMap<String, CanFulfillSlot>,
}

impl CanFulfillIntent {
    /// An overall answer; add each slot's with [`slot`](Self::slot).
    ///
    /// ```
    /// use alexa_core::model::{CanFulfill, CanFulfillIntent};
    /// use alexa_core::model::CanFulfillSlotValue;
    /// let answer = CanFulfillIntent::new(CanFulfill::Yes).slot("size", CanFulfill::Yes, CanFulfillSlotValue::Yes);
    /// assert_eq!(serde_json::to_value(&answer).unwrap(), serde_json::json!({"canFulfill": "YES",
    ///     "slots": {"size": {"canUnderstand": "YES", "canFulfill": "YES"}}}));
    /// ```
    pub fn new(can_fulfill: CanFulfill) -> Self {
        Self {
            can_fulfill,
            slots: BTreeMap::new(),
        }
    }

    /// Adds one slot's answer: whether the skill understands its value, and whether it can
    /// act on it.
    pub fn slot(
        mut self,
        name: impl Into<String>,
        can_understand: CanFulfill,
        can_fulfill: CanFulfillSlotValue,
    ) -> Self {
        self.slots.insert(
            name.into(),
            CanFulfillSlot {
                can_understand,
                can_fulfill,
            },
        );
        self
    }
}

/// `YES`, `NO` or `MAYBE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CanFulfill {
    /// The skill can do it.
    Yes,
    /// It cannot.
    No,
    /// It might (e.g. after account linking).
    Maybe,
}

/// Per-slot CanFulfill answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CanFulfillSlot {
    /// Whether the skill understands the value: `YES`, `NO` or `MAYBE`.
    pub can_understand: CanFulfill,
    /// Whether it can act on it: only `YES` or `NO` in Amazon's model.
    pub can_fulfill: CanFulfillSlotValue,
}

/// A slot's `canFulfill`: `YES` or `NO` (Amazon's model has no `MAYBE` here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CanFulfillSlotValue {
    /// The skill can act on the value.
    Yes,
    /// It cannot.
    No,
}
