//! `cargo alexa login` against Amazon's stand-in: the consent page redirects to the one-shot
//! listener, the code becomes a refresh token stored owner-only, and no token is printed.

mod common;

use alexa_smapi::Credentials;
use common::{amazon, scratch};
use tokio::io::AsyncBufReadExt;

#[tokio::test]
async fn login_mints_and_stores_a_refresh_token_for_the_developers_own_profile() {
    let amazon = amazon().await;
    let creds = amazon.credentials();
    let home = scratch("login-home");
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_cargo-alexa"))
        .args([
            "alexa",
            "login",
            "--no-browser",
            "--port",
            "0",
            "--client-id",
            &creds.client_id,
        ])
        .env("ASK_CLIENT_SECRET", creds.client_secret.expose())
        .env("ASK_LWA_TOKEN_HOST", amazon.url())
        .env("ASK_LWA_AUTHORIZE_HOST", amazon.url())
        .env("ASK_SMAPI_SERVER_BASE_URL", amazon.url())
        .env("CARGO_ALEXA_HOME", &home)
        .env_remove("ASK_REFRESH_TOKEN")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = Vec::new();
    let url = loop {
        let line = stdout
            .next_line()
            .await
            .unwrap()
            .expect("the sign-in URL is printed");
        printed.push(line.clone());
        if let Some(url) = line
            .trim()
            .strip_prefix(&format!("{}/ap/oa?", amazon.url()))
        {
            break format!("{}/ap/oa?{url}", amazon.url());
        }
    };
    // Port 0: the listener's own port, named in the redirect (a real profile allows a fixed one).
    assert!(
        url.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A") && !url.contains("127.0.0.1%3A0%2F"),
        "{url}"
    );
    // The developer signs in: the browser follows Amazon's redirect to the listener.
    let page = reqwest::get(&url).await.unwrap();
    assert!(page.status().is_success());
    while let Some(line) = stdout.next_line().await.unwrap() {
        printed.push(line);
    }
    let status = child.wait().await.unwrap();
    let mut stderr = String::new();
    tokio::io::AsyncReadExt::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr)
        .await
        .unwrap();
    assert!(status.success(), "{stderr}");
    let path = home.join("credentials.json");
    let stored = Credentials::read(&path).unwrap().expect("stored");
    assert_eq!(stored.refresh_token.expose(), creds.refresh_token.expose());
    assert_eq!(
        stored.vendor_id.as_deref(),
        Some(amazon.vendor_id().as_str())
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let all = printed.join("\n") + &stderr;
    assert!(all.contains("Signed in (vendor M2STANDIN0VENDOR)"), "{all}");
    for secret in [
        creds.refresh_token.expose(),
        creds.client_secret.expose(),
        "Atza|",
    ] {
        assert!(!all.contains(secret), "{secret} was printed");
    }
}

#[tokio::test]
async fn login_without_a_client_id_says_where_it_comes_from() {
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_cargo-alexa"))
        .args(["alexa", "login", "--no-browser", "--port", "0"])
        .env_remove("ASK_CLIENT_ID")
        .env_remove("ASK_LWA_CLIENT_ID")
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pass --client-id or set ASK_CLIENT_ID"));
}
