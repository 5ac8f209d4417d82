//! Timers (`/v1/alerts/timers`): created, listed, read, paused, resumed and deleted as
//! Amazon's timer API does, each call needing the timers permission the user granted.

use crate::{Api, Shared, World};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};
use std::sync::Arc;

const TIMER_REQUEST: &str = "ask_sdk_model.services.timer_management.timer_request.TimerRequest";
const TIMER_RESPONSE: &str = "ask_sdk_model.services.timer_management.timer_response.TimerResponse";

pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(
            "/v1/alerts/timers",
            post(create).get(list).delete(delete_all),
        )
        .route("/v1/alerts/timers/{id}", get(one).delete(delete_one))
        .route("/v1/alerts/timers/{id}/pause", post(pause))
        .route("/v1/alerts/timers/{id}/resume", post(resume))
}

/// The user has not granted the timers permission: Amazon's 401 for these calls.
fn not_permitted(world: &mut World) -> Option<Response> {
    (!world.timers_permitted).then(|| {
        Api::Timers.error(
            world,
            StatusCode::UNAUTHORIZED,
            "The user has not granted the timers permission.",
        )
    })
}

async fn create(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: String) -> Response {
    let mut world = match shared.admit(Api::Timers, "POST /v1/alerts/timers".into(), &headers, None)
    {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    let request: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    world.record(TIMER_REQUEST, &request);
    if let Some(refusal) = not_permitted(&mut world) {
        return refusal;
    }
    let Some(duration) = request["duration"].as_str().filter(|d| d.starts_with("PT")) else {
        return Api::Timers.error(
            &mut world,
            StatusCode::BAD_REQUEST,
            "Invalid value for field duration",
        );
    };
    world.timer_count += 1;
    let mut timer = json!({
        "id": format!("stand-in-timer-{}", world.timer_count), "status": "ON",
        "duration": duration, "triggerTime": "2026-12-03T10:10:00Z",
        "createdTime": "2026-12-03T10:00:00Z", "updatedTime": "2026-12-03T10:00:00Z"
    });
    if let Some(label) = request["timerLabel"].as_str() {
        timer["timerLabel"] = json!(label);
    }
    world.timers.push(timer.clone());
    world.answer(StatusCode::OK, TIMER_RESPONSE, timer)
}

async fn list(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let mut world = match shared.admit(Api::Timers, "GET /v1/alerts/timers".into(), &headers, None)
    {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    if let Some(refusal) = not_permitted(&mut world) {
        return refusal;
    }
    let body = json!({ "totalCount": world.timers.len(), "timers": world.timers });
    world.answer(
        StatusCode::OK,
        "ask_sdk_model.services.timer_management.timers_response.TimersResponse",
        body,
    )
}

async fn one(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    change(&shared, &headers, &id, "GET", |timer| Some(timer.clone()))
}

async fn pause(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    change(&shared, &headers, &id, "POST pause", |timer| {
        timer["status"] = json!("PAUSED");
        timer["remainingTimeWhenPaused"] = json!("PT9M");
        None
    })
}

async fn resume(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    change(&shared, &headers, &id, "POST resume", |timer| {
        timer["status"] = json!("ON");
        if let Some(fields) = timer.as_object_mut() {
            fields.remove("remainingTimeWhenPaused");
        }
        None
    })
}

async fn delete_one(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let mut world = match shared.admit(
        Api::Timers,
        format!("DELETE /v1/alerts/timers/{id}"),
        &headers,
        None,
    ) {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    if let Some(refusal) = not_permitted(&mut world) {
        return refusal;
    }
    let before = world.timers.len();
    world.timers.retain(|t| t["id"] != id.as_str());
    if world.timers.len() == before {
        return Api::Timers.error(&mut world, StatusCode::NOT_FOUND, "Timer not found.");
    }
    StatusCode::OK.into_response()
}

async fn delete_all(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let mut world = match shared.admit(
        Api::Timers,
        "DELETE /v1/alerts/timers".into(),
        &headers,
        None,
    ) {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    if let Some(refusal) = not_permitted(&mut world) {
        return refusal;
    }
    world.timers.clear();
    StatusCode::OK.into_response()
}

/// Finds timer `id` and applies `edit`; answers what `edit` returns (a body) or 200.
fn change(
    shared: &Shared,
    headers: &HeaderMap,
    id: &str,
    call: &str,
    edit: impl FnOnce(&mut Value) -> Option<Value>,
) -> Response {
    let mut world = match shared.admit(
        Api::Timers,
        format!("{call} /v1/alerts/timers/{id}"),
        headers,
        None,
    ) {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    if let Some(refusal) = not_permitted(&mut world) {
        return refusal;
    }
    let Some(timer) = world.timers.iter_mut().find(|t| t["id"] == id) else {
        return Api::Timers.error(&mut world, StatusCode::NOT_FOUND, "Timer not found.");
    };
    match edit(timer) {
        Some(body) => world.answer(StatusCode::OK, TIMER_RESPONSE, body),
        None => StatusCode::OK.into_response(),
    }
}
