//! Login with Amazon for the skill itself: the client-credentials grant with the skill's
//! client ID and secret (the developer console's "Permissions" page), one access token per
//! scope, cached until shortly before it expires. The APIs a skill calls outside a request
//! (skill messaging, proactive events) take these tokens instead of the request's.

use crate::client::{exchange, http, read_json};
use crate::ApiError;
use alexa_core::model::Secret;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// Login with Amazon's token endpoint.
pub const LWA_TOKEN_URL: &str = "https://api.amazon.com/auth/o2/token";

/// The scope the proactive events API needs.
pub const PROACTIVE_EVENTS_SCOPE: &str = "alexa::proactive_events";

/// The scope the skill messaging API needs.
pub const SKILL_MESSAGING_SCOPE: &str = "alexa:skill_messaging";

/// A cached token is renewed this long before Amazon says it expires, so a call never goes
/// out with one that lapses on the way.
const RENEW_BEFORE: Duration = Duration::from_secs(60);

/// The skill's own client ID and secret. Its `Debug` never shows the secret.
#[derive(Clone)]
pub struct SkillCredentials {
    /// `amzn1.application-oa2-client....`.
    pub client_id: String,
    /// The client secret.
    pub client_secret: Secret,
}

impl fmt::Debug for SkillCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SkillCredentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"***")
            .finish()
    }
}

impl SkillCredentials {
    /// Credentials from a JSON object `{"clientId": ..., "clientSecret": ...}` (how a secret
    /// in AWS Secrets Manager keeps them); `None` when either is missing or empty.
    ///
    /// ```
    /// use alexa_services::SkillCredentials;
    /// let c = SkillCredentials::from_json(r#"{"clientId":"amzn1.application-oa2-client.1","clientSecret":"s"}"#).unwrap();
    /// assert_eq!(c.client_id, "amzn1.application-oa2-client.1");
    /// assert!(!format!("{c:?}").contains("\"s\""));
    /// assert!(SkillCredentials::from_json(r#"{"clientId":""}"#).is_none());
    /// ```
    pub fn from_json(text: &str) -> Option<Self> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Stored {
            client_id: String,
            client_secret: String,
        }
        let stored: Stored = serde_json::from_str(text).ok()?;
        (!stored.client_id.is_empty() && !stored.client_secret.is_empty()).then(|| {
            SkillCredentials {
                client_id: stored.client_id,
                client_secret: Secret::new(stored.client_secret),
            }
        })
    }
}

/// Access tokens for the skill, one per scope, each fetched once and reused until a minute
/// before it expires. Share one per process (it is cheap to clone behind an `Arc`).
#[derive(Debug)]
pub struct SkillTokens {
    credentials: SkillCredentials,
    token_url: String,
    cache: Mutex<HashMap<String, (Secret, Instant)>>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: Secret,
    expires_in: u64,
}

#[derive(Deserialize)]
struct TokenRefusal {
    error: String,
    #[serde(default)]
    error_description: Option<String>,
}

impl SkillTokens {
    /// Tokens from Amazon's Login with Amazon.
    pub fn new(credentials: SkillCredentials) -> Self {
        Self::with_token_url(credentials, LWA_TOKEN_URL)
    }

    /// Tokens from another token endpoint (a stand-in in tests).
    pub fn with_token_url(credentials: SkillCredentials, token_url: impl Into<String>) -> Self {
        SkillTokens {
            credentials,
            token_url: token_url.into(),
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// A token for `scope`: the cached one while it has more than a minute left, else a new
    /// one. Concurrent callers wait for one fetch rather than each making their own.
    pub async fn token(&self, scope: &str) -> Result<Secret, ApiError> {
        let mut cache = self.cache.lock().await;
        if let Some((token, expires)) = cache.get(scope) {
            if Instant::now() + RENEW_BEFORE < *expires {
                return Ok(token.clone());
            }
        }
        let (token, lifetime) = self.fetch(scope).await?;
        cache.insert(scope.to_owned(), (token.clone(), Instant::now() + lifetime));
        Ok(token)
    }

    /// Drops the cached token for `scope`, after an API refused it.
    pub async fn forget(&self, scope: &str) {
        self.cache.lock().await.remove(scope);
    }

    async fn fetch(&self, scope: &str) -> Result<(Secret, Duration), ApiError> {
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", self.credentials.client_id.as_str()),
            ("client_secret", self.credentials.client_secret.expose()),
            ("scope", scope),
        ];
        let answer = exchange(http().post(&self.token_url).form(&form)).await?;
        if answer.is_success() {
            let token: TokenAnswer = read_json(&answer.body)?;
            return Ok((token.access_token, Duration::from_secs(token.expires_in)));
        }
        match serde_json::from_slice::<TokenRefusal>(&answer.body) {
            Ok(refusal) if matches!(answer.status, 400 | 401) => {
                Err(ApiError::Credentials(match refusal.error_description {
                    Some(description) => format!("{} ({description})", refusal.error),
                    None => refusal.error,
                }))
            }
            _ => Err(answer.error(None)),
        }
    }
}
