//! A test PKI standing in for Amazon's (feature `test-util`): a root, an intermediate, and
//! RSA signing certificates for `echo-api.amazon.com`, good and broken in every way a
//! verifier must catch; a fetcher serving their chains; signatures over request bodies. For
//! testing a verifying endpoint end to end without Amazon.
//!
//! ```
//! use alexa_web::testing::{Flaw, TestPki, ServedChains, TEST_CERT_URL};
//! use alexa_web::Verifier;
//! use std::sync::Arc;
//! let pki = TestPki::new();
//! let signer = pki.signer(Flaw::None);
//! let served = Arc::new(ServedChains::default());
//! served.serve(TEST_CERT_URL, &signer.chain);
//! let verifier = Verifier::new(pki.roots(), served.clone());
//! let signature = signer.sign(b"{}");
//! assert!(!signature.is_empty());
//! # let _ = verifier;
//! ```

use crate::fetch::{CertFetcher, FetchFuture};
use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::signature::{RsaKeyPair, RSA_PKCS1_SHA256};
use base64::Engine;
use rcgen::{
    BasicConstraints, CertificateParams, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, PKCS_RSA_SHA256,
};
use rustls_pki_types::{CertificateDer, PrivatePkcs8KeyDer, TrustAnchor};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use time::{Duration, OffsetDateTime};

/// A certificate URL that passes the URL rules, for a test chain.
pub const TEST_CERT_URL: &str = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem";

/// A certificate authority: its certificate parameters and key.
#[allow(missing_debug_implementations)]
pub struct Ca {
    params: CertificateParams,
    key: KeyPair,
    /// Its certificate, PEM.
    pub pem: String,
    /// Its certificate, DER.
    pub der: CertificateDer<'static>,
}

impl Ca {
    fn root(name: &str) -> Self {
        let key = KeyPair::generate().unwrap();
        let params = ca_params(name);
        let cert = params.self_signed(&key).unwrap();
        Self {
            pem: cert.pem(),
            der: cert.der().clone(),
            params,
            key,
        }
    }

    fn intermediate(&self, name: &str) -> Self {
        let key = KeyPair::generate().unwrap();
        let params = ca_params(name);
        let cert = params
            .signed_by(&key, &Issuer::from_params(&self.params, &self.key))
            .unwrap();
        Self {
            pem: cert.pem(),
            der: cert.der().clone(),
            params,
            key,
        }
    }

    /// Its certificate as a trust anchor.
    pub fn anchor(&self) -> TrustAnchor<'static> {
        webpki::anchor_from_trusted_cert(&self.der)
            .unwrap()
            .to_owned()
    }
}

fn ca_params(name: &str) -> CertificateParams {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, name);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.use_authority_key_identifier_extension = true;
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params
}

/// A signing certificate with its RSA key, as a PEM chain (itself, then intermediates).
#[allow(missing_debug_implementations)]
pub struct TestSigner {
    rsa: RsaKeyPair,
    /// The PEM chain: the signing certificate, then its intermediate.
    pub chain: String,
}

impl TestSigner {
    /// Base64 RSA PKCS#1 v1.5 SHA-256 signature over `body`.
    pub fn sign(&self, body: &[u8]) -> String {
        let rng = aws_lc_rs::rand::SystemRandom::new();
        let mut signature = vec![0; self.rsa.public_modulus_len()];
        self.rsa
            .sign(&RSA_PKCS1_SHA256, &rng, body, &mut signature)
            .unwrap();
        base64::engine::general_purpose::STANDARD.encode(signature)
    }
}

/// What to get wrong in a signing certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    /// A good certificate.
    None,
    /// Its validity ended yesterday.
    Expired,
    /// Its validity starts tomorrow.
    NotYetValid,
    /// Issued for `echo-api.example.com`.
    WrongName,
    /// Issued by a CA the verifier does not trust.
    UntrustedRoot,
    /// The chain lacks the intermediate.
    MissingIntermediate,
    /// Its key usage does not allow digital signatures.
    NoSignatureUsage,
}

/// A root CA, an intermediate under it, and a stranger CA nobody trusts.
#[allow(missing_debug_implementations)]
pub struct TestPki {
    /// The root to trust.
    pub root: Ca,
    intermediate: Ca,
    stranger: Ca,
}

impl Default for TestPki {
    fn default() -> Self {
        Self::new()
    }
}

impl TestPki {
    /// Generates the CAs.
    pub fn new() -> Self {
        let root = Ca::root("Test Root CA");
        let intermediate = root.intermediate("Test Intermediate CA");
        let stranger = Ca::root("Someone Else's CA");
        Self {
            root,
            intermediate,
            stranger,
        }
    }

    /// The trust anchors a verifier should use.
    pub fn roots(&self) -> Vec<TrustAnchor<'static>> {
        vec![self.root.anchor()]
    }

    /// A TLS server certificate for `name` under the test root: its PEM chain and PEM
    /// private key, for testing TLS in-process ([`crate::tls`]).
    pub fn server_cert(&self, name: &str) -> (String, String) {
        let key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(vec![name.to_owned()]).unwrap();
        params.use_authority_key_identifier_extension = true;
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let issuer = Issuer::from_params(&self.intermediate.params, &self.intermediate.key);
        let cert = params.signed_by(&key, &issuer).unwrap();
        (
            format!("{}{}", cert.pem(), self.intermediate.pem),
            key.serialize_pem(),
        )
    }

    /// An HTTPS client that trusts only the test root and reaches `name` at `addr`, for
    /// talking to a host serving [`server_cert`](Self::server_cert)`(name)`.
    pub fn https_client(&self, name: &str, addr: std::net::SocketAddr) -> reqwest::Client {
        let root = reqwest::Certificate::from_pem(self.root.pem.as_bytes()).unwrap();
        reqwest::Client::builder()
            .tls_certs_only([root])
            .resolve(name, addr)
            .build()
            .unwrap()
    }

    /// A new RSA signing certificate with `flaw`.
    pub fn signer(&self, flaw: Flaw) -> TestSigner {
        let rsa = RsaKeyPair::generate(aws_lc_rs::rsa::KeySize::Rsa2048).unwrap();
        let pkcs8 = rsa.as_der().unwrap();
        let key = KeyPair::from_pkcs8_der_and_sign_algo(
            &PrivatePkcs8KeyDer::from(pkcs8.as_ref()),
            &PKCS_RSA_SHA256,
        )
        .unwrap();
        let name = match flaw {
            Flaw::WrongName => "echo-api.example.com",
            _ => "echo-api.amazon.com",
        };
        let mut params = CertificateParams::new(vec![name.to_owned()]).unwrap();
        // As in every CA-issued certificate; strict path validators require it.
        params.use_authority_key_identifier_extension = true;
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, name);
        params.key_usages = match flaw {
            Flaw::NoSignatureUsage => vec![KeyUsagePurpose::KeyEncipherment],
            _ => vec![
                KeyUsagePurpose::DigitalSignature,
                KeyUsagePurpose::KeyEncipherment,
            ],
        };
        params.extended_key_usages = vec![
            ExtendedKeyUsagePurpose::ServerAuth,
            ExtendedKeyUsagePurpose::ClientAuth,
        ];
        let now = OffsetDateTime::now_utc();
        (params.not_before, params.not_after) = match flaw {
            Flaw::Expired => (now - Duration::days(30), now - Duration::days(1)),
            Flaw::NotYetValid => (now + Duration::days(1), now + Duration::days(30)),
            _ => (now - Duration::days(1), now + Duration::days(30)),
        };
        let issuer_ca = match flaw {
            Flaw::UntrustedRoot => &self.stranger,
            _ => &self.intermediate,
        };
        let issuer = Issuer::from_params(&issuer_ca.params, &issuer_ca.key);
        let cert = params.signed_by(&key, &issuer).unwrap();
        let chain = match flaw {
            Flaw::MissingIntermediate => cert.pem(),
            Flaw::UntrustedRoot => format!("{}{}", cert.pem(), self.stranger.pem),
            _ => format!("{}{}", cert.pem(), self.intermediate.pem),
        };
        TestSigner { rsa, chain }
    }
}

/// Serves chains by URL and counts the fetches.
#[derive(Debug, Default)]
pub struct ServedChains {
    chains: Mutex<HashMap<String, String>>,
    fetches: AtomicUsize,
}

impl ServedChains {
    /// Serves `chain` at `url`.
    pub fn serve(&self, url: &str, chain: &str) {
        self.chains
            .lock()
            .unwrap()
            .insert(url.to_owned(), chain.to_owned());
    }
    /// The chain served at `url`.
    pub fn chain(&self, url: &str) -> Option<String> {
        self.chains.lock().unwrap().get(url).cloned()
    }

    /// How many fetches were made.
    pub fn fetched(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }
}

impl CertFetcher for ServedChains {
    fn fetch<'a>(&'a self, url: &'a str) -> FetchFuture<'a> {
        self.fetches.fetch_add(1, Ordering::SeqCst);
        let found = self.chains.lock().unwrap().get(url).cloned();
        Box::pin(async move {
            found
                .map(String::into_bytes)
                .ok_or_else(|| "404".to_owned())
        })
    }
}

/// RFC 3339 for `now + offset_seconds`, for request timestamps.
pub fn stamp(offset_seconds: i64) -> String {
    (OffsetDateTime::now_utc() + Duration::seconds(offset_seconds))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}
