//! What the stand-in remembers: tokens, uploads, imports, skills, simulations, evaluations,
//! the faults it was told to inject, and every body it saw.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

/// One body, received or sent, with the name of its definition in `ask-smapi-model`'s
/// `spec.json` (`v2.skill.simulations.SimulationsApiRequest`).
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    /// The definition.
    pub definition: &'static str,
    /// The body.
    pub body: Value,
}

/// Something that finishes after a number of polls.
#[derive(Debug, Clone)]
pub(crate) struct Pending<T> {
    pub polls_left: u32,
    pub value: T,
}

impl<T> Pending<T> {
    /// One more look: true while it is still in progress.
    pub fn look(&mut self) -> bool {
        if self.polls_left == 0 {
            return false;
        }
        self.polls_left -= 1;
        true
    }
}

/// A skill's development stage.
#[derive(Debug, Clone)]
pub(crate) struct SkillRecord {
    pub manifest: Value,
    pub manifest_update: Pending<Value>,
    pub models: BTreeMap<String, Value>,
    pub builds: BTreeMap<String, Pending<Value>>,
    pub enabled: bool,
    pub etag: u64,
}

pub(crate) struct World {
    pub client_id: String,
    pub client_secret: String,
    pub refresh_token: String,
    pub refresh_revoked: bool,
    pub vendor_id: String,
    pub access: HashMap<String, Instant>,
    pub token_lifetime: Duration,
    pub codes: HashMap<String, String>,
    pub throttle: u32,
    pub tokens_issued: u32,
    pub expire_after: Option<u32>,
    pub retry_after: u64,
    pub in_progress_polls: u32,
    pub fail_build: HashMap<String, String>,
    pub uploads: HashMap<String, Option<Vec<u8>>>,
    pub imports: HashMap<String, Pending<Value>>,
    pub skills: BTreeMap<String, SkillRecord>,
    pub simulations: HashMap<String, Pending<Value>>,
    pub annotation_sets: HashMap<String, (String, String, Value)>,
    pub evaluations: HashMap<String, Pending<(Value, Value)>>,
    pub nlu_overrides: HashMap<String, Value>,
    pub multi_turn: HashMap<String, (alexa_core::model::Intent, String)>,
    pub exchanges: Vec<Exchange>,
    pub calls: Vec<String>,
    next: u64,
}

impl World {
    pub fn new(in_progress_polls: u32, token_lifetime_secs: u64) -> Self {
        World {
            client_id: "amzn1.application-oa2-client.standin".into(),
            client_secret: "stand-in-client-secret".into(),
            refresh_token: "Atzr|stand-in-refresh-token".into(),
            refresh_revoked: false,
            vendor_id: "M2STANDIN0VENDOR".into(),
            access: HashMap::new(),
            token_lifetime: Duration::from_secs(token_lifetime_secs),
            codes: HashMap::new(),
            throttle: 0,
            tokens_issued: 0,
            expire_after: None,
            retry_after: 1,
            in_progress_polls,
            fail_build: HashMap::new(),
            uploads: HashMap::new(),
            imports: HashMap::new(),
            skills: BTreeMap::new(),
            simulations: HashMap::new(),
            annotation_sets: HashMap::new(),
            evaluations: HashMap::new(),
            nlu_overrides: HashMap::new(),
            multi_turn: HashMap::new(),
            exchanges: Vec::new(),
            calls: Vec::new(),
            next: 0,
        }
    }

    /// A fresh ID, unique within this stand-in.
    pub fn id(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}{:08}", self.next)
    }

    pub fn record(&mut self, definition: &'static str, body: &Value) {
        self.exchanges.push(Exchange {
            definition,
            body: body.clone(),
        });
    }

    /// A JSON answer, recorded under `definition`.
    pub fn answer(
        &mut self,
        status: StatusCode,
        definition: &'static str,
        body: Value,
    ) -> Response {
        self.record(definition, &body);
        (status, axum::Json(body)).into_response()
    }

    /// An error answer: `{message}` (`v1.Error`), or `{message, violations}` for 400s.
    pub fn error(
        &mut self,
        status: StatusCode,
        definition: &'static str,
        message: &str,
    ) -> Response {
        self.answer(status, definition, json!({"message": message}))
    }

    /// A 400 with one violation per problem (`v1.BadRequestError`).
    pub fn bad_request(&mut self, message: &str, violations: &[String]) -> Response {
        let violations: Vec<Value> = violations
            .iter()
            .map(|v| json!({"code": "INVALID_REQUEST_PARAMETER", "message": v}))
            .collect();
        self.answer(
            StatusCode::BAD_REQUEST,
            "v1.BadRequestError",
            json!({"message": message, "violations": violations}),
        )
    }

    pub fn issue_token(&mut self) -> (String, u64) {
        self.tokens_issued += 1;
        let token = self.id("Atza|stand-in-access-");
        self.access
            .insert(token.clone(), Instant::now() + self.token_lifetime);
        (token, self.token_lifetime.as_secs())
    }

    pub fn token_valid(&self, token: &str) -> bool {
        self.access
            .get(token)
            .is_some_and(|expires| Instant::now() < *expires)
    }

    pub fn pending<T>(&self, value: T) -> Pending<T> {
        Pending {
            polls_left: self.in_progress_polls,
            value,
        }
    }

    pub fn add_skill(&mut self, skill_id: &str, manifest: Value) {
        let update = Pending {
            polls_left: 0,
            value: json!({"status": "SUCCEEDED"}),
        };
        self.skills.insert(
            skill_id.to_owned(),
            SkillRecord {
                manifest,
                manifest_update: update,
                models: BTreeMap::new(),
                builds: BTreeMap::new(),
                enabled: false,
                etag: 1,
            },
        );
    }

    /// Starts the build of one locale's model: problems found in it, or an injected
    /// failure, make it fail. Returns the build's errors (none when it will succeed).
    pub fn build(&mut self, skill_id: &str, locale: &str, model: Value) -> Vec<String> {
        let mut errors = problems(&model);
        if let Some(message) = self.fail_build.remove(locale) {
            errors.push(message);
        }
        let value = if errors.is_empty() {
            json!({"status": "SUCCEEDED", "buildDetails": {"steps": [
                {"name": "LANGUAGE_MODEL_QUICK_BUILD", "status": "SUCCEEDED"},
                {"name": "LANGUAGE_MODEL_FULL_BUILD", "status": "SUCCEEDED"}]}})
        } else {
            let list: Vec<Value> = errors
                .iter()
                .map(|m| json!({"code": "INTERACTION_MODEL_BUILD_FAILURE", "message": m}))
                .collect();
            json!({"status": "FAILED", "errors": list, "buildDetails": {"steps": [
                {"name": "LANGUAGE_MODEL_QUICK_BUILD", "status": "FAILED", "errors": list.clone()}]}})
        };
        let pending = self.pending(value);
        if let Some(skill) = self.skills.get_mut(skill_id) {
            skill.builds.insert(locale.to_owned(), pending);
            skill.etag += 1;
            if errors.is_empty() {
                skill.models.insert(locale.to_owned(), model);
            }
        }
        errors
    }
}

/// What Amazon's build would refuse that is easy to see: no invocation name, a missing
/// required built-in intent, an intent with no samples.
fn problems(model: &Value) -> Vec<String> {
    let Some(language) = model.pointer("/languageModel") else {
        return vec!["The interaction model has no languageModel.".into()];
    };
    let mut found = Vec::new();
    let invocation = language
        .get("invocationName")
        .and_then(Value::as_str)
        .unwrap_or("");
    if invocation.trim().is_empty() {
        found.push("Invocation name must not be empty.".into());
    }
    let intents = language
        .get("intents")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for required in [
        "AMAZON.CancelIntent",
        "AMAZON.HelpIntent",
        "AMAZON.StopIntent",
        "AMAZON.NavigateHomeIntent",
    ] {
        if !intents
            .iter()
            .any(|i| i.get("name").and_then(Value::as_str) == Some(required))
        {
            found.push(format!(
                "The interaction model is missing the required intent {required}."
            ));
        }
    }
    for intent in &intents {
        let name = intent.get("name").and_then(Value::as_str).unwrap_or("");
        let samples = intent
            .get("samples")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        if !name.starts_with("AMAZON.") && samples == 0 {
            found.push(format!(
                "Intent \"{name}\" must have at least one sample utterance."
            ));
        }
    }
    found
}
