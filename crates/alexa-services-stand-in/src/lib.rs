//! # alexa-services-stand-in
//!
//! A local stand-in for the Alexa service APIs and Login with Amazon, on 127.0.0.1, answering
//! with the bodies and status codes Amazon documents (`ask-sdk-model`'s `services`): so a
//! skill's purchases, endpoints, messages and notifications are tested with nothing but Rust.
//!
//! It issues client-credentials tokens per scope, keeps the skill's products, the user's
//! connected endpoints and timers, and records every proactive event and skill message it
//! accepts after checking it as Amazon does (schema, expiry, a duplicate reference ID). Faults on demand:
//! the next calls answered 401, 403, 404, 429 (with `Retry-After`) or 500, tokens revoked.
//! Every body it receives and sends is kept with the name of its `ask-sdk-model` class
//! ([`StandIn::exchanges`]), for checking against Amazon's own model.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! use alexa_services_stand_in::StandIn;
//! use alexa_services::*;
//! use std::time::Duration;
//! let amazon = StandIn::start().await.unwrap();
//! let event = ProactiveEvent::new(
//!     "r-1",
//!     Event::message_alert("VoiceOps", 1),
//!     RelevantAudience::user("amzn1.ask.account.1"),
//!     alexa_core::model::Timestamp::now(),
//!     Duration::from_secs(600),
//! );
//! amazon.skill_api().create_proactive_event(SkillStage::Development, &event).await.unwrap();
//! assert_eq!(amazon.events()[0].body["referenceId"], "r-1");
//! # }
//! ```
//!
//! A crate of its own, so nothing a skill deploys links it (or its web server).

// Refusals are the HTTP answer itself (axum's `Result<Response, Response>`).
#![allow(clippy::result_large_err)]
#![warn(missing_docs)]

mod events;
mod in_session;
mod timers;

use alexa_core::model::Secret;
use alexa_services::{SkillApi, SkillCredentials, SkillTokens};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The client ID the stand-in accepts.
pub const CLIENT_ID: &str = "amzn1.application-oa2-client.stand-in";
/// The client secret the stand-in accepts.
pub const CLIENT_SECRET: &str = "stand-in-client-secret";
/// The `apiAccessToken` the stand-in accepts for in-request calls.
pub const API_ACCESS_TOKEN: &str = "stand-in-api-access-token";

/// One body the stand-in received or sent, with its `ask-sdk-model` class.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    /// e.g. `ask_sdk_model.services.proactive_events.create_proactive_event_request.CreateProactiveEventRequest`.
    pub definition: &'static str,
    /// The body.
    pub body: Value,
}

/// A proactive event or skill message the stand-in accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    /// `development` or `live` for an event; the user ID for a message.
    pub to: String,
    /// The body as sent.
    pub body: Value,
}

/// One call to an API (not Login with Amazon), with when it arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// `POST /v1/proactiveEvents/stages/development`, ...
    pub call: String,
    /// When it arrived.
    pub at: Instant,
}

#[derive(Default)]
pub(crate) struct World {
    tokens: HashMap<String, (String, Instant)>,
    token_lifetime: u64,
    issued: usize,
    faults: VecDeque<u16>,
    retry_after: u64,
    pub(crate) users: HashSet<String>,
    pub(crate) products: Vec<Value>,
    pub(crate) endpoints: Vec<Value>,
    pub(crate) voice_purchasing: bool,
    pub(crate) reference_ids: HashSet<String>,
    pub(crate) timers: Vec<Value>,
    pub(crate) timer_count: usize,
    pub(crate) timers_permitted: bool,
    events: Vec<Received>,
    messages: Vec<Received>,
    exchanges: Vec<Exchange>,
    calls: Vec<Call>,
}

impl World {
    pub(crate) fn record(&mut self, definition: &'static str, body: &Value) {
        self.exchanges.push(Exchange {
            definition,
            body: body.clone(),
        });
    }

    /// A JSON answer, recorded under `definition`.
    pub(crate) fn answer(
        &mut self,
        status: StatusCode,
        definition: &'static str,
        body: Value,
    ) -> Response {
        self.record(definition, &body);
        (status, axum::Json(body)).into_response()
    }

    fn issue(&mut self, scope: &str) -> (String, u64) {
        self.issued += 1;
        let token = format!("Atc|stand-in-{}-{scope}", self.issued);
        let lifetime = self.token_lifetime;
        self.tokens.insert(
            token.clone(),
            (
                scope.to_owned(),
                Instant::now() + Duration::from_secs(lifetime),
            ),
        );
        (token, lifetime)
    }
}

/// Which API a call belongs to: the error body each documents differs.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Api {
    ProactiveEvents,
    SkillMessaging,
    Monetization,
    Endpoints,
    Timers,
}

impl Api {
    fn error_definition(self) -> &'static str {
        match self {
            Api::ProactiveEvents => "ask_sdk_model.services.proactive_events.error.Error",
            Api::SkillMessaging => "ask_sdk_model.services.skill_messaging.error.Error",
            Api::Monetization => "ask_sdk_model.services.monetization.error.Error",
            Api::Endpoints => "ask_sdk_model.services.endpoint_enumeration.error.Error",
            Api::Timers => "ask_sdk_model.services.timer_management.error.Error",
        }
    }

    /// Amazon's error body for this API: `{code, message}`, or `{message}` for monetization.
    pub(crate) fn error(self, world: &mut World, status: StatusCode, message: &str) -> Response {
        let body = match self {
            Api::Monetization => json!({ "message": message }),
            Api::Endpoints | Api::Timers => {
                json!({ "code": status.as_u16().to_string(), "message": message })
            }
            _ => json!({ "code": status.as_u16(), "message": message }),
        };
        world.answer(status, self.error_definition(), body)
    }
}

pub(crate) struct Shared {
    world: Mutex<World>,
}

impl Shared {
    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        self.world
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// What every API call passes first: a queued fault, then the bearer token (one issued
    /// for `scope`, or the request's `apiAccessToken` when `scope` is `None`).
    pub(crate) fn admit(
        &self,
        api: Api,
        call: String,
        headers: &HeaderMap,
        scope: Option<&str>,
    ) -> Result<MutexGuard<'_, World>, Response> {
        let mut world = self.world();
        world.calls.push(Call {
            call,
            at: Instant::now(),
        });
        if let Some(status) = world.faults.pop_front() {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let message = match status.as_u16() {
                401 => "The authentication token is invalid or doesn't have access to make this request",
                403 => "The authentication token is invalid or doesn't have authentication to access the resource",
                404 => "Requested resource not found.",
                429 => "The client has made more calls than the allowed limit.",
                _ => "Internal Server Error",
            };
            let mut answer = api.error(&mut world, status, message);
            if status == StatusCode::TOO_MANY_REQUESTS {
                if let Ok(value) = world.retry_after.to_string().parse() {
                    answer.headers_mut().insert("retry-after", value);
                }
            }
            return Err(answer);
        }
        let token = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default()
            .trim();
        let valid = match scope {
            None => token == API_ACCESS_TOKEN,
            Some(scope) => world
                .tokens
                .get(token)
                .is_some_and(|(granted, expires)| granted == scope && *expires > Instant::now()),
        };
        if !valid {
            // The skill APIs answer 403 for a token they refuse; the request APIs 401.
            let status = if scope.is_some() {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::UNAUTHORIZED
            };
            return Err(api.error(
                &mut world,
                status,
                "The authentication token is invalid or expired.",
            ));
        }
        Ok(world)
    }
}

/// The running stand-in. Dropping it stops the server.
pub struct StandIn {
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
    addr: SocketAddr,
    tokens: Arc<SkillTokens>,
}

impl std::fmt::Debug for StandIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StandIn")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl StandIn {
    /// Listens on a free port of 127.0.0.1 and serves until dropped: two products (one
    /// entitled), one connected gadget, the user `amzn1.ask.account.stand-in` known.
    pub async fn start() -> std::io::Result<StandIn> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let mut world = World {
            token_lifetime: 3600,
            retry_after: 1,
            voice_purchasing: true,
            timers_permitted: true,
            ..World::default()
        };
        in_session::seed(&mut world);
        world.users.insert("amzn1.ask.account.stand-in".into());
        let shared = Arc::new(Shared {
            world: Mutex::new(world),
        });
        let app = axum::Router::new()
            .merge(events::routes())
            .merge(in_session::routes())
            .merge(timers::routes())
            .with_state(shared.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        let credentials = SkillCredentials {
            client_id: CLIENT_ID.into(),
            client_secret: Secret::new(CLIENT_SECRET),
        };
        let tokens = Arc::new(SkillTokens::with_token_url(
            credentials,
            format!("http://{addr}/auth/o2/token"),
        ));
        Ok(StandIn {
            shared,
            task,
            addr,
            tokens,
        })
    }

    /// `http://127.0.0.1:<port>`: the `apiEndpoint` and the skill API host.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The token endpoint, for `SkillTokens::with_token_url`.
    pub fn token_url(&self) -> String {
        format!("{}/auth/o2/token", self.base_url())
    }

    /// A `SkillApi` pointed here with the accepted credentials; every one shares one token
    /// cache, as one process does.
    pub fn skill_api(&self) -> SkillApi {
        SkillApi::at(&self.base_url(), self.tokens.clone())
    }

    /// Answers the next API calls, one each, with these statuses and Amazon's error body.
    pub fn fail_next(&self, statuses: &[u16]) {
        self.shared.world().faults.extend(statuses.iter().copied());
    }

    /// The `Retry-After` seconds a 429 carries (1 unless changed).
    pub fn set_retry_after(&self, seconds: u64) {
        self.shared.world().retry_after = seconds;
    }

    /// Forgets every token it issued, as when Amazon revokes them.
    pub fn revoke_tokens(&self) {
        self.shared.world().tokens.clear();
    }

    /// Tokens it issued through the client-credentials grant.
    pub fn tokens_issued(&self) -> usize {
        self.shared.world().issued
    }

    /// Adds a user whom skill messages may reach.
    pub fn add_user(&self, user_id: &str) {
        self.shared.world().users.insert(user_id.to_owned());
    }

    /// Sets whether the user granted the timers permission.
    pub fn set_timers_permitted(&self, permitted: bool) {
        self.shared.world().timers_permitted = permitted;
    }

    /// Sets whether the account allows voice purchases.
    pub fn set_voice_purchasing(&self, enabled: bool) {
        self.shared.world().voice_purchasing = enabled;
    }

    /// The proactive events accepted, in order.
    pub fn events(&self) -> Vec<Received> {
        self.shared.world().events.clone()
    }

    /// The skill messages accepted, in order.
    pub fn messages(&self) -> Vec<Received> {
        self.shared.world().messages.clone()
    }

    /// Every body received and sent.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.shared.world().exchanges.clone()
    }

    /// Every API call, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.shared.world().calls.clone()
    }
}
