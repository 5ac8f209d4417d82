//! `cargo alexa login`: the authorization-code flow, once, against the developer's own LWA
//! security profile (what `ask util generate-lwa-tokens` does): a one-shot listener on
//! 127.0.0.1 receives Amazon's redirect, the code becomes a refresh token, and the token is
//! stored owner-only. The tokens are never printed.

use crate::cli::LoginArgs;
use crate::report::CliError;
use alexa_smapi::{
    lwa, stored_path_from, Credentials, Endpoints, Secret, SmapiClient, TokenSource,
};
use axum::extract::{Query, State};
use axum::routing::get;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;
use tokio::sync::{mpsc, Mutex};

type Callback = HashMap<String, String>;

fn env(keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
}

/// A value nobody can guess, so a redirect that is not Amazon's answer to this login is
/// refused.
fn random_state() -> String {
    let a = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let b = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    format!("{a:016x}{b:016x}")
}

async fn callback(
    State(tx): State<Arc<Mutex<Option<mpsc::Sender<Callback>>>>>,
    Query(query): Query<Callback>,
) -> &'static str {
    if let Some(tx) = tx.lock().await.as_ref() {
        let _ = tx.send(query).await;
    }
    "cargo alexa: you can close this tab and go back to the terminal."
}

/// Runs the login.
pub async fn run(args: LoginArgs) -> Result<(), CliError> {
    let client_id = args.client_id.or_else(|| env(&["ASK_CLIENT_ID", "ASK_LWA_CLIENT_ID"])).ok_or_else(|| {
        CliError::Input("pass --client-id or set ASK_CLIENT_ID: the client ID of your own LWA security profile (developer.amazon.com → Login with Amazon)".into())
    })?;
    let secret = Secret::new(args.client_secret.or_else(|| env(&["ASK_CLIENT_SECRET", "ASK_LWA_CLIENT_CONFIRMATION"])).ok_or_else(|| {
        CliError::Input("set ASK_CLIENT_SECRET (or pass --client-secret): the security profile's client secret".into())
    })?);
    let endpoints = Endpoints::from_env();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port))
        .await
        .map_err(|e| CliError::Input(format!("cannot listen on 127.0.0.1:{}: {e}; pass another --port (and allow its /cb URL in the security profile)", args.port)))?;
    let port = listener
        .local_addr()
        .map_err(|e| CliError::Input(e.to_string()))?
        .port();
    let redirect = format!("http://127.0.0.1:{port}/cb");
    let state = random_state();
    let url = lwa::authorize_url(&endpoints.lwa_authorize, &client_id, &redirect, &state)?;

    let (tx, mut rx) = mpsc::channel::<Callback>(4);
    let sender = Arc::new(Mutex::new(Some(tx)));
    let app = axum::Router::new()
        .route("/cb", get(callback))
        .with_state(sender.clone());
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    println!("Sign in to Amazon with your developer account (the return URL {redirect} must be allowed in the security profile):\n  {url}");
    if !args.no_browser {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        let _ = std::process::Command::new(opener)
            .arg(&url)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
    }
    let code = loop {
        let Some(query) = rx.recv().await else {
            return Err(CliError::Input("the sign-in listener stopped".into()));
        };
        if query.get("state") != Some(&state) {
            continue;
        }
        if let Some(error) = query.get("error") {
            server.abort();
            let why = query.get("error_description").cloned().unwrap_or_default();
            return Err(CliError::Failed(format!(
                "Amazon did not sign you in: {error} {why}"
            )));
        }
        if let Some(code) = query.get("code") {
            break code.clone();
        }
    };
    sender.lock().await.take();
    server.abort();

    let http = alexa_smapi::http_client();
    let tokens = lwa::exchange_code(
        &http,
        &endpoints.lwa_token,
        &client_id,
        &secret,
        &code,
        &redirect,
    )
    .await?;
    let refresh_token = tokens
        .refresh_token
        .ok_or_else(|| CliError::Input("Amazon's answer had no refresh token".into()))?;
    let smapi = SmapiClient::with_http(
        http.clone(),
        &endpoints,
        TokenSource::fixed(http, tokens.access_token),
    );
    let vendor_id = smapi
        .vendors()
        .await?
        .vendors
        .into_iter()
        .next()
        .map(|v| v.id);
    let path = stored_path_from(&|k| std::env::var(k).ok());
    Credentials {
        client_id,
        client_secret: secret,
        refresh_token,
        vendor_id: vendor_id.clone(),
    }
    .store(&path)?;
    println!(
        "Signed in{}. The refresh token is stored in {} (readable by you only); the other commands use it.",
        vendor_id.map(|v| format!(" (vendor {v})")).unwrap_or_default(),
        path.display()
    );
    Ok(())
}
