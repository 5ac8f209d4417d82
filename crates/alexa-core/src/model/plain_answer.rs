//! The plain answer (speech, a reprompt, whether the session ends, the session attributes)
//! written with its member names as bytes.
//!
//! serde_json escapes every member name it writes, byte by byte, as it does any string: a
//! dozen names per answer, about a twentieth of a launch's instructions (measured in
//! docs/performance.md). Most answers have this one shape, so it is written here with the
//! names as constants and every value still written by serde_json; any other answer goes
//! through serde. The output is the same bytes either way (tested below against the derived
//! `Serialize`).

use super::{OutputSpeech, Reprompt, ResponseBody};
use serde::Serialize;
use serde_json::Error;
use std::io::Write;

/// Writes `{"version", "sessionAttributes", "response"}` as the derived `Serialize` of
/// [`ResponseEnvelope`](crate::model::ResponseEnvelope) would, when the response has nothing
/// but speech, a reprompt's speech and `shouldEndSession`. Returns `false`, having written
/// nothing, for any other response.
pub(crate) fn write_plain<W: Write, A: Serialize + ?Sized>(
    out: &mut W,
    version: &str,
    attributes: Option<&A>,
    response: &ResponseBody,
) -> Result<bool, Error> {
    // No `..`: a member added to the body stops this from compiling until it is handled.
    let ResponseBody {
        output_speech,
        card: None,
        reprompt,
        directives,
        should_end_session,
        can_fulfill_intent: None,
        api_response: None,
        experimentation: None,
    } = response
    else {
        return Ok(false);
    };
    let reprompt = match reprompt {
        Some(Reprompt {
            output_speech,
            directives,
        }) if directives.is_empty() => Some(output_speech),
        Some(_) => return Ok(false),
        None => None,
    };
    if !directives.is_empty() {
        return Ok(false);
    }
    out.write_all(br#"{"version":"#).map_err(Error::io)?;
    serde_json::to_writer(&mut *out, version)?;
    if let Some(attributes) = attributes {
        out.write_all(br#","sessionAttributes":"#)
            .map_err(Error::io)?;
        serde_json::to_writer(&mut *out, attributes)?;
    }
    out.write_all(br#","response":{"#).map_err(Error::io)?;
    let mut first = true;
    if let Some(speech) = output_speech {
        name(out, &mut first, br#""outputSpeech":"#)?;
        write_speech(out, speech)?;
    }
    if let Some(speech) = reprompt {
        name(out, &mut first, br#""reprompt":{"#)?;
        if let Some(speech) = speech {
            out.write_all(br#""outputSpeech":"#).map_err(Error::io)?;
            write_speech(out, speech)?;
        }
        out.write_all(b"}").map_err(Error::io)?;
    }
    if let Some(end) = should_end_session {
        name(out, &mut first, br#""shouldEndSession":"#)?;
        let end: &[u8] = if *end { b"true" } else { b"false" };
        out.write_all(end).map_err(Error::io)?;
    }
    out.write_all(b"}}").map_err(Error::io)?;
    Ok(true)
}

/// A member's quoted name and colon, after a comma unless it is the object's first.
fn name<W: Write>(out: &mut W, first: &mut bool, quoted_with_colon: &[u8]) -> Result<(), Error> {
    if !std::mem::take(first) {
        out.write_all(b",").map_err(Error::io)?;
    }
    out.write_all(quoted_with_colon).map_err(Error::io)
}

/// `{"type":"PlainText","text":...}` or `{"type":"SSML","ssml":...}`, `playBehavior` last.
fn write_speech<W: Write>(out: &mut W, speech: &OutputSpeech) -> Result<(), Error> {
    let (head, text, play_behavior): (&[u8], _, _) = match speech {
        OutputSpeech::PlainText {
            text,
            play_behavior,
        } => (br#"{"type":"PlainText","text":"#, text, play_behavior),
        OutputSpeech::Ssml {
            ssml,
            play_behavior,
        } => (br#"{"type":"SSML","ssml":"#, ssml, play_behavior),
    };
    out.write_all(head).map_err(Error::io)?;
    serde_json::to_writer(&mut *out, text)?;
    if let Some(play_behavior) = play_behavior {
        out.write_all(br#","playBehavior":"#).map_err(Error::io)?;
        serde_json::to_writer(&mut *out, play_behavior)?;
    }
    out.write_all(b"}").map_err(Error::io)
}

/// Writes an envelope from its parts: plain ([`write_plain`]) when it can be, else through
/// serde with the members of [`ResponseEnvelope`](crate::model::ResponseEnvelope) in its
/// order. What `handle_json` sends and what the size limit counts are written here.
pub(crate) fn write_envelope<W: Write, A: Serialize + ?Sized>(
    out: &mut W,
    version: &str,
    attributes: Option<&A>,
    response: &ResponseBody,
) -> Result<(), Error> {
    if write_plain(out, version, attributes, response)? {
        return Ok(());
    }
    let envelope = EnvelopeRef {
        version,
        session_attributes: attributes,
        response,
    };
    serde_json::to_writer(out, &envelope)
}

/// An envelope's members by reference, the attributes as any serialisable (typed, or the raw
/// JSON they arrived as).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EnvelopeRef<'a, A: Serialize + ?Sized> {
    version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_attributes: Option<&'a A>,
    response: &'a ResponseBody,
}

#[cfg(test)]
mod tests {
    use super::write_plain;
    use crate::model::{
        Card, Directive, OutputSpeech, PlayBehavior, Reprompt, ResponseBody, ResponseEnvelope,
    };
    use crate::response::Response;
    use serde_json::{json, Map, Value};

    /// What the derived `Serialize` writes, and what `write_plain` writes (None: declined).
    fn both(envelope: &ResponseEnvelope) -> (String, Option<String>) {
        let derived = serde_json::to_string(envelope).unwrap();
        let mut out = Vec::new();
        let attributes = envelope.session_attributes.as_ref();
        let wrote = write_plain(&mut out, &envelope.version, attributes, &envelope.response);
        let plain = wrote.unwrap().then(|| String::from_utf8(out).unwrap());
        (derived, plain)
    }

    fn speech(text: &str, play_behavior: Option<PlayBehavior>) -> OutputSpeech {
        OutputSpeech::PlainText {
            text: text.into(),
            play_behavior,
        }
    }

    fn plain_shapes() -> Vec<ResponseEnvelope> {
        let attributes =
            json!({"orders": 2, "name": "Zoë \"Z\" \u{1}", "nested": {"a": [1, null]}});
        let Value::Object(attributes) = attributes else {
            unreachable!()
        };
        let mut shapes = vec![
            Response::empty().into_envelope(None),
            Response::tell("Goodbye.").into_envelope(None),
            Response::ask("What now?", "Anything else?").into_envelope(Some(&attributes)),
            Response::ask("<speak>Hi <break time=\"1s\"/></speak>", "Again?").into_envelope(None),
            Response::empty()
                .session_attributes(&attributes)
                .unwrap()
                .into_envelope(None),
            Response::tell("x").into_envelope(Some(&Map::new())),
        ];
        let odd = ResponseEnvelope {
            version: "1.0\n\"quoted\"".into(),
            session_attributes: None,
            response: ResponseBody {
                output_speech: Some(OutputSpeech::Ssml {
                    ssml: "<speak>Tab\there, bell \u{7}, emoji 🎉</speak>".into(),
                    play_behavior: Some(PlayBehavior::ReplaceAll),
                }),
                reprompt: Some(Reprompt::default()),
                should_end_session: Some(false),
                ..ResponseBody::default()
            },
        };
        shapes.push(odd);
        let reprompt_only = ResponseBody {
            reprompt: Some(Reprompt {
                output_speech: Some(speech("Still there?", Some(PlayBehavior::Enqueue))),
                directives: Vec::new(),
            }),
            ..ResponseBody::default()
        };
        let reprompt_only = ResponseEnvelope {
            response: reprompt_only,
            ..ResponseEnvelope::default()
        };
        shapes.push(reprompt_only);
        shapes
    }

    #[test]
    fn plain_answers_are_written_as_the_derived_serialize_writes_them() {
        for envelope in plain_shapes() {
            let (derived, plain) = both(&envelope);
            assert_eq!(plain.as_deref(), Some(derived.as_str()), "{envelope:?}");
        }
    }

    #[test]
    fn any_other_answer_is_left_to_serde_and_nothing_is_written() {
        let with = |change: &dyn Fn(&mut ResponseBody)| {
            let mut envelope = Response::ask("Hi", "Hi?").into_envelope(None);
            change(&mut envelope.response);
            envelope
        };
        let others = [
            with(&|b| {
                b.card = Some(Card::Simple {
                    title: "t".into(),
                    content: "c".into(),
                })
            }),
            with(&|b| {
                b.directives.push(Directive::DialogDelegate {
                    updated_intent: None,
                })
            }),
            with(&|b| {
                b.reprompt
                    .as_mut()
                    .unwrap()
                    .directives
                    .push(Directive::DialogDelegate {
                        updated_intent: None,
                    })
            }),
            with(&|b| b.api_response = Some(json!({"a": 1}))),
        ];
        for envelope in others {
            let mut out = Vec::new();
            let wrote = write_plain(
                &mut out,
                "1.0",
                None::<&Map<String, Value>>,
                &envelope.response,
            );
            assert!(!wrote.unwrap(), "{envelope:?}");
            assert!(out.is_empty());
        }
    }
}
