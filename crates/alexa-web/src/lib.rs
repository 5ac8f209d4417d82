//! # alexa-web
//!
//! Hosts an alexa-core skill as an HTTPS web service (a container, a VM, Kubernetes behind a
//! load balancer) instead of on Lambda, with the request verification Amazon requires of
//! such an endpoint, done completely:
//!
//! 1. `SignatureCertChainUrl`: https, host `s3.amazonaws.com`, path under `/echo.api/` after
//!    normalisation, port 443 if any; nothing is fetched for a URL that fails ([`cert_url`]).
//! 2. `Signature-256` only: a request with just the retired SHA-1 `Signature` is refused.
//! 3. The chain, fetched over HTTPS with a short timeout and a size cap, checked with
//!    rustls-webpki: validity dates, `echo-api.amazon.com` in the SAN, a path to one of the
//!    platform's trusted roots, key usage for signatures; cached by URL until the certificate expires, at most [`verify::CACHE_ENTRIES`]
//!    chains ([`chain`], [`fetch`]).
//! 4. RSA PKCS#1 v1.5 SHA-256 over the raw body bytes, as received.
//! 5. The timestamp within 150 s (an hour for `AlexaSkillEvent.*`), then the skill-ID check.
//!
//! Each failure is a 400 with a short code (`{"error":"bad-signature"}`) and the reason in the
//! log; nothing from a refused request reaches a handler. Trust roots and the fetcher are
//! injectable through [`Verifier::new`] so tests can use their own CA; [`Verifier::default`]
//! (the machine's CA bundle, or the Mozilla roots where it has none; HTTPS) is what a deployed
//! skill uses.
#![warn(missing_docs)]

pub mod cert_url;
pub mod chain;
pub mod fetch;
mod host;
#[cfg(feature = "test-util")]
pub mod testing;
pub mod tls;
pub mod verify;

pub use host::{shutdown_signal, WebHost, DEFAULT_BODY_LIMIT};
pub use verify::{platform_roots, Rejection, SignatureHeaders, Verifier};
