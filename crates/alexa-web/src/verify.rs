//! Verifying a request as Amazon requires of a web service: certificate URL, chain,
//! signature over the raw body, then the timestamp.

use crate::cert_url;
use crate::chain::{self, ChainError, TrustedSigner};
use crate::fetch::{CertFetcher, HttpsFetcher};
use alexa_core::model::RequestEnvelope;
use base64::Engine;
use rustls_pki_types::TrustAnchor;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

/// How far a request's timestamp may be from now.
pub const TOLERANCE: Duration = Duration::from_secs(150);
/// The same for `AlexaSkillEvent.*` requests, which Amazon may deliver late.
pub const SKILL_EVENT_TOLERANCE: Duration = Duration::from_secs(3600);
/// How many certificate chains are kept; Amazon rotates one at a time.
pub const CACHE_ENTRIES: usize = 16;

/// The verification headers of one request (names are case-insensitive on the wire; the
/// host looks them up that way).
#[derive(Debug, Clone, Copy, Default)]
pub struct SignatureHeaders<'a> {
    /// `SignatureCertChainUrl`.
    pub cert_chain_url: Option<&'a str>,
    /// `Signature-256`: base64 RSA PKCS#1 v1.5 SHA-256 over the body.
    pub signature_256: Option<&'a str>,
    /// `Signature`: the retired SHA-1 signature, never enough on its own.
    pub signature_sha1: Option<&'a str>,
}

/// Why a request was refused: a short code for the 400 body, the reason for the log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {reason}")]
pub struct Rejection {
    /// e.g. `bad-signature`.
    pub code: &'static str,
    /// What exactly was wrong.
    pub reason: String,
}

impl Rejection {
    fn new(code: &'static str, reason: impl Into<String>) -> Self {
        Self {
            code,
            reason: reason.into(),
        }
    }
}

/// Verifies requests against trust anchors, fetching and caching certificate chains.
pub struct Verifier {
    roots: Vec<TrustAnchor<'static>>,
    fetcher: Arc<dyn CertFetcher>,
    cache: Mutex<HashMap<String, TrustedSigner>>,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifier")
            .field("roots", &self.roots.len())
            .finish_non_exhaustive()
    }
}

impl Default for Verifier {
    /// The platform's trusted roots ([`platform_roots`]) and [`HttpsFetcher`]: what a
    /// deployed skill uses.
    fn default() -> Self {
        Self::new(platform_roots(), Arc::new(HttpsFetcher::default()))
    }
}

/// The roots this machine trusts (its CA bundle, through rustls-native-certs); the Mozilla
/// root programme's set (webpki-roots) where the machine has none, as in a minimal container
/// without `ca-certificates`, so a missing bundle never means trusting nothing.
pub fn platform_roots() -> Vec<TrustAnchor<'static>> {
    let found = rustls_native_certs::load_native_certs();
    let mut roots: Vec<TrustAnchor<'static>> = found
        .certs
        .iter()
        .filter_map(|der| webpki::anchor_from_trusted_cert(der).ok())
        .map(|anchor| anchor.to_owned())
        .collect();
    if roots.is_empty() {
        tracing::info!(
            errors = found.errors.len(),
            "no CA bundle on this machine: trusting the Mozilla roots built in"
        );
        roots = webpki_roots::TLS_SERVER_ROOTS.to_vec();
    }
    roots
}

impl Verifier {
    /// A verifier trusting `roots`, fetching chains with `fetcher` (tests inject their own CA
    /// and a fetcher that serves their chains).
    pub fn new(roots: Vec<TrustAnchor<'static>>, fetcher: Arc<dyn CertFetcher>) -> Self {
        Self {
            roots,
            fetcher,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// Checks headers and raw body, then reads the envelope and checks its timestamp against
    /// `now`. Nothing from the body is trusted before the signature is.
    pub async fn verify(
        &self,
        headers: SignatureHeaders<'_>,
        body: &[u8],
        now: SystemTime,
    ) -> Result<RequestEnvelope, Rejection> {
        let signature = match (headers.signature_256, headers.signature_sha1) {
            (Some(signature), _) => signature,
            (None, Some(_)) => {
                return Err(Rejection::new(
                    "sha1-only",
                    "only the retired SHA-1 Signature header; Signature-256 is required",
                ))
            }
            (None, None) => return Err(Rejection::new("missing-signature", "no Signature-256")),
        };
        let url = headers
            .cert_chain_url
            .ok_or_else(|| Rejection::new("missing-cert-url", "no SignatureCertChainUrl"))?;
        let url = cert_url::check(url)
            .map_err(|e| Rejection::new("bad-cert-url", format!("{url:?}: {e}")))?;
        let signature = base64::engine::general_purpose::STANDARD
            .decode(signature.trim())
            .map_err(|e| Rejection::new("malformed-signature", e.to_string()))?;
        let signer = self.signer(&url, now).await?;
        if !signer.verifies(body, &signature) {
            return Err(Rejection::new(
                "bad-signature",
                "the signature does not match the body",
            ));
        }
        let envelope = RequestEnvelope::from_slice_lenient(body)
            .map_err(|e| Rejection::new("not-an-alexa-request", e.to_string()))?
            .envelope;
        check_timestamp(&envelope, now)?;
        Ok(envelope)
    }

    /// The trusted signer for `url`: from the cache while its certificate is valid, else
    /// fetched and checked.
    async fn signer(&self, url: &str, now: SystemTime) -> Result<TrustedSigner, Rejection> {
        if let Some(signer) = self.lock().get(url).filter(|s| s.valid_at(now)) {
            return Ok(signer.clone());
        }
        let pem = self
            .fetcher
            .fetch(url)
            .await
            .map_err(|e| Rejection::new("cert-unavailable", format!("{url}: {e}")))?;
        let signer = chain::verify(&pem, &self.roots, now).map_err(|e| {
            let code = match e {
                ChainError::Expired => "cert-expired",
                ChainError::NotYetValid => "cert-not-yet-valid",
                ChainError::WrongName => "cert-wrong-name",
                ChainError::WrongUsage => "cert-wrong-usage",
                ChainError::Untrusted(_) => "cert-untrusted",
                _ => "cert-malformed",
            };
            Rejection::new(code, e.to_string())
        })?;
        let mut cache = self.lock();
        cache.retain(|_, s| s.valid_at(now));
        if cache.len() >= CACHE_ENTRIES {
            let soonest = cache
                .iter()
                .min_by_key(|(_, s)| s.not_after)
                .map(|(url, _)| url.clone());
            if let Some(url) = soonest {
                cache.remove(&url);
            }
        }
        cache.insert(url.to_owned(), signer.clone());
        Ok(signer)
    }

    /// How many chains are cached (for tests and metrics).
    pub fn cached(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, TrustedSigner>> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The request's timestamp within [`TOLERANCE`] of `now` (an hour for skill events).
fn check_timestamp(envelope: &RequestEnvelope, now: SystemTime) -> Result<(), Rejection> {
    let request = &envelope.request;
    let stamp = request
        .timestamp()
        .ok_or_else(|| Rejection::new("missing-timestamp", "the request has no timestamp"))?;
    let tolerance = match request.type_name().starts_with("AlexaSkillEvent.") {
        true => SKILL_EVENT_TOLERANCE,
        false => TOLERANCE,
    };
    let now_ms = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let off_ms = now_ms - stamp.unix_millis();
    if off_ms > tolerance.as_millis() as i64 {
        return Err(Rejection::new(
            "stale-request",
            format!("the timestamp is {} s old", off_ms / 1000),
        ));
    }
    if -off_ms > tolerance.as_millis() as i64 {
        return Err(Rejection::new(
            "future-request",
            format!("the timestamp is {} s ahead", -off_ms / 1000),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn there_are_always_roots_to_trust() {
        assert!(!super::platform_roots().is_empty());
    }
}
