//! The host's life: health, unverified hosting only on loopback, and a shutdown that
//! finishes the request in flight.

use alexa_core::testing::{TestRequest, TEST_SKILL_ID};
use alexa_core::{Response, Skill};
use alexa_web::WebHost;
use std::sync::Arc;
use tokio::sync::{oneshot, Notify};

fn skill(started: Arc<Notify>, release: Arc<Notify>) -> Skill {
    Skill::builder()
        .skill_id(TEST_SKILL_ID)
        .skip_builtin_check()
        .launch(move || {
            let (started, release) = (Arc::clone(&started), Arc::clone(&release));
            async move {
                started.notify_one();
                release.notified().await;
                Response::tell("Finished.")
            }
        })
        .build()
        .unwrap()
}

#[tokio::test]
async fn unverified_hosting_is_refused_off_loopback() {
    let listener = tokio::net::TcpListener::bind("0.0.0.0:0").await.unwrap();
    let host =
        WebHost::unverified_for_local_development(skill(Default::default(), Default::default()));
    let err = host.serve(listener, async {}).await.unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied);
    assert!(err.to_string().contains("loopback"), "{err}");
}

#[tokio::test]
async fn shutdown_finishes_the_request_in_flight() {
    let (started, release) = (Arc::new(Notify::new()), Arc::new(Notify::new()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    let host = WebHost::unverified_for_local_development(skill(
        Arc::clone(&started),
        Arc::clone(&release),
    ));
    let server = tokio::spawn(host.serve(listener, async {
        let _ = stopped.await;
    }));

    let client = reqwest::Client::new();
    let health = client.get(format!("{base}/health")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(health.text().await.unwrap(), "ok");

    let body = serde_json::to_vec(&TestRequest::launch().build()).unwrap();
    let in_flight = tokio::spawn(client.post(format!("{base}/")).body(body).send());
    started.notified().await;
    stop.send(()).unwrap();
    release.notify_one();
    let answer = in_flight.await.unwrap().unwrap();
    assert_eq!(answer.status(), 200);
    let json: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(json["response"]["outputSpeech"]["text"], "Finished.");
    server.await.unwrap().unwrap();
    assert!(
        client.get(format!("{base}/health")).send().await.is_err(),
        "still listening after shutdown"
    );
}

#[tokio::test]
async fn tls_can_be_terminated_in_process() {
    let pki = alexa_web::testing::TestPki::new();
    let (chain, key) = pki.server_cert("localhost");
    let dir = std::env::temp_dir().join(format!("alexa-web-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (cert_path, key_path) = (dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(&cert_path, chain).unwrap();
    std::fs::write(&key_path, key).unwrap();
    let tls = alexa_web::tls::server_config(&cert_path, &key_path).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let (started, release) = (Arc::new(Notify::new()), Arc::new(Notify::new()));
    release.notify_one();
    let host = WebHost::unverified_for_local_development(skill(started, release));
    let server = tokio::spawn(host.serve_tls(listener, tls, async {
        let _ = stopped.await;
    }));

    // A client that stalls its handshake holds up no one.
    let _stalled = tokio::net::TcpStream::connect(addr).await.unwrap();
    let client = pki.https_client("localhost", addr);
    let body = serde_json::to_vec(&TestRequest::launch().build()).unwrap();
    let answer = client
        .post(format!("https://localhost:{}/", addr.port()))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let plain = reqwest::Client::new()
        .get(format!("http://{addr}/health"))
        .send()
        .await;
    assert!(
        plain.map(|r| r.status() != 200).unwrap_or(true),
        "plain HTTP must not be served"
    );
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();

    let missing = alexa_web::tls::server_config(
        "/nonexistent/cert.pem".as_ref(),
        "/nonexistent/key.pem".as_ref(),
    );
    assert!(missing
        .unwrap_err()
        .to_string()
        .contains("/nonexistent/cert.pem"));
}
