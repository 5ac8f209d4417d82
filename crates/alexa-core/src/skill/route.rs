//! Conditions for routing besides names: a handler registered with
//! [`SkillBuilder::when`](crate::SkillBuilder::when) answers every request its condition
//! holds for, before the lookup by intent name and request type. Conditions are checked in
//! the order they were registered; a skill with none pays nothing for them.
//!
//! ```
//! use alexa_core::model::DialogState;
//! use alexa_core::{builtin, route, Response, Skill};
//! let skill = Skill::builder()
//!     .accept_any_skill_id()
//!     .skip_builtin_check()
//!     // While an order is being taken, every utterance goes to the order dialog.
//!     .when(route::session_attr("stage", "ordering"), || async { "Which size?" })
//!     .when(route::dialog_state(DialogState::Started).and(route::intent("OrderIntent")),
//!           || async { Response::empty().delegate(None) })
//!     .intent("OrderIntent", || async { "Ordered." })
//!     .build()
//!     .unwrap();
//! # let _ = skill;
//! ```

use crate::model::{DialogState, Request, RequestEnvelope};
use serde_json::Value;
use std::sync::Arc;

/// A condition on a request. Build one with the functions of this module, or from any
/// `Fn(&RequestEnvelope) -> bool`.
#[derive(Clone)]
pub struct Condition(Arc<dyn Fn(&RequestEnvelope) -> bool + Send + Sync>);

impl std::fmt::Debug for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Condition")
    }
}

impl Condition {
    /// A condition from a predicate.
    pub fn new(predicate: impl Fn(&RequestEnvelope) -> bool + Send + Sync + 'static) -> Self {
        Self(Arc::new(predicate))
    }

    /// True when it holds for `request`.
    pub fn holds(&self, request: &RequestEnvelope) -> bool {
        (self.0)(request)
    }

    /// Both this and `other`.
    pub fn and(self, other: Condition) -> Condition {
        Condition::new(move |r| self.holds(r) && other.holds(r))
    }

    /// This or `other`.
    pub fn or(self, other: Condition) -> Condition {
        Condition::new(move |r| self.holds(r) || other.holds(r))
    }
}

/// Not this: `!route::new_session()`.
impl std::ops::Not for Condition {
    type Output = Condition;
    fn not(self) -> Condition {
        Condition::new(move |r| !self.holds(r))
    }
}

impl<F: Fn(&RequestEnvelope) -> bool + Send + Sync + 'static> From<F> for Condition {
    fn from(predicate: F) -> Self {
        Condition::new(predicate)
    }
}

/// An IntentRequest in this dialog state.
pub fn dialog_state(state: DialogState) -> Condition {
    Condition::new(
        move |r| matches!(&r.request, Request::Intent(i) if i.dialog_state.as_ref() == Some(&state)),
    )
}

/// An IntentRequest for this intent.
pub fn intent(name: &str) -> Condition {
    let name = name.to_owned();
    Condition::new(move |r| matches!(&r.request, Request::Intent(i) if i.intent.name == name))
}

/// A request of this `type`, e.g. `Alexa.Presentation.APL.UserEvent`.
pub fn request_type(type_name: &str) -> Condition {
    let type_name = type_name.to_owned();
    Condition::new(move |r| r.request.type_name() == type_name)
}

/// A session attribute `key` whose value is the string `value`.
pub fn session_attr(key: &str, value: &str) -> Condition {
    let (key, value) = (key.to_owned(), value.to_owned());
    Condition::new(move |r| {
        r.session_attributes()
            .and_then(|a| a.get(&key))
            .and_then(Value::as_str)
            == Some(value.as_str())
    })
}

/// A session attribute `key` that is present (any value but null).
pub fn has_session_attr(key: &str) -> Condition {
    let key = key.to_owned();
    Condition::new(move |r| {
        r.session_attributes()
            .and_then(|a| a.get(&key))
            .is_some_and(|v| !v.is_null())
    })
}

/// The first turn of a session (`session.new`).
pub fn new_session() -> Condition {
    Condition::new(|r| r.session.as_ref().and_then(|s| s.new) == Some(true))
}
