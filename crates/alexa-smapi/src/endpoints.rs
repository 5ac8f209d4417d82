//! Where SMAPI and Login with Amazon are: Amazon's hosts, or a stand-in named by the same
//! environment variables the ASK CLI reads.

/// SMAPI's production base URL.
pub const SMAPI_URL: &str = "https://api.amazonalexa.com";
/// Login with Amazon's token host.
pub const LWA_TOKEN_URL: &str = "https://api.amazon.com";
/// Login with Amazon's consent page host.
pub const LWA_AUTHORIZE_URL: &str = "https://www.amazon.com";

/// The three base URLs a client talks to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    /// SMAPI (`/v1/...`, `/v2/...`).
    pub smapi: String,
    /// The LWA token service (`/auth/o2/token`).
    pub lwa_token: String,
    /// The LWA consent page (`/ap/oa`), for `cargo alexa login`.
    pub lwa_authorize: String,
}

impl Default for Endpoints {
    fn default() -> Self {
        Endpoints {
            smapi: SMAPI_URL.into(),
            lwa_token: LWA_TOKEN_URL.into(),
            lwa_authorize: LWA_AUTHORIZE_URL.into(),
        }
    }
}

impl Endpoints {
    /// Amazon's hosts, each overridden by `ASK_SMAPI_SERVER_BASE_URL`, `ASK_LWA_TOKEN_HOST`
    /// and `ASK_LWA_AUTHORIZE_HOST` when set.
    ///
    /// ```
    /// let e = alexa_smapi::Endpoints::from_lookup(|k| {
    ///     (k == "ASK_SMAPI_SERVER_BASE_URL").then(|| "http://127.0.0.1:4010/".to_string())
    /// });
    /// assert_eq!(e.smapi, "http://127.0.0.1:4010");
    /// assert_eq!(e.lwa_token, "https://api.amazon.com");
    /// ```
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Self {
        let pick = |key: &str, default: &str| {
            get(key)
                .filter(|v| !v.trim().is_empty())
                .unwrap_or_else(|| default.to_owned())
                .trim_end_matches('/')
                .to_owned()
        };
        Endpoints {
            smapi: pick("ASK_SMAPI_SERVER_BASE_URL", SMAPI_URL),
            lwa_token: pick("ASK_LWA_TOKEN_HOST", LWA_TOKEN_URL),
            lwa_authorize: pick("ASK_LWA_AUTHORIZE_HOST", LWA_AUTHORIZE_URL),
        }
    }

    /// [`Endpoints::from_lookup`] over the process environment.
    pub fn from_env() -> Self {
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// Every endpoint at one base URL (a stand-in serving all of them).
    pub fn all_at(base: &str) -> Self {
        let base = base.trim_end_matches('/').to_owned();
        Endpoints {
            smapi: base.clone(),
            lwa_token: base.clone(),
            lwa_authorize: base,
        }
    }
}
