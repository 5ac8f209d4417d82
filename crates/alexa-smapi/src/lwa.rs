//! Login with Amazon: access tokens from the refresh-token flow, cached until shortly before
//! they expire; and the authorization-code flow `cargo alexa login` uses to mint the refresh
//! token once.

use crate::{Credentials, LwaError, Secret};
use serde::Deserialize;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// The scopes a skill developer's tools need: skills and models read and write, testing
/// (simulation, invocation, the utterance profiler), as the ASK CLI asks for them.
pub const DEVELOPER_SCOPES: &str =
    "alexa::ask:skills:readwrite alexa::ask:models:readwrite alexa::ask:skills:test";

/// A token is refreshed once fewer than this many seconds of it remain (as Amazon's own
/// SDKs do), so a call never goes out with a token about to lapse.
const REFRESH_MARGIN: Duration = Duration::from_secs(60);

/// Amazon's token answer.
#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    /// The access token (`Atza|…`).
    pub access_token: Secret,
    /// The refresh token, on the authorization-code flow.
    #[serde(default)]
    pub refresh_token: Option<Secret>,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    /// `bearer`.
    #[serde(default)]
    pub token_type: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct TokenError {
    #[serde(default)]
    error: String,
    #[serde(default)]
    error_description: String,
}

/// Where access tokens come from: the refresh-token flow, or one fixed token
/// (`ASK_ACCESS_TOKEN`, about an hour's worth, for a quick try).
#[derive(Debug)]
pub struct TokenSource {
    http: reqwest::Client,
    token_url: String,
    kind: Kind,
    cached: Mutex<Option<(Secret, Instant)>>,
}

#[derive(Debug)]
enum Kind {
    Refresh(Credentials),
    Fixed(Secret),
}

impl TokenSource {
    /// Tokens minted from `credentials` at `lwa_token_host` (`https://api.amazon.com`).
    pub fn refreshing(
        http: reqwest::Client,
        lwa_token_host: &str,
        credentials: Credentials,
    ) -> Self {
        Self::with(http, lwa_token_host, Kind::Refresh(credentials))
    }

    /// Always the same access token; a 401 is final.
    pub fn fixed(http: reqwest::Client, token: Secret) -> Self {
        Self::with(http, "", Kind::Fixed(token))
    }

    fn with(http: reqwest::Client, host: &str, kind: Kind) -> Self {
        TokenSource {
            http,
            token_url: format!("{}/auth/o2/token", host.trim_end_matches('/')),
            kind,
            cached: Mutex::new(None),
        }
    }

    /// The credentials behind the tokens, when they are refreshed.
    pub fn credentials(&self) -> Option<&Credentials> {
        match &self.kind {
            Kind::Refresh(c) => Some(c),
            Kind::Fixed(_) => None,
        }
    }

    /// A valid access token: the cached one while more than a minute of it remains, else a
    /// new one (one refresh at a time, however many callers wait).
    pub async fn token(&self) -> Result<Secret, LwaError> {
        let credentials = match &self.kind {
            Kind::Fixed(token) => return Ok(token.clone()),
            Kind::Refresh(c) => c,
        };
        let mut cached = self.cached.lock().await;
        if let Some((token, expires)) = cached.as_ref() {
            if Instant::now() + REFRESH_MARGIN < *expires {
                return Ok(token.clone());
            }
        }
        let fresh = request_token(
            &self.http,
            &self.token_url,
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", credentials.refresh_token.expose()),
                ("client_id", &credentials.client_id),
                ("client_secret", credentials.client_secret.expose()),
            ],
        )
        .await?;
        tracing::debug!(expires_in = fresh.expires_in, "new LWA access token");
        let expires = Instant::now() + Duration::from_secs(fresh.expires_in);
        *cached = Some((fresh.access_token.clone(), expires));
        Ok(fresh.access_token)
    }

    /// Forgets the cached token (after a 401), so the next call refreshes. Returns false
    /// when a new token cannot help (a fixed token).
    pub async fn invalidate(&self) -> bool {
        *self.cached.lock().await = None;
        matches!(self.kind, Kind::Refresh(_))
    }
}

/// The consent page's URL for the authorization-code flow: the developer signs in there and
/// Amazon redirects to `redirect_uri` with `code` and `state`.
///
/// ```
/// let url = alexa_smapi::lwa::authorize_url("https://www.amazon.com", "amzn1.application-oa2-client.x",
///     "http://127.0.0.1:9090/cb", "s1").unwrap();
/// assert!(url.starts_with("https://www.amazon.com/ap/oa?client_id=amzn1.application-oa2-client.x"));
/// assert!(url.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A9090%2Fcb"));
/// ```
pub fn authorize_url(
    host: &str,
    client_id: &str,
    redirect_uri: &str,
    state: &str,
) -> Result<String, LwaError> {
    let page = format!("{}/ap/oa", host.trim_end_matches('/'));
    reqwest::Url::parse_with_params(
        &page,
        [
            ("client_id", client_id),
            ("scope", DEVELOPER_SCOPES),
            ("response_type", "code"),
            ("redirect_uri", redirect_uri),
            ("state", state),
        ],
    )
    .map(String::from)
    .map_err(|e| LwaError::Transport(format!("{page} is not a URL: {e}")))
}

/// Exchanges an authorization code for tokens (the refresh token among them).
pub async fn exchange_code(
    http: &reqwest::Client,
    lwa_token_host: &str,
    client_id: &str,
    client_secret: &Secret,
    code: &str,
    redirect_uri: &str,
) -> Result<TokenResponse, LwaError> {
    let url = format!("{}/auth/o2/token", lwa_token_host.trim_end_matches('/'));
    request_token(
        http,
        &url,
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
            ("client_id", client_id),
            ("client_secret", client_secret.expose()),
        ],
    )
    .await
}

async fn request_token(
    http: &reqwest::Client,
    url: &str,
    form: &[(&str, &str)],
) -> Result<TokenResponse, LwaError> {
    let reply = http
        .post(url)
        .form(form)
        .send()
        .await
        .map_err(|e| LwaError::Transport(e.without_url().to_string()))?;
    let status = reply.status();
    let body = reply
        .bytes()
        .await
        .map_err(|e| LwaError::Transport(e.to_string()))?;
    if status.is_success() {
        return serde_json::from_slice(&body).map_err(|e| {
            LwaError::Transport(format!("the token answer is not Amazon's shape: {e}"))
        });
    }
    let err: TokenError = serde_json::from_slice(&body).unwrap_or_default();
    let description = if err.error_description.is_empty() {
        format!("status {}", status.as_u16())
    } else {
        err.error_description
    };
    Err(match err.error.as_str() {
        "invalid_grant" => LwaError::Expired { description },
        "invalid_client" | "unauthorized_client" => LwaError::Client { description },
        _ => LwaError::Refused {
            error: if err.error.is_empty() {
                status.to_string()
            } else {
                err.error
            },
            description,
        },
    })
}
