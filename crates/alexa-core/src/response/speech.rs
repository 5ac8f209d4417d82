//! `Speech`: plain text or SSML, with an optional play behaviour.

use crate::model::{OutputSpeech, PlayBehavior};
use crate::ssml::Ssml;

/// Something for Alexa to say. Plain strings convert into plain-text speech, [`Ssml`] into
/// SSML speech, so `Response::tell("Done.")` and `Response::tell(ssml)` both read naturally.
///
/// ```
/// use alexa_core::{Speech, ssml::Ssml};
/// let plain: Speech = "Three instances are running.".into();
/// let marked: Speech = Ssml::from_text("R&D is up").into();
/// assert_eq!(plain.text(), "Three instances are running.");
/// assert_eq!(marked.text(), "R&D is up");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Speech(pub(crate) OutputSpeech);

impl Speech {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Self(OutputSpeech::PlainText {
            text: text.into(),
            play_behavior: None,
        })
    }

    /// SSML built with [`Ssml::builder`].
    pub fn ssml(ssml: Ssml) -> Self {
        Self(OutputSpeech::Ssml {
            ssml: ssml.into_string(),
            play_behavior: None,
        })
    }

    /// Sets how this speech interacts with speech already queued.
    pub fn play_behavior(mut self, behavior: PlayBehavior) -> Self {
        match &mut self.0 {
            OutputSpeech::PlainText { play_behavior, .. }
            | OutputSpeech::Ssml { play_behavior, .. } => *play_behavior = Some(behavior),
        }
        self
    }

    /// What a listener hears, without markup.
    pub fn text(&self) -> String {
        self.0.heard()
    }

    /// The wire form.
    pub fn into_output(self) -> OutputSpeech {
        self.0
    }
}

impl From<&str> for Speech {
    fn from(text: &str) -> Self {
        Speech::plain(text)
    }
}

impl From<String> for Speech {
    fn from(text: String) -> Self {
        Speech::plain(text)
    }
}

impl From<Ssml> for Speech {
    fn from(ssml: Ssml) -> Self {
        Speech::ssml(ssml)
    }
}
