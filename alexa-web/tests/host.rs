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
