//! Simulator targets over HTTP: a skill's web service, or a function in a local Lambda
//! runtime (`cargo lambda watch`), so the same conversation can be held with the skill as
//! it is deployed, not only in-process.
//!
//! Plain `http://` only: these are for services on the developer's machine. The requests are
//! not signed, so a web service that verifies Alexa's signatures must run with verification
//! off for local testing.

use super::Target;
use alexa_core::handler::BoxFuture;
use alexa_core::model::{RequestEnvelope, ResponseEnvelope};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{header, Method, StatusCode, Uri};
use hyper_util::client::legacy::{connect::HttpConnector, Client};
use hyper_util::rt::TokioExecutor;
use std::time::Duration;

/// Alexa gives up on a skill after about eight seconds; so does the simulator.
pub const ALEXA_TIMEOUT: Duration = Duration::from_secs(8);

/// Why a target cannot be built.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    /// The URL does not parse, or is not `http://`.
    #[error("{url:?} is not an http:// URL: {reason}")]
    BadUrl {
        /// The URL given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// Signs a request body as Alexa does, for a web service that verifies requests: the
/// headers to send with it (`SignatureCertChainUrl`, `Signature-256`). Tests implement it
/// with a test CA (see `alexa_web::testing`); the simulator holds no keys of its own.
pub trait SignRequest: Send + Sync + 'static {
    /// The signature headers for exactly these body bytes.
    fn headers(&self, body: &[u8]) -> Vec<(String, String)>;
}

/// A skill served over HTTP: each request envelope is POSTed as JSON to one URL.
#[derive(Clone)]
pub struct HttpTarget {
    uri: Uri,
    client: Client<HttpConnector, Full<Bytes>>,
    timeout: Duration,
    signer: Option<std::sync::Arc<dyn SignRequest>>,
}

impl std::fmt::Debug for HttpTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpTarget")
            .field("uri", &self.uri)
            .field("timeout", &self.timeout)
            .field("signed", &self.signer.is_some())
            .finish()
    }
}

impl HttpTarget {
    /// A target POSTing to `url`.
    ///
    /// ```
    /// use alexa_sim::HttpTarget;
    /// assert!(HttpTarget::new("http://127.0.0.1:3000/alexa").is_ok());
    /// assert!(HttpTarget::new("https://skill.example.com/alexa").is_err());
    /// ```
    pub fn new(url: &str) -> Result<Self, TargetError> {
        let bad = |reason: &str| TargetError::BadUrl {
            url: url.to_owned(),
            reason: reason.to_owned(),
        };
        let uri: Uri = url
            .parse()
            .map_err(|e: hyper::http::uri::InvalidUri| bad(&e.to_string()))?;
        match uri.scheme_str() {
            Some("http") => {}
            Some("https") => return Err(bad(
                "the simulator speaks plain HTTP to local services; use the service's http:// port",
            )),
            _ => return Err(bad("the scheme must be http")),
        }
        if uri.host().is_none() {
            return Err(bad("there is no host"));
        }
        Ok(Self {
            uri,
            client: Client::builder(TokioExecutor::new()).build_http(),
            timeout: ALEXA_TIMEOUT,
            signer: None,
        })
    }

    /// Signs every request with `signer`, so a web service that verifies requests (as
    /// Amazon requires) can be talked to with verification on.
    pub fn with_signer(mut self, signer: std::sync::Arc<dyn SignRequest>) -> Self {
        self.signer = Some(signer);
        self
    }

    /// Waits `timeout` for each answer instead of Alexa's eight seconds.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The URL requests go to.
    pub fn url(&self) -> String {
        self.uri.to_string()
    }

    /// POSTs `body`; the status and body of the answer, or why there was none.
    async fn post(&self, body: Vec<u8>) -> Result<(StatusCode, hyper::HeaderMap, Bytes), String> {
        let mut request = hyper::Request::builder()
            .method(Method::POST)
            .uri(self.uri.clone())
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json");
        if let Some(signer) = &self.signer {
            for (name, value) in signer.headers(&body) {
                request = request.header(name, value);
            }
        }
        let request = request
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| e.to_string())?;
        let exchange = async {
            let response = self
                .client
                .request(request)
                .await
                .map_err(|e| format!("cannot reach {}: {}", self.uri, source_chain(&e)))?;
            let (parts, body) = response.into_parts();
            let bytes = body
                .collect()
                .await
                .map_err(|e| format!("the answer from {} broke off: {e}", self.uri))?
                .to_bytes();
            Ok((parts.status, parts.headers, bytes))
        };
        tokio::time::timeout(self.timeout, exchange)
            .await
            .map_err(|_| {
                format!(
                    "{} did not answer within {} s (Alexa would have given up)",
                    self.uri,
                    self.timeout.as_secs_f32()
                )
            })?
    }
}

/// The error and its causes on one line ("client error (Connect): Connection refused").
fn source_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// A readable start of a body for error messages.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    match text.char_indices().nth(200) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_owned(),
    }
}

fn parse_response(body: &[u8], from: &str) -> Result<ResponseEnvelope, String> {
    serde_json::from_slice(body).map_err(|e| {
        format!(
            "{from} did not answer with an Alexa response ({e}): {}",
            excerpt(body)
        )
    })
}

impl Target for HttpTarget {
    fn send(&self, request: RequestEnvelope) -> BoxFuture<Result<ResponseEnvelope, String>> {
        let target = self.clone();
        Box::pin(async move {
            let body = serde_json::to_vec(&request).map_err(|e| e.to_string())?;
            let (status, _, bytes) = target.post(body).await?;
            if status != StatusCode::OK {
                return Err(format!(
                    "HTTP {status} from {}: {}",
                    target.uri,
                    excerpt(&bytes)
                ));
            }
            parse_response(&bytes, &target.url())
        })
    }
}

/// A function in a local Lambda runtime, invoked through the Lambda Invoke API that
/// `cargo lambda watch` serves (`POST /2015-03-31/functions/{name}/invocations`).
#[derive(Debug, Clone)]
pub struct LambdaTarget {
    http: HttpTarget,
    function: String,
}

impl LambdaTarget {
    /// The function `function` behind the runtime at `address` (e.g. `http://127.0.0.1:9000`).
    ///
    /// ```
    /// use alexa_sim::LambdaTarget;
    /// let target = LambdaTarget::new("http://127.0.0.1:9000", "voiceops-skill").unwrap();
    /// assert_eq!(target.url(), "http://127.0.0.1:9000/2015-03-31/functions/voiceops-skill/invocations");
    /// ```
    pub fn new(address: &str, function: &str) -> Result<Self, TargetError> {
        let base = address.trim_end_matches('/');
        let url = format!("{base}/2015-03-31/functions/{function}/invocations");
        Ok(Self {
            http: HttpTarget::new(&url)?,
            function: function.to_owned(),
        })
    }

    /// Waits `timeout` for each answer instead of Alexa's eight seconds.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.http = self.http.with_timeout(timeout);
        self
    }

    /// The invocation URL.
    pub fn url(&self) -> String {
        self.http.url()
    }
}

/// Lambda's report of a failed invocation.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct FunctionError {
    error_type: String,
    error_message: String,
}

impl Target for LambdaTarget {
    fn send(&self, request: RequestEnvelope) -> BoxFuture<Result<ResponseEnvelope, String>> {
        let target = self.clone();
        Box::pin(async move {
            let body = serde_json::to_vec(&request).map_err(|e| e.to_string())?;
            let (status, headers, bytes) = target.http.post(body).await?;
            // An Alexa response never has both fields, so this is the function's failure.
            if let Ok(error) = serde_json::from_slice::<FunctionError>(&bytes) {
                return Err(format!(
                    "the function {} failed: {}: {}",
                    target.function, error.error_type, error.error_message
                ));
            }
            if headers.contains_key("x-amz-function-error") {
                return Err(format!(
                    "the function {} failed: {}",
                    target.function,
                    excerpt(&bytes)
                ));
            }
            if !status.is_success() {
                return Err(format!(
                    "HTTP {status} from the Lambda runtime at {}: {}",
                    target.url(),
                    excerpt(&bytes)
                ));
            }
            parse_response(&bytes, &format!("the function {}", target.function))
        })
    }
}
