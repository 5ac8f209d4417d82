//! Utterance -> intent and slots, from an interaction model.

use super::builtin_types::BuiltinType;
use alexa_core::builtin;
use alexa_core::interaction_model::utterance::{matches, normalise, tokens, Token};
use alexa_core::interaction_model::{LanguageModel, SlotTypeDef};
use alexa_core::model::{
    ConfirmationStatus, EntityListItem, Intent, Resolution, ResolutionStatus, ResolutionStatusCode,
    ResolutionValue, Resolutions, ResolvedValue, Slot, UpdateBehavior,
};
use time::Date;

/// What an utterance means to Alexa.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    /// "open voice ops": a `LaunchRequest`.
    Launch,
    /// An intent, with its slots filled and resolved. `one_shot` is true for "ask voice ops
    /// ...", which opens a session and asks at once.
    Intent {
        /// The intent.
        intent: Intent,
        /// Spoken together with the invocation name.
        one_shot: bool,
    },
    /// "exit", "quit": the session ends with `SessionEndedRequest` (`USER_INITIATED`).
    Exit,
    /// Outside a session, an utterance that does not name the skill: Alexa would not send it.
    NotForThisSkill,
}

/// Resolves utterances with one locale's model.
#[derive(Debug, Clone)]
pub struct Resolver {
    model: LanguageModel,
    skill_id: String,
    german: bool,
    today: Option<Date>,
    /// Entities the skill added for this session (`Dialog.UpdateDynamicEntities`).
    dynamic: Vec<EntityListItem>,
}

const LAUNCH_WORDS: &[&str] = &[
    "open", "launch", "start", "begin", "load", "öffne", "starte",
];
const ASK_WORDS: &[&str] = &["ask", "tell", "use", "frag", "frage", "sag", "bitte"];
const CONNECTORS: &[&str] = &["to", "for", "about", "if", "whether", "that", "nach", "ob"];

/// Common phrasings of the built-in intents, per language.
fn builtin_phrases(german: bool) -> &'static [(&'static str, &'static [&'static str])] {
    if german {
        &[
            (
                builtin::HELP,
                &[
                    "hilfe",
                    "hilf mir",
                    "was kann ich sagen",
                    "wie funktioniert das",
                ],
            ),
            (builtin::STOP, &["stopp", "stop", "halt", "aufhören"]),
            (builtin::CANCEL, &["abbrechen", "vergiss es", "egal"]),
            (
                builtin::NAVIGATE_HOME,
                &["zum startbildschirm", "startseite", "geh nach hause"],
            ),
            (builtin::YES, &["ja", "genau", "richtig"]),
            (builtin::NO, &["nein", "falsch"]),
        ]
    } else {
        &[
            (
                builtin::HELP,
                &[
                    "help",
                    "help me",
                    "what can i say",
                    "what can you do",
                    "how does this work",
                ],
            ),
            (builtin::STOP, &["stop", "shut up", "be quiet", "off"]),
            (builtin::CANCEL, &["cancel", "never mind", "forget it"]),
            (
                builtin::NAVIGATE_HOME,
                &["go home", "home", "go to the home screen"],
            ),
            (builtin::YES, &["yes", "yeah", "sure", "yes please"]),
            (builtin::NO, &["no", "nope", "no thanks"]),
        ]
    }
}

fn exit_words(german: bool) -> &'static [&'static str] {
    if german {
        &["beenden", "verlassen", "schließen"]
    } else {
        &["exit", "quit", "goodbye", "bye"]
    }
}

impl Resolver {
    /// A resolver for `model` in `locale`; `skill_id` names the entity-resolution authority.
    pub fn new(model: &LanguageModel, locale: &str, skill_id: &str) -> Self {
        Self {
            model: model.clone(),
            skill_id: skill_id.to_owned(),
            german: locale.to_ascii_lowercase().starts_with("de"),
            today: None,
            dynamic: Vec::new(),
        }
    }

    /// Resolves dates ("tomorrow", "friday") as if today were `today`, not the clock's date.
    pub fn with_today(mut self, today: Date) -> Self {
        self.today = Some(today);
        self
    }

    /// Applies a `Dialog.UpdateDynamicEntities` directive: `REPLACE` puts these slot types'
    /// entities in place of any earlier ones, `CLEAR` removes them all. As on Alexa, they
    /// are resolved before the model's own values, under their own authority.
    pub fn update_dynamic_entities(&mut self, behavior: UpdateBehavior, types: &[EntityListItem]) {
        match behavior {
            UpdateBehavior::Clear => self.dynamic.clear(),
            _ => self.dynamic = types.to_vec(),
        }
    }

    /// Forgets the dynamic entities (a new session starts without them).
    pub fn clear_dynamic_entities(&mut self) {
        self.dynamic.clear();
    }

    fn today(&self) -> Date {
        self.today
            .unwrap_or_else(|| time::OffsetDateTime::now_utc().date())
    }

    /// The skill's invocation name, as users say it ("voice ops").
    pub fn invocation_name(&self) -> &str {
        &self.model.invocation_name
    }

    /// Up to `n` sample utterances of the skill's own intents, slots shown as `{name}`:
    /// hints for someone trying the skill for the first time.
    pub fn examples(&self, n: usize) -> Vec<String> {
        self.model
            .intents
            .iter()
            .filter(|i| !i.name.starts_with("AMAZON."))
            .filter_map(|i| i.samples.first().cloned())
            .take(n)
            .collect()
    }

    /// Resolves an utterance. `in_session` is true while the skill holds a conversation:
    /// then the utterance is for the skill as it is; otherwise it must name the skill
    /// ("open voice ops", "ask voice ops how many ...").
    pub fn resolve(&self, utterance: &str, in_session: bool) -> Resolved {
        let mut words = normalise(utterance);
        if words
            .first()
            .is_some_and(|w| w.trim_end_matches(',') == "alexa")
        {
            words.remove(0);
        }
        if !in_session {
            return self.resolve_invocation(&words);
        }
        self.resolve_in_session(&words, false)
    }

    fn resolve_invocation(&self, words: &[String]) -> Resolved {
        let invocation = normalise(&self.model.invocation_name);
        let Some(at) = (0..words.len()).find(|&i| words[i..].starts_with(&invocation)) else {
            return Resolved::NotForThisSkill;
        };
        let (before, after) = (&words[..at], &words[at + invocation.len()..]);
        let opener = before.iter().any(|w| LAUNCH_WORDS.contains(&w.as_str()));
        let asker = before.iter().any(|w| ASK_WORDS.contains(&w.as_str()));
        match (after.is_empty(), opener || asker || before.is_empty()) {
            (true, true) => Resolved::Launch,
            (false, true) => {
                let rest = match after.split_first() {
                    Some((first, rest))
                        if CONNECTORS.contains(&first.as_str()) && !rest.is_empty() =>
                    {
                        rest
                    }
                    _ => after,
                };
                match self.resolve_in_session(rest, true) {
                    Resolved::Exit => Resolved::Launch,
                    other => other,
                }
            }
            (_, false) => Resolved::NotForThisSkill,
        }
    }

    fn resolve_in_session(&self, words: &[String], one_shot: bool) -> Resolved {
        let text = words.join(" ");
        if exit_words(self.german).contains(&text.as_str()) {
            return Resolved::Exit;
        }
        let intent = self
            .match_custom(words)
            .or_else(|| self.match_builtin(&text))
            .unwrap_or_else(|| self.fallback());
        Resolved::Intent { intent, one_shot }
    }

    /// `Some(true)` for a yes, `Some(false)` for a no, as Alexa's dialog manager hears the
    /// answer to a confirmation whether or not the model declares the Yes and No intents.
    pub fn yes_or_no(&self, utterance: &str) -> Option<bool> {
        let text = normalise(utterance).join(" ");
        let said = |name: &str| {
            builtin_phrases(self.german)
                .iter()
                .any(|(n, phrases)| *n == name && phrases.contains(&text.as_str()))
        };
        if said(builtin::YES) {
            Some(true)
        } else if said(builtin::NO) {
            Some(false)
        } else {
            None
        }
    }

    fn match_builtin(&self, text: &str) -> Option<Intent> {
        builtin_phrases(self.german)
            .iter()
            .find(|(name, phrases)| self.model.intent(name).is_some() && phrases.contains(&text))
            .map(|(name, _)| self.empty_intent(name))
    }

    fn empty_intent(&self, name: &str) -> Intent {
        let mut intent = Intent {
            name: name.to_owned(),
            ..Intent::default()
        };
        if let Some(def) = self.model.intent(name) {
            for slot in &def.slots {
                intent.slots.insert(
                    slot.name.clone(),
                    Slot {
                        name: slot.name.clone(),
                        ..Slot::default()
                    },
                );
            }
        }
        intent
    }

    /// `AMAZON.FallbackIntent` when the model has it; never a guess at another intent.
    fn fallback(&self) -> Intent {
        self.empty_intent(builtin::FALLBACK)
    }

    /// The best sample match: most literal words, then most slots resolved.
    fn match_custom(&self, words: &[String]) -> Option<Intent> {
        let mut best: Option<(i64, Intent)> = None;
        for def in &self.model.intents {
            for sample in &def.samples {
                let pattern = tokens(sample);
                let Some(captures) = matches(&pattern, words) else {
                    continue;
                };
                let literal = pattern
                    .iter()
                    .filter(|t| matches!(t, Token::Word(_)))
                    .count() as i64;
                let mut intent = self.empty_intent(&def.name);
                let mut score = literal * 10;
                for (slot_name, value) in captures {
                    let slot_type = def
                        .slots
                        .iter()
                        .find(|s| s.name == slot_name)
                        .map(|s| s.slot_type.as_str())
                        .unwrap_or("");
                    let slot = self.fill(&slot_name, slot_type, &value);
                    let typed = BuiltinType::of(slot_type);
                    if typed.is_some_and(|t| t.value(&value, self.german, self.today()).is_none()) {
                        score -= 3;
                    }
                    score += match slot.resolutions.as_ref().map(|r| {
                        r.resolutions_per_authority
                            .iter()
                            .any(|a| a.status.code == ResolutionStatusCode::ErSuccessMatch)
                    }) {
                        Some(true) => 3,
                        Some(false) => -3,
                        None => 0,
                    };
                    intent.slots.insert(slot_name, slot);
                }
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    best = Some((score, intent));
                }
            }
        }
        best.map(|(_, intent)| intent)
    }

    /// The slot `slot` of `intent` filled with a whole utterance (an answer to an
    /// elicitation), resolved by the slot's type.
    pub fn fill_for(&self, intent: &str, slot: &str, utterance: &str) -> Slot {
        let slot_type = self
            .model
            .intent(intent)
            .and_then(|i| i.slots.iter().find(|s| s.name == slot))
            .map(|s| s.slot_type.clone())
            .unwrap_or_default();
        self.fill(slot, &slot_type, &normalise(utterance).join(" "))
    }

    /// A filled slot: custom types get entity resolution, numbers become digits.
    pub fn fill(&self, name: &str, slot_type: &str, value: &str) -> Slot {
        let mut slot = Slot {
            name: name.to_owned(),
            value: Some(value.to_owned()),
            confirmation_status: ConfirmationStatus::None,
            source: Some("USER".to_owned()),
            ..Slot::default()
        };
        if let Some(kind) = BuiltinType::of(slot_type) {
            if let Some(normalised) = kind.value(value, self.german, self.today()) {
                slot.value = Some(normalised);
            }
            return slot;
        }
        let dynamic = self.resolve_dynamic(slot_type, value);
        let fixed = self
            .model
            .slot_type(slot_type)
            .map(|def| self.resolve_entity(def, value));
        let authorities: Vec<Resolution> = dynamic
            .into_iter()
            .chain(fixed.into_iter().flat_map(|r| r.resolutions_per_authority))
            .collect();
        if !authorities.is_empty() {
            slot.resolutions = Some(Resolutions {
                resolutions_per_authority: authorities,
            });
        }
        slot
    }

    /// The dynamic authority's resolution of `value`, when the skill set entities of
    /// `slot_type` for this session.
    fn resolve_dynamic(&self, slot_type: &str, value: &str) -> Option<Resolution> {
        let list = self.dynamic.iter().find(|t| t.name == slot_type)?;
        let spoken = normalise(value).join(" ");
        let said = |s: &str| normalise(s).join(" ") == spoken;
        let hit = list
            .values
            .iter()
            .find(|e| said(&e.name.value) || e.name.synonyms.iter().any(|s| said(s)));
        let authority = format!(
            "amzn1.er-authority.echo-sdk.dynamic.{}.{}",
            self.skill_id, slot_type
        );
        Some(match hit {
            Some(entity) => Resolution {
                authority,
                status: ResolutionStatus {
                    code: ResolutionStatusCode::ErSuccessMatch,
                },
                values: vec![ResolutionValue {
                    value: ResolvedValue {
                        name: entity.name.value.clone(),
                        id: entity
                            .id
                            .clone()
                            .unwrap_or_else(|| entity.name.value.clone()),
                    },
                }],
            },
            None => Resolution {
                authority,
                status: ResolutionStatus {
                    code: ResolutionStatusCode::ErSuccessNoMatch,
                },
                values: vec![],
            },
        })
    }

    fn resolve_entity(&self, def: &SlotTypeDef, value: &str) -> Resolutions {
        let hit = def.find(value);
        let authority = format!("amzn1.er-authority.echo-sdk.{}.{}", self.skill_id, def.name);
        let resolution = match hit {
            Some(v) => Resolution {
                authority,
                status: ResolutionStatus {
                    code: ResolutionStatusCode::ErSuccessMatch,
                },
                values: vec![ResolutionValue {
                    value: ResolvedValue {
                        name: v.name.value.clone(),
                        id: v.id().to_owned(),
                    },
                }],
            },
            None => Resolution {
                authority,
                status: ResolutionStatus {
                    code: ResolutionStatusCode::ErSuccessNoMatch,
                },
                values: vec![],
            },
        };
        Resolutions {
            resolutions_per_authority: vec![resolution],
        }
    }
}
