//! The web console's HTTP interface, as its page uses it: state, turns, device switching,
//! and refusing anything that is not addressed to the loopback host.

mod common;

use alexa_core::{extract::AplScreen, Response, Skill};
use alexa_sim::console::{router, ConsoleOptions};
use alexa_sim::{DeviceProfile, Simulator};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

const SKILL: &str = "amzn1.ask.skill.console";
const PORT: u16 = 7878;

fn app() -> axum::Router {
    let skill = common::with_builtins(Skill::builder())
        .skill_id(SKILL)
        .launch(|| async { Response::ask("Hello.", "Still there?") })
        .intent("MenuIntent", |screen: Option<AplScreen>| async move {
            let answer = Response::tell("All fine.").simple_card("Status", "All fine.");
            match screen {
                Some(_) => {
                    answer.apl_document("status", json!({"type": "APL"}), Default::default())
                }
                None => answer,
            }
        })
        .build()
        .unwrap();
    let resolver = common::coffee_resolver("en-US", SKILL);
    let sim = Simulator::new(skill, resolver, "en-US", SKILL, DeviceProfile::Echo);
    let options = ConsoleOptions {
        skill_name: "Test Skill".into(),
    };
    router(sim, options, PORT)
}

async fn call(
    app: &axum::Router,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, String) {
    call_as(app, &format!("127.0.0.1:{PORT}"), method, path, body).await
}

async fn call_as(
    app: &axum::Router,
    host: &str,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, String) {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header("host", host)
        .header("content-type", "application/json")
        .body(body.map_or(Body::empty(), |b| Body::from(b.to_string())))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn say(app: &axum::Router, utterance: &str) -> Value {
    let (status, body) = call(
        app,
        "POST",
        "/api/say",
        Some(json!({ "utterance": utterance })),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str(&body).unwrap()
}

#[tokio::test]
async fn the_page_and_its_scripts_are_served_with_a_strict_policy() {
    let app = app();
    for (path, kind) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/apl.js", "text/javascript"),
        ("/style.css", "text/css"),
    ] {
        let request = Request::get(path)
            .header("host", format!("localhost:{PORT}"))
            .body(Body::empty())
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let headers = response.headers();
        assert!(
            headers["content-type"].to_str().unwrap().starts_with(kind),
            "{path}"
        );
        assert!(headers["content-security-policy"]
            .to_str()
            .unwrap()
            .starts_with("default-src 'self'"));
    }
    let (status, _) = call(&app, "GET", "/secrets.txt", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn turns_come_back_with_speech_card_json_and_session_state() {
    let app = app();
    let (_, state) = call(&app, "GET", "/api/state", None).await;
    let state: Value = serde_json::from_str(&state).unwrap();
    assert_eq!(state["skill_name"], "Test Skill");
    assert_eq!(state["invocation_name"], "coffee shop");
    assert_eq!(state["device"], "echo");
    assert_eq!(
        state["screen"],
        Value::Null,
        "a voice-only Echo has no screen"
    );
    assert_eq!(state["in_session"], false);
    assert!(state["examples"].as_array().unwrap().len() >= 2);

    let turn = say(&app, "  hello there ").await;
    assert_eq!(
        turn["not_for_skill"], true,
        "outside a session it never reaches the skill"
    );
    assert_eq!(turn["request"], Value::Null);

    let turn = say(&app, "open coffee shop").await;
    assert_eq!(turn["speech"], "Hello.");
    assert_eq!(turn["listening"], true);
    assert_eq!(turn["request"]["request"]["type"], "LaunchRequest");
    assert_eq!(turn["response"]["response"]["shouldEndSession"], false);

    let turn = say(&app, "").await;
    assert_eq!(turn["speech"], "Still there?", "silence hears the reprompt");
    assert_eq!(
        turn["state"]["listening"], true,
        "the state after the turn comes with the turn"
    );
    let (_, state) = call(&app, "GET", "/api/state", None).await;
    assert!(state.contains(r#""listening":true"#), "{state}");

    let turn = say(&app, "what is on the menu").await;
    assert_eq!(turn["speech"], "All fine.");
    assert_eq!(
        turn["card"],
        json!({"title": "Status", "text": "All fine."})
    );
    assert_eq!(turn["screen"], Value::Null, "an Echo gets no APL");
    assert_eq!(turn["session_open"], false);
    assert_eq!(turn["state"]["in_session"], false);
    assert_eq!(turn["state"]["listening"], false);
}

#[tokio::test]
async fn an_echo_show_gets_the_screen() {
    let app = app();
    let (status, state) = call(
        &app,
        "POST",
        "/api/device",
        Some(json!({"device": "echo-show"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(state.contains(r#""device":"echo-show""#), "{state}");
    let state: Value = serde_json::from_str(&state).unwrap();
    assert_eq!(
        state["screen"],
        json!({"width": 1280, "height": 800, "dpi": 160, "shape": "rectangle", "mode": "hub"}),
        "the page draws on the screen the requests describe"
    );
    let turn = say(&app, "ask coffee shop what is on the menu").await;
    assert_eq!(turn["screen"]["token"], "status");
    assert_eq!(turn["screen"]["document"], json!({"type": "APL"}));
    let (status, body) = call(
        &app,
        "POST",
        "/api/device",
        Some(json!({"device": "fridge"})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body, r#"unknown device "fridge": use echo or echo-show"#);
}

#[tokio::test]
async fn other_hosts_and_malformed_bodies_are_refused() {
    let app = app();
    // A page on another site resolving its name to 127.0.0.1 (DNS rebinding).
    let (status, _) = call_as(
        &app,
        &format!("attacker.example:{PORT}"),
        "GET",
        "/api/state",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call_as(
        &app,
        "127.0.0.1:1",
        "POST",
        "/api/say",
        Some(json!({"utterance": "open coffee shop"})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&app, "POST", "/api/say", Some(json!({"words": 3}))).await;
    assert!(status.is_client_error(), "{status}");
}
