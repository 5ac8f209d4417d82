//! Typed slots: a slot's value, resolved id and name turned into a Rust type.
//!
//! Scalars implement [`FromSlot`]; `#[derive(FromSlot)]` maps a custom slot type to an enum
//! by resolved id; `#[derive(FromSlots)]` builds a struct of slots an intent carries, which the
//! [`Slots`] extractor hands to a handler.

use super::FromRequest;
use crate::model::{Intent, RequestEnvelope, Slot, SlotValueRef};
use crate::response::{IntoResponse, Response};
use crate::SkillError;
use std::sync::Arc;

/// Why a slot did not convert. Each is a typed outcome a handler can turn into an
/// elicitation or a reprompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlotError {
    /// The slot was not filled (or the intent has no such slot).
    Missing,
    /// Entity resolution found no match: the user said something outside the slot type.
    Unresolved {
        /// What the user said.
        spoken: String,
    },
    /// The value is not of the expected shape (e.g. `"?"` for a number).
    Invalid {
        /// What the user said.
        spoken: String,
        /// What was expected, e.g. `"a number"`.
        expected: &'static str,
    },
}

/// Converts one slot value into `Self`.
///
/// ```
/// use alexa_core::extract::{FromSlot, SlotError};
/// use alexa_core::model::SlotValueRef;
/// let five = SlotValueRef { value: Some("5"), resolutions: None };
/// assert_eq!(u32::from_slot(five), Ok(5));
/// let what = SlotValueRef { value: Some("?"), resolutions: None };
/// assert!(matches!(u32::from_slot(what), Err(SlotError::Invalid { .. })));
/// ```
pub trait FromSlot: Sized {
    /// Converts; `value.value` is `None` for an unfilled slot.
    fn from_slot(value: SlotValueRef<'_>) -> Result<Self, SlotError>;
}

fn spoken(value: &SlotValueRef<'_>) -> Result<String, SlotError> {
    value.value.map(str::to_owned).ok_or(SlotError::Missing)
}

impl FromSlot for String {
    fn from_slot(value: SlotValueRef<'_>) -> Result<Self, SlotError> {
        spoken(&value)
    }
}

macro_rules! number_slot {
    ($($ty:ty),*) => {$(
        impl FromSlot for $ty {
            fn from_slot(value: SlotValueRef<'_>) -> Result<Self, SlotError> {
                let text = spoken(&value)?;
                text.trim().parse().map_err(|_| SlotError::Invalid { spoken: text, expected: "a number" })
            }
        }
    )*};
}
number_slot!(u8, u16, u32, u64, i32, i64, f64);

/// A slot whose entity resolution matched: what was said, and the canonical id and name.
/// Without a usable resolution (built-in types, some test tools, `ER_ERROR_*`) id and name
/// are the spoken value, so the skill can still check it against what it knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedSlot {
    /// What the user said.
    pub spoken: String,
    /// The resolved id from the model, e.g. `eu-central-1`.
    pub id: String,
    /// The canonical name, e.g. `Frankfurt`.
    pub name: String,
}

impl FromSlot for ResolvedSlot {
    fn from_slot(value: SlotValueRef<'_>) -> Result<Self, SlotError> {
        let said = spoken(&value)?;
        if let Some(resolved) = value.resolved() {
            return Ok(ResolvedSlot {
                spoken: said,
                id: resolved.id.clone(),
                name: resolved.name.clone(),
            });
        }
        if value.is_no_match() {
            return Err(SlotError::Unresolved { spoken: said });
        }
        Ok(ResolvedSlot {
            id: said.clone(),
            name: said.clone(),
            spoken: said,
        })
    }
}

/// A set of slots read from an intent, usually through `#[derive(FromSlots)]`.
pub trait FromSlots: Sized {
    /// The slot names read, in field order.
    const SLOT_NAMES: &'static [&'static str];
    /// Reads the slots.
    fn from_intent(intent: &Intent) -> Result<Self, SlotRejection>;
}

/// A required slot (used by `#[derive(FromSlots)]` for plain fields).
pub fn slot_required<T: FromSlot>(intent: &Intent, name: &str) -> Result<T, SlotRejection> {
    let slot = intent.slot(name);
    let value = slot.map(Slot::as_value).unwrap_or_default();
    T::from_slot(value).map_err(|error| SlotRejection::new(intent, name, error))
}

/// An optional slot (`Option<T>` fields): missing is `None`, unresolved is still an error.
pub fn slot_optional<T: FromSlot>(intent: &Intent, name: &str) -> Result<Option<T>, SlotRejection> {
    match slot_required(intent, name) {
        Ok(v) => Ok(Some(v)),
        Err(SlotRejection {
            error: SlotError::Missing,
            ..
        }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// A multi-value slot (`Vec<T>` fields): every value, in the order spoken; empty if unfilled.
pub fn slot_list<T: FromSlot>(intent: &Intent, name: &str) -> Result<Vec<T>, SlotRejection> {
    let Some(slot) = intent.slot(name) else {
        return Ok(Vec::new());
    };
    slot.values()
        .into_iter()
        .filter(|v| v.value.is_some())
        .map(|v| T::from_slot(v).map_err(|error| SlotRejection::new(intent, name, error)))
        .collect()
}

/// A slot that did not convert, with the intent it belongs to (for an elicitation).
#[derive(Debug, Clone, PartialEq)]
pub struct SlotRejection {
    /// The slot's name.
    pub slot: String,
    /// What went wrong.
    pub error: SlotError,
    /// The intent, to carry into `Dialog.ElicitSlot`; `None` when the request is not an
    /// `IntentRequest`, since Alexa accepts Dialog directives only in reply to one.
    pub intent: Option<Box<Intent>>,
}

impl SlotRejection {
    fn new(intent: &Intent, slot: &str, error: SlotError) -> Self {
        Self {
            slot: slot.to_owned(),
            error,
            intent: Some(Box::new(intent.clone())),
        }
    }

    /// The slot's name in words: `instanceState` -> `instance state`.
    pub fn slot_words(&self) -> String {
        let mut out = String::with_capacity(self.slot.len() + 4);
        for (i, ch) in self.slot.chars().enumerate() {
            if ch.is_ascii_uppercase() && i > 0 {
                out.push(' ');
            }
            if ch == '_' || ch == '.' {
                out.push(' ');
            } else {
                out.push(ch.to_ascii_lowercase());
            }
        }
        out
    }
}

impl IntoResponse for SlotRejection {
    /// The default answer: ask for a missing slot (`Dialog.ElicitSlot`), or say which value
    /// was not understood and ask again. Never a guess.
    fn into_response(self) -> Result<Response, SkillError> {
        let words = self.slot_words();
        let response = match &self.error {
            SlotError::Missing => {
                let question = format!("Which {words}?");
                let ask = Response::ask(question.clone(), question);
                match self.intent {
                    Some(intent) => ask.elicit_slot(self.slot, Some(*intent)),
                    None => ask,
                }
            }
            SlotError::Unresolved { spoken } => Response::ask(
                format!("I don't know the {words} {spoken}. Which {words} do you mean?"),
                format!("Which {words} do you mean?"),
            ),
            SlotError::Invalid { spoken, expected } => Response::ask(
                format!("I expected {expected} for the {words}, but heard {spoken}. Please say it again."),
                format!("Please say the {words} again."),
            ),
        };
        Ok(response)
    }
}

/// Extracts a [`FromSlots`] struct from the intent.
///
/// ```
/// use alexa_core::extract::Slots;
/// #[derive(alexa_core::FromSlots)]
/// struct Count {
///     state: Option<String>,
///     #[slot(name = "Region")]
///     region: Option<alexa_core::extract::ResolvedSlot>,
/// }
/// async fn count(Slots(args): Slots<Count>) -> String {
///     format!("{:?} in {:?}", args.state, args.region.map(|r| r.id))
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Slots<T>(pub T);

impl<S, T: FromSlots> FromRequest<S> for Slots<T> {
    type Rejection = SlotRejection;
    fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, SlotRejection> {
        static NO_INTENT: std::sync::OnceLock<Intent> = std::sync::OnceLock::new();
        let intent = req
            .request
            .intent()
            .unwrap_or_else(|| NO_INTENT.get_or_init(Intent::default));
        let dialog_allowed = matches!(req.request, crate::model::Request::Intent(_));
        T::from_intent(intent).map(Slots).map_err(|mut rejection| {
            if !dialog_allowed {
                rejection.intent = None;
            }
            rejection
        })
    }
    fn slot_names() -> &'static [&'static str] {
        T::SLOT_NAMES
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Resolution, ResolutionStatus, ResolutionStatusCode, ResolutionValue, Resolutions,
        ResolvedValue,
    };

    fn resolutions(code: ResolutionStatusCode, id: &str) -> Resolutions {
        Resolutions {
            resolutions_per_authority: vec![Resolution {
                authority: "amzn1.er-authority.echo-sdk.x.RegionType".into(),
                status: ResolutionStatus { code },
                values: if id.is_empty() {
                    vec![]
                } else {
                    vec![ResolutionValue {
                        value: ResolvedValue {
                            id: id.into(),
                            name: "Frankfurt".into(),
                        },
                    }]
                },
            }],
        }
    }

    #[test]
    fn resolved_slot_reads_the_match() {
        let r = resolutions(ResolutionStatusCode::ErSuccessMatch, "eu-central-1");
        let v = SlotValueRef {
            value: Some("frankfurt"),
            resolutions: Some(&r),
        };
        let slot = ResolvedSlot::from_slot(v).unwrap();
        assert_eq!(
            (slot.id.as_str(), slot.name.as_str()),
            ("eu-central-1", "Frankfurt")
        );
    }

    #[test]
    fn no_match_is_unresolved_never_a_guess() {
        let r = resolutions(ResolutionStatusCode::ErSuccessNoMatch, "");
        let v = SlotValueRef {
            value: Some("franfut"),
            resolutions: Some(&r),
        };
        assert_eq!(
            ResolvedSlot::from_slot(v),
            Err(SlotError::Unresolved {
                spoken: "franfut".into()
            })
        );
    }

    #[test]
    fn a_resolution_error_falls_back_to_the_spoken_value() {
        let r = resolutions(ResolutionStatusCode::ErErrorTimeout, "");
        let v = SlotValueRef {
            value: Some("paris"),
            resolutions: Some(&r),
        };
        assert_eq!(ResolvedSlot::from_slot(v).unwrap().id, "paris");
    }

    #[test]
    fn slot_words_split_camel_case() {
        let r = SlotRejection::new(&Intent::default(), "instanceState", SlotError::Missing);
        assert_eq!(r.slot_words(), "instance state");
    }
}
