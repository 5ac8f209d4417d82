//! From a handler's outcome to what is sent: fitted to what the request may be answered
//! with, checked against Alexa's limits, a failure answered through the error handler, and
//! written as JSON with unread session attributes copied as they arrived.

use super::{Skill, APOLOGY, TOO_SLOW};
use crate::model::plain_answer::write_envelope;
use crate::model::{RequestEnvelope, ResponseBody, ResponseEnvelope};
use crate::response::outgoing::Outgoing;
use crate::response::Response;
use crate::{limits, Failure, InvocationError};

impl<S: Send + Sync + 'static> Skill<S> {
    /// The handler's outcome as JSON bytes, within Alexa's size limit.
    pub(super) fn write_json(
        &self,
        outcome: Result<Response, Failure>,
        envelope: &RequestEnvelope,
    ) -> Result<Vec<u8>, InvocationError> {
        let answer = self.answer(outcome, envelope);
        // Most answers fit in 1 KB: one allocation instead of growing from 128 bytes.
        let mut bytes = Vec::with_capacity(1024);
        write_answer(&mut bytes, answer, envelope).map_err(InvocationError::Serialize)?;
        if bytes.len() <= limits::MAX_RESPONSE_BYTES {
            return Ok(bytes);
        }
        let violation = limits::LimitViolation::ResponseTooLarge(bytes.len());
        let out = self.fail(Failure::LimitExceeded(violation), envelope);
        bytes.clear();
        write_outgoing(&mut bytes, out.session_attributes.as_ref(), &out.body)
            .map_err(InvocationError::Serialize)?;
        Ok(bytes)
    }

    /// The handler's outcome as a response envelope: fitted to the request and checked
    /// against every limit but the size, which the caller checks on what it sends.
    pub(super) fn answer(
        &self,
        outcome: Result<Response, Failure>,
        envelope: &RequestEnvelope,
    ) -> Answer {
        let failed = |failure| Answer {
            out: self.fail(failure, envelope),
            keeps_attributes: false,
        };
        let response = match outcome {
            Ok(response) => response,
            Err(failure) => return failed(failure),
        };
        let (mut out, keeps) = response.into_outgoing();
        fit_request(&mut out, envelope);
        match limits::check_body(&out.body) {
            Ok(()) => Answer {
                out,
                keeps_attributes: keeps
                    && crate::response::fit::keeps_attributes(&envelope.request),
            },
            Err(violation) => failed(Failure::LimitExceeded(violation)),
        }
    }

    /// The error handler's answer to `failure`, logged with the request id. When that answer
    /// itself breaks a limit (or the error handler panics), the plain [`APOLOGY`].
    pub(super) fn fail(&self, failure: Failure, envelope: &RequestEnvelope) -> Outgoing {
        let request_id = envelope.request.request_id();
        match &failure {
            Failure::DeadlinePassed { limit } => tracing::warn!(
                request_id,
                limit_ms = limit.as_millis() as u64,
                "deadline reached; answered through the error handler"
            ),
            Failure::LimitExceeded(violation) => tracing::error!(
                request_id,
                %violation,
                "response over Alexa's limits; answered through the error handler instead"
            ),
            other => tracing::error!(request_id, error = %other, "handler failed"),
        }
        let response = match &self.inner.on_error {
            Some(on_error) => {
                let call = std::panic::AssertUnwindSafe(|| on_error(&failure, envelope));
                std::panic::catch_unwind(call).unwrap_or_else(|_| Response::tell(APOLOGY))
            }
            None => default_apology(&failure),
        };
        let (mut out, keeps) = response.into_outgoing();
        if keeps {
            out.session_attributes = kept_attributes(envelope).cloned();
        }
        fit_request(&mut out, envelope);
        match limits::check_parts(out.session_attributes.as_ref(), &out.body) {
            Ok(_) => out,
            Err(violation) => {
                tracing::error!(request_id, %violation, "the error handler's answer is over Alexa's limits too");
                let (mut apology, _) = Response::tell(APOLOGY).into_outgoing();
                fit_request(&mut apology, envelope);
                apology
            }
        }
    }
}

/// What a user hears about `failure` when the skill has no error handler.
fn default_apology(failure: &Failure) -> Response {
    match failure {
        Failure::HandlerError(err) => {
            Response::tell(err.speech().cloned().unwrap_or_else(|| APOLOGY.into()))
        }
        Failure::DeadlinePassed { .. } => Response::tell(TOO_SLOW),
        _ => Response::tell(APOLOGY),
    }
}

/// Removes what `envelope`'s request may not be answered with, and logs what it removed.
fn fit_request(out: &mut Outgoing, envelope: &RequestEnvelope) {
    let removed = crate::response::fit::fit(out, &envelope.request);
    if !removed.is_empty() {
        tracing::warn!(
            request_id = envelope.request.request_id(),
            request_type = envelope.request.type_name(),
            removed = ?removed,
            "removed what this request type may not be answered with"
        );
    }
}

/// An answer, and whether the request's session attributes go with it: added by whoever
/// writes it out, as the JSON they arrived in when no handler read them.
pub(super) struct Answer {
    out: Outgoing,
    keeps_attributes: bool,
}

impl Answer {
    /// The envelope with the kept attributes typed in.
    pub(super) fn typed(self, envelope: &RequestEnvelope) -> ResponseEnvelope {
        let mut out = self.out;
        if self.keeps_attributes {
            out.session_attributes = kept_attributes(envelope).cloned();
        }
        out.into_envelope()
    }
}

/// The request's session attributes as a response carries them forward (none when empty).
fn kept_attributes(
    envelope: &RequestEnvelope,
) -> Option<&serde_json::Map<String, serde_json::Value>> {
    envelope.session_attributes().filter(|m| !m.is_empty())
}

/// Writes `answer` as JSON into `bytes`; attributes carried forward unread are copied as the
/// text they arrived as, never typed. A plain answer is written without serde's escaping of
/// member names ([`write_plain`]); the bytes are the same.
fn write_answer(
    bytes: &mut Vec<u8>,
    answer: Answer,
    envelope: &RequestEnvelope,
) -> Result<(), serde_json::Error> {
    let body: &ResponseBody = &answer.out.body;
    let raw = envelope
        .session
        .as_ref()
        .and_then(|s| s.attributes.raw_json());
    match raw {
        Some(raw) if answer.keeps_attributes && is_filled_object(raw.get()) => {
            write_outgoing(bytes, Some(raw), body)
        }
        _ => {
            let attributes = if answer.keeps_attributes {
                kept_attributes(envelope)
            } else {
                answer.out.session_attributes.as_ref()
            };
            write_outgoing(bytes, attributes, body)
        }
    }
}

/// An answer's JSON from its parts, with this crate's version.
fn write_outgoing<A: serde::Serialize + ?Sized>(
    bytes: &mut Vec<u8>,
    attributes: Option<&A>,
    response: &ResponseBody,
) -> Result<(), serde_json::Error> {
    write_envelope(
        bytes,
        &crate::model::default_version(),
        attributes,
        response,
    )
}

/// True for a JSON object with at least one member (`{}` is not carried forward).
fn is_filled_object(json: &str) -> bool {
    json.strip_prefix('{')
        .is_some_and(|rest| !rest.trim_start().starts_with('}'))
}
