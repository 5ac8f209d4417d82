//! The per-request client: the request's endpoint, token, device and id, over the process's
//! one HTTP client.

use crate::ApiError;
use alexa_core::extract::{FromRequest, Missing};
use alexa_core::model::{ProgressiveResponse, RequestEnvelope, Secret};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Most progressive responses Alexa plays for one request.
pub const MAX_PROGRESSIVE_RESPONSES: usize = 5;

/// How long one call may take: Alexa gives the whole turn about eight seconds.
const CALL_TIMEOUT: Duration = Duration::from_millis(2500);
const CONNECT_TIMEOUT: Duration = Duration::from_millis(1000);

/// The process's HTTP client: one connection pool for every request.
pub(crate) fn http() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(CALL_TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .user_agent(concat!("alexa-services/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_else(|_| reqwest::Client::new())
    })
}

/// The Alexa APIs as this request may call them. A handler argument (it needs
/// `apiEndpoint` and `apiAccessToken`; wrap it in `Option` where a request may lack them).
/// Its `Debug` never shows the token.
#[derive(Debug, Clone)]
pub struct Alexa {
    endpoint: String,
    token: Secret,
    device_id: Option<String>,
    request_id: String,
    locale: Option<String>,
    progressive_sent: Arc<AtomicUsize>,
}

impl<S> FromRequest<S> for Alexa {
    type Rejection = Missing;
    fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Missing> {
        Alexa::for_request(req).map_err(|_| Missing("apiEndpoint and apiAccessToken"))
    }
}

impl Alexa {
    /// The client for `request`: its endpoint, token, device and id.
    pub fn for_request(request: &RequestEnvelope) -> Result<Self, ApiError> {
        let system = &request.context.system;
        let (Some(endpoint), Some(token)) = (&system.api_endpoint, &system.api_access_token) else {
            return Err(ApiError::NoAccess("apiEndpoint and apiAccessToken"));
        };
        Ok(Self {
            endpoint: endpoint.trim_end_matches('/').to_owned(),
            token: token.clone(),
            device_id: system.device.as_ref().map(|d| d.device_id.clone()),
            request_id: request.request.request_id().to_owned(),
            locale: request.request.locale().map(str::to_owned),
            progressive_sent: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// The request's locale, for the APIs that answer in the user's language.
    pub(crate) fn locale(&self) -> Option<&str> {
        self.locale.as_deref()
    }

    /// The device id, for the per-device calls.
    pub(crate) fn device(&self) -> Result<&str, ApiError> {
        self.device_id
            .as_deref()
            .filter(|d| !d.is_empty())
            .ok_or(ApiError::NoAccess("device id"))
    }

    /// Says `speech` (SSML or text) while the skill works on its answer: a progressive
    /// response through the directive service. At most [`MAX_PROGRESSIVE_RESPONSES`] per
    /// request; a failure is returned for the log and should never fail the turn. Call it
    /// only while the handler runs: Alexa ignores one sent after the final answer.
    pub async fn speak_progressive(&self, speech: &str) -> Result<(), ApiError> {
        let sent = self.progressive_sent.fetch_add(1, Ordering::SeqCst);
        if sent >= MAX_PROGRESSIVE_RESPONSES {
            self.progressive_sent.fetch_sub(1, Ordering::SeqCst);
            return Err(ApiError::TooManyProgressive(MAX_PROGRESSIVE_RESPONSES));
        }
        let body = ProgressiveResponse::speak(self.request_id.clone(), speech);
        let result = http()
            .post(format!("{}/v1/directives", self.endpoint))
            .bearer_auth(self.token.expose())
            .json(&body)
            .send()
            .await;
        match result {
            Ok(answer) if answer.status().is_success() => Ok(()),
            Ok(answer) => Err(status_error(answer.status().as_u16(), None)),
            Err(err) => Err(transport_error(&err)),
        }
    }

    /// GET `path` and read its JSON; a 403 is `NotPermitted` when `permission` is given.
    pub(crate) async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        permission: Option<&'static str>,
    ) -> Result<T, ApiError> {
        self.get_query(path, &[], permission).await
    }

    /// GET `path?query` and read its JSON.
    pub(crate) async fn get_query<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
        permission: Option<&'static str>,
    ) -> Result<T, ApiError> {
        let bytes = self
            .call(reqwest::Method::GET, path, query, None::<&()>, permission)
            .await?;
        read_json(&bytes)
    }

    /// Sends `body` with `method` and reads the JSON answer.
    pub(crate) async fn send<B: Serialize, T: DeserializeOwned>(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &B,
        permission: &'static str,
    ) -> Result<T, ApiError> {
        let bytes = self
            .call(method, path, &[], Some(body), Some(permission))
            .await?;
        read_json(&bytes)
    }

    /// POST `path` with no body (pause, resume).
    pub(crate) async fn post_empty(
        &self,
        path: &str,
        permission: &'static str,
    ) -> Result<(), ApiError> {
        self.call(
            reqwest::Method::POST,
            path,
            &[],
            None::<&()>,
            Some(permission),
        )
        .await
        .map(|_| ())
    }

    /// DELETE `path`.
    pub(crate) async fn delete(
        &self,
        path: &str,
        permission: &'static str,
    ) -> Result<(), ApiError> {
        self.call(
            reqwest::Method::DELETE,
            path,
            &[],
            None::<&()>,
            Some(permission),
        )
        .await
        .map(|_| ())
    }

    /// One call: the answer's body on a 2xx, else the typed error.
    async fn call<B: Serialize>(
        &self,
        method: reqwest::Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&B>,
        permission: Option<&'static str>,
    ) -> Result<Vec<u8>, ApiError> {
        let mut call = http()
            .request(method, format!("{}{path}", self.endpoint))
            .query(query)
            .bearer_auth(self.token.expose())
            .header(reqwest::header::ACCEPT, "application/json");
        if let Some(body) = body {
            call = call.json(body);
        }
        if let Some(locale) = self.locale() {
            call = call.header(reqwest::header::ACCEPT_LANGUAGE, locale);
        }
        let answer = exchange(call).await?;
        if !answer.is_success() {
            return Err(answer.error(permission));
        }
        Ok(answer.body)
    }
}

/// An API's answer, read whole: what every call needs to tell success from each failure.
pub(crate) struct Answer {
    pub(crate) status: u16,
    /// `Retry-After` in seconds, on a 429 that carries it (what the skill's own calls wait).
    #[cfg_attr(not(feature = "skill-api"), allow(dead_code))]
    pub(crate) retry_after: Option<Duration>,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    pub(crate) fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The typed failure for a non-2xx answer: a 400 or 409 with Amazon's reason is
    /// [`ApiError::Refused`], naming what was wrong.
    pub(crate) fn error(&self, permission: Option<&'static str>) -> ApiError {
        if matches!(self.status, 400 | 409) {
            if let Some((code, message)) = error_body(&self.body) {
                return ApiError::Refused {
                    status: self.status,
                    code,
                    message,
                };
            }
        }
        status_error(self.status, permission)
    }
}

/// Sends one call and reads its answer whole.
pub(crate) async fn exchange(call: reqwest::RequestBuilder) -> Result<Answer, ApiError> {
    let answer = call.send().await.map_err(|e| transport_error(&e))?;
    let status = answer.status().as_u16();
    let retry_after = answer
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let body = answer.bytes().await.map_err(|e| transport_error(&e))?;
    Ok(Answer {
        status,
        retry_after,
        body: body.to_vec(),
    })
}

/// Amazon's error bodies: `{code, message}` (code a number or a string) or `{message}`.
fn error_body(body: &[u8]) -> Option<(Option<String>, String)> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let message = value.get("message")?.as_str()?.to_owned();
    let code = match value.get("code") {
        Some(serde_json::Value::String(code)) => Some(code.clone()),
        Some(serde_json::Value::Number(code)) => Some(code.to_string()),
        _ => None,
    };
    Some((code, message))
}

pub(crate) fn read_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| ApiError::Malformed(e.to_string()))
}

pub(crate) fn status_error(status: u16, permission: Option<&'static str>) -> ApiError {
    match (status, permission) {
        (401, _) => ApiError::Unauthorized,
        (403, Some(permission)) => ApiError::NotPermitted { permission },
        (403, None) => ApiError::Forbidden,
        (404, _) => ApiError::NotFound,
        (429, _) => ApiError::Throttled,
        (status, _) => ApiError::Status { status },
    }
}

pub(crate) fn transport_error(err: &reqwest::Error) -> ApiError {
    if err.is_timeout() {
        ApiError::Timeout
    } else if err.is_decode() {
        ApiError::Malformed(err.to_string())
    } else {
        ApiError::Unreachable(without_url(err))
    }
}

/// `reqwest::Error`'s text with the URL left out (it carries no token, but keeps logs short).
fn without_url(err: &reqwest::Error) -> String {
    let text = err.to_string();
    match err.url() {
        Some(url) => text.replace(url.as_str(), "<api>"),
        None => text,
    }
}
