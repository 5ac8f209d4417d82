//! What can go wrong talking to Amazon, typed by what the caller does about it.

use serde::{Deserialize, Serialize};

/// One thing Amazon refused in a request (a `violations[]` item of a `BadRequestError`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// Amazon's code for it, when it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// What is wrong, in Amazon's words.
    #[serde(default)]
    pub message: String,
}

/// Login with Amazon could not give an access token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LwaError {
    /// No credentials in the environment and none stored.
    #[error("no Amazon credentials: {missing} is not set and nothing is stored in {stored}; run `cargo alexa login` (or set ASK_CLIENT_ID, ASK_CLIENT_SECRET and ASK_REFRESH_TOKEN)")]
    Missing {
        /// The first setting found missing.
        missing: &'static str,
        /// Where a login is kept.
        stored: String,
    },
    /// The refresh token is expired or was revoked (`invalid_grant`).
    #[error(
        "Amazon no longer accepts the refresh token ({description}); run `cargo alexa login` again"
    )]
    Expired {
        /// Amazon's `error_description`.
        description: String,
    },
    /// The client ID or secret is wrong (`invalid_client`, `unauthorized_client`).
    #[error("Amazon refused the security profile's client ID or secret ({description}); check ASK_CLIENT_ID and ASK_CLIENT_SECRET, then run `cargo alexa login`")]
    Client {
        /// Amazon's `error_description`.
        description: String,
    },
    /// Any other refusal, with Amazon's `error` code.
    #[error("Login with Amazon refused the request: {error}: {description}")]
    Refused {
        /// Amazon's `error`.
        error: String,
        /// Amazon's `error_description`.
        description: String,
    },
    /// The token service could not be reached, or answered nonsense.
    #[error("cannot reach Login with Amazon: {0}")]
    Transport(String),
    /// The stored login could not be read or written.
    #[error("{0}")]
    Store(String),
}

/// A call to the Skill Management API failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmapiError {
    /// No access token could be had.
    #[error(transparent)]
    Auth(#[from] LwaError),
    /// 400 (or 412, 413): the request was refused, with Amazon's reasons.
    #[error("Amazon refused the request ({status}): {message}{}", list(violations))]
    BadRequest {
        /// The HTTP status.
        status: u16,
        /// Amazon's message.
        message: String,
        /// What exactly it refused.
        violations: Vec<Violation>,
    },
    /// 401 even with a fresh access token.
    #[error(
        "Amazon did not accept the access token (401): {message}; run `cargo alexa login` again"
    )]
    Unauthorized {
        /// Amazon's message.
        message: String,
    },
    /// 403: the token's account may not do this (not the skill's vendor, or a missing scope).
    #[error("Amazon forbids this for the signed-in account (403): {message}")]
    Forbidden {
        /// Amazon's message.
        message: String,
    },
    /// 404: no such skill, stage, locale, import or simulation.
    #[error("Amazon has no such resource (404): {message}")]
    NotFound {
        /// Amazon's message.
        message: String,
    },
    /// 409: another operation is in progress on the resource.
    #[error("Amazon is busy with another request for this resource (409): {message}")]
    Conflict {
        /// Amazon's message.
        message: String,
    },
    /// 429 on every attempt.
    #[error("Amazon kept throttling the request (429, {attempts} attempts): {message}")]
    Throttled {
        /// How many times it was sent.
        attempts: u32,
        /// Amazon's message.
        message: String,
    },
    /// 5xx (after retries for 502, 503 and 504).
    #[error("Amazon failed ({status}): {message}")]
    Server {
        /// The HTTP status.
        status: u16,
        /// Amazon's message.
        message: String,
    },
    /// Any other status.
    #[error("unexpected answer from Amazon ({status}): {message}")]
    Unexpected {
        /// The HTTP status.
        status: u16,
        /// The body, or what could be read of it.
        message: String,
    },
    /// Amazon could not be reached.
    #[error("cannot reach Amazon: {0}")]
    Transport(String),
    /// Amazon's answer is not the documented shape.
    #[error("cannot read Amazon's answer to {operation}: {message}")]
    Decode {
        /// The operation.
        operation: &'static str,
        /// What serde said.
        message: String,
    },
    /// A build, import, simulation or evaluation did not finish within its deadline.
    #[error("{what} was still in progress after {waited_secs} s")]
    StillInProgress {
        /// What was waited for.
        what: String,
        /// How long.
        waited_secs: u64,
    },
    /// A local input (the skill package, a file) is unusable.
    #[error("{0}")]
    Input(String),
}

fn list(violations: &[Violation]) -> String {
    violations
        .iter()
        .map(|v| match &v.code {
            Some(code) => format!("\n  - {code}: {}", v.message),
            None => format!("\n  - {}", v.message),
        })
        .collect()
}

/// The body of an Amazon error: `{message, violations?}` or `{code, message}`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ErrorBody {
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub violations: Vec<Violation>,
}

impl SmapiError {
    /// The error for a final (not retried) status and body.
    pub(crate) fn from_status(status: u16, body: &[u8], attempts: u32) -> Self {
        let parsed: ErrorBody = serde_json::from_slice(body).unwrap_or_default();
        let message = parsed
            .message
            .unwrap_or_else(|| String::from_utf8_lossy(body).chars().take(300).collect());
        match status {
            400 | 412 | 413 => SmapiError::BadRequest {
                status,
                message,
                violations: parsed.violations,
            },
            401 => SmapiError::Unauthorized { message },
            403 => SmapiError::Forbidden { message },
            404 => SmapiError::NotFound { message },
            409 => SmapiError::Conflict { message },
            429 => SmapiError::Throttled { attempts, message },
            500..=599 => SmapiError::Server { status, message },
            _ => SmapiError::Unexpected { status, message },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn violations_are_listed_with_their_codes() {
        let body = br#"{"message":"Invalid request","violations":[{"code":"INVALID_FIELD","message":"input.content is required"}]}"#;
        let err = SmapiError::from_status(400, body, 1);
        assert_eq!(
            err.to_string(),
            "Amazon refused the request (400): Invalid request\n  - INVALID_FIELD: input.content is required"
        );
    }

    #[test]
    fn each_status_has_its_own_kind() {
        let kind = |s| SmapiError::from_status(s, br#"{"message":"m"}"#, 3);
        assert!(matches!(kind(403), SmapiError::Forbidden { .. }));
        assert!(matches!(kind(404), SmapiError::NotFound { .. }));
        assert!(matches!(kind(409), SmapiError::Conflict { .. }));
        assert!(matches!(
            kind(429),
            SmapiError::Throttled { attempts: 3, .. }
        ));
        assert!(matches!(kind(503), SmapiError::Server { status: 503, .. }));
        let not_json = SmapiError::from_status(502, b"<html>Bad gateway</html>", 1);
        assert!(not_json.to_string().contains("<html>Bad gateway"));
    }
}
