//! Alexa's response limits, checked before a response leaves.

use crate::model::plain_answer::write_envelope;
use crate::model::{Card, OutputSpeech, ResponseBody, ResponseEnvelope};
use serde_json::{Map, Value};
use std::io;

/// Most characters in `outputSpeech` (and in the reprompt).
pub const MAX_SPEECH_CHARS: usize = 8000;
/// Most characters of a card: title, text and image URLs together, as Amazon counts them.
pub const MAX_CARD_CHARS: usize = 8000;
/// Longest card image URL.
pub const MAX_IMAGE_URL_CHARS: usize = 2000;
/// Largest serialised response, session attributes included: 120 KB in Amazon's current
/// response-format reference (older pages, and many SDKs, still say 24 KB).
pub const MAX_RESPONSE_BYTES: usize = 120 * 1024;

/// A limit a response broke. Alexa would fail the turn on it, so the skill sends an apology
/// instead and logs this.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LimitViolation {
    /// Speech longer than [`MAX_SPEECH_CHARS`].
    #[error("{which} has {chars} characters, more than {MAX_SPEECH_CHARS}")]
    SpeechTooLong {
        /// `outputSpeech` or `reprompt`.
        which: &'static str,
        /// Its length.
        chars: usize,
    },
    /// Card text longer than [`MAX_CARD_CHARS`].
    #[error("card has {0} characters, more than {MAX_CARD_CHARS}")]
    CardTooLong(usize),
    /// An image URL longer than [`MAX_IMAGE_URL_CHARS`].
    #[error("card image URL has {0} characters, more than {MAX_IMAGE_URL_CHARS}")]
    ImageUrlTooLong(usize),
    /// The whole response larger than [`MAX_RESPONSE_BYTES`].
    #[error("response is {0} bytes, more than {MAX_RESPONSE_BYTES}")]
    ResponseTooLarge(usize),
}

fn speech_chars(speech: &OutputSpeech) -> usize {
    speech.content().chars().count()
}

/// Checks every limit; returns the serialised size when all pass.
///
/// ```
/// use alexa_core::{limits, Response};
/// let ok = Response::tell("Hi.").into_envelope(None);
/// assert!(limits::check(&ok).is_ok());
/// let long = Response::tell("a".repeat(8001)).into_envelope(None);
/// assert!(matches!(limits::check(&long), Err(limits::LimitViolation::SpeechTooLong { .. })));
/// ```
pub fn check(envelope: &ResponseEnvelope) -> Result<usize, LimitViolation> {
    check_content(envelope)?;
    within_size(serialized_len(envelope))
}

/// [`check`] on an answer's parts, as this crate's version writes them.
pub(crate) fn check_parts(
    attributes: Option<&Map<String, Value>>,
    body: &ResponseBody,
) -> Result<usize, LimitViolation> {
    check_body(body)?;
    let version = crate::model::default_version();
    within_size(written_len(&version, attributes, body))
}

fn within_size(bytes: usize) -> Result<usize, LimitViolation> {
    if bytes > MAX_RESPONSE_BYTES {
        return Err(LimitViolation::ResponseTooLarge(bytes));
    }
    Ok(bytes)
}

/// Every limit but the total size, which a host checks on the bytes it sends.
pub fn check_content(envelope: &ResponseEnvelope) -> Result<(), LimitViolation> {
    check_body(&envelope.response)
}

/// [`check_content`] on the body alone (nothing but the body has content limits).
pub(crate) fn check_body(body: &ResponseBody) -> Result<(), LimitViolation> {
    if let Some(speech) = &body.output_speech {
        let chars = speech_chars(speech);
        if chars > MAX_SPEECH_CHARS {
            return Err(LimitViolation::SpeechTooLong {
                which: "outputSpeech",
                chars,
            });
        }
    }
    if let Some(speech) = body
        .reprompt
        .as_ref()
        .and_then(|r| r.output_speech.as_ref())
    {
        let chars = speech_chars(speech);
        if chars > MAX_SPEECH_CHARS {
            return Err(LimitViolation::SpeechTooLong {
                which: "reprompt",
                chars,
            });
        }
    }
    if let Some(card) = &body.card {
        let (title, text, image) = match card {
            Card::Simple { title, content } => (title.as_str(), content.as_str(), None),
            Card::Standard { title, text, image } => {
                (title.as_str(), text.as_str(), image.as_ref())
            }
            _ => ("", "", None),
        };
        let urls = image
            .into_iter()
            .flat_map(|i| [&i.small_image_url, &i.large_image_url])
            .flatten();
        let chars = title.chars().count()
            + text.chars().count()
            + urls.map(|u| u.chars().count()).sum::<usize>();
        if chars > MAX_CARD_CHARS {
            return Err(LimitViolation::CardTooLong(chars));
        }
        if let Some(image) = image {
            for url in [&image.small_image_url, &image.large_image_url]
                .into_iter()
                .flatten()
            {
                let len = url.chars().count();
                if len > MAX_IMAGE_URL_CHARS {
                    return Err(LimitViolation::ImageUrlTooLong(len));
                }
            }
        }
    }
    Ok(())
}

/// The serialised length, counted without allocating the JSON.
pub fn serialized_len(envelope: &ResponseEnvelope) -> usize {
    let attributes = envelope.session_attributes.as_ref();
    written_len(&envelope.version, attributes, &envelope.response)
}

/// The length of what [`write_envelope`] writes for these parts (what `handle_json` sends).
fn written_len(
    version: &str,
    attributes: Option<&Map<String, Value>>,
    body: &ResponseBody,
) -> usize {
    struct Counter(usize);
    impl io::Write for Counter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    // Writing plain data to a counter cannot fail; on an error the partial count is a floor.
    let mut counter = Counter(0);
    let _ = write_envelope(&mut counter, version, attributes, body);
    counter.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CardImage;
    use crate::Response;

    /// Amazon counts a card's image URLs in its 8000 characters.
    #[test]
    fn card_length_counts_the_image_urls() {
        let image = |n: usize| CardImage {
            small_image_url: Some(format!("https://example.com/{}", "s".repeat(n))),
            large_image_url: Some(format!("https://example.com/{}", "l".repeat(n))),
        };
        let text = "t".repeat(5000);
        let fits = Response::tell("x").standard_card("Title", &text, Some(image(1000)));
        assert_eq!(check_content(&fits.into_envelope(None)), Ok(()));
        let over = Response::tell("x").standard_card("Title", &text, Some(image(1600)));
        assert_eq!(
            check_content(&over.into_envelope(None)),
            Err(LimitViolation::CardTooLong(5 + 5000 + 2 * (20 + 1600)))
        );
    }

    /// The size checked is the size sent, whichever writer counts it.
    #[test]
    fn the_counted_size_is_the_written_size() {
        let mut attributes = serde_json::Map::new();
        attributes.insert("note".into(), "quote \" and é".into());
        let answers = [
            Response::empty().into_envelope(None),
            Response::ask("Tab\there \u{1}?", "Still there?").into_envelope(Some(&attributes)),
            Response::tell("<speak>Hi</speak>").into_envelope(None),
            Response::tell("x")
                .standard_card("Title", "Body", None)
                .into_envelope(None),
        ];
        for answer in answers {
            let written = serde_json::to_vec(&answer).unwrap().len();
            assert_eq!(serialized_len(&answer), written, "{answer:?}");
        }
    }
}
