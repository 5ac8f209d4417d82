//! A local stand-in for the Alexa service APIs (feature `api`), so a skill's service calls
//! work offline: progressive responses are recorded and shown before the answer, device
//! settings are answered from the host (its time zone) or as a test sets them, and the
//! proactive events the skill creates (with a token from the stand-in's Login with Amazon,
//! `/auth/o2/token`) become the simulated user's notifications.
//!
//! It checks the bearer token it handed out, answers what Amazon documents for the
//! endpoints it knows, and 404 for the rest.
//!
//! ```
//! use alexa_sim::api::{AlexaApi, DeviceSettings};
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let api = AlexaApi::start(DeviceSettings::with_time_zone("Europe/Berlin")).await.unwrap();
//! assert!(api.endpoint().starts_with("http://127.0.0.1:"));
//! # });
//! ```

use crate::api_log::{ApiLog, Progressive};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::Value;
use std::sync::Arc;

/// What the device-settings endpoints answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceSettings {
    /// IANA time zone, e.g. `Europe/Berlin`.
    pub time_zone: String,
    /// `METRIC` or `IMPERIAL`.
    pub distance_units: String,
    /// `CELSIUS` or `FAHRENHEIT`.
    pub temperature_unit: String,
}

impl DeviceSettings {
    /// Metric settings in `time_zone`.
    pub fn with_time_zone(time_zone: &str) -> Self {
        Self {
            time_zone: time_zone.to_owned(),
            distance_units: "METRIC".to_owned(),
            temperature_unit: "CELSIUS".to_owned(),
        }
    }

    /// The host's time zone (`TZ`, else the system's), UTC when it cannot be told.
    pub fn from_host() -> Self {
        let zone = std::env::var("TZ")
            .ok()
            .map(|tz| tz.trim_start_matches(':').to_owned())
            .filter(|tz| tz.contains('/') || tz == "UTC")
            .or_else(|| iana_time_zone::get_timezone().ok())
            .unwrap_or_else(|| "UTC".to_owned());
        Self::with_time_zone(&zone)
    }
}

struct Shared {
    token: String,
    settings: DeviceSettings,
    log: Arc<ApiLog>,
}

/// The running stand-in; it stops when dropped.
#[derive(Debug)]
pub struct AlexaApi {
    endpoint: String,
    token: String,
    log: Arc<ApiLog>,
    server: tokio::task::JoinHandle<()>,
}

impl AlexaApi {
    /// Serves on a free port of 127.0.0.1.
    pub async fn start(settings: DeviceSettings) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let endpoint = format!("http://{}", listener.local_addr()?);
        let token = format!("simulator-{}", std::process::id());
        let log = Arc::new(ApiLog::default());
        let shared = Arc::new(Shared {
            token: token.clone(),
            settings,
            log: Arc::clone(&log),
        });
        let app = Router::new()
            .route("/v1/directives", post(directive))
            .route("/v2/devices/{device}/settings/{name}", get(setting))
            .route("/auth/o2/token", post(skill_token))
            .route("/v1/proactiveEvents", post(proactive_event))
            .route(
                "/v1/proactiveEvents/stages/development",
                post(proactive_event),
            )
            .with_state(shared);
        let server = tokio::spawn(async move {
            if let Err(err) = axum::serve(listener, app).await {
                eprintln!("alexa-sim: the Alexa API stand-in stopped: {err}");
            }
        });
        Ok(Self {
            endpoint,
            token,
            log,
            server,
        })
    }

    /// The base URL requests carry as `apiEndpoint`.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The bearer token requests carry as `apiAccessToken`.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// What the skill sent.
    pub fn log(&self) -> Arc<ApiLog> {
        Arc::clone(&self.log)
    }
}

impl Drop for AlexaApi {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// The 401 Amazon answers to a request without the token it issued, or `None` when the
/// token is right.
fn unauthorised(shared: &Shared, headers: &HeaderMap) -> Option<Response> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    (token != Some(shared.token.as_str())).then(|| {
        error(
            StatusCode::UNAUTHORIZED,
            "INVALID_AUTHENTICATION",
            "bad token",
        )
    })
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({ "code": code, "message": message });
    (status, Json(body)).into_response()
}

async fn directive(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Response {
    if let Some(refused) = unauthorised(&shared, &headers) {
        return refused;
    }
    let Some(Json(body)) = body else {
        return error(StatusCode::BAD_REQUEST, "INVALID_DIRECTIVE", "not JSON");
    };
    let request_id = body["header"]["requestId"].as_str();
    let kind = body["directive"]["type"].as_str();
    let speech = body["directive"]["speech"].as_str();
    match (request_id, kind, speech) {
        (Some(request_id), Some("VoicePlayer.Speak"), Some(speech)) => {
            shared.log.record(Progressive {
                request_id: request_id.to_owned(),
                speech: alexa_core::ssml::to_plain_text(speech).trim().to_owned(),
            });
            StatusCode::NO_CONTENT.into_response()
        }
        _ => error(
            StatusCode::BAD_REQUEST,
            "INVALID_DIRECTIVE",
            "expected a VoicePlayer.Speak with a requestId",
        ),
    }
}

async fn setting(
    State(shared): State<Arc<Shared>>,
    Path((_device, name)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = unauthorised(&shared, &headers) {
        return refused;
    }
    let value = match name.as_str() {
        "System.timeZone" => &shared.settings.time_zone,
        "System.distanceUnits" => &shared.settings.distance_units,
        "System.temperatureUnit" => &shared.settings.temperature_unit,
        _ => return error(StatusCode::NOT_FOUND, "NOT_FOUND", "no such setting"),
    };
    Json(value).into_response()
}

/// The skill's own Login with Amazon token (client credentials): any client is one the
/// simulated Alexa knows, and gets the token requests carry as theirs.
async fn skill_token(State(shared): State<Arc<Shared>>, body: String) -> Response {
    if !body.contains("grant_type=client_credentials") {
        return error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "client_credentials only",
        );
    }
    let answer = serde_json::json!({
        "access_token": shared.token, "expires_in": 3600, "token_type": "bearer"
    });
    Json(answer).into_response()
}

/// A proactive event: recorded as a notification for the simulated user (202, as Amazon).
async fn proactive_event(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Option<Json<Value>>,
) -> Response {
    if let Some(refused) = unauthorised(&shared, &headers) {
        return refused;
    }
    let Some(Json(event)) = body else {
        return error(StatusCode::BAD_REQUEST, "INVALID_EVENT", "not JSON");
    };
    if event["event"]["name"].as_str().is_none() || event["relevantAudience"].is_null() {
        return error(
            StatusCode::BAD_REQUEST,
            "INVALID_EVENT",
            "Missing required field: event.name or relevantAudience",
        );
    }
    shared
        .log
        .record_notification(crate::Notification { event });
    StatusCode::ACCEPTED.into_response()
}
