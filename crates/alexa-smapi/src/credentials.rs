//! The developer's own Login with Amazon credentials: a security profile's client ID and
//! secret and a refresh token issued to it. Never the ASK CLI's: its tokens belong to the
//! CLI's own client, which Amazon allows nobody else to use.

use crate::{LwaError, Secret};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What the refresh-token flow needs, plus the vendor ID when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    /// The security profile's client ID (`amzn1.application-oa2-client.…`).
    pub client_id: String,
    /// Its client secret.
    pub client_secret: Secret,
    /// The long-lived refresh token minted by `cargo alexa login`.
    pub refresh_token: Secret,
    /// The developer account's vendor ID, if known (else asked of `GET /v1/vendors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_id: Option<String>,
}

/// Where `cargo alexa login` keeps the credentials: `$CARGO_ALEXA_HOME/credentials.json`,
/// else `$XDG_CONFIG_HOME/cargo-alexa/`, else `~/.config/cargo-alexa/`.
pub fn stored_path_from(get: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    let non_empty = |k: &str| get(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let dir = non_empty("CARGO_ALEXA_HOME")
        .or_else(|| non_empty("XDG_CONFIG_HOME").map(|d| d.join("cargo-alexa")))
        .or_else(|| non_empty("HOME").map(|h| h.join(".config/cargo-alexa")))
        .unwrap_or_else(|| PathBuf::from(".cargo-alexa"));
    dir.join("credentials.json")
}

impl Credentials {
    /// From the environment (`ASK_CLIENT_ID`, `ASK_CLIENT_SECRET`, `ASK_REFRESH_TOKEN`, and
    /// `ASK_VENDOR_ID`; the ASK CLI's `ASK_LWA_CLIENT_ID` and `ASK_LWA_CLIENT_CONFIRMATION`
    /// are read too), else from the stored login. A value set in the environment wins over
    /// the stored one, one by one.
    ///
    /// ```
    /// use alexa_smapi::Credentials;
    /// let env = |k: &str| match k {
    ///     "ASK_CLIENT_ID" => Some("amzn1.application-oa2-client.x".to_string()),
    ///     "ASK_CLIENT_SECRET" => Some("s".to_string()),
    ///     "ASK_REFRESH_TOKEN" => Some("Atzr|r".to_string()),
    ///     "CARGO_ALEXA_HOME" => Some("/nonexistent".to_string()),
    ///     _ => None,
    /// };
    /// let creds = Credentials::from_lookup(&env).unwrap();
    /// assert_eq!(creds.client_id, "amzn1.application-oa2-client.x");
    /// assert_eq!(format!("{:?}", creds.refresh_token), "***");
    /// ```
    pub fn from_lookup(get: &dyn Fn(&str) -> Option<String>) -> Result<Self, LwaError> {
        let path = stored_path_from(get);
        let stored = Self::read(&path)?;
        let env = |keys: &[&str]| keys.iter().find_map(|k| get(k).filter(|v| !v.is_empty()));
        let missing = |what: &'static str| LwaError::Missing {
            missing: what,
            stored: path.display().to_string(),
        };
        let client_id = env(&["ASK_CLIENT_ID", "ASK_LWA_CLIENT_ID"])
            .or_else(|| stored.as_ref().map(|s| s.client_id.clone()))
            .ok_or_else(|| missing("ASK_CLIENT_ID"))?;
        let client_secret = env(&["ASK_CLIENT_SECRET", "ASK_LWA_CLIENT_CONFIRMATION"])
            .map(Secret::new)
            .or_else(|| stored.as_ref().map(|s| s.client_secret.clone()))
            .ok_or_else(|| missing("ASK_CLIENT_SECRET"))?;
        let refresh_token = env(&["ASK_REFRESH_TOKEN"])
            .map(Secret::new)
            .or_else(|| stored.as_ref().map(|s| s.refresh_token.clone()))
            .ok_or_else(|| missing("ASK_REFRESH_TOKEN"))?;
        let vendor_id =
            env(&["ASK_VENDOR_ID"]).or_else(|| stored.and_then(|s| s.vendor_id.clone()));
        Ok(Credentials {
            client_id,
            client_secret,
            refresh_token,
            vendor_id,
        })
    }

    /// [`Credentials::from_lookup`] over the process environment.
    pub fn from_env() -> Result<Self, LwaError> {
        Self::from_lookup(&|k| std::env::var(k).ok())
    }

    /// The stored login at `path`, or `None` when there is none.
    pub fn read(path: &Path) -> Result<Option<Self>, LwaError> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| {
                LwaError::Store(format!(
                    "{} is not a cargo-alexa login ({e}); run `cargo alexa login` again",
                    path.display()
                ))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(LwaError::Store(format!(
                "cannot read {}: {e}",
                path.display()
            ))),
        }
    }

    /// Stores the login at `path`, readable and writable by its owner only (mode 0600 on
    /// Unix, set before anything is written).
    pub fn store(&self, path: &Path) -> Result<(), LwaError> {
        let fail =
            |e: std::io::Error| LwaError::Store(format!("cannot write {}: {e}", path.display()));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let text = serde_json::to_vec_pretty(self).map_err(|e| LwaError::Store(e.to_string()))?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(path).map_err(fail)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(std::fs::Permissions::from_mode(0o600))
                .map_err(fail)?;
        }
        std::io::Write::write_all(&mut file, &text).map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("alexa-smapi-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn nothing_set_names_what_to_run() {
        let dir = temp_dir("none");
        let home = dir.display().to_string();
        let err = Credentials::from_lookup(&|k| (k == "CARGO_ALEXA_HOME").then(|| home.clone()))
            .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("ASK_CLIENT_ID is not set"), "{text}");
        assert!(text.contains("cargo alexa login"), "{text}");
    }

    #[test]
    fn a_stored_login_is_owner_only_and_reads_back() {
        let dir = temp_dir("store");
        let path = dir.join("credentials.json");
        let creds = Credentials {
            client_id: "id".into(),
            client_secret: Secret::new("secret"),
            refresh_token: Secret::new("Atzr|refresh"),
            vendor_id: Some("M123".into()),
        };
        creds.store(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let home = dir.display().to_string();
        let read = Credentials::from_lookup(&|k| match k {
            "CARGO_ALEXA_HOME" => Some(home.clone()),
            "ASK_VENDOR_ID" => Some("M999".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(read.refresh_token.expose(), "Atzr|refresh");
        assert_eq!(
            read.vendor_id.as_deref(),
            Some("M999"),
            "the environment wins"
        );
        std::fs::write(&path, "not json").unwrap();
        assert!(matches!(Credentials::read(&path), Err(LwaError::Store(_))));
    }
}
