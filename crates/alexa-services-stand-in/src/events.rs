//! Login with Amazon's client-credentials grant, the proactive events API and skill messaging.

use crate::{Api, Received, Shared, World, CLIENT_ID, CLIENT_SECRET};
use alexa_core::model::Timestamp;
use alexa_services::{PROACTIVE_EVENTS_SCOPE, SKILL_MESSAGING_SCOPE};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Form, Router};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

const EVENT_REQUEST: &str =
    "ask_sdk_model.services.proactive_events.create_proactive_event_request.CreateProactiveEventRequest";
const MESSAGE_REQUEST: &str =
    "ask_sdk_model.services.skill_messaging.send_skill_messaging_request.SendSkillMessagingRequest";

/// The schemas the stand-in knows, with the payload fields each requires.
const SCHEMAS: &[(&str, &[&str])] = &[
    (
        "AMAZON.MessageAlert.Activated",
        &[
            "state.status",
            "messageGroup.creator.name",
            "messageGroup.count",
        ],
    ),
    (
        "AMAZON.WeatherAlert.Activated",
        &["alert.source", "alert.alertType"],
    ),
    (
        "AMAZON.OrderStatus.Updated",
        &["state.status", "order.seller.name"],
    ),
];

pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/auth/o2/token", post(token))
        .route("/v1/proactiveEvents", post(live_event))
        .route(
            "/v1/proactiveEvents/stages/development",
            post(development_event),
        )
        .route("/v1/skillmessages/users/{user}", post(message))
}

async fn token(
    State(shared): State<Arc<Shared>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let mut world = shared.world();
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    let refuse = |world: &mut World, status, error: &str, description: &str| {
        let body = json!({ "error": error, "error_description": description });
        world.answer(status, "ask_sdk_model.services.lwa.error.Error", body)
    };
    if field("grant_type") != "client_credentials" {
        return refuse(
            &mut world,
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "The authorization grant type is not supported by the authorization server",
        );
    }
    if field("client_id") != CLIENT_ID || field("client_secret") != CLIENT_SECRET {
        return refuse(
            &mut world,
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed",
        );
    }
    let scope = field("scope");
    if scope != PROACTIVE_EVENTS_SCOPE && scope != SKILL_MESSAGING_SCOPE {
        return refuse(
            &mut world,
            StatusCode::BAD_REQUEST,
            "invalid_scope",
            "An unknown scope was requested",
        );
    }
    let (token, lifetime) = world.issue(scope);
    let body = json!({ "access_token": token, "expires_in": lifetime, "scope": scope, "token_type": "bearer" });
    world.answer(
        StatusCode::OK,
        "ask_sdk_model.services.lwa.access_token_response.AccessTokenResponse",
        body,
    )
}

async fn live_event(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: String,
) -> Response {
    event(&shared, "live", &headers, &body)
}

async fn development_event(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: String,
) -> Response {
    event(&shared, "development", &headers, &body)
}

fn event(shared: &Shared, stage: &str, headers: &HeaderMap, body: &str) -> Response {
    let path = if stage == "live" {
        "/v1/proactiveEvents"
    } else {
        "/v1/proactiveEvents/stages/development"
    };
    let api = Api::ProactiveEvents;
    let mut world = match shared.admit(
        api,
        format!("POST {path}"),
        headers,
        Some(PROACTIVE_EVENTS_SCOPE),
    ) {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    let Ok(event) = serde_json::from_str::<Value>(body) else {
        return api.error(
            &mut world,
            StatusCode::BAD_REQUEST,
            "The request body is not valid JSON.",
        );
    };
    world.record(EVENT_REQUEST, &event);
    if let Err(problem) = check_event(&event) {
        return api.error(&mut world, StatusCode::BAD_REQUEST, &problem);
    }
    let reference = event["referenceId"].as_str().unwrap_or_default().to_owned();
    // Amazon refuses a reference ID a second time for the same customer.
    let audience = event["relevantAudience"]["payload"]["user"]
        .as_str()
        .unwrap_or("multicast");
    if !world
        .reference_ids
        .insert(format!("{reference}|{audience}"))
    {
        let message =
            format!("An event with referenceId {reference} was already created for this customer.");
        return api.error(&mut world, StatusCode::CONFLICT, &message);
    }
    world.events.push(Received {
        to: stage.to_owned(),
        body: event,
    });
    StatusCode::ACCEPTED.into_response()
}

/// Amazon's checks, each refusal naming the field it refused.
fn check_event(event: &Value) -> Result<(), String> {
    for field in [
        "timestamp",
        "referenceId",
        "expiryTime",
        "event",
        "relevantAudience",
    ] {
        if event.get(field).is_none_or(Value::is_null) {
            return Err(format!("Missing required field: {field}"));
        }
    }
    let time = |field: &str| {
        event[field]
            .as_str()
            .and_then(Timestamp::parse)
            .ok_or_else(|| format!("Invalid value for field {field}: not an ISO-8601 timestamp"))
    };
    let (at, expiry) = (time("timestamp")?, time("expiryTime")?);
    let lifetime = expiry.millis_since(&at);
    if !(5 * 60_000..=24 * 3_600_000).contains(&lifetime) {
        return Err("Invalid value for field expiryTime: must be between 5 minutes and 24 hours after timestamp".into());
    }
    let name = event["event"]["name"].as_str().unwrap_or_default();
    let Some((_, required)) = SCHEMAS.iter().find(|(schema, _)| *schema == name) else {
        return Err(format!(
            "Invalid value for field event.name: unknown schema {name:?}"
        ));
    };
    for path in *required {
        let value = path
            .split('.')
            .fold(&event["event"]["payload"], |v, key| &v[key]);
        if value.is_null() {
            return Err(format!("Missing required field: event.payload.{path}"));
        }
    }
    if name == "AMAZON.MessageAlert.Activated"
        && event["event"]["payload"]["messageGroup"]["count"]
            .as_u64()
            .is_none_or(|n| n == 0)
    {
        return Err(
            "Invalid value for field event.payload.messageGroup.count: must be a positive integer"
                .into(),
        );
    }
    check_localized(event)?;
    match event["relevantAudience"]["type"].as_str() {
        Some("Unicast")
            if event["relevantAudience"]["payload"]["user"]
                .as_str()
                .is_some_and(|u| !u.is_empty()) =>
        {
            Ok(())
        }
        Some("Unicast") => Err("Missing required field: relevantAudience.payload.user".into()),
        Some("Multicast") => Ok(()),
        _ => Err(
            "Invalid value for field relevantAudience.type: must be Unicast or Multicast".into(),
        ),
    }
}

/// Each `localizedattribute:<key>` in the payload needs its key in every locale listed.
fn check_localized(event: &Value) -> Result<(), String> {
    let payload = event["event"]["payload"].to_string();
    let keys: Vec<&str> = payload
        .split("localizedattribute:")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .collect();
    let locales = event["localizedAttributes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    if !keys.is_empty() && locales.is_empty() {
        return Err("Missing required field: localizedAttributes".into());
    }
    for entry in &locales {
        if entry["locale"].as_str().is_none() {
            return Err("Missing required field: localizedAttributes.locale".into());
        }
        if let Some(key) = keys.iter().find(|key| entry[**key].as_str().is_none()) {
            return Err(format!("Missing required field: localizedAttributes.{key}"));
        }
    }
    Ok(())
}

async fn message(
    State(shared): State<Arc<Shared>>,
    Path(user): Path<String>,
    headers: HeaderMap,
    body: String,
) -> Response {
    let api = Api::SkillMessaging;
    let call = format!("POST /v1/skillmessages/users/{user}");
    let mut world = match shared.admit(api, call, &headers, Some(SKILL_MESSAGING_SCOPE)) {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    let message = serde_json::from_str::<Value>(&body).unwrap_or(Value::Null);
    world.record(MESSAGE_REQUEST, &message);
    if message.get("data").is_none_or(Value::is_null) {
        return api.error(
            &mut world,
            StatusCode::BAD_REQUEST,
            "Missing required field: data",
        );
    }
    if let Some(expiry) = message.get("expiresAfterSeconds") {
        if !expiry.as_u64().is_some_and(|s| (60..=86_400).contains(&s)) {
            return api.error(
                &mut world,
                StatusCode::BAD_REQUEST,
                "Invalid value for field expiresAfterSeconds: must be between 60 and 86400",
            );
        }
    }
    if !world.users.contains(&user) {
        return api.error(
            &mut world,
            StatusCode::NOT_FOUND,
            "The passed userId does not exist",
        );
    }
    world.messages.push(Received {
        to: user,
        body: message,
    });
    StatusCode::ACCEPTED.into_response()
}
