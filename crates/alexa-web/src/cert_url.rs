//! The `SignatureCertChainUrl` rules: only Amazon's S3 path for Alexa's certificates.

/// Why a certificate URL was refused. Nothing is fetched for a refused URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertUrlError {
    /// Not a URL at all.
    #[error("not a URL")]
    Malformed,
    /// The scheme is not `https`.
    #[error("the scheme is not https")]
    NotHttps,
    /// The host is not `s3.amazonaws.com`.
    #[error("the host is not s3.amazonaws.com")]
    WrongHost,
    /// A port other than 443.
    #[error("the port is not 443")]
    WrongPort,
    /// The normalised path does not start with `/echo.api/`.
    #[error("the path does not start with /echo.api/")]
    WrongPath,
}

/// Checks `url` against Amazon's rules and gives it back normalised (scheme and host in
/// lower case, no default port, `.` and `..` resolved): the form the cache is keyed by and
/// the certificate is fetched from.
///
/// ```
/// use alexa_web::cert_url::{check, CertUrlError};
/// assert_eq!(
///     check("HTTPS://s3.AmazonAWS.com:443/echo.api/../echo.api/cert.pem").unwrap(),
///     "https://s3.amazonaws.com/echo.api/cert.pem"
/// );
/// assert_eq!(check("https://s3.amazonaws.com/EcHo.aPi/cert.pem"), Err(CertUrlError::WrongPath));
/// ```
pub fn check(url: &str) -> Result<String, CertUrlError> {
    let (scheme, rest) = url.split_once("://").ok_or(CertUrlError::Malformed)?;
    if !scheme.eq_ignore_ascii_case("https") {
        return Err(CertUrlError::NotHttps);
    }
    let (authority, path) = match rest.find(['/', '?', '#']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    if authority.contains('@') {
        return Err(CertUrlError::WrongHost);
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    if !host.eq_ignore_ascii_case("s3.amazonaws.com") {
        return Err(CertUrlError::WrongHost);
    }
    match port {
        None | Some("443") => {}
        Some(_) => return Err(CertUrlError::WrongPort),
    }
    let path = path.split(['?', '#']).next().unwrap_or("");
    let path = normalise(path).ok_or(CertUrlError::WrongPath)?;
    if !path.starts_with("/echo.api/") {
        return Err(CertUrlError::WrongPath);
    }
    Ok(format!("https://s3.amazonaws.com{path}"))
}

/// Resolves `.` and `..` segments; `None` when `..` climbs above the root.
fn normalise(path: &str) -> Option<String> {
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *segment {
            "." => {}
            ".." => {
                segments.pop()?;
            }
            "" if !last => {}
            other => segments.push(other),
        }
    }
    Some(format!("/{}", segments.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amazons_examples() {
        let ok = [
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
            "HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
        ];
        for url in ok {
            assert_eq!(
                check(url).as_deref(),
                Ok("https://s3.amazonaws.com/echo.api/echo-api-cert.pem"),
                "{url}"
            );
        }
        let refused = [
            (
                "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
                CertUrlError::NotHttps,
            ),
            (
                "https://notamazon.com/echo.api/echo-api-cert.pem",
                CertUrlError::WrongHost,
            ),
            (
                "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",
                CertUrlError::WrongPath,
            ),
            (
                "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
                CertUrlError::WrongPath,
            ),
            (
                "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",
                CertUrlError::WrongPort,
            ),
            (
                "https://s3.amazonaws.com/echo.api/../../etc/passwd",
                CertUrlError::WrongPath,
            ),
            (
                "https://s3.amazonaws.com/echo.api/../secret.pem",
                CertUrlError::WrongPath,
            ),
            (
                "https://evil.com@s3.amazonaws.com/echo.api/x.pem",
                CertUrlError::WrongHost,
            ),
            (
                "https://s3.amazonaws.com.evil.com/echo.api/x.pem",
                CertUrlError::WrongHost,
            ),
            ("s3.amazonaws.com/echo.api/x.pem", CertUrlError::Malformed),
            ("", CertUrlError::Malformed),
        ];
        for (url, why) in refused {
            assert_eq!(check(url), Err(why), "{url}");
        }
    }
}
