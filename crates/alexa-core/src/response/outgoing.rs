//! A response body kept in a box, or absent while empty, from the handler to the bytes sent.
//! `ResponseEnvelope` holds its 300-byte body inline; the answer path (fitting, limits,
//! writing) works on [`Outgoing`] instead so the body is never moved by value, and an empty
//! answer (a session end, most events) is never made at all.

use crate::model::{ResponseBody, ResponseEnvelope, EMPTY_BODY};
use serde_json::{Map, Value};

/// The response body, boxed and made on first write. Boxed: a response passes through several
/// frames (the handler's future, the panic guard, the deadline, the answer), and moving a
/// pointer is cheaper than its 300 bytes. Made on first write: the empty answer then costs
/// no allocation. Reads see an empty body until then.
#[derive(Clone, Default)]
pub(crate) struct Body(Option<Box<ResponseBody>>);

impl Body {
    /// The body by value, for an envelope (an empty one when never written).
    pub(crate) fn into_inner(self) -> ResponseBody {
        self.0.map(|body| *body).unwrap_or_default()
    }

    /// The body to change in place, or `None` while it is empty (nothing to change).
    pub(crate) fn written(&mut self) -> Option<&mut ResponseBody> {
        self.0.as_deref_mut()
    }

    /// Back to empty, dropping what was written.
    pub(crate) fn clear(&mut self) {
        self.0 = None;
    }
}

impl std::ops::Deref for Body {
    type Target = ResponseBody;
    fn deref(&self) -> &ResponseBody {
        self.0.as_deref().unwrap_or(&EMPTY_BODY)
    }
}

impl std::ops::DerefMut for Body {
    fn deref_mut(&mut self) -> &mut ResponseBody {
        self.0.get_or_insert_with(Box::default)
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// A [`ResponseEnvelope`] on its way out, its body boxed. The version is always the one this
/// crate speaks ([`crate::model::default_version`]).
#[derive(Debug, Default)]
pub(crate) struct Outgoing {
    /// What Alexa sends back in `session.attributes` on the next turn.
    pub(crate) session_attributes: Option<Map<String, Value>>,
    /// Speech, card, directives and whether the session goes on.
    pub(crate) body: Body,
}

impl Outgoing {
    /// The envelope a typed host serialises.
    pub(crate) fn into_envelope(self) -> ResponseEnvelope {
        ResponseEnvelope {
            version: crate::model::default_version(),
            session_attributes: self.session_attributes,
            response: self.body.into_inner(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_body_is_read_as_empty_and_never_boxed() {
        let mut body = Body::default();
        assert_eq!(*body, EMPTY_BODY);
        assert!(body.written().is_none());
        body.should_end_session = Some(true);
        assert_eq!(
            body.written().map(|b| b.should_end_session),
            Some(Some(true))
        );
        body.clear();
        assert!(body.written().is_none());
    }

    #[test]
    fn an_answer_goes_out_as_the_envelope_of_its_parts() {
        let mut attributes = Map::new();
        attributes.insert("turn".into(), Value::from(2));
        let mut out = Outgoing {
            session_attributes: Some(attributes.clone()),
            body: Body::default(),
        };
        out.body.should_end_session = Some(false);
        let expected = ResponseEnvelope {
            version: "1.0".into(),
            session_attributes: Some(attributes),
            response: ResponseBody {
                should_end_session: Some(false),
                ..ResponseBody::default()
            },
        };
        assert_eq!(out.into_envelope(), expected);
        let empty = Outgoing::default().into_envelope();
        assert_eq!(empty.response, EMPTY_BODY);
        assert_eq!(empty.session_attributes, None);
    }
}
