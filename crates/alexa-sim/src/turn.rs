//! One exchange of a simulated conversation, and what a front end shows of it.

use alexa_core::model::{
    Card, Directive, OutputSpeech, Request, RequestEnvelope, ResponseEnvelope,
};
use serde_json::Value;
use std::collections::BTreeMap;

/// One exchange: what was sent, what came back, and the session after it.
#[derive(Debug, Clone)]
pub struct Turn {
    /// The request envelope, `None` when Alexa would not have called the skill.
    pub request: Option<RequestEnvelope>,
    /// The response envelope, when there was one.
    pub response: Option<ResponseEnvelope>,
    /// What Alexa says (markup removed); empty for none.
    pub speech: String,
    /// True while the session is open after this turn.
    pub session_open: bool,
    /// True when the microphone is open for an answer.
    pub listening: bool,
    /// A failed invocation's error.
    pub error: Option<String>,
    /// What the skill said while it worked (progressive responses), in order, before
    /// [`speech`](Self::speech). Filled when the simulator has an Alexa API
    /// ([`Simulator::with_alexa_api`](crate::Simulator::with_alexa_api)).
    pub progressive: Vec<String>,
}

/// A card as the Alexa app shows it: a title, text and perhaps an image.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CardView {
    /// The title line.
    pub title: String,
    /// The body, line breaks kept.
    pub text: String,
    /// The large (or else small) image URL of a Standard card.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// An APL document the skill asked the screen to render.
#[derive(Debug, Clone, Copy)]
pub struct ScreenView<'a> {
    /// The directive's token.
    pub token: &'a str,
    /// The APL document.
    pub document: &'a Value,
    /// Its data sources, bound to the document's `mainTemplate` parameters.
    pub datasources: &'a BTreeMap<String, Value>,
}

impl Turn {
    /// A turn in which the skill was not called.
    pub(crate) fn nothing(session_open: bool) -> Self {
        Turn {
            request: None,
            response: None,
            speech: String::new(),
            session_open,
            listening: false,
            error: None,
            progressive: Vec::new(),
        }
    }

    /// True when Alexa would not have sent the utterance to this skill at all (outside a
    /// session, it did not name the skill).
    pub fn not_for_skill(&self) -> bool {
        self.request.is_none() && self.error.is_none() && self.speech.is_empty()
    }

    /// True when this turn told the skill the session ended (`SessionEndedRequest`): Alexa
    /// says nothing for it.
    pub fn session_ended(&self) -> bool {
        matches!(
            self.request.as_ref().map(|r| &r.request),
            Some(Request::SessionEnded(_))
        )
    }

    /// The answer's SSML as the skill sent it, when it was SSML.
    pub fn ssml(&self) -> Option<&str> {
        match self.response.as_ref()?.response.output_speech.as_ref()? {
            OutputSpeech::Ssml { ssml, .. } => Some(ssml),
            OutputSpeech::PlainText { .. } => None,
        }
    }

    /// The card the answer carries, as the Alexa app would show it.
    ///
    /// ```
    /// use alexa_sim::Turn;
    /// let turn = Turn { request: None, response: None, speech: String::new(),
    ///     session_open: false, listening: false, error: None,
    ///     progressive: vec![] };
    /// assert!(turn.card().is_none());
    /// ```
    pub fn card(&self) -> Option<CardView> {
        let card = self.response.as_ref()?.response.card.as_ref()?;
        let (title, text, image) = match card {
            Card::Simple { title, content } => (title.clone(), content.clone(), None),
            Card::Standard { title, text, image } => (
                title.clone(),
                text.clone(),
                image
                    .as_ref()
                    .and_then(|i| i.large_image_url.clone().or(i.small_image_url.clone())),
            ),
            Card::LinkAccount => ("Link your account".into(), String::new(), None),
            Card::AskForPermissionsConsent { permissions } => {
                ("Grant permissions".into(), permissions.join("\n"), None)
            }
        };
        Some(CardView { title, text, image })
    }

    /// The APL document the answer renders on a screen, when it has one.
    pub fn screen(&self) -> Option<ScreenView<'_>> {
        let directives = &self.response.as_ref()?.response.directives;
        directives.iter().find_map(|d| match d {
            Directive::AplRenderDocument {
                token,
                document,
                datasources,
                ..
            } => Some(ScreenView {
                token,
                document,
                datasources,
            }),
            _ => None,
        })
    }
}
