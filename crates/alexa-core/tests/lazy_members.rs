//! A request pays only for what its handler reads: the context's members and the session's
//! attributes stay JSON until an extractor asks for them, and attributes nobody read are
//! carried into the answer as they arrived.

use alexa_core::extract::{AplScreen, Envelope, SessionAttrs};
use alexa_core::testing::TestRequest;
use alexa_core::{Response, Skill};
use serde_json::{json, Value};

/// What the handler saw of the envelope, said back so the test can hear it.
async fn report(Envelope(env): Envelope, screen: Option<AplScreen>) -> Response {
    let read = |yes: bool| if yes { "read" } else { "unread" };
    Response::ask(
        format!(
            "viewport {}, apl {}, interfaces {}, attributes {}, screen {}.",
            read(env.context.viewport.is_read()),
            read(env.context.apl.is_read()),
            read(
                env.context
                    .system
                    .device
                    .as_ref()
                    .is_some_and(|d| d.supported_interfaces.is_read())
            ),
            read(env.session.as_ref().is_some_and(|s| s.attributes.is_read())),
            screen.map_or("none".to_owned(), |s| format!("{:?}", s.size)),
        ),
        "Go on.",
    )
}

#[derive(serde::Deserialize, serde::Serialize, Default)]
#[serde(default)]
struct Turns {
    count: u32,
}

async fn count(SessionAttrs(mut turns): SessionAttrs<Turns>) -> Response {
    turns.count += 1;
    Response::ask("Counted.", "Go on.")
        .session_attributes(&turns)
        .unwrap()
}

fn skill() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .intent("ReportIntent", report)
        .intent("CountIntent", count)
        .intent("KeepIntent", || async { Response::ask("Kept.", "Go on.") })
        .intent("StopIntent", || async { Response::tell("Bye.") })
        .build()
        .unwrap()
}

/// The request as Alexa would send it: JSON, so every lazy member starts unread.
fn wire(request: TestRequest) -> Vec<u8> {
    serde_json::to_vec(&request.build()).unwrap()
}

async fn answer(body: &[u8]) -> Value {
    let bytes = skill().handle_json(body).await.expect("answered");
    serde_json::from_slice(&bytes).unwrap()
}

fn speech(answer: &Value) -> &str {
    answer["response"]["outputSpeech"]["text"].as_str().unwrap()
}

#[tokio::test]
async fn members_no_extractor_asks_for_are_never_read() {
    let body = wire(
        TestRequest::intent("ReportIntent")
            .screen_device()
            .session_attributes(json!({"region": "eu-west-1"})),
    );
    // `AplScreen` reads the viewport and the device's interfaces; nothing reads the APL
    // state or the attributes.
    let answer = answer(&body).await;
    assert_eq!(
        speech(&answer),
        "viewport read, apl unread, interfaces read, attributes unread, screen Some((1280.0, 800.0))."
    );
}

#[tokio::test]
async fn unread_attributes_are_carried_forward_exactly_as_they_arrived() {
    let attributes = r#"{"region":"eu-west-1","cost":2.50,"nested":{"ids":[1,2,3]}}"#;
    let mut body: Value = serde_json::from_slice(&wire(TestRequest::intent("KeepIntent"))).unwrap();
    body["session"]["attributes"] = json!("ATTRIBUTES");
    let body = body.to_string().replace("\"ATTRIBUTES\"", attributes);
    let bytes = skill().handle_json(body.as_bytes()).await.unwrap();
    let text = String::from_utf8(bytes).unwrap();
    // The number keeps its spelling: the text was copied, never typed and written again.
    assert!(
        text.contains(&format!("\"sessionAttributes\":{attributes}")),
        "{text}"
    );
    let answer: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(speech(&answer), "Kept.");
    assert_eq!(answer["version"], "1.0");
}

#[tokio::test]
async fn attributes_are_read_into_the_handlers_type_and_replaced() {
    let body = wire(TestRequest::intent("CountIntent").session_attributes(json!({"count": 4})));
    let answer = answer(&body).await;
    assert_eq!(answer["sessionAttributes"], json!({"count": 5}));
}

#[tokio::test]
async fn empty_attributes_and_ended_sessions_carry_nothing() {
    for (request, why) in [
        (
            TestRequest::intent("KeepIntent").session_attributes(json!({})),
            "empty attributes",
        ),
        (
            TestRequest::intent("StopIntent").session_attributes(json!({"region": "x"})),
            "the session ends",
        ),
        (
            TestRequest::session_ended(alexa_core::model::SessionEndedReason::UserInitiated)
                .session_attributes(json!({"region": "x"})),
            "a session-ended request takes an empty answer",
        ),
    ] {
        let answer = answer(&wire(request)).await;
        assert!(answer.get("sessionAttributes").is_none(), "{why}: {answer}");
    }
}

#[tokio::test]
async fn a_member_that_does_not_fit_reads_as_absent_and_the_turn_is_answered() {
    let mut body: Value =
        serde_json::from_slice(&wire(TestRequest::intent("ReportIntent").screen_device())).unwrap();
    // A viewport whose required experience fields are the wrong shape, and APL state that is
    // not even an object: neither may cost the user the turn.
    body["context"]["Viewport"] = json!({"experiences": "wide", "pixelWidth": 1024});
    body["context"]["Alexa.Presentation.APL"] = json!(17);
    let read = alexa_core::model::RequestEnvelope::from_slice_lenient(body.to_string().as_bytes())
        .unwrap();
    let envelope = read.envelope;
    assert!(read.dropped.is_empty(), "nothing is typed at read time");
    let viewport = envelope
        .context
        .viewport
        .as_ref()
        .expect("the rest of the viewport");
    assert_eq!(viewport.pixel_width, Some(1024.into()));
    assert!(viewport.experiences.is_empty());
    assert!(envelope.context.apl.is_none());
    assert!(envelope.context.apl.dropped()[0].contains("left out"));
    let answer = answer(body.to_string().as_bytes()).await;
    assert!(
        speech(&answer).starts_with("viewport read, apl unread")
            && speech(&answer).ends_with("screen None."),
        "{answer}"
    );
}

#[tokio::test]
async fn a_body_that_is_not_json_is_still_refused_at_once() {
    let body = wire(TestRequest::intent("ReportIntent").screen_device());
    let text = String::from_utf8(body).unwrap();
    // Break the JSON inside a member that is never typed.
    let broken = text.replacen("\"Viewport\":{", "\"Viewport\":{,", 1);
    assert_ne!(broken, text);
    assert!(skill().handle_json(broken.as_bytes()).await.is_err());
}

#[tokio::test]
async fn a_skill_that_reads_whole_requests_types_every_member_in_the_one_pass() {
    /// Says whether the members were typed before anything asked for them.
    async fn peek(Envelope(env): Envelope) -> Response {
        let typed = env.context.viewport.is_read()
            && env.session.as_ref().is_some_and(|s| s.attributes.is_read());
        Response::ask(if typed { "Typed." } else { "Untyped." }, "Go on.")
    }
    let body = wire(
        TestRequest::intent("PeekIntent")
            .screen_device()
            .session_attributes(json!({"region": "eu-west-1"})),
    );
    for (whole, said) in [(true, "Typed."), (false, "Untyped.")] {
        let builder = Skill::builder().accept_any_skill_id().skip_builtin_check();
        let builder = if whole {
            builder.read_whole_requests()
        } else {
            builder
        };
        let skill = builder.intent("PeekIntent", peek).build().unwrap();
        let bytes = skill.handle_json(&body).await.unwrap();
        let answer: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(speech(&answer), said);
        assert_eq!(answer["sessionAttributes"], json!({"region": "eu-west-1"}));
    }
}

#[test]
fn read_whole_a_wrongly_typed_member_field_is_named_at_read_time() {
    let body = json!({
        "version": "1.0",
        "context": {"Viewport": {"pixelWidth": "wide", "pixelHeight": 800}},
        "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-US"}
    })
    .to_string();
    let read =
        alexa_core::model::RequestEnvelope::from_slice_lenient_whole(body.as_bytes()).unwrap();
    assert_eq!(read.dropped.len(), 1, "{:?}", read.dropped);
    assert!(read.dropped[0].starts_with("context.Viewport.pixelWidth"));
    let viewport = read.envelope.context.viewport.as_ref().unwrap();
    assert_eq!(viewport.pixel_height, Some(800.into()));
    // The next read on the same thread is lazy again.
    let lazy = alexa_core::model::RequestEnvelope::from_slice_lenient(body.as_bytes()).unwrap();
    assert!(!lazy.envelope.context.viewport.is_read());
}

#[test]
fn the_users_permissions_are_read_when_asked_for_and_a_wrong_field_costs_only_itself() {
    let mut body: Value = serde_json::from_slice(&wire(TestRequest::launch())).unwrap();
    body["context"]["System"]["user"]["permissions"] = json!({
        "consentToken": 17,
        "scopes": {"alexa::alerts:timers:skill:readwrite": {"status": "GRANTED"}}
    });
    let read = alexa_core::model::RequestEnvelope::from_slice_lenient(body.to_string().as_bytes())
        .unwrap();
    assert!(read.dropped.is_empty(), "nothing is typed at read time");
    let user = read.envelope.context.system.user.as_ref().unwrap();
    assert!(!user.permissions.is_read());
    let permissions = user
        .permissions
        .as_ref()
        .expect("the rest of the permissions");
    assert!(
        permissions.consent_token.is_none(),
        "the wrong field is left out"
    );
    let scopes = permissions.scopes.as_ref().unwrap();
    assert_eq!(
        scopes["alexa::alerts:timers:skill:readwrite"]["status"],
        "GRANTED"
    );
    assert!(user.permissions.dropped()[0].starts_with("consentToken"));
    // Written back as it arrived, for a host or simulator that forwards the envelope.
    let written = serde_json::to_value(&read.envelope).unwrap();
    assert_eq!(
        written["context"]["System"]["user"]["permissions"]["scopes"],
        body["context"]["System"]["user"]["permissions"]["scopes"]
    );
}
