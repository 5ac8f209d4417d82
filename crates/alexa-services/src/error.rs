//! What a call to an Alexa service API can fail with.

use alexa_core::Response;

/// A failed Alexa API call. None of these should fail a turn: a handler answers them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// The request carries no `apiEndpoint`/`apiAccessToken` (or no device id for a device
    /// call): there is nothing to call.
    #[error("the request carries no {0}")]
    NoAccess(&'static str),
    /// 403 for a call that needs a permission the user has not granted.
    #[error("the user has not granted {permission}")]
    NotPermitted {
        /// The permission scope, e.g. `read::alexa:device:all:address`.
        permission: &'static str,
    },
    /// 401: the token is invalid or expired.
    #[error("the API token was refused")]
    Unauthorized,
    /// 403 for a call that needs no permission.
    #[error("the call is forbidden")]
    Forbidden,
    /// 404: no such device, reminder or list.
    #[error("not found")]
    NotFound,
    /// 429: too many requests.
    #[error("throttled")]
    Throttled,
    /// 5xx, or another status the call does not expect.
    #[error("the API answered HTTP {status}")]
    Status {
        /// The HTTP status.
        status: u16,
    },
    /// No answer within the call's timeout.
    #[error("the API did not answer in time")]
    Timeout,
    /// The API could not be reached.
    #[error("the API could not be reached: {0}")]
    Unreachable(String),
    /// The answer was not what the API documents.
    #[error("the API's answer could not be read: {0}")]
    Malformed(String),
    /// 400 or 409 with Amazon's reason: an invalid body (an event that breaks its schema names
    /// the field), a duplicate reference ID.
    #[error("the API refused the request (HTTP {status}): {message}")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// Amazon's error code, where the body carries one (`INVALID_EVENT`, ...).
        code: Option<String>,
        /// Amazon's reason, as it wrote it.
        message: String,
    },
    /// Login with Amazon refused the skill's own client ID and secret (`invalid_client`, ...).
    #[error("Login with Amazon refused the skill's credentials: {0}")]
    Credentials(String),
    /// The request already sent as many progressive responses as Alexa allows.
    #[error("at most {0} progressive responses per request")]
    TooManyProgressive(usize),
}

impl ApiError {
    /// For a missing permission, the answer that asks for it: `speech`, and the
    /// AskForPermissionsConsent card for exactly the permission the call needed. `None` for
    /// every other failure.
    ///
    /// ```
    /// use alexa_services::ApiError;
    /// let err = ApiError::NotPermitted { permission: "alexa::profile:given_name:read" };
    /// let answer = err.ask_for_consent("I need your first name.").unwrap();
    /// let card = serde_json::to_value(&answer.body().card).unwrap();
    /// assert_eq!(card["permissions"][0], "alexa::profile:given_name:read");
    /// assert!(ApiError::Throttled.ask_for_consent("x").is_none());
    /// ```
    pub fn ask_for_consent(&self, speech: &str) -> Option<Response> {
        match self {
            ApiError::NotPermitted { permission } => {
                Some(Response::tell(speech.to_owned()).permissions_card([*permission]))
            }
            _ => None,
        }
    }
}
