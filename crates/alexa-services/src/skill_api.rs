//! The APIs a skill calls on its own, outside any request, with its own Login with Amazon
//! tokens: skill messaging and proactive events.

use crate::client::{exchange, http};
use crate::{ApiError, ProactiveEvent, SkillMessage, SkillStage, SkillTokens};
use crate::{PROACTIVE_EVENTS_SCOPE, SKILL_MESSAGING_SCOPE};
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;

/// Where the skill's users are: each Alexa region has its own API host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlexaRegion {
    /// North America: `https://api.amazonalexa.com`.
    NorthAmerica,
    /// Europe and India: `https://api.eu.amazonalexa.com`.
    Europe,
    /// Far East: `https://api.fe.amazonalexa.com`.
    FarEast,
}

impl AlexaRegion {
    /// The region's API host.
    pub fn endpoint(self) -> &'static str {
        match self {
            AlexaRegion::NorthAmerica => "https://api.amazonalexa.com",
            AlexaRegion::Europe => "https://api.eu.amazonalexa.com",
            AlexaRegion::FarEast => "https://api.fe.amazonalexa.com",
        }
    }

    /// The region a request's `apiEndpoint` belongs to, so a skill stores it with the user.
    pub fn of_endpoint(endpoint: &str) -> Option<Self> {
        [Self::NorthAmerica, Self::Europe, Self::FarEast]
            .into_iter()
            .find(|r| endpoint.trim_end_matches('/') == r.endpoint())
    }
}

/// How often a throttled call is tried again, and how long it waits at most for one
/// `Retry-After`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retries {
    /// Attempts after the first.
    pub attempts: u32,
    /// The wait without a `Retry-After`, doubled each time.
    pub backoff: Duration,
    /// The longest wait honoured.
    pub max_wait: Duration,
}

impl Default for Retries {
    fn default() -> Self {
        Retries {
            attempts: 3,
            backoff: Duration::from_millis(500),
            max_wait: Duration::from_secs(10),
        }
    }
}

/// The skill's own client for skill messaging and proactive events. Throttled calls (429)
/// are retried, honouring `Retry-After`; a refused token (401, or 403 which these APIs send
/// for an invalid token) is fetched again once.
///
/// ```no_run
/// # async fn run() -> Result<(), alexa_services::ApiError> {
/// use alexa_services::*;
/// use std::time::Duration;
/// let credentials = SkillCredentials::from_json(&std::env::var("SKILL_CREDENTIALS").unwrap()).unwrap();
/// let api = SkillApi::new(AlexaRegion::Europe, SkillTokens::new(credentials));
/// let event = ProactiveEvent::new(
///     "stopped-1",
///     Event::message_alert("VoiceOps", 1),
///     RelevantAudience::user("amzn1.ask.account.1"),
///     alexa_core::model::Timestamp::now(),
///     Duration::from_secs(3600),
/// );
/// api.create_proactive_event(SkillStage::Development, &event).await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct SkillApi {
    endpoint: String,
    tokens: Arc<SkillTokens>,
    retries: Retries,
}

impl SkillApi {
    /// The client for a region's users.
    pub fn new(region: AlexaRegion, tokens: SkillTokens) -> Self {
        Self::at(region.endpoint(), Arc::new(tokens))
    }

    /// The client for another API host (a stand-in in tests), sharing `tokens`.
    pub fn at(endpoint: &str, tokens: Arc<SkillTokens>) -> Self {
        SkillApi {
            endpoint: endpoint.trim_end_matches('/').to_owned(),
            tokens,
            retries: Retries::default(),
        }
    }

    /// Changes how throttled calls are retried.
    pub fn with_retries(mut self, retries: Retries) -> Self {
        self.retries = retries;
        self
    }

    /// Sends `message` to `user_id`'s skill; it arrives as `Messaging.MessageReceived`.
    /// [`ApiError::NotFound`] for a user Amazon does not know.
    pub async fn send_message(
        &self,
        user_id: &str,
        message: &SkillMessage,
    ) -> Result<(), ApiError> {
        let path = format!("/v1/skillmessages/users/{user_id}");
        self.post(&path, message, SKILL_MESSAGING_SCOPE).await
    }

    /// Creates a proactive event for `stage`. An event that breaks its schema is
    /// [`ApiError::Refused`] with Amazon's message naming the field.
    pub async fn create_proactive_event(
        &self,
        stage: SkillStage,
        event: &ProactiveEvent,
    ) -> Result<(), ApiError> {
        self.post(stage.path(), event, PROACTIVE_EVENTS_SCOPE).await
    }

    async fn post<B: Serialize>(&self, path: &str, body: &B, scope: &str) -> Result<(), ApiError> {
        let url = format!("{}{path}", self.endpoint);
        let mut retried_token = false;
        let mut throttled = 0;
        loop {
            let token = self.tokens.token(scope).await?;
            let call = http().post(&url).bearer_auth(token.expose()).json(body);
            let answer = exchange(call).await?;
            match answer.status {
                200..=299 => return Ok(()),
                401 | 403 if !retried_token => {
                    retried_token = true;
                    self.tokens.forget(scope).await;
                }
                429 if throttled < self.retries.attempts => {
                    let wait = answer
                        .retry_after
                        .unwrap_or(self.retries.backoff * 2u32.pow(throttled))
                        .min(self.retries.max_wait);
                    throttled += 1;
                    tokio::time::sleep(wait).await;
                }
                _ => return Err(answer.error(None)),
            }
        }
    }
}
