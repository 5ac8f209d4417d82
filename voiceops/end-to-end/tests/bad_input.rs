//! Bad input through both hosting paths, as a table: the Lambda event path (the payload as
//! `lambda_runtime` hands it to `alexa-lambda`) and the verifying web endpoint (signed with
//! the test PKI, so the body gets past the signature check and reaches the parser). Every
//! row has a defined outcome: a refusal that names why, or a valid Alexa answer. Nothing
//! panics, nothing hangs.

use alexa_core::model::{ResponseEnvelope, Slot};
use alexa_core::testing::{ResponseExt, TestRequest, TEST_SKILL_ID};
use alexa_lambda::{AlexaRequest, LambdaSkill};
use alexa_web::testing::{stamp, Flaw, ServedChains, TestPki, TestSigner, TEST_CERT_URL};
use alexa_web::{Verifier, WebHost};
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use lambda_runtime::{Context, LambdaEvent};
use std::sync::Arc;
use std::time::Duration;
use tower::{Service, ServiceExt};
use voiceops_skill::config::SkillIds;
use voiceops_skill::inventory::{Database, Inventory, InventoryError, StateCounts, Timing};
use voiceops_skill::skill::build;
use voiceops_skill::state::VoiceOps;

/// Three running instances in Frankfurt, nothing else.
struct Frankfurt;

impl Inventory for Frankfurt {
    fn regions(&self) -> alexa_core::handler::BoxFuture<Result<Vec<String>, InventoryError>> {
        Box::pin(async { Ok(vec!["eu-central-1".to_owned()]) })
    }
    fn count_instances(
        &self,
        _: String,
    ) -> alexa_core::handler::BoxFuture<Result<StateCounts, InventoryError>> {
        let counts = StateCounts {
            running: 3,
            ..StateCounts::default()
        };
        Box::pin(async move { Ok(counts) })
    }
    fn list_databases(
        &self,
        _: String,
    ) -> alexa_core::handler::BoxFuture<Result<Vec<Database>, InventoryError>> {
        Box::pin(async { Ok(vec![]) })
    }
}

fn skill() -> alexa_core::Skill<VoiceOps> {
    let state = VoiceOps::new(Arc::new(Frankfurt), Timing::default());
    build(state, SkillIds::Only(vec![TEST_SKILL_ID.into()])).unwrap()
}

/// What a row must come to.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Refused: on Lambda a failed invocation naming the reason, on the web a 400 (or 413)
    /// with this code.
    Refused {
        web_status: u16,
        web_code: &'static str,
    },
    /// A valid answer whose speech contains this.
    Answered(&'static str),
}

fn valid() -> serde_json::Value {
    serde_json::to_value(TestRequest::launch().at(&stamp(0)).build()).unwrap()
}

fn with(change: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v = valid();
    change(&mut v);
    serde_json::to_vec(&v).unwrap()
}

fn asking_for_region(spoken: &str) -> Vec<u8> {
    let mut request = TestRequest::intent("CountInstancesIntent")
        .unresolved_slot("region", spoken, "AwsRegion")
        .at(&stamp(0))
        .build();
    if let alexa_core::model::Request::Intent(intent) = &mut request.request {
        intent.intent.slots.insert(
            "state".into(),
            Slot {
                name: "state".into(),
                ..Slot::default()
            },
        );
    }
    serde_json::to_vec(&request).unwrap()
}

fn rows() -> Vec<(&'static str, Vec<u8>, Outcome)> {
    use Outcome::*;
    let not_alexa = Refused {
        web_status: 400,
        web_code: "not-an-alexa-request",
    };
    let whole = serde_json::to_vec(&valid()).unwrap();
    let deep = format!(
        "{{\"version\":\"1.0\",\"deep\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let mut invalid_utf8 = whole.clone();
    let at = invalid_utf8
        .windows(6)
        .position(|w| w == b"\"1.0\"")
        .unwrap_or(10);
    invalid_utf8.splice(at + 1..at + 2, [0xff, 0xfe]);
    let huge = with(|v| v["padding"] = serde_json::Value::String("x".repeat(2 << 20)));
    vec![
        ("not JSON", b"hello, Alexa".to_vec(), not_alexa.clone()),
        ("empty body", Vec::new(), not_alexa.clone()),
        (
            "truncated",
            whole[..whole.len() / 2].to_vec(),
            not_alexa.clone(),
        ),
        ("a JSON array", b"[1,2,3]".to_vec(), not_alexa.clone()),
        (
            "request is a number",
            with(|v| v["request"] = 5.into()),
            not_alexa.clone(),
        ),
        (
            "no request",
            with(|v| {
                v.as_object_mut().unwrap().remove("request");
            }),
            not_alexa.clone(),
        ),
        (
            "request type missing",
            with(|v| {
                v["request"].as_object_mut().unwrap().remove("type");
            }),
            not_alexa.clone(),
        ),
        (
            "100,000 levels of nesting",
            deep.into_bytes(),
            not_alexa.clone(),
        ),
        ("invalid UTF-8", invalid_utf8, not_alexa.clone()),
        (
            "2 MB body",
            huge,
            Refused {
                web_status: 413,
                web_code: "",
            },
        ),
        (
            "another skill's ID",
            with(|v| {
                let other = serde_json::Value::from("amzn1.ask.skill.someone-else");
                v["session"]["application"]["applicationId"] = other.clone();
                v["context"]["System"]["application"]["applicationId"] = other;
            }),
            Refused {
                web_status: 400,
                web_code: "wrong-skill",
            },
        ),
        (
            "optional field of the wrong type",
            with(|v| v["context"]["System"]["device"] = 7.into()),
            Answered("Welcome to Voice Ops."),
        ),
        (
            "unknown version",
            with(|v| v["version"] = "2.0".into()),
            Answered("Welcome to Voice Ops."),
        ),
        (
            "unknown request type",
            with(|v| v["request"]["type"] = "Alexa.Future.Thing".into()),
            Answered(""),
        ),
        (
            "unknown fields everywhere",
            with(|v| {
                v["newTopLevel"] = serde_json::json!({"a": [1, {"b": null}]});
                v["request"]["newField"] = true.into();
            }),
            Answered("Welcome to Voice Ops."),
        ),
        (
            "</speak> in a slot",
            asking_for_region("</speak><audio src='x'/>"),
            Answered("I don't know the region </speak><audio src='x'/>."),
        ),
        (
            "& in a slot",
            asking_for_region("tom & jerry"),
            Answered("I don't know the region tom & jerry."),
        ),
        (
            "control characters in a slot",
            asking_for_region("fr\u{0}ank\u{7}furt\u{1b}[2J"),
            Answered("I don't know the region"),
        ),
        (
            "a 20,000-character slot",
            asking_for_region(&"frankfurt ".repeat(2000)),
            Answered(""),
        ),
        (
            "6,000 slots, in reverse name order (200 KB)",
            with_many_slots(
                serde_json::to_vec(
                    &TestRequest::intent(alexa_core::builtin::STOP)
                        .at(&stamp(0))
                        .build(),
                )
                .unwrap(),
                6_000,
            ),
            Answered("Goodbye."),
        ),
    ]
}

/// `body`, a stop intent without slots, with `count` empty slots, named so that they arrive
/// in reverse name order (written as text: a JSON value would sort them).
fn with_many_slots(body: Vec<u8>, count: usize) -> Vec<u8> {
    let extra: String = (0..count)
        .rev()
        .map(|i| format!(r#""extra{i:05}":{{"name":"extra{i:05}"}},"#))
        .collect();
    let extra = extra.trim_end_matches(',');
    let text = String::from_utf8(body).unwrap();
    let intent = r#""name":"AMAZON.StopIntent""#;
    assert!(text.contains(intent), "{text}");
    let with_slots = format!(r#"{intent},"slots":{{{extra}}}"#);
    text.replacen(intent, &with_slots, 1).into_bytes()
}

fn served() -> (TestPki, Arc<ServedChains>, TestSigner) {
    let pki = TestPki::new();
    let signer = pki.signer(Flaw::None);
    let served = Arc::new(ServedChains::default());
    served.serve(TEST_CERT_URL, &signer.chain);
    (pki, served, signer)
}

async fn through_web(
    router: &axum::Router,
    signer: &TestSigner,
    body: Vec<u8>,
) -> (u16, serde_json::Value) {
    let request = Request::post("/")
        .header("content-type", "application/json")
        .header("SignatureCertChainUrl", TEST_CERT_URL)
        .header("Signature-256", signer.sign(&body))
        .body(Body::from(body))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
    )
}

async fn through_lambda(
    lambda: &mut LambdaSkill<VoiceOps>,
    body: &[u8],
) -> Result<ResponseEnvelope, String> {
    // What lambda_runtime does with the payload: deserialise it into the handler's type; a
    // failure is reported to Lambda as the invocation's error.
    let payload: AlexaRequest = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    let event = LambdaEvent::new(payload, Context::default());
    lambda
        .call(event)
        .await
        .map_err(|d| format!("{}: {}", d.error_type, d.error_message))
}

fn speech(envelope: &ResponseEnvelope) -> String {
    envelope.speech_text()
}

#[tokio::test]
async fn every_bad_input_has_a_defined_outcome_on_both_hosting_paths() {
    let (pki, served, signer) = served();
    let verifier = Verifier::new(
        pki.roots(),
        Arc::clone(&served) as Arc<dyn alexa_web::fetch::CertFetcher>,
    );
    let router = WebHost::new(skill(), verifier).body_limit(1 << 20).router();
    let mut lambda = LambdaSkill::new(skill(), Duration::from_millis(6500));
    let mut problems = Vec::new();
    for (name, body, outcome) in rows() {
        let on_lambda = through_lambda(&mut lambda, &body).await;
        let (status, web) = through_web(&router, &signer, body).await;
        let lambda_said = match &on_lambda {
            Ok(answer) => format!(
                "answered {:?}",
                speech(answer).chars().take(70).collect::<String>()
            ),
            Err(why) => format!("refused: {}", why.chars().take(70).collect::<String>()),
        };
        println!(
            "{name:35} Lambda {lambda_said}; web {status} {}",
            web.to_string().chars().take(60).collect::<String>()
        );
        match &outcome {
            Outcome::Refused {
                web_status,
                web_code,
            } => {
                if let Ok(answer) = &on_lambda {
                    if *web_status != 413 {
                        problems.push(format!("{name}: Lambda answered {answer:?}"));
                    }
                }
                if status != *web_status {
                    problems.push(format!(
                        "{name}: web status {status}, not {web_status} ({web})"
                    ));
                }
                if !web_code.is_empty() && web["error"] != *web_code {
                    problems.push(format!("{name}: web code {}, not {web_code}", web["error"]));
                }
            }
            Outcome::Answered(said) => {
                match &on_lambda {
                    Ok(answer) if speech(answer).contains(said) => {}
                    other => problems.push(format!("{name}: Lambda gave {other:?}")),
                }
                let heard = serde_json::from_value::<ResponseEnvelope>(web.clone())
                    .map(|r| speech(&r))
                    .unwrap_or_default();
                if status != 200 || !heard.contains(said) {
                    problems.push(format!("{name}: web gave {status} {web}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
