//! A local stand-in for SMAPI and Login with Amazon, on 127.0.0.1, answering with the bodies
//! and status codes Amazon documents (`ask-smapi-model`'s specification): so `cargo alexa`
//! and any other client is tested with nothing but Rust.
//!
//! It keeps skills as Amazon does: an imported package makes a skill with its manifest and
//! models; each model is "built" over a few polls (or fails, when told to); a simulation
//! resolves the utterance with the uploaded model and plays it against the skill the test
//! supplies, through the offline Echo (`alexa-sim`), so request and response bodies are
//! real envelopes. Faults on demand: throttling with `Retry-After`, access tokens that
//! expire, a revoked refresh token, a failed build, Amazon's NLU disagreeing.
//!
//! Every body it receives and sends is kept with the name of its definition in Amazon's
//! specification ([`StandIn::exchanges`]), for checking against Amazon's own models.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! use alexa_smapi::stand_in::StandIn;
//! let amazon = StandIn::start(Default::default()).await.unwrap();
//! let smapi = amazon.client();
//! let vendors = smapi.vendors().await.unwrap();
//! assert_eq!(vendors.vendors[0].id, amazon.vendor_id());
//! # }
//! ```

// Refusals are the HTTP answer itself (axum's `Result<Response, Response>`), returned from
// helpers as from handlers; their size does not matter to a test server.
#![allow(clippy::result_large_err)]

mod evaluations;
mod lwa;
mod skills;
mod turns;
mod world;

use crate::{Credentials, Endpoints, PollPolicy, RetryPolicy, Secret, SmapiClient, TokenSource};
use alexa_sim::Target;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use world::World;

pub use world::Exchange;

/// Makes the deployed skill for a skill ID and locale: what Amazon's simulator and the
/// invocation API call.
pub type SkillFactory = Arc<dyn Fn(&str, &str) -> Box<dyn Target> + Send + Sync>;

/// How the stand-in behaves.
#[derive(Clone)]
pub struct StandInConfig {
    /// The deployed skill; without one, simulations and invocations fail as for a skill
    /// whose endpoint does not answer.
    pub skill: Option<SkillFactory>,
    /// How many polls an import, build, simulation or evaluation stays IN_PROGRESS.
    pub in_progress_polls: u32,
    /// Seconds an access token lives.
    pub token_lifetime_secs: u64,
}

impl Default for StandInConfig {
    fn default() -> Self {
        StandInConfig {
            skill: None,
            in_progress_polls: 2,
            token_lifetime_secs: 3600,
        }
    }
}

impl std::fmt::Debug for StandInConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StandInConfig")
            .field("skill", &self.skill.is_some())
            .field("in_progress_polls", &self.in_progress_polls)
            .finish_non_exhaustive()
    }
}

pub(crate) struct Shared {
    world: Mutex<World>,
    sims: tokio::sync::Mutex<turns::Sessions>,
    skill: Option<SkillFactory>,
    base_url: String,
}

impl Shared {
    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        self.world
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The checks every SMAPI call passes first: throttling, then the access token. Logs the
    /// call and its request body under `definition`.
    pub(crate) fn admit(
        &self,
        call: &str,
        headers: &HeaderMap,
        request: Option<(&'static str, &Value)>,
    ) -> Result<(), Response> {
        let mut world = self.world();
        world.calls.push(call.to_owned());
        if let Some(left) = world.expire_after.as_mut() {
            if *left == 0 {
                world.access.clear();
                world.expire_after = None;
            } else {
                *left -= 1;
            }
        }
        if let Some((definition, body)) = request {
            world.record(definition, body);
        }
        if world.throttle > 0 {
            world.throttle -= 1;
            let body = json!({"message": "Rate exceeded"});
            world.record("v1.Error", &body);
            let mut response = (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response();
            if let Ok(value) = world.retry_after.to_string().parse() {
                response.headers_mut().insert("retry-after", value);
            }
            return Err(response);
        }
        let token = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(|v| v.strip_prefix("Bearer ").unwrap_or(v).trim().to_owned())
            .unwrap_or_default();
        if !world.token_valid(&token) {
            return Err(world.error(
                StatusCode::UNAUTHORIZED,
                "v1.Error",
                "Token is invalid or expired.",
            ));
        }
        Ok(())
    }

    /// [`Shared::admit`] for a call with a JSON body: the body parsed (or Amazon's 400),
    /// logged under `definition`, then the same checks.
    pub(crate) fn admit_json(
        &self,
        call: &str,
        headers: &HeaderMap,
        definition: &'static str,
        body: &[u8],
    ) -> Result<Value, Response> {
        let request = skills::parse(&mut self.world(), body)?;
        self.admit(call, headers, Some((definition, &request)))?;
        Ok(request)
    }
}

/// The running stand-in. Dropping it stops the server.
pub struct StandIn {
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
    addr: SocketAddr,
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
    /// Listens on a free port of 127.0.0.1 and serves until dropped.
    pub async fn start(config: StandInConfig) -> std::io::Result<StandIn> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            world: Mutex::new(World::new(
                config.in_progress_polls,
                config.token_lifetime_secs,
            )),
            sims: tokio::sync::Mutex::new(turns::Sessions::default()),
            skill: config.skill,
            base_url: format!("http://{addr}"),
        });
        let app = axum::Router::new()
            .merge(lwa::routes())
            .merge(skills::routes())
            .merge(turns::routes())
            .merge(evaluations::routes())
            .with_state(shared.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(StandIn { shared, task, addr })
    }

    /// `http://127.0.0.1:PORT`: SMAPI, LWA's token service and its consent page are all here.
    pub fn url(&self) -> String {
        self.shared.base_url.clone()
    }

    /// The endpoints, all at [`StandIn::url`].
    pub fn endpoints(&self) -> Endpoints {
        Endpoints::all_at(&self.url())
    }

    /// The security profile and refresh token it accepts.
    pub fn credentials(&self) -> Credentials {
        let world = self.shared.world();
        Credentials {
            client_id: world.client_id.clone(),
            client_secret: Secret::new(world.client_secret.clone()),
            refresh_token: Secret::new(world.refresh_token.clone()),
            vendor_id: None,
        }
    }

    /// The vendor ID of its one developer account.
    pub fn vendor_id(&self) -> String {
        self.shared.world().vendor_id.clone()
    }

    /// A client for it, with fast polls and retries (a stand-in need not be waited for).
    pub fn client(&self) -> SmapiClient {
        let http = crate::http_client();
        let tokens = TokenSource::refreshing(http.clone(), &self.url(), self.credentials());
        SmapiClient::with_http(http, &self.endpoints(), tokens)
            .with_polling(PollPolicy::every(Duration::from_millis(5)))
            .with_retry(RetryPolicy {
                attempts: 4,
                base: Duration::from_millis(5),
                max_delay: Duration::from_millis(50),
            })
    }

    /// The next `calls` SMAPI calls are answered 429 with `Retry-After: retry_after_secs`.
    pub fn throttle(&self, calls: u32, retry_after_secs: u64) {
        let mut world = self.shared.world();
        world.throttle = calls;
        world.retry_after = retry_after_secs;
    }

    /// Every access token issued so far stops working (as after an hour).
    pub fn expire_access_tokens(&self) {
        self.shared.world().access.clear();
    }

    /// After `calls` more SMAPI calls, every access token issued so far stops working: an
    /// hour passing in the middle of a long command.
    pub fn expire_access_tokens_after(&self, calls: u32) {
        self.shared.world().expire_after = Some(calls);
    }

    /// How many access tokens Login with Amazon has issued.
    pub fn tokens_issued(&self) -> u32 {
        self.shared.world().tokens_issued
    }

    /// The refresh token stops working (revoked, or the security profile's consent withdrawn).
    pub fn revoke_refresh_token(&self) {
        self.shared.world().refresh_revoked = true;
    }

    /// The next build of `locale`'s model fails with `message`.
    pub fn fail_next_build(&self, locale: &str, message: &str) {
        self.shared
            .world()
            .fail_build
            .insert(locale.to_owned(), message.to_owned());
    }

    /// Amazon's NLU picks `intent` (`{name, slots}` in SMAPI's shape) for `utterance`,
    /// whatever the model says: how a test makes the device disagree with the offline
    /// resolver.
    pub fn nlu_answers(&self, utterance: &str, intent: Value) {
        self.shared
            .world()
            .nlu_overrides
            .insert(utterance.to_lowercase(), intent);
    }

    /// An existing skill, as if created in the developer console (no package yet).
    pub fn add_skill(&self, skill_id: &str, manifest: Value) {
        self.shared.world().add_skill(skill_id, manifest);
    }

    /// Every body received and sent so far, with its definition in Amazon's specification.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.shared.world().exchanges.clone()
    }

    /// Every call so far, as `METHOD /path` (the path's IDs as sent).
    pub fn calls(&self) -> Vec<String> {
        self.shared.world().calls.clone()
    }

    /// The skill's manifest in the development stage, as last imported or updated.
    pub fn manifest(&self, skill_id: &str) -> Option<Value> {
        self.shared
            .world()
            .skills
            .get(skill_id)
            .map(|s| s.manifest.clone())
    }

    /// The locales whose model the skill has.
    pub fn locales(&self, skill_id: &str) -> Vec<String> {
        self.shared
            .world()
            .skills
            .get(skill_id)
            .map(|s| s.models.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// True when testing is enabled for the skill's development stage.
    pub fn enabled(&self, skill_id: &str) -> bool {
        self.shared
            .world()
            .skills
            .get(skill_id)
            .is_some_and(|s| s.enabled)
    }

    /// The IDs of the skills it holds.
    pub fn skill_ids(&self) -> Vec<String> {
        self.shared.world().skills.keys().cloned().collect()
    }
}
