//! The web service: `POST /` with an envelope (verified on the raw body first), `GET
//! /health`, a body cap, graceful shutdown.

use crate::verify::{SignatureHeaders, Verifier};
use alexa_core::deadline::{Deadline, DeadlineLayer};
use alexa_core::model::RequestEnvelope;
use alexa_core::{InvocationError, Skill};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use tower::Layer;

/// The largest request body read by default: real envelopes are a few kilobytes.
pub const DEFAULT_BODY_LIMIT: usize = 256 * 1024;

/// Whether requests are verified. There is no way to turn verification off except
/// [`WebHost::unverified_for_local_development`], which only serves on a loopback address.
#[derive(Debug, Clone)]
enum Verification {
    On(Arc<Verifier>),
    OffForLocalDevelopment,
}

/// A skill served over HTTP(S) as Alexa's web-service endpoint.
///
/// ```no_run
/// use alexa_web::{shutdown_signal, Verifier, WebHost};
/// # async fn serve(skill: alexa_core::Skill) -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
/// WebHost::new(skill, Verifier::default()).serve(listener, shutdown_signal()).await
/// # }
/// ```
#[derive(Debug)]
pub struct WebHost<S> {
    skill: Skill<S>,
    verification: Verification,
    body_limit: usize,
    deadline: Duration,
}

struct Shared<S> {
    skill: Deadline<S>,
    verification: Verification,
}

impl<S: Send + Sync + 'static> WebHost<S> {
    /// Serves `skill`, verifying every request with `verifier`.
    pub fn new(skill: Skill<S>, verifier: Verifier) -> Self {
        Self::with(skill, Verification::On(Arc::new(verifier)))
    }

    fn with(skill: Skill<S>, verification: Verification) -> Self {
        Self {
            skill,
            verification,
            body_limit: DEFAULT_BODY_LIMIT,
            deadline: Duration::from_secs(7),
        }
    }

    /// Serves `skill` without checking signatures, for local development only:
    /// [`serve`](Self::serve) refuses any address but loopback and logs a warning.
    pub fn unverified_for_local_development(skill: Skill<S>) -> Self {
        Self::with(skill, Verification::OffForLocalDevelopment)
    }

    /// Answers 413 to bodies over `bytes`, without reading past them.
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// The handlers' deadline (see [`DeadlineLayer`]); 7 s by default.
    pub fn deadline(mut self, limit: Duration) -> Self {
        self.deadline = limit;
        self
    }

    /// The routes, for embedding in a larger axum app or calling in tests.
    pub fn router(self) -> Router {
        let shared = Arc::new(Shared {
            skill: DeadlineLayer::new(self.deadline).layer(self.skill),
            verification: self.verification,
        });
        Router::new()
            .route("/", post(answer::<S>))
            .route("/health", get(|| async { "ok" }))
            .layer(DefaultBodyLimit::max(self.body_limit))
            .with_state(shared)
    }

    /// Serves on `listener` until `shutdown` completes, then finishes the requests in
    /// flight. Unverified hosting is refused unless the listener is on a loopback address.
    pub async fn serve(
        self,
        listener: tokio::net::TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        self.serve_on(listener, shutdown).await
    }

    /// [`serve`](Self::serve) with TLS in-process (see [`tls`](crate::tls)), for when nothing
    /// in front terminates it.
    pub async fn serve_tls(
        self,
        listener: tokio::net::TcpListener,
        tls: Arc<rustls::ServerConfig>,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let listener = crate::tls::TlsListener::new(listener, tls)?;
        self.serve_on(listener, shutdown).await
    }

    async fn serve_on<L>(
        self,
        listener: L,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()>
    where
        L: axum::serve::Listener<Addr = std::net::SocketAddr>,
    {
        let addr = listener.local_addr()?;
        if matches!(self.verification, Verification::OffForLocalDevelopment) {
            if !addr.ip().is_loopback() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    format!("refusing to serve unverified requests on {addr}: only a loopback address may skip verification"),
                ));
            }
            tracing::warn!(%addr, "request verification is OFF (local development only): anyone who can reach this address can invoke the skill");
        }
        tracing::info!(%addr, "serving the skill");
        axum::serve(listener, self.router())
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// Completes on SIGTERM (how containers and systemd stop a service) or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
    tracing::info!("shutting down: finishing the requests in flight");
}

fn refused(code: &'static str, reason: &str) -> Response {
    tracing::warn!(code, reason, "refused a request");
    let body = serde_json::json!({ "error": code });
    (StatusCode::BAD_REQUEST, axum::Json(body)).into_response()
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

async fn answer<S: Send + Sync + 'static>(
    State(shared): State<Arc<Shared<S>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let envelope = match &shared.verification {
        Verification::On(verifier) => {
            let signature = SignatureHeaders {
                cert_chain_url: header(&headers, "signaturecertchainurl"),
                signature_256: header(&headers, "signature-256"),
                signature_sha1: header(&headers, "signature"),
            };
            match verifier.verify(signature, &body, SystemTime::now()).await {
                Ok(envelope) => envelope,
                Err(rejection) => return refused(rejection.code, &rejection.reason),
            }
        }
        Verification::OffForLocalDevelopment => match RequestEnvelope::from_slice_lenient(&body) {
            Ok(read) => read.envelope,
            Err(err) => return refused("not-an-alexa-request", &err.to_string()),
        },
    };
    match shared.skill.handle(envelope).await {
        Ok(response) => match serde_json::to_vec(&response) {
            Ok(bytes) => ([(header::CONTENT_TYPE, "application/json")], bytes).into_response(),
            Err(err) => {
                tracing::error!(%err, "could not serialise the response");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
        Err(err @ InvocationError::SkillIdMismatch { .. }) => {
            refused("wrong-skill", &err.to_string())
        }
        Err(err) => {
            tracing::error!(%err, "no answer");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
