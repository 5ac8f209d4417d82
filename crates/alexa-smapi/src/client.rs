//! The SMAPI client: one HTTP connection pool, the access token on every call, a refresh
//! after a 401, and bounded retries with backoff and jitter for throttling and outages.

use crate::{Credentials, Endpoints, LwaError, PollPolicy, Secret, SmapiError, TokenSource};
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::time::Duration;

/// How throttled (429) and unavailable (502, 503, 504) calls are retried: at most
/// `attempts` sends, waiting `base × 2ⁿ` (jittered, at most `max_delay`), or what
/// `Retry-After` asks when Amazon says (also capped by `max_delay`).
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Sends at most, the first included.
    pub attempts: u32,
    /// The first wait.
    pub base: Duration,
    /// No wait is longer.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 6,
            base: Duration::from_secs(1),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// The wait before send number `attempt + 1`.
    ///
    /// ```
    /// use alexa_smapi::RetryPolicy;
    /// use std::time::Duration;
    /// let p = RetryPolicy::default();
    /// let third = p.delay(3, None);
    /// assert!(third >= Duration::from_secs(2) && third <= Duration::from_secs(4));
    /// assert_eq!(p.delay(1, Some(Duration::from_secs(7))), Duration::from_secs(7));
    /// assert_eq!(p.delay(1, Some(Duration::from_secs(900))), Duration::from_secs(30));
    /// ```
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(asked) = retry_after {
            return asked.min(self.max_delay);
        }
        let full = self
            .base
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
            .min(self.max_delay);
        // Half fixed, half random: spread concurrent clients, never retry at once.
        let half = full / 2;
        half + half.mul_f64(fastrand::f64())
    }
}

/// What a long call is doing, for a progress line. Never carries a token.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// A call was throttled or Amazon was unavailable; it is sent again after `delay`.
    Retrying {
        /// The operation.
        operation: &'static str,
        /// The status that made it retry.
        status: u16,
        /// The attempt that failed, from 1.
        attempt: u32,
        /// The wait before the next one.
        delay: Duration,
    },
    /// A build, import, simulation or evaluation is still in progress.
    Waiting {
        /// What is waited for ("the en-US model build").
        what: String,
        /// Amazon's status for it.
        status: String,
        /// Since the wait began.
        elapsed: Duration,
    },
}

type ProgressFn = Arc<dyn Fn(&Progress) + Send + Sync>;

/// A Skill Management API client for one developer account.
#[derive(Clone)]
pub struct SmapiClient {
    http: reqwest::Client,
    base: String,
    tokens: Arc<TokenSource>,
    retry: RetryPolicy,
    pub(crate) polling: PollPolicy,
    progress: ProgressFn,
    /// Amazon refuses a second simulation in flight for the same account (409).
    pub(crate) one_simulation: Arc<tokio::sync::Mutex<()>>,
}

impl std::fmt::Debug for SmapiClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmapiClient")
            .field("base", &self.base)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

/// The HTTP client every SMAPI and LWA call shares.
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(120))
        .connect_timeout(Duration::from_secs(10))
        .user_agent(concat!("alexa-smapi/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_else(|_| reqwest::Client::new())
}

/// One answer, read whole.
#[derive(Debug)]
pub(crate) struct Reply {
    pub headers: reqwest::header::HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json<T: DeserializeOwned>(&self, operation: &'static str) -> Result<T, SmapiError> {
        serde_json::from_slice(&self.body).map_err(|e| SmapiError::Decode {
            operation,
            message: e.to_string(),
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The last path segment of `Location`: the new import's or simulation's ID.
    pub fn location_id(&self, operation: &'static str) -> Result<String, SmapiError> {
        self.header("location")
            .and_then(|l| l.trim_end_matches('/').rsplit('/').next())
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .ok_or(SmapiError::Decode {
                operation,
                message: "no Location header".into(),
            })
    }
}

/// A request body.
pub(crate) enum Body {
    Empty,
    Json(Vec<u8>),
}

impl Body {
    pub fn json<T: serde::Serialize>(value: &T) -> Self {
        Body::Json(serde_json::to_vec(value).unwrap_or_default())
    }
}

impl SmapiClient {
    /// A client for `endpoints` with access tokens from `tokens`.
    pub fn new(endpoints: &Endpoints, tokens: TokenSource) -> Self {
        Self::with_http(http_client(), endpoints, tokens)
    }

    /// The same, over a given HTTP client (the one `tokens` uses, ideally).
    pub fn with_http(http: reqwest::Client, endpoints: &Endpoints, tokens: TokenSource) -> Self {
        SmapiClient {
            http,
            base: endpoints.smapi.trim_end_matches('/').to_owned(),
            tokens: Arc::new(tokens),
            retry: RetryPolicy::default(),
            polling: PollPolicy::default(),
            progress: Arc::new(|_| {}),
            one_simulation: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    /// A client from the environment: endpoints as [`Endpoints::from_env`]; the token
    /// `ASK_ACCESS_TOKEN` when set, else refreshed from [`Credentials::from_env`].
    pub fn from_env() -> Result<Self, LwaError> {
        let endpoints = Endpoints::from_env();
        let http = http_client();
        let tokens = match std::env::var("ASK_ACCESS_TOKEN")
            .ok()
            .filter(|t| !t.is_empty())
        {
            Some(token) => TokenSource::fixed(http.clone(), Secret::new(token)),
            None => TokenSource::refreshing(
                http.clone(),
                &endpoints.lwa_token,
                Credentials::from_env()?,
            ),
        };
        Ok(Self::with_http(http, &endpoints, tokens))
    }

    /// Retries as `retry` says.
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Polls builds, imports, simulations and evaluations as `polling` says.
    pub fn with_polling(mut self, polling: PollPolicy) -> Self {
        self.polling = polling;
        self
    }

    /// Calls `progress` on each retry and each poll that finds work still in progress.
    pub fn on_progress(mut self, progress: impl Fn(&Progress) + Send + Sync + 'static) -> Self {
        self.progress = Arc::new(progress);
        self
    }

    /// Where the access tokens come from.
    pub fn tokens(&self) -> &TokenSource {
        &self.tokens
    }

    pub(crate) fn report(&self, progress: &Progress) {
        (self.progress)(progress);
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// Sends one SMAPI call: the token, a refresh and one more try after a 401, retries on
    /// 429, 502, 503 and 504. A 2xx is returned whole; anything else is a typed error.
    pub(crate) async fn call(
        &self,
        operation: &'static str,
        method: reqwest::Method,
        path: &str,
        body: Body,
        headers: &[(&str, &str)],
    ) -> Result<Reply, SmapiError> {
        let url = format!("{}{path}", self.base);
        let mut refreshed = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let token = self.tokens.token().await?;
            let mut request = self
                .http
                .request(method.clone(), &url)
                .bearer_auth(token.expose());
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            request = match &body {
                Body::Empty => request,
                Body::Json(bytes) => request
                    .header("content-type", "application/json")
                    .body(bytes.clone()),
            };
            let sent = request.send().await;
            let reply = match sent {
                Ok(reply) => reply,
                Err(e) if attempt < self.retry.attempts && (e.is_connect() || e.is_timeout()) => {
                    self.wait_to_retry(operation, 0, attempt, None).await;
                    continue;
                }
                Err(e) => return Err(SmapiError::Transport(e.without_url().to_string())),
            };
            let status = reply.status().as_u16();
            let headers = reply.headers().clone();
            let body_bytes = reply
                .bytes()
                .await
                .map_err(|e| SmapiError::Transport(e.without_url().to_string()))?
                .to_vec();
            tracing::debug!(operation, %method, path, status, "SMAPI");
            if (200..300).contains(&status) {
                return Ok(Reply {
                    headers,
                    body: body_bytes,
                });
            }
            if status == 401 && !refreshed && self.tokens.invalidate().await {
                refreshed = true;
                attempt -= 1;
                continue;
            }
            if matches!(status, 429 | 502 | 503 | 504) && attempt < self.retry.attempts {
                let asked = headers
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                self.wait_to_retry(operation, status, attempt, asked).await;
                continue;
            }
            return Err(SmapiError::from_status(status, &body_bytes, attempt));
        }
    }

    async fn wait_to_retry(
        &self,
        operation: &'static str,
        status: u16,
        attempt: u32,
        asked: Option<Duration>,
    ) {
        let delay = self.retry.delay(attempt, asked);
        self.report(&Progress::Retrying {
            operation,
            status,
            attempt,
            delay,
        });
        tokio::time::sleep(delay).await;
    }

    /// GET and read JSON.
    pub(crate) async fn get_json<T: DeserializeOwned>(
        &self,
        operation: &'static str,
        path: &str,
    ) -> Result<T, SmapiError> {
        self.call(operation, reqwest::Method::GET, path, Body::Empty, &[])
            .await?
            .json(operation)
    }
}
