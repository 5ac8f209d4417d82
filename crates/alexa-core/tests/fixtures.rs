//! Every request fixture (`tests/fixtures/requests`: Amazon's documented examples, the quirks
//! real requests carry, four requests recorded once with virtual-alexa) parses, survives a
//! serialise/parse round trip without losing a documented field, and is answered by a skill
//! with what the user should hear.

use alexa_core::extract::{Locale, ResolvedSlot, SlotRejection, Slots};
use alexa_core::model::{
    CanFulfill, CanFulfillIntent, ConfirmationStatus, Context, DialogState, Intent, Request,
    RequestEnvelope, Session, SupportedInterfaces, Timestamp,
};
use alexa_core::testing::{ResponseExt, TEST_SKILL_ID};
use alexa_core::{builtin, FromSlot, FromSlots, Response, Skill};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/requests");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("readable fixture"))
        })
        .collect()
}

/// Leaves of a JSON document as (path, value). Empty objects and arrays carry no data and
/// count as absent.
fn leaves(value: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                leaves(v, format!("{path}/{k}"), out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{path}/{i}"), out);
            }
        }
        Value::Object(_) | Value::Array(_) => {}
        leaf => out.push((path, leaf.clone())),
    }
}

/// The envelope reads its context into a box made first, field by field (serde's
/// `deserialize_in_place`, to spare copies of it); what a handler then reads must be what
/// reading the context on its own gives, for every fixture the one-pass reader takes.
#[test]
fn the_context_read_in_place_is_the_context_read_alone() {
    let mut compared = 0;
    for (name, json) in fixtures() {
        let Ok(envelope) = serde_json::from_str::<RequestEnvelope>(&json) else {
            continue; // a quirk the lenient reader handles; not this reader's case
        };
        let value: Value = serde_json::from_str(&json).expect("JSON");
        let alone: Context = match value.get("context") {
            Some(context) => serde_json::from_value(context.clone())
                .unwrap_or_else(|e| panic!("{name}: the context alone does not read: {e}")),
            None => Context::default(),
        };
        assert!(
            !envelope.context.viewport.is_read(),
            "{name}: typed before use"
        );
        assert_eq!(*envelope.context, alone, "{name}");
        envelope.read_every_member();
        assert_eq!(*envelope.context, alone, "{name}, every member read");
        compared += 1;
    }
    assert!(compared >= 20, "only {compared} fixtures compared");
}

/// The one-pass reader writes the envelope, its session and a standard request where they
/// live rather than building each and moving it in; every member must read exactly as it
/// does alone, built by value, for every fixture that reader takes.
#[test]
fn the_envelope_read_in_place_is_each_member_read_alone() {
    let mut requests = 0;
    for (name, json) in fixtures() {
        let read = RequestEnvelope::from_slice_lenient(json.as_bytes())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        if !read.dropped.is_empty() {
            continue; // the slow path read it, not the one-pass reader
        }
        let envelope = read.envelope;
        let value: Value = serde_json::from_str(&json).expect("JSON");
        let alone = |member: &str| value.get(member).cloned().unwrap_or(Value::Null);
        let version = alone("version");
        assert_eq!(
            envelope.version,
            version.as_str().unwrap_or("1.0"),
            "{name}"
        );
        let session: Option<Session> = serde_json::from_value(alone("session")).expect("session");
        assert_eq!(envelope.session, session, "{name}");
        let context: Context = serde_json::from_value(alone("context")).unwrap_or_default();
        assert_eq!(*envelope.context, context, "{name}");
        let request = alone("request");
        let by_value = match request["type"].as_str() {
            Some("LaunchRequest") => Request::Launch(by_value(&request)),
            Some("IntentRequest") => Request::Intent(by_value(&request)),
            Some("SessionEndedRequest") => Request::SessionEnded(by_value(&request)),
            Some("CanFulfillIntentRequest") => Request::CanFulfillIntent(by_value(&request)),
            _ => continue,
        };
        assert_eq!(envelope.request, by_value, "{name}");
        requests += 1;
    }
    assert!(requests >= 20, "only {requests} standard requests compared");
}

/// Alexa sends the request's `type` first; test tools send members before it, which the
/// one-pass reader holds until it knows the type. Where `type` comes must not change what a
/// skill reads or what is reported as dropped, for any fixture.
#[test]
fn every_fixture_reads_alike_with_its_type_first_or_last() {
    let mut compared = 0;
    for (name, json) in fixtures() {
        let value: Value = serde_json::from_str(&json).expect("JSON");
        let (Some(first), Some(last)) = (type_placed(&value, true), type_placed(&value, false))
        else {
            continue; // no request object with a type: nothing to move
        };
        let read = |body: &str| {
            RequestEnvelope::from_slice_lenient(body.as_bytes())
                .map(|read| (read.envelope, read.dropped))
                .map_err(|e| e.to_string())
        };
        assert_eq!(read(&first), read(&last), "{name}");
        compared += 1;
    }
    assert!(compared >= 25, "only {compared} fixtures compared");
}

/// The envelope as compact JSON, its request's `type` written first or last.
fn type_placed(envelope: &Value, first: bool) -> Option<String> {
    let member = |key: &str, value: &Value| format!("{}:{value}", Value::from(key));
    let request = envelope.get("request")?.as_object()?;
    let kind = member("type", request.get("type")?);
    let mut members: Vec<String> = request
        .iter()
        .filter(|(key, _)| *key != "type")
        .map(|(key, value)| member(key, value))
        .collect();
    members.insert(if first { 0 } else { members.len() }, kind);
    let outer = envelope
        .as_object()?
        .iter()
        .filter(|(key, _)| *key != "request")
        .map(|(key, value)| member(key, value))
        .chain([format!("\"request\":{{{}}}", members.join(","))]);
    Some(format!("{{{}}}", outer.collect::<Vec<_>>().join(",")))
}

fn by_value<T: serde::de::DeserializeOwned>(request: &Value) -> T {
    serde_json::from_value(request.clone()).expect("the request read alone")
}

/// The members Amazon's model lets a request leave out read as it says: no version is
/// `1.0`, a `null` session is no session, no context is an empty one.
#[test]
fn members_left_out_read_as_the_model_says() {
    let body = br#"{"session": null,
        "request": {"type": "SessionEndedRequest", "requestId": "r", "reason": "USER_INITIATED"}}"#;
    let read = RequestEnvelope::from_slice_lenient(body).expect("read");
    assert!(read.dropped.is_empty(), "{:?}", read.dropped);
    assert_eq!(read.envelope.version, "1.0");
    assert_eq!(read.envelope.session, None);
    assert_eq!(*read.envelope.context, Context::default());
    assert!(matches!(read.envelope.request, Request::SessionEnded(_)));
}

/// A member sent twice is not refused: the one-pass reader leaves such a body to the slow
/// path, which keeps the last, as a JSON object with a repeated key reads everywhere.
#[test]
fn a_member_sent_twice_reads_as_the_last() {
    let body = br#"{"version": "1.0", "session": {"sessionId": "first"}, "context": {},
        "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-US"},
        "session": {"sessionId": "second"}}"#;
    let read = RequestEnvelope::from_slice_lenient(body).expect("read");
    let session = read.envelope.session.expect("a session");
    assert_eq!(session.session_id.as_deref(), Some("second"));
    assert!(matches!(read.envelope.request, Request::Launch(_)));
}

#[test]
fn there_are_enough_fixtures_of_every_kind() {
    let all = fixtures();
    assert!(all.len() >= 25, "only {} fixtures", all.len());
    let text: String = all.iter().map(|(_, j)| j.as_str()).collect();
    for needle in [
        "\"LaunchRequest\"",
        "\"IntentRequest\"",
        "\"SessionEndedRequest\"",
        "\"CanFulfillIntentRequest\"",
        "ER_SUCCESS_MATCH",
        "ER_SUCCESS_NO_MATCH",
        "\"STARTED\"",
        "\"IN_PROGRESS\"",
        "\"COMPLETED\"",
        "\"Viewport\"",
        "Alexa.Presentation.APL",
        "\"en-US\"",
        "\"en-GB\"",
        "\"de-DE\"",
        "\"ja-JP\"",
    ] {
        assert!(text.contains(needle), "no fixture contains {needle}");
    }
}

#[test]
fn every_fixture_round_trips_without_losing_a_documented_field() {
    for (name, json) in fixtures() {
        let original: Value = serde_json::from_str(&json).unwrap();
        let parsed: RequestEnvelope =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
        let written = serde_json::to_value(&parsed).unwrap();
        let reparsed: RequestEnvelope = serde_json::from_value(written.clone()).unwrap();
        assert_eq!(parsed, reparsed, "{name}: second parse differs");

        let mut before = Vec::new();
        leaves(&original, String::new(), &mut before);
        let mut after = Vec::new();
        leaves(&written, String::new(), &mut after);
        let after: BTreeMap<_, _> = after.into_iter().collect();
        for (path, value) in before {
            if path.contains("undocumented")
                || path.contains("Undocumented")
                || path == "/request/shouldLinkResultBeReturned"
            {
                continue; // unknown fields are ignored by design
            }
            if path.ends_with("/timestamp")
                && matches!(parsed.request, Request::Launch(_) | Request::Intent(_))
            {
                let want = Timestamp::parse(&value.to_string().replace('"', "")).unwrap();
                let got = Timestamp::parse(after[&path].as_str().unwrap()).unwrap();
                assert_eq!(want, got, "{name}: timestamp changed");
                continue;
            }
            let kept = after.get(&path);
            let same = match (kept, &value) {
                (Some(Value::Number(a)), Value::Number(b)) => a.as_f64() == b.as_f64(),
                (kept, value) => kept == Some(value),
            };
            assert!(
                same,
                "{name}: lost or changed {path}: {value} became {kept:?}"
            );
        }
    }
}

#[derive(FromSlot, Debug, Clone, Copy, PartialEq)]
enum State {
    #[slot(id = "running")]
    Running,
    #[slot(id = "stopped")]
    Stopped,
}

#[derive(FromSlots)]
struct CountArgs {
    state: Option<State>,
    region: Option<ResolvedSlot>,
}

#[derive(FromSlots)]
struct DatabaseArgs {
    region: Option<ResolvedSlot>,
    engines: Vec<ResolvedSlot>,
}

fn test_skill() -> Skill {
    Skill::builder()
        .skill_id(TEST_SKILL_ID)
        .launch(
            |Locale(locale): Locale, ifaces: Option<SupportedInterfaces>| async move {
                let screen = ifaces.is_some_and(|i| i.supports_apl());
                Response::ask(format!("welcome {locale} screen={screen}"), "what now?")
            },
        )
        .intent(
            "CountInstancesIntent",
            |Slots(a): Slots<CountArgs>, d: Option<DialogState>| async move {
                let state = a.state.map(|s| s.id()).unwrap_or("all");
                let region = a
                    .region
                    .map(|r| r.id)
                    .unwrap_or_else(|| "everywhere".into());
                format!("count {state} in {region} dialog={d:?}")
            },
        )
        .intent(
            "ListDatabasesIntent",
            |args: Result<Slots<DatabaseArgs>, SlotRejection>| async move {
                match args {
                    Ok(Slots(a)) => {
                        let engines: Vec<_> = a.engines.into_iter().map(|e| e.name).collect();
                        format!(
                            "databases in {} engines={}",
                            a.region
                                .map(|r| r.id)
                                .unwrap_or_else(|| "everywhere".into()),
                            engines.join("+")
                        )
                    }
                    Err(rejection) => format!("unresolved {}", rejection.slot),
                }
            },
        )
        .intent("StatusReportIntent", |i: Intent| async move {
            match i.confirmation_status {
                ConfirmationStatus::Denied => {
                    Response::ask("ok, which region then?", "which region?")
                }
                _ => Response::tell("status"),
            }
        })
        .intent(builtin::HELP, || async {
            Response::ask("help", "what now?")
        })
        .intent(builtin::STOP, || async { "bye" })
        .intent(builtin::CANCEL, || async { "bye" })
        .fallback(|i: Option<Intent>| async move {
            Response::ask(
                format!("fallback {}", i.map(|i| i.name).unwrap_or_default()),
                "what now?",
            )
        })
        .can_fulfill(|i: Intent| async move {
            let can = if i.name == "CountInstancesIntent" {
                CanFulfill::Yes
            } else {
                CanFulfill::No
            };
            Response::can_fulfill(CanFulfillIntent {
                can_fulfill: can,
                slots: Default::default(),
            })
        })
        .on_request(
            "Alexa.Presentation.APL.UserEvent",
            |r: alexa_core::extract::Envelope| async move {
                match &r.0.request {
                    Request::AplUserEvent(e) => {
                        Response::tell(format!("touched {}", e.arguments.len()))
                    }
                    _ => Response::empty(),
                }
            },
        )
        .on_request(
            "Connections.Response",
            |r: alexa_core::extract::Envelope| async move {
                match &r.0.request {
                    Request::ConnectionsResponse(c) => format!("purchase {}", c.status.message),
                    _ => String::new(),
                }
            },
        )
        .build()
        .unwrap()
}

/// What the user hears for each fixture, and whether the session stays open
/// (`Some(false)` listens, `Some(true)` ends, `None` leaves it to the device).
fn expected(name: &str) -> (&'static str, Option<bool>) {
    match name {
        "doc-launch-full-context" | "quirk-epoch-millis-timestamp" | "geolocation-context" => {
            ("welcome en-US screen=false", Some(false))
        }
        "doc-ja-jp-launch" => ("welcome ja-JP screen=false", Some(false)),
        "doc-launch-echo-show-geolocation" => ("welcome de-DE screen=true", Some(false)),
        "va-count-stopped-frankfurt" => ("count stopped in eu-central-1 dialog=None", Some(true)),
        "va-count-en-gb" => ("count running in eu-west-2 dialog=None", Some(true)),
        "va-count-region-no-match" => (
            "I don't know the region franfut. Which region do you mean?",
            Some(false),
        ),
        "doc-dialog-started" => ("count all in everywhere dialog=Some(Started)", Some(true)),
        "doc-dialog-in-progress" => (
            "count running in everywhere dialog=Some(InProgress)",
            Some(true),
        ),
        "doc-dialog-completed" => (
            "count running in eu-west-1 dialog=Some(Completed)",
            Some(true),
        ),
        "doc-dialog-denied" => ("ok, which region then?", Some(false)),
        "doc-echo-show-count" | "quirk-unknown-fields" => {
            ("count running in everywhere dialog=None", Some(true))
        }
        "doc-de-de-count-frankfurt" => ("count stopped in eu-central-1 dialog=None", Some(true)),
        "quirk-session-without-id" => ("databases in everywhere engines=", Some(true)),
        "multi-value-slot" => (
            "databases in everywhere engines=MySQL+PostgreSQL",
            Some(true),
        ),
        "slot-er-error-timeout" => ("databases in paris engines=", Some(true)),
        "quirk-no-api-endpoint-no-device" => ("help", Some(false)),
        "special-intent-names" => (
            "fallback AMAZON.PlaybackAction<object@MusicCreativeWork>",
            Some(false),
        ),
        "apl-user-event" => ("touched 2", Some(true)),
        "connections-response" => ("purchase OK", Some(true)),
        "va-session-ended-user"
        | "session-ended-error"
        | "session-ended-max-reprompts"
        | "can-fulfill-count"
        | "audioplayer-playback-started"
        | "system-exception-encountered"
        | "skill-enabled-event"
        | "quirk-unknown-request-type" => ("", None),
        other => panic!("fixture {other} has no expected answer: add one"),
    }
}

#[tokio::test]
async fn every_fixture_is_answered_as_the_user_expects() {
    let skill = test_skill();
    for (name, json) in fixtures() {
        if name == "quirk-unknown-fields-other-skill" {
            let refused = skill.handle_json(json.as_bytes()).await;
            assert!(
                matches!(
                    refused,
                    Err(alexa_core::InvocationError::SkillIdMismatch { .. })
                ),
                "{name}: a request for another skill must be refused"
            );
            continue;
        }
        let response = skill
            .handle_json(json.as_bytes())
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let response: alexa_core::model::ResponseEnvelope =
            serde_json::from_slice(&response).unwrap();
        let (speech, end) = expected(&name);
        assert_eq!(response.speech_text(), speech, "{name}");
        assert_eq!(response.response.should_end_session, end, "{name}");
    }
}

/// What a custom host gets from the bytes (`handle_json`, which writes plain answers itself)
/// is what the Lambda and web hosts send from the typed envelope (`handle`, then serde).
#[tokio::test]
async fn every_fixture_is_answered_alike_from_bytes_and_from_the_typed_envelope() {
    let skill = test_skill();
    for (name, json) in fixtures() {
        let Ok(bytes) = skill.handle_json(json.as_bytes()).await else {
            continue; // refused either way: the fixture above checks which
        };
        let envelope: RequestEnvelope = serde_json::from_str(&json).unwrap();
        let typed = skill.handle(envelope).await.unwrap();
        let from_bytes: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(from_bytes, serde_json::to_value(&typed).unwrap(), "{name}");
    }
}

/// The fixtures are indented as Amazon's documentation prints them; a machine sends the same
/// members without whitespace. The answer must not depend on which: members kept as JSON
/// until read (and attributes copied into the answer unread) carry the body's own text.
#[tokio::test]
async fn every_fixture_is_answered_alike_indented_and_compact() {
    let skill = test_skill();
    for (name, json) in fixtures() {
        let mut compact = Vec::new();
        serde_transcode::transcode(
            &mut serde_json::Deserializer::from_str(&json),
            &mut serde_json::Serializer::new(&mut compact),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(compact.len() < json.len(), "{name}: nothing to compact");
        let printed = skill.handle_json(json.as_bytes()).await;
        let sent = skill.handle_json(&compact).await;
        match (printed, sent) {
            (Ok(printed), Ok(sent)) => {
                let as_json = |bytes: &[u8]| -> Value {
                    serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
                };
                let (printed, sent) = (as_json(&printed), as_json(&sent));
                assert_eq!(printed, sent, "{name}");
            }
            (Err(printed), Err(sent)) => {
                assert_eq!(printed.to_string(), sent.to_string(), "{name}")
            }
            (printed, sent) => panic!("{name}: indented {printed:?}, compact {sent:?}"),
        }
    }
}

#[tokio::test]
async fn the_echo_show_fixture_reports_apl_support() {
    let json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/requests/doc-echo-show-count.json"),
    )
    .unwrap();
    let env: RequestEnvelope = serde_json::from_str(&json).unwrap();
    let device = env.context.system.device.as_ref().unwrap();
    assert!(device.supported_interfaces.supports_apl());
    assert_eq!(
        env.context.viewport.as_ref().unwrap().pixel_width,
        Some(1280.into())
    );
    assert_eq!(env.context.viewports.as_ref().unwrap()[1].kind, "APLT");
}

#[tokio::test]
async fn can_fulfill_answers_without_speech() {
    let json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/requests/can-fulfill-count.json"),
    )
    .unwrap();
    let out = test_skill().handle_json(json.as_bytes()).await.unwrap();
    let out: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(out["response"]["canFulfillIntent"]["canFulfill"], "YES");
}

#[test]
fn tokens_never_reach_debug_output() {
    for (name, json) in fixtures() {
        let env: RequestEnvelope = serde_json::from_str(&json).unwrap();
        let debug = format!("{env:?}");
        for secret in ["eyJ0eXAi", "Atza|", "person-token"] {
            assert!(
                !debug.contains(secret),
                "{name}: {secret} leaked into Debug"
            );
        }
    }
}

/// The largest launch Alexa sends a skill (an Echo Show with location services on, granted
/// permissions, a linked account, an APL screen in view): every part a skill reads is typed.
#[test]
fn a_full_echo_show_launch_reads_every_part() {
    let (_, json) = fixtures()
        .into_iter()
        .find(|(name, _)| name == "doc-launch-echo-show-geolocation")
        .expect("the fixture");
    let envelope = RequestEnvelope::from_slice_lenient(json.as_bytes())
        .expect("parses")
        .envelope;
    let context = &envelope.context;
    let coordinate = context
        .geolocation
        .as_ref()
        .and_then(|g| g.coordinate.as_ref())
        .expect("a coordinate");
    assert_eq!(coordinate.latitude_in_degrees, 50.1109);
    assert_eq!(
        context.viewport.as_ref().and_then(|v| v.dpi.clone()),
        Some(160.into())
    );
    assert_eq!(
        context.apl.as_ref().and_then(|a| a.token.as_deref()),
        Some("voiceops-fleet")
    );
    let device = context.system.device.as_ref().expect("a device");
    assert!(device.supported_interfaces.supports_apl());
    assert!(device.supported_interfaces.geolocation.is_some());
    let user = context.system.user.as_ref().expect("a user");
    assert!(user.access_token.is_some(), "the linked account's token");
    assert_eq!(envelope.locale(), Some("de-DE"));
    assert_eq!(
        envelope.application_id(),
        Some("amzn1.ask.skill.00000000-0000-0000-0000-000000000000")
    );
}
