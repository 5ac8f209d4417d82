//! [`ResponseExt`]: what a user would notice in a response envelope, read in a line.

use crate::model::{Card, Directive, OutputSpeech, ResponseEnvelope};
use serde_json::Value;

/// Reads what a user would notice from a response envelope.
pub trait ResponseExt {
    /// The speech as heard (SSML tags removed); empty when there is none.
    fn speech_text(&self) -> String;
    /// The reprompt as heard; `None` when there is none.
    fn reprompt_text(&self) -> Option<String>;
    /// The card, if any.
    fn card(&self) -> Option<&Card>;
    /// The card's title and text (Simple `content` or Standard `text`).
    fn card_text(&self) -> Option<(&str, &str)>;
    /// The directive types, in order.
    fn directive_types(&self) -> Vec<&str>;
    /// `shouldEndSession == false`: the microphone opens.
    fn keeps_session_open(&self) -> bool;
    /// `shouldEndSession == true`.
    fn ends_session(&self) -> bool;
    /// Session attributes sent back, parsed into `T`.
    fn session_attributes_as<T: serde::de::DeserializeOwned>(&self) -> Option<T>;
}

impl ResponseExt for ResponseEnvelope {
    fn speech_text(&self) -> String {
        self.response
            .output_speech
            .as_ref()
            .map(OutputSpeech::heard)
            .unwrap_or_default()
    }
    fn reprompt_text(&self) -> Option<String> {
        self.response
            .reprompt
            .as_ref()
            .and_then(|r| r.output_speech.as_ref())
            .map(OutputSpeech::heard)
    }
    fn card(&self) -> Option<&Card> {
        self.response.card.as_ref()
    }
    fn card_text(&self) -> Option<(&str, &str)> {
        match self.response.card.as_ref()? {
            Card::Simple { title, content } => Some((title, content)),
            Card::Standard { title, text, .. } => Some((title, text)),
            _ => None,
        }
    }
    fn directive_types(&self) -> Vec<&str> {
        self.response
            .directives
            .iter()
            .map(Directive::type_name)
            .collect()
    }
    fn keeps_session_open(&self) -> bool {
        self.response.should_end_session == Some(false)
    }
    fn ends_session(&self) -> bool {
        self.response.should_end_session == Some(true)
    }
    fn session_attributes_as<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        let map = self.session_attributes.clone()?;
        serde_json::from_value(Value::Object(map)).ok()
    }
}
