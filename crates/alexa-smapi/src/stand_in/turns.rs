//! What Amazon does with an utterance or an envelope: the simulation API (NLU with the
//! uploaded model, then the deployed skill, through the offline Echo), the utterance profiler
//! (NLU alone, with model-defined dialogs across turns) and the invocation API (the skill
//! alone).

use super::skills::known;
use super::world::World;
use super::Shared;
use crate::common::Intent as SmapiIntent;
use alexa_core::interaction_model::InteractionModel;
use alexa_core::model::{Intent, Request, RequestEnvelope};
use alexa_sim::{DeviceProfile, Resolved, Resolver, Simulator, Target, Turn};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

type Answer = Result<Response, Response>;

/// The conversation Amazon holds per skill and locale.
#[derive(Default)]
pub(crate) struct Sessions {
    open: HashMap<(String, String), Simulator<Box<dyn Target>>>,
}

pub(super) fn routes() -> axum::Router<Arc<Shared>> {
    axum::Router::new()
        .route(
            "/v2/skills/{skill_id}/stages/{stage}/simulations",
            post(simulate),
        )
        .route(
            "/v2/skills/{skill_id}/stages/{stage}/simulations/{simulation_id}",
            get(simulation),
        )
        .route(
            "/v2/skills/{skill_id}/stages/{stage}/invocations",
            post(invoke),
        )
        .route(
            "/v1/skills/{skill_id}/stages/{stage}/interactionModel/locales/{locale}/profileNlu",
            post(profile),
        )
}

/// The locale's last built model, or Amazon's 400.
fn built_model(
    world: &mut World,
    skill_id: &str,
    locale: &str,
) -> Result<InteractionModel, Response> {
    let model = world.skills[skill_id].models.get(locale).cloned();
    let parsed = model.and_then(|m| serde_json::from_value::<InteractionModel>(m).ok());
    parsed.ok_or_else(|| {
        world.bad_request(
            "Invalid request payload.",
            &[format!(
                "The skill has no built interaction model for locale {locale}."
            )],
        )
    })
}

/// An intent in SMAPI's shape (resolved values as `{name, id}`, only the fields it types).
fn smapi_intent(intent: &Intent) -> Value {
    serde_json::to_value(intent)
        .ok()
        .and_then(|v| serde_json::from_value::<SmapiIntent>(v).ok())
        .and_then(|i| serde_json::to_value(i).ok())
        .unwrap_or(Value::Null)
}

fn considered(request: Option<&RequestEnvelope>) -> Vec<Value> {
    match request.map(|r| &r.request) {
        Some(Request::Intent(intent)) => vec![smapi_intent(&intent.intent)],
        Some(Request::Launch(_)) => vec![json!({"name": "<LaunchRequest>"})],
        _ => Vec::new(),
    }
}

fn simulation_result(id: &str, turn: &Turn, endpoint: &str, millis: u64) -> Value {
    if let Some(error) = &turn.error {
        return json!({"id": id, "status": "FAILED", "result": {"error": {"message": format!("The skill's endpoint failed: {error}")}}});
    }
    if turn.not_for_skill() {
        return json!({"id": id, "status": "FAILED", "result": {"error": {"message": "This utterance did not resolve to any intent in your skill."}}});
    }
    // Progressive responses are not part of a simulation's result (Amazon's, too).
    let responses: Vec<Value> = Some(&turn.speech)
        .filter(|s| !s.is_empty())
        .map(|caption| json!({"type": "Speech", "content": {"caption": caption}}))
        .into_iter()
        .collect();
    let invocations: Vec<Value> = turn
        .request
        .iter()
        .map(|request| {
            let response = turn
                .response
                .as_ref()
                .and_then(|r| serde_json::to_value(r).ok())
                .unwrap_or_else(|| json!({}));
            json!({"invocationRequest": {"endpoint": endpoint, "body": request},
                   "invocationResponse": {"body": response},
                   "metrics": {"skillExecutionTimeInMilliseconds": millis}})
        })
        .collect();
    json!({"id": id, "status": "SUCCESSFUL", "result": {
        "alexaExecutionInfo": {"alexaResponses": responses, "consideredIntents": considered(turn.request.as_ref())},
        "skillExecutionInfo": {"invocations": invocations}}})
}

async fn simulate(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, stage)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let request = shared.admit_json(
        "POST /v2/skills/{skillId}/stages/{stage}/simulations",
        &headers,
        "v2.skill.simulations.SimulationsApiRequest",
        &body,
    )?;
    let content = request
        .pointer("/input/content")
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim()
        .to_owned();
    let locale = request
        .pointer("/device/locale")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let new_session =
        request.pointer("/session/mode").and_then(Value::as_str) == Some("FORCE_NEW_SESSION");
    let (model, endpoint, id) = {
        let mut world = shared.world();
        known(&mut world, &skill_id, &stage)?;
        let mut problems = Vec::new();
        if content.is_empty() {
            problems.push("input.content must not be empty".to_owned());
        }
        if locale.is_empty() {
            problems.push("device.locale is required".to_owned());
        }
        if request.get("simulation").is_some() {
            problems.push("simulation is not a valid field".to_owned());
        }
        if !problems.is_empty() {
            return Err(world.bad_request("Invalid request payload. Please ensure that the request payload has no invalid fields.", &problems));
        }
        if world.simulations.values().any(|s| s.polls_left > 0) {
            return Err(world.error(
                StatusCode::CONFLICT,
                "v2.BadRequestError",
                "Concurrent requests per user is currently not supported.",
            ));
        }
        if !world.skills[&skill_id].enabled {
            return Err(world.bad_request(
                "The skill is not enabled for testing.",
                &[format!(
                    "Enable skill {skill_id} in stage development first."
                )],
            ));
        }
        let model = built_model(&mut world, &skill_id, &locale)?;
        let endpoint = world.skills[&skill_id]
            .manifest
            .pointer("/apis/custom/endpoint/uri")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        (model, endpoint, world.id("simulation-"))
    };
    let result = match &shared.skill {
        None => {
            json!({"id": id, "status": "FAILED", "result": {"error": {"message": "The skill's endpoint did not respond."}}})
        }
        Some(factory) => {
            let mut sessions = shared.sims.lock().await;
            let key = (skill_id.clone(), locale.clone());
            if new_session || !sessions.open.contains_key(&key) {
                let resolver = Resolver::new(&model.language_model, &locale, &skill_id);
                let sim = Simulator::new(
                    factory(&skill_id, &locale),
                    resolver,
                    &locale,
                    &skill_id,
                    DeviceProfile::Echo,
                )
                .with_dialog_model(&model);
                sessions.open.insert(key.clone(), sim);
            }
            let started = Instant::now();
            let sim = sessions.open.get_mut(&key).ok_or_else(|| {
                shared.world().error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "v1.Error",
                    "lost the session",
                )
            })?;
            let turn = sim.say(&content).await;
            simulation_result(&id, &turn, &endpoint, started.elapsed().as_millis() as u64)
        }
    };
    let mut world = shared.world();
    let pending = world.pending(result);
    world.simulations.insert(id.clone(), pending);
    let started = world.answer(
        StatusCode::OK,
        "v2.skill.simulations.SimulationsApiResponse",
        json!({"id": id, "status": "IN_PROGRESS"}),
    );
    Ok(started)
}

async fn simulation(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, stage, simulation_id)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Answer {
    shared.admit(
        "GET /v2/skills/{skillId}/stages/{stage}/simulations/{simulationId}",
        &headers,
        None,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, &stage)?;
    let Some(pending) = world.simulations.get_mut(&simulation_id) else {
        return Err(world.error(
            StatusCode::NOT_FOUND,
            "v2.BadRequestError",
            &format!("Simulation {simulation_id} not found."),
        ));
    };
    let body = if pending.look() {
        json!({"id": simulation_id, "status": "IN_PROGRESS"})
    } else {
        pending.value.clone()
    };
    Ok(world.answer(
        StatusCode::OK,
        "v2.skill.simulations.SimulationsApiResponse",
        body,
    ))
}

async fn invoke(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, stage)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let request = shared.admit_json(
        "POST /v2/skills/{skillId}/stages/{stage}/invocations",
        &headers,
        "v2.skill.invocations.invocationsApiRequest",
        &body,
    )?;
    let (envelope, endpoint) = {
        let mut world = shared.world();
        known(&mut world, &skill_id, &stage)?;
        let region_ok = request
            .get("endpointRegion")
            .and_then(Value::as_str)
            .is_some_and(|r| ["NA", "EU", "FE", "default"].contains(&r));
        let envelope = request
            .pointer("/skillRequest/body")
            .cloned()
            .and_then(|b| serde_json::from_value::<RequestEnvelope>(b).ok());
        let (true, Some(envelope)) = (region_ok, envelope) else {
            return Err(world.bad_request("Invalid request payload.", &["endpointRegion must be NA, EU, FE or default, and skillRequest.body a request envelope".into()]));
        };
        let endpoint = world.skills[&skill_id]
            .manifest
            .pointer("/apis/custom/endpoint/uri")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        (envelope, endpoint)
    };
    let sent = serde_json::to_value(&envelope).unwrap_or_default();
    let started = Instant::now();
    let answer = match &shared.skill {
        None => Err("The skill's endpoint did not respond.".to_owned()),
        Some(factory) => {
            factory(&skill_id, envelope.locale().unwrap_or("en-US"))
                .send(envelope)
                .await
        }
    };
    let body = match answer {
        Ok(response) => json!({"status": "SUCCESSFUL", "result": {"skillExecutionInfo": {
            "invocationRequest": {"endpoint": endpoint, "body": sent},
            "invocationResponse": {"body": serde_json::to_value(&response).unwrap_or_default()},
            "metrics": {"skillExecutionTimeInMilliseconds": started.elapsed().as_millis() as u64}}}}),
        Err(message) => json!({"status": "FAILED", "result": {"error": {"message": message}}}),
    };
    Ok(shared.world().answer(
        StatusCode::OK,
        "v2.skill.invocations.InvocationsApiResponse",
        body,
    ))
}

/// The next slot a model-defined dialog must elicit for `intent`, with its prompt.
fn next_elicitation(model: &InteractionModel, intent: &Intent) -> Option<(String, Option<String>)> {
    let dialog = model.dialog.as_ref()?.intent(&intent.name)?;
    let slot = dialog.slots.iter().find(|s| {
        s.elicitation_required
            && intent
                .slot(&s.name)
                .and_then(|v| v.value.as_ref())
                .is_none()
    })?;
    let prompt = slot
        .prompts
        .elicitation
        .as_ref()
        .and_then(|id| model.prompt(id, |_| None));
    Some((slot.name.clone(), prompt))
}

async fn profile(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, stage, locale)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let request = shared.admit_json(
        "POST /v1/skills/{skillId}/stages/{stage}/interactionModel/locales/{locale}/profileNlu",
        &headers,
        "v1.skill.evaluations.ProfileNluRequest",
        &body,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, &stage)?;
    let utterance = request
        .get("utterance")
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim()
        .to_owned();
    if utterance.is_empty() {
        return Err(world.bad_request(
            "Invalid request payload.",
            &["utterance must not be empty".into()],
        ));
    }
    let model = built_model(&mut world, &skill_id, &locale)?;
    let resolver = Resolver::new(&model.language_model, &locale, &skill_id);
    let continuing = request
        .get("multiTurnToken")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let selected = match continuing {
        Some(token) => {
            let Some((mut intent, slot)) = world.multi_turn.remove(&token) else {
                return Err(world.bad_request(
                    "Invalid request payload.",
                    &["multiTurnToken is unknown or used".into()],
                ));
            };
            let filled = resolver.fill_for(&intent.name, &slot, &utterance);
            intent.slots.insert(slot, filled);
            Some(intent)
        }
        None => match resolver.resolve(&utterance, true) {
            Resolved::Intent { intent, .. } => Some(intent),
            _ => None,
        },
    };
    let mut body = json!({"sessionEnded": selected.is_none(), "consideredIntents": []});
    if let Some(intent) = &selected {
        body["selectedIntent"] = world
            .nlu_overrides
            .get(&utterance.to_lowercase())
            .cloned()
            .unwrap_or_else(|| smapi_intent(intent));
        if let Some((slot, prompt)) = next_elicitation(&model, intent) {
            let token = world.id("multi-turn-");
            world
                .multi_turn
                .insert(token.clone(), (intent.clone(), slot.clone()));
            body["multiTurn"] = json!({"dialogAct": {"type": "Dialog.ElicitSlot", "targetSlot": slot}, "token": token, "prompt": prompt});
        }
    }
    Ok(world.answer(
        StatusCode::OK,
        "v1.skill.evaluations.ProfileNluResponse",
        body,
    ))
}
