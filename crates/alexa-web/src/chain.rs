//! The certificate chain: parsed from PEM, checked with rustls-webpki against trust anchors,
//! for the name `echo-api.amazon.com`, within its validity dates.

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName, TrustAnchor, UnixTime};
use std::time::{Duration, SystemTime};
use webpki::{EndEntityCert, KeyUsage};

/// The name Alexa's signing certificate must carry.
pub const SIGNING_NAME: &str = "echo-api.amazon.com";

/// Why a certificate chain was not trusted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChainError {
    /// No certificate in the PEM, or one that does not parse.
    #[error("the certificate chain does not parse: {0}")]
    Malformed(String),
    /// The signing certificate's validity ended.
    #[error("the signing certificate has expired")]
    Expired,
    /// The signing certificate is not valid yet.
    #[error("the signing certificate is not valid yet")]
    NotYetValid,
    /// The signing certificate is not for `echo-api.amazon.com`.
    #[error("the signing certificate is not for echo-api.amazon.com")]
    WrongName,
    /// The signing certificate's key usage does not include digital signatures.
    #[error("the signing certificate is not for digital signatures")]
    WrongUsage,
    /// The chain does not lead to a trusted root (an unknown CA, a missing intermediate).
    #[error("the certificate chain does not lead to a trusted root: {0}")]
    Untrusted(String),
}

/// A signing certificate that passed every check, with the end of its validity.
#[derive(Debug, Clone)]
pub struct TrustedSigner {
    der: CertificateDer<'static>,
    /// Valid from (inclusive).
    pub not_before: SystemTime,
    /// Valid until (inclusive).
    pub not_after: SystemTime,
}

impl TrustedSigner {
    /// True while `now` is inside the certificate's validity.
    pub fn valid_at(&self, now: SystemTime) -> bool {
        self.not_before <= now && now <= self.not_after
    }

    /// Checks an RSA PKCS#1 v1.5 SHA-256 signature over `message` with this certificate's key.
    pub fn verifies(&self, message: &[u8], signature: &[u8]) -> bool {
        let Ok(cert) = EndEntityCert::try_from(&self.der) else {
            return false;
        };
        cert.verify_signature(
            webpki::aws_lc_rs::RSA_PKCS1_2048_8192_SHA256,
            message,
            signature,
        )
        .is_ok()
    }
}

/// Checks the PEM chain (signing certificate first, then intermediates) at `now`.
pub fn verify(
    pem: &[u8],
    roots: &[TrustAnchor<'_>],
    now: SystemTime,
) -> Result<TrustedSigner, ChainError> {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<_, _>>()
        .map_err(|e| ChainError::Malformed(e.to_string()))?;
    let (signing, intermediates) = certs
        .split_first()
        .ok_or_else(|| ChainError::Malformed("no certificate".to_owned()))?;
    let cert =
        EndEntityCert::try_from(signing).map_err(|e| ChainError::Malformed(e.to_string()))?;
    let since_epoch = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default();
    cert.verify_for_usage(
        webpki::ALL_VERIFICATION_ALGS,
        roots,
        intermediates,
        UnixTime::since_unix_epoch(since_epoch),
        KeyUsage::server_auth(),
        None,
        None,
    )
    .map_err(|e| match e {
        webpki::Error::CertExpired { .. } => ChainError::Expired,
        webpki::Error::CertNotValidYet { .. } => ChainError::NotYetValid,
        other => ChainError::Untrusted(format!("{other:?}")),
    })?;
    let name = ServerName::try_from(SIGNING_NAME).expect("a valid DNS name");
    cert.verify_is_valid_for_subject_name(&name)
        .map_err(|_| ChainError::WrongName)?;
    let (not_before, not_after) = dates_and_usage(signing)?;
    Ok(TrustedSigner {
        der: signing.clone(),
        not_before,
        not_after,
    })
}

/// The signing certificate's validity dates, for the cache (webpki checks them, but does not
/// say what they are), after checking that its key usage allows signatures (webpki does not
/// look at an end-entity's key usage; Amazon's certificates carry digitalSignature, and
/// Amazon's own Python verifier requires it).
fn dates_and_usage(der: &CertificateDer<'_>) -> Result<(SystemTime, SystemTime), ChainError> {
    let (_, cert) = x509_parser::parse_x509_certificate(der)
        .map_err(|e| ChainError::Malformed(e.to_string()))?;
    let signs = cert
        .key_usage()
        .map_err(|e| ChainError::Malformed(e.to_string()))?
        .is_some_and(|usage| usage.value.digital_signature());
    if !signs {
        return Err(ChainError::WrongUsage);
    }
    let at = |t: i64| match u64::try_from(t) {
        Ok(secs) => SystemTime::UNIX_EPOCH + Duration::from_secs(secs),
        Err(_) => SystemTime::UNIX_EPOCH,
    };
    let validity = cert.validity();
    Ok((
        at(validity.not_before.timestamp()),
        at(validity.not_after.timestamp()),
    ))
}
