//! The JSON the console page reads: the simulator's state and each turn.

use super::ConsoleOptions;
use crate::{CardView, Simulator, Target, Turn};
use alexa_core::model::{RequestEnvelope, ResponseEnvelope, Viewport};
use serde::Serialize;
use serde_json::{Number, Value};
use std::collections::BTreeMap;

/// The simulator as the page shows it between turns.
#[derive(Debug, Clone, Serialize)]
pub struct ConsoleState {
    /// The skill's name.
    pub skill_name: String,
    /// "voice ops".
    pub invocation_name: String,
    /// The requests' locale, also the browser voice's language.
    pub locale: String,
    /// `echo` or `echo-show`.
    pub device: &'static str,
    /// A session is open.
    pub in_session: bool,
    /// The microphone is open.
    pub listening: bool,
    /// Sample utterances to try.
    pub examples: Vec<String>,
    /// The screen the page draws APL on: the simulated device's viewport, `None` without one.
    pub screen: Option<ScreenSize>,
}

/// A viewport as the page's APL renderer takes it (lower-case shape and mode, as APL's
/// `${viewport}` has them).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScreenSize {
    /// Pixels across.
    pub width: Number,
    /// Pixels down.
    pub height: Number,
    /// Dots per inch.
    pub dpi: Number,
    /// `rectangle` or `round`.
    pub shape: String,
    /// `hub`, `tv`, `mobile`, ...
    pub mode: String,
}

impl ScreenSize {
    /// The page's view of a request's viewport, when it has the pixel sizes.
    fn of(viewport: &Viewport) -> Option<Self> {
        Some(Self {
            width: viewport.pixel_width.clone()?,
            height: viewport.pixel_height.clone()?,
            dpi: viewport.dpi.clone().unwrap_or_else(|| 160.into()),
            shape: viewport.shape.clone().unwrap_or_default().to_lowercase(),
            mode: viewport.mode.clone().unwrap_or_default().to_lowercase(),
        })
    }
}

impl ConsoleState {
    pub(super) fn of<T: Target>(sim: &Simulator<T>, options: &ConsoleOptions) -> Self {
        Self {
            skill_name: options.skill_name.clone(),
            invocation_name: sim.resolver().invocation_name().to_owned(),
            locale: sim.locale().to_owned(),
            device: sim.device().name(),
            in_session: sim.in_session(),
            listening: sim.listening(),
            examples: sim.resolver().examples(4),
            screen: sim.device().viewport().as_ref().and_then(ScreenSize::of),
        }
    }
}

/// An APL document and its data, for the page's renderer.
#[derive(Debug, Clone, Serialize)]
pub struct ScreenJson {
    /// The directive's token.
    pub token: String,
    /// The document.
    pub document: Value,
    /// Its data sources.
    pub datasources: BTreeMap<String, Value>,
}

/// One turn as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct TurnView {
    /// What the user said; empty for silence.
    pub utterance: String,
    /// What Alexa says, as plain text.
    pub speech: String,
    /// What the skill said while it worked (progressive responses), before `speech`.
    pub progressive: Vec<String>,
    /// The SSML the skill sent, when it sent SSML.
    pub ssml: Option<String>,
    /// The card.
    pub card: Option<CardView>,
    /// The screen's APL document.
    pub screen: Option<ScreenJson>,
    /// The session is open after the turn.
    pub session_open: bool,
    /// The microphone is open.
    pub listening: bool,
    /// The invocation failed.
    pub error: Option<String>,
    /// Alexa would not have sent the utterance to the skill.
    pub not_for_skill: bool,
    /// The skill was told the session ended.
    pub session_ended: bool,
    /// The request envelope sent.
    pub request: Option<RequestEnvelope>,
    /// The response envelope received.
    pub response: Option<ResponseEnvelope>,
}

impl TurnView {
    /// The view of `turn`, after `utterance`.
    pub fn of(utterance: &str, turn: &Turn) -> Self {
        Self {
            utterance: utterance.to_owned(),
            speech: turn.speech.clone(),
            progressive: turn.progressive.clone(),
            ssml: turn.ssml().map(str::to_owned),
            card: turn.card(),
            screen: turn.screen().map(|s| ScreenJson {
                token: s.token.to_owned(),
                document: s.document.clone(),
                datasources: s.datasources.clone(),
            }),
            session_open: turn.session_open,
            listening: turn.listening,
            error: turn.error.clone(),
            not_for_skill: turn.not_for_skill(),
            session_ended: turn.session_ended(),
            request: turn.request.clone(),
            response: turn.response.clone(),
        }
    }
}

/// What `POST /api/say` answers: the turn and the simulator's state after it, in one reply,
/// so the page updates everything at once and never shows a state older than the answer.
#[derive(Debug, Clone, Serialize)]
pub struct Exchange {
    /// The turn, its fields at the top level.
    #[serde(flatten)]
    pub turn: TurnView,
    /// The state after the turn.
    pub state: ConsoleState,
}
