//! The simulator holding a conversation with a skill over HTTP: as a web service and as a
//! function behind a Lambda runtime's Invoke API; every failure is a turn's error.

mod common;

use alexa_core::{Response, Skill};
use alexa_sim::{DeviceProfile, HttpTarget, LambdaTarget, Simulator, Target};
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SKILL: &str = "amzn1.ask.skill.http";

fn skill() -> Skill {
    common::with_builtins(Skill::builder())
        .skill_id(SKILL)
        .launch(|| async { Response::ask("Welcome over the wire.", "What now?") })
        .intent("MenuIntent", || async { Response::tell("All fine.") })
        .build()
        .unwrap()
}

fn simulator<T: Target>(target: T) -> Simulator<T> {
    let resolver = common::coffee_resolver("en-US", SKILL);
    Simulator::new(target, resolver, "en-US", SKILL, DeviceProfile::Echo)
}

/// Serves `router` on a free loopback port; the base URL.
async fn serve(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    format!("http://{addr}")
}

/// A route answering with the skill, recording each request's content type.
fn skill_route(seen: Arc<Mutex<Vec<String>>>) -> axum::routing::MethodRouter {
    let skill = skill();
    post(move |headers: HeaderMap, body: Bytes| {
        let skill = skill.clone();
        let seen = seen.clone();
        async move {
            let kind = headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned();
            seen.lock().unwrap().push(kind);
            match skill.handle_json(&body).await {
                Ok(json) => (StatusCode::OK, json),
                Err(e) => (StatusCode::BAD_REQUEST, e.to_string().into_bytes()),
            }
        }
    })
}

#[tokio::test]
async fn a_conversation_with_a_web_service() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let base = serve(Router::new().route("/alexa", skill_route(seen.clone()))).await;
    let mut sim = simulator(HttpTarget::new(&format!("{base}/alexa")).unwrap());
    let turn = sim.say("open coffee shop").await;
    assert_eq!(turn.error, None);
    assert_eq!(turn.speech, "Welcome over the wire.");
    assert!(turn.listening);
    let turn = sim.say("what is on the menu").await;
    assert_eq!(turn.speech, "All fine.");
    assert!(!turn.session_open);
    assert_eq!(*seen.lock().unwrap(), vec!["application/json"; 2]);
}

#[tokio::test]
async fn a_conversation_with_a_function_behind_a_lambda_runtime() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let router = Router::new()
        .route(
            "/2015-03-31/functions/voice-fn/invocations",
            skill_route(seen.clone()),
        )
        .route(
            "/2015-03-31/functions/broken-fn/invocations",
            post(|| async {
                (
                    [("x-amz-function-error", "Unhandled")],
                    r#"{"errorType":"Panic","errorMessage":"index out of bounds"}"#,
                )
            }),
        );
    let base = serve(router).await;
    let mut sim = simulator(LambdaTarget::new(&base, "voice-fn").unwrap());
    let turn = sim.say("ask coffee shop what is on the menu").await;
    assert_eq!(turn.error, None);
    assert_eq!(turn.speech, "All fine.");

    let mut broken = simulator(LambdaTarget::new(&base, "broken-fn").unwrap());
    let turn = broken.say("open coffee shop").await;
    assert_eq!(
        turn.error.as_deref(),
        Some("the function broken-fn failed: Panic: index out of bounds")
    );
    assert!(!turn.session_open, "a failed launch leaves no session");
}

#[tokio::test]
async fn every_transport_failure_is_a_turn_error() {
    let router = Router::new()
        .route(
            "/500",
            post(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "kaput") }),
        )
        .route("/html", post(|| async { "<html>login</html>" }))
        .route(
            "/slow",
            post(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "{}"
            }),
        );
    let base = serve(router).await;

    let mut sim = simulator(HttpTarget::new(&format!("{base}/500")).unwrap());
    let error = sim.say("open coffee shop").await.error.unwrap();
    assert!(
        error.starts_with("HTTP 500 Internal Server Error from"),
        "{error}"
    );
    assert!(error.ends_with(": kaput"), "{error}");

    let mut sim = simulator(HttpTarget::new(&format!("{base}/html")).unwrap());
    let error = sim.say("open coffee shop").await.error.unwrap();
    assert!(
        error.contains("did not answer with an Alexa response"),
        "{error}"
    );
    assert!(error.ends_with("<html>login</html>"), "{error}");

    let slow = HttpTarget::new(&format!("{base}/slow"))
        .unwrap()
        .with_timeout(Duration::from_millis(200));
    let mut sim = simulator(slow);
    let error = sim.say("open coffee shop").await.error.unwrap();
    assert!(error.contains("did not answer within 0.2 s"), "{error}");

    // A port nothing listens on.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut sim = simulator(HttpTarget::new(&format!("http://127.0.0.1:{closed}/")).unwrap());
    let turn = sim.say("open coffee shop").await;
    let error = turn.error.unwrap();
    assert!(error.starts_with("cannot reach"), "{error}");
    assert!(!turn.session_open);
}

#[test]
fn only_plain_http_urls_are_targets() {
    for url in [
        "https://skill.example.com/",
        "ftp://x/",
        "not a url",
        "/alexa",
    ] {
        let error = HttpTarget::new(url).unwrap_err().to_string();
        assert!(error.contains("is not an http:// URL"), "{url}: {error}");
    }
    let error = HttpTarget::new("https://skill.example.com/")
        .unwrap_err()
        .to_string();
    assert!(error.contains("plain HTTP to local services"), "{error}");
}
