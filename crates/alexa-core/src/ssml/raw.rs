//! SSML written elsewhere (a translated string, a tag the builder lacks), accepted only when
//! it is well-formed XML with a single `<speak>` root: malformed markup would make Alexa fail
//! the whole turn, so it is refused here, where the skill can still say something else.

use super::Ssml;
use quick_xml::events::Event;
use quick_xml::Reader;

/// Why markup is not SSML Alexa would accept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SsmlError {
    /// The root element is not `<speak>`, or there is none.
    #[error("SSML must have a single <speak> root element, found {found}")]
    NotSpeak {
        /// What was found instead.
        found: String,
    },
    /// The markup is not well-formed XML.
    #[error("SSML is not well-formed XML at byte {position}: {message}")]
    Malformed {
        /// Where the reader stopped.
        position: u64,
        /// What was wrong.
        message: String,
    },
}

impl Ssml {
    /// Takes SSML written elsewhere, after checking that it is well-formed XML (tags closed
    /// in order, entities known, nothing outside the root) with a `<speak>` root.
    ///
    /// ```
    /// use alexa_core::ssml::{Ssml, SsmlError};
    /// let ok = Ssml::from_raw("<speak>Hallo <amazon:effect name=\"whispered\">Welt</amazon:effect></speak>");
    /// assert!(ok.is_ok());
    /// assert!(matches!(Ssml::from_raw("<speak>R&D</speak>"), Err(SsmlError::Malformed { .. })));
    /// assert!(matches!(Ssml::from_raw("Hello"), Err(SsmlError::NotSpeak { .. })));
    /// ```
    pub fn from_raw(markup: impl Into<String>) -> Result<Ssml, SsmlError> {
        let markup = markup.into();
        check(&markup)?;
        Ok(Ssml(markup))
    }
}

fn check(markup: &str) -> Result<(), SsmlError> {
    let mut reader = Reader::from_str(markup);
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        let malformed = |reader: &Reader<&[u8]>, message: String| SsmlError::Malformed {
            position: reader.buffer_position(),
            message,
        };
        let event = reader
            .read_event()
            .map_err(|e| malformed(&reader, e.to_string()))?;
        if let Event::Start(ref tag) | Event::Empty(ref tag) = event {
            for attribute in tag.attributes() {
                let attribute = attribute.map_err(|e| malformed(&reader, e.to_string()))?;
                attribute
                    .unescape_value()
                    .map_err(|e| malformed(&reader, e.to_string()))?;
            }
        }
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) if depth == 0 => {
                roots += 1;
                let name = String::from_utf8_lossy(tag.name().as_ref()).into_owned();
                if name != "speak" || roots > 1 {
                    return Err(SsmlError::NotSpeak {
                        found: format!("<{name}>"),
                    });
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(text) if depth == 0 => {
                let outside = String::from_utf8_lossy(&text).trim().to_owned();
                if !outside.is_empty() {
                    return Err(SsmlError::NotSpeak {
                        found: format!("text {outside:?} outside <speak>"),
                    });
                }
            }
            Event::GeneralRef(reference) => {
                let name = String::from_utf8_lossy(&reference).into_owned();
                let known = matches!(name.as_str(), "amp" | "lt" | "gt" | "quot" | "apos")
                    || reference.resolve_char_ref().ok().flatten().is_some();
                if !known {
                    return Err(malformed(&reader, format!("unknown entity &{name};")));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    match (roots, depth) {
        (0, _) => Err(SsmlError::NotSpeak {
            found: "no element".into(),
        }),
        (_, 0) => Ok(()),
        _ => Err(SsmlError::Malformed {
            position: markup.len() as u64,
            message: "an element is not closed".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_speak_documents_pass_as_written() {
        for ok in [
            "<speak>Hello</speak>",
            "<speak/>",
            "  <speak>R&amp;D &#233;t&#xE9;<break time=\"1s\"/></speak>\n",
            "<speak><lang xml:lang=\"de-DE\">Guten Tag</lang></speak>",
            "<?xml version=\"1.0\"?><speak><amazon:domain name=\"news\">x</amazon:domain></speak>",
        ] {
            let ssml = Ssml::from_raw(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
            assert_eq!(ssml.as_str(), ok, "kept byte for byte");
        }
    }

    #[test]
    fn anything_alexa_would_refuse_is_refused() {
        let not_speak = [
            "",
            "Hello",
            "<p>Hi</p>",
            "<speak>a</speak><speak>b</speak>",
            "<speak>a</speak> tail",
        ];
        for bad in not_speak {
            assert!(
                matches!(Ssml::from_raw(bad), Err(SsmlError::NotSpeak { .. })),
                "{bad:?}"
            );
        }
        let malformed = [
            "<speak>R&D</speak>",
            "<speak>&nbsp;</speak>",
            "<speak><p>unclosed</speak>",
            "<speak>open",
            "<speak><b></c></speak>",
            "<speak attr=nope>x</speak>",
        ];
        for bad in malformed {
            assert!(
                matches!(Ssml::from_raw(bad), Err(SsmlError::Malformed { .. })),
                "{bad:?}: {:?}",
                Ssml::from_raw(bad)
            );
        }
    }
}
