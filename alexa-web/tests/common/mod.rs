//! A test PKI standing in for Amazon's: a root, an intermediate, and RSA signing
//! certificates for `echo-api.amazon.com`, good and broken in every way the verifier must
//! catch; a fetcher serving their chains; signed requests.

#![allow(dead_code)]

use alexa_web::fetch::{CertFetcher, FetchFuture};
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
use std::sync::{Arc, Mutex};
use time::{Duration, OffsetDateTime};

pub const URL: &str = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem";

/// A certificate authority: its certificate parameters and key.
pub struct Ca {
    params: CertificateParams,
    key: KeyPair,
    pub pem: String,
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
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params
}

/// A signing certificate with its RSA key, as a PEM chain (itself, then intermediates).
pub struct Signer {
    rsa: RsaKeyPair,
    pub chain: String,
}

impl Signer {
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
#[derive(Clone, Copy, PartialEq)]
pub enum Flaw {
    None,
    Expired,
    NotYetValid,
    WrongName,
    UntrustedRoot,
    MissingIntermediate,
}

pub struct Pki {
    pub root: Ca,
    intermediate: Ca,
    stranger: Ca,
}

impl Pki {
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

    pub fn roots(&self) -> Vec<TrustAnchor<'static>> {
        vec![self.root.anchor()]
    }

    pub fn signer(&self, flaw: Flaw) -> Signer {
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
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, name);
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
        Signer { rsa, chain }
    }
}

/// Serves chains by URL and counts the fetches.
#[derive(Default)]
pub struct Served {
    chains: Mutex<HashMap<String, String>>,
    pub fetches: AtomicUsize,
}

impl Served {
    pub fn serve(&self, url: &str, chain: &str) {
        self.chains
            .lock()
            .unwrap()
            .insert(url.to_owned(), chain.to_owned());
    }
    pub fn fetched(&self) -> usize {
        self.fetches.load(Ordering::SeqCst)
    }
}

impl CertFetcher for Served {
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

/// Shares a `Served` as the verifier's fetcher.
pub struct Shared(pub Arc<Served>);

impl CertFetcher for Shared {
    fn fetch<'a>(&'a self, url: &'a str) -> FetchFuture<'a> {
        self.0.fetch(url)
    }
}

/// RFC 3339 for `now + offset_seconds`.
pub fn stamp(offset_seconds: i64) -> String {
    (OffsetDateTime::now_utc() + Duration::seconds(offset_seconds))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}
