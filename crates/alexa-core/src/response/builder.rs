//! `Response`: what a handler returns, built fluently, with the session's fate explicit.

use super::outgoing::{Body, Outgoing};
use super::Speech;
use crate::model::{
    CanFulfillIntent, Card, CardImage, Directive, Intent, Reprompt, ResponseBody, ResponseEnvelope,
};
use crate::SkillError;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The three values of `shouldEndSession`, which Alexa treats differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShouldEndSession {
    /// `true`: the session ends after this response.
    True,
    /// `false`: the session stays open and the microphone opens for an answer.
    False,
    /// absent: the turn ends; on screen devices the session stays for touch, on voice-only
    /// devices it ends. Required for some directives (video, some APL flows).
    Absent,
}

impl ShouldEndSession {
    fn wire(self) -> Option<bool> {
        match self {
            ShouldEndSession::True => Some(true),
            ShouldEndSession::False => Some(false),
            ShouldEndSession::Absent => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
enum Attributes {
    /// Carry the request's session attributes forward (what users of a session expect).
    #[default]
    Keep,
    Replace(Map<String, Value>),
}

/// A response under construction. Start from [`Response::tell`] (statement, ends the
/// session), [`Response::ask`] (question, keeps it open with a reprompt),
/// [`Response::end_turn`] or [`Response::empty`], then add cards, directives and attributes.
///
/// ```
/// use alexa_core::{Response, ShouldEndSession};
/// let answer = Response::ask("Which size?", "Small or large?")
///     .simple_card("Coffee Shop", "Asked for a size");
/// assert_eq!(answer.should_end_session(), ShouldEndSession::False);
/// let done = Response::tell("Goodbye.");
/// assert_eq!(done.should_end_session(), ShouldEndSession::True);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    body: Body,
    end: ShouldEndSession,
    attributes: Attributes,
}

impl Default for Response {
    /// [`Response::empty`], so an interceptor can `std::mem::take` an answer to rebuild it.
    fn default() -> Self {
        Self::empty()
    }
}

impl Response {
    /// No speech, `shouldEndSession` absent: the answer to events and `SessionEndedRequest`.
    pub fn empty() -> Self {
        Self {
            body: Body::default(),
            end: ShouldEndSession::Absent,
            attributes: Attributes::Keep,
        }
    }

    /// Says something and ends the session.
    pub fn tell(speech: impl Into<Speech>) -> Self {
        Self::empty()
            .speak(speech)
            .should_end(ShouldEndSession::True)
    }

    /// Asks something and listens; `reprompt` is said if the user stays silent.
    pub fn ask(speech: impl Into<Speech>, reprompt: impl Into<Speech>) -> Self {
        Self::empty()
            .speak(speech)
            .reprompt(reprompt)
            .should_end(ShouldEndSession::False)
    }

    /// Says something and ends the turn without ending the session on screen devices.
    pub fn end_turn(speech: impl Into<Speech>) -> Self {
        Self::empty().speak(speech)
    }

    /// Sets the speech.
    pub fn speak(mut self, speech: impl Into<Speech>) -> Self {
        self.body.output_speech = Some(speech.into().into_output());
        self
    }

    /// Sets the reprompt's speech (directives already added to it stay).
    pub fn reprompt(mut self, speech: impl Into<Speech>) -> Self {
        let reprompt = self.body.reprompt.get_or_insert_with(Reprompt::default);
        reprompt.output_speech = Some(speech.into().into_output());
        self
    }

    /// Adds a directive to the reprompt: what plays after silence besides (or instead of)
    /// speech, e.g. an `Alexa.Presentation.APLA.RenderDocument`.
    pub fn reprompt_directive(mut self, directive: Directive) -> Self {
        let reprompt = self.body.reprompt.get_or_insert_with(Reprompt::default);
        reprompt.directives.push(directive);
        self
    }

    /// Chooses `shouldEndSession` explicitly.
    pub fn should_end(mut self, end: ShouldEndSession) -> Self {
        self.end = end;
        self
    }

    /// The chosen `shouldEndSession`.
    pub fn should_end_session(&self) -> ShouldEndSession {
        self.end
    }

    /// Adds a Simple card.
    pub fn simple_card(mut self, title: impl Into<String>, content: impl Into<String>) -> Self {
        self.body.card = Some(Card::Simple {
            title: title.into(),
            content: content.into(),
        });
        self
    }

    /// Adds a Standard card, with images when given.
    pub fn standard_card(
        mut self,
        title: impl Into<String>,
        text: impl Into<String>,
        image: Option<CardImage>,
    ) -> Self {
        self.body.card = Some(Card::Standard {
            title: title.into(),
            text: text.into(),
            image,
        });
        self
    }

    /// Adds a card asking the user to link their account.
    pub fn link_account_card(mut self) -> Self {
        self.body.card = Some(Card::LinkAccount);
        self
    }

    /// Adds a card asking for permissions, e.g. `alexa::profile:email:read`.
    pub fn permissions_card<I, P>(mut self, permissions: I) -> Self
    where
        I: IntoIterator<Item = P>,
        P: Into<String>,
    {
        self.body.card = Some(Card::AskForPermissionsConsent {
            permissions: permissions.into_iter().map(Into::into).collect(),
        });
        self
    }

    /// Adds any directive.
    pub fn directive(mut self, directive: Directive) -> Self {
        self.body.directives.push(directive);
        self
    }

    /// Hands the turn to Alexa's dialog model (`Dialog.Delegate`).
    pub fn delegate(self, updated_intent: Option<Intent>) -> Self {
        self.directive(Directive::DialogDelegate { updated_intent })
            .should_end(ShouldEndSession::False)
    }

    /// Asks for one slot (`Dialog.ElicitSlot`); the speech is the question.
    pub fn elicit_slot(self, slot: impl Into<String>, updated_intent: Option<Intent>) -> Self {
        self.directive(Directive::DialogElicitSlot {
            slot_to_elicit: slot.into(),
            updated_intent,
        })
        .should_end(ShouldEndSession::False)
    }

    /// Asks the user to confirm a slot (`Dialog.ConfirmSlot`).
    pub fn confirm_slot(self, slot: impl Into<String>, updated_intent: Option<Intent>) -> Self {
        self.directive(Directive::DialogConfirmSlot {
            slot_to_confirm: slot.into(),
            updated_intent,
        })
        .should_end(ShouldEndSession::False)
    }

    /// Asks the user to confirm the intent (`Dialog.ConfirmIntent`).
    pub fn confirm_intent(self, updated_intent: Option<Intent>) -> Self {
        self.directive(Directive::DialogConfirmIntent { updated_intent })
            .should_end(ShouldEndSession::False)
    }

    /// Shows an APL document (send only to devices that support APL).
    pub fn apl_document(
        self,
        token: impl Into<String>,
        document: Value,
        datasources: BTreeMap<String, Value>,
    ) -> Self {
        self.directive(Directive::AplRenderDocument {
            token: token.into(),
            document,
            datasources,
            sources: BTreeMap::new(),
            packages: Vec::new(),
        })
    }

    /// Plays an audio stream from the start, replacing whatever plays (`AudioPlayer.Play`,
    /// `REPLACE_ALL`). For queueing, metadata or an offset, build the directive itself.
    ///
    /// ```
    /// use alexa_core::Response;
    /// let r = Response::tell("Here is some jazz.").play_audio("https://example.com/jazz.mp3", "jazz-1");
    /// assert_eq!(r.body().directives[0].type_name(), "AudioPlayer.Play");
    /// ```
    pub fn play_audio(self, url: impl Into<String>, token: impl Into<String>) -> Self {
        self.directive(Directive::AudioPlayerPlay {
            play_behavior: crate::model::PlayBehavior::ReplaceAll,
            audio_item: crate::model::AudioItem {
                stream: crate::model::AudioStream {
                    url: url.into(),
                    token: token.into(),
                    ..Default::default()
                },
                metadata: None,
            },
        })
    }

    /// Stops the audio stream (`AudioPlayer.Stop`).
    pub fn stop_audio(self) -> Self {
        self.directive(Directive::AudioPlayerStop {})
    }

    /// Plays a video on a screen device (`VideoApp.Launch`); the response then carries no
    /// `shouldEndSession`, as Amazon requires.
    ///
    /// ```
    /// use alexa_core::Response;
    /// let r = Response::tell("Here it is.").launch_video("https://example.com/latte.mp4", Some("Latte art"));
    /// assert_eq!(r.into_envelope(None).response.should_end_session, None);
    /// ```
    pub fn launch_video(self, source: impl Into<String>, title: Option<&str>) -> Self {
        self.directive(Directive::VideoAppLaunch {
            video_item: crate::model::VideoItem {
                source: source.into(),
                metadata: title.map(|t| crate::model::VideoMetadata {
                    title: Some(t.to_owned()),
                    subtitle: None,
                }),
            },
        })
    }

    /// Answers an Alexa Conversations API call with its result (`apiResponse`).
    pub fn api_response(mut self, value: Value) -> Self {
        self.body.api_response = Some(value);
        self
    }

    /// Records that this response triggered these A/B experiments (`experimentation`).
    pub fn triggered_experiments<I, T>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<String>,
    {
        self.body.experimentation = Some(crate::model::ExperimentTrigger {
            triggered_experiments: ids.into_iter().map(Into::into).collect(),
        });
        self
    }

    /// Replaces the session attributes with `value` (a struct or map, serialised by serde).
    ///
    /// Without this call the request's attributes are carried into the next turn.
    pub fn session_attributes<T: Serialize>(mut self, value: &T) -> Result<Self, SkillError> {
        match serde_json::to_value(value)? {
            Value::Object(map) => {
                self.attributes = Attributes::Replace(map);
                Ok(self)
            }
            Value::Null => Ok(self.clear_session_attributes()),
            other => Err(SkillError::msg(format!(
                "session attributes must serialise to a JSON object, got {other}"
            ))),
        }
    }

    /// Forgets every session attribute.
    pub fn clear_session_attributes(mut self) -> Self {
        self.attributes = Attributes::Replace(Map::new());
        self
    }

    /// The answer to a `CanFulfillIntentRequest` (no speech).
    pub fn can_fulfill(intent: CanFulfillIntent) -> Self {
        Self::empty().with_can_fulfill(intent)
    }

    /// Sets `canFulfillIntent`. Alexa takes it only in reply to a CanFulfillIntentRequest,
    /// and then nothing else: the skill removes what the request does not allow.
    pub fn with_can_fulfill(mut self, intent: CanFulfillIntent) -> Self {
        self.body.can_fulfill_intent = Some(intent);
        self
    }

    /// The response body as it will be sent, minus `shouldEndSession`.
    pub fn body(&self) -> &ResponseBody {
        &self.body
    }

    /// The envelope, with `previous` (the request's attributes) carried forward unless the
    /// handler replaced them. Attributes are dropped when the session ends.
    pub fn into_envelope(self, previous: Option<&Map<String, Value>>) -> ResponseEnvelope {
        let (mut out, keeps) = self.into_outgoing();
        if keeps {
            out.session_attributes = previous.filter(|m| !m.is_empty()).cloned();
        }
        out.into_envelope()
    }

    /// The answer without the request's attributes, and whether they are to be carried
    /// forward: the caller adds them, as the JSON they arrived as when nothing read them.
    /// The body stays boxed, or absent when nothing was written.
    pub(crate) fn into_outgoing(self) -> (Outgoing, bool) {
        let mut body = self.body;
        let end = self.end.wire();
        // Written only when it changes, so an empty answer stays unboxed.
        if body.should_end_session != end {
            body.should_end_session = end;
        }
        // Amazon requires a response that launches a video to leave shouldEndSession out.
        if let Some(written) = body.written() {
            if written
                .directives
                .iter()
                .any(|d| matches!(d, Directive::VideoAppLaunch { .. }))
            {
                written.should_end_session = None;
            }
        }
        let (session_attributes, keeps) = match (self.end, self.attributes) {
            (ShouldEndSession::True, _) => (None, false),
            (_, Attributes::Replace(map)) => (Some(map), false),
            (_, Attributes::Keep) => (None, true),
        };
        let out = Outgoing {
            session_attributes,
            body,
        };
        (out, keeps)
    }
}
