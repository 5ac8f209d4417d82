//! Amazon's own model of the Skill Management API agrees with every body alexa-smapi sends
//! and every body its stand-in answers: each is checked against the JSON schema of
//! `ask-smapi-model`'s spec.json and round-tripped through the Python `ask-smapi-model`
//! (voiceops/end-to-end/conformance/smapi_check.py). The request and response envelopes inside the
//! simulations and invocations go through `ask-sdk-model` as well.

use alexa_core::model::Intent;
use alexa_core::{builtin, Response, Skill};
use alexa_smapi::evaluation::{
    Annotation, AnnotationInputs, Annotations, CreateNluAnnotationSetRequest, EvaluateNluRequest,
    EvaluationSource, Expected, ExpectedIntent,
};
use alexa_smapi::invocation::{EndpointRegion, InvocationsApiRequest, SkillRequest};
use alexa_smapi::package::{package_files, zip_files, ImportInto, ImportResponse};
use alexa_smapi::stand_in::{StandIn, StandInConfig};
use alexa_smapi::{ProfileNluRequest, SimulationsApiRequest, SmapiClient, Stage};
use end_to_end::{root, Scratch};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

const DEV: Stage = Stage::Development;

/// The Python with ask-smapi-model: `ASK_SDK_PYTHON`, or the one `./scripts/test` sets up.
fn python() -> PathBuf {
    std::env::var_os("ASK_SDK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".cache/venv/bin/python"))
}

/// Answers every VoiceOps intent by naming it and its slots: any envelope will do here.
fn echo_skill() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .launch(|| async { Response::ask("Welcome.", "What now?") })
        .intent("CountInstancesIntent", |intent: Intent| async move {
            Response::ask(
                format!("{} with {} slots.", intent.name, intent.slots.len()),
                "What now?",
            )
        })
        .intent(builtin::HELP, || async {
            Response::ask("Ask me anything.", "What now?")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .build()
        .unwrap()
}

/// The VoiceOps package's files, its skill.json with or without its endpoint.
fn voiceops_package(endpoint: Option<&str>) -> Vec<(String, Vec<u8>)> {
    let mut files =
        package_files(&root().join("voiceops/interaction-model/skill-package")).unwrap();
    for (name, bytes) in files.iter_mut() {
        if name == "skill.json" {
            let mut manifest: Value = serde_json::from_slice(bytes).unwrap();
            let custom = manifest["manifest"]["apis"]["custom"]
                .as_object_mut()
                .unwrap();
            match endpoint {
                Some(uri) => custom.insert("endpoint".into(), json!({"uri": uri})),
                None => custom.remove("endpoint"),
            };
            *bytes = serde_json::to_vec(&manifest).unwrap();
        }
    }
    files
}

async fn import_new(
    amazon: &StandIn,
    smapi: &SmapiClient,
    endpoint: Option<&str>,
) -> ImportResponse {
    let into = ImportInto::NewSkill {
        vendor_id: amazon.vendor_id(),
    };
    smapi
        .import_package(zip_files(&voiceops_package(endpoint)).unwrap(), &into)
        .await
        .unwrap()
}

/// Every operation `cargo alexa` uses, each failure shape included, against the stand-in.
async fn every_operation(amazon: &StandIn) {
    let smapi = amazon.client();
    smapi.vendors().await.unwrap();
    let refused = import_new(
        amazon,
        &smapi,
        Some("arn:aws:lambda:eu-west-1:123456789012:function:voiceops"),
    )
    .await;
    assert!(!refused.succeeded());
    let created = import_new(amazon, &smapi, None).await;
    let skill_id = created.skill.unwrap().skill_id.unwrap();

    let (mut manifest, etag) = smapi.manifest(&skill_id, &DEV).await.unwrap();
    manifest.manifest["apis"]["custom"]["endpoint"] =
        json!({"uri": "arn:aws:lambda:eu-west-1:123456789012:function:voiceops"});
    smapi
        .update_manifest(&skill_id, &DEV, &manifest, etag.as_deref())
        .await
        .unwrap();
    smapi.wait_for_manifest(&skill_id).await.unwrap();
    let into = ImportInto::Skill {
        skill_id: skill_id.clone(),
        if_match: None,
    };
    let again = smapi
        .import_package(zip_files(&voiceops_package(None)).unwrap(), &into)
        .await
        .unwrap();
    assert!(again.succeeded(), "{:?}", again.failures());

    let model = smapi
        .interaction_model(&skill_id, &DEV, "en-GB")
        .await
        .unwrap();
    amazon.fail_next_build("en-GB", "Sample utterance is invalid.");
    smapi
        .update_interaction_model(&skill_id, &DEV, "en-GB", &model)
        .await
        .unwrap();
    let locales: Vec<String> = ["en-US", "en-GB", "de-DE"].map(String::from).to_vec();
    smapi.wait_for_builds(&skill_id, &locales).await.unwrap();
    smapi
        .update_interaction_model(&skill_id, &DEV, "en-GB", &model)
        .await
        .unwrap();
    smapi.wait_for_builds(&skill_id, &locales).await.unwrap();

    assert!(
        smapi
            .simulate(
                &skill_id,
                &DEV,
                &SimulationsApiRequest::new("open voice ops", "en-US", true)
            )
            .await
            .is_err(),
        "not enabled yet"
    );
    smapi.enable(&skill_id, &DEV).await.unwrap();
    for (utterance, new) in [
        ("open voice ops", true),
        ("how many are stopped in frankfurt", false),
        ("stop", false),
        ("how many are running", false),
    ] {
        smapi
            .simulate(
                &skill_id,
                &DEV,
                &SimulationsApiRequest::new(utterance, "en-US", new),
            )
            .await
            .unwrap();
    }
    smapi
        .simulate(
            &skill_id,
            &DEV,
            &SimulationsApiRequest::new("frag voice ops wie viele instanzen laufen", "de-DE", true),
        )
        .await
        .unwrap();
    assert!(smapi
        .simulate(
            &skill_id,
            &DEV,
            &SimulationsApiRequest::new(" ", "en-US", true)
        )
        .await
        .is_err());

    for utterance in [
        "how many are stopped in frankfurt",
        "what databases do I have in ireland",
        "how many are running in franfut",
    ] {
        let request = ProfileNluRequest {
            utterance: utterance.into(),
            multi_turn_token: None,
        };
        smapi
            .profile_nlu(&skill_id, &DEV, "en-US", &request)
            .await
            .unwrap();
    }

    let envelope: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("voiceops/recordings/requests/va-count-running.json"))
            .unwrap(),
    )
    .unwrap();
    let request = InvocationsApiRequest {
        endpoint_region: EndpointRegion::Eu,
        skill_request: SkillRequest { body: envelope },
    };
    smapi.invoke(&skill_id, &DEV, &request).await.unwrap();

    let set = smapi
        .create_annotation_set(
            &skill_id,
            &CreateNluAnnotationSetRequest {
                locale: "en-US".into(),
                name: "operators".into(),
            },
        )
        .await
        .unwrap();
    let case = |utterance: &str, intent: &str| Annotation {
        inputs: AnnotationInputs {
            utterance: utterance.into(),
            reference_timestamp: Some("2026-12-01T10:00:00.000Z".into()),
        },
        expected: vec![Expected {
            intent: ExpectedIntent {
                name: intent.into(),
                slots: serde_json::from_value(json!({"region": {"value": "frankfurt"}})).unwrap(),
            },
        }],
    };
    let data = vec![
        case("how many are stopped in frankfurt", "CountInstancesIntent"),
        case("what's running in frankfurt", "ListDatabasesIntent"),
    ];
    smapi
        .put_annotations(&skill_id, &set, &Annotations { data })
        .await
        .unwrap();
    let evaluation = smapi
        .start_nlu_evaluation(
            &skill_id,
            &EvaluateNluRequest {
                stage: DEV,
                locale: "en-US".into(),
                source: EvaluationSource { annotation_id: set },
            },
        )
        .await
        .unwrap();
    smapi
        .wait_for_nlu_evaluation(&skill_id, &evaluation)
        .await
        .unwrap();
    smapi
        .nlu_evaluation_results(&skill_id, &evaluation)
        .await
        .unwrap();

    assert!(smapi
        .manifest("amzn1.ask.skill.unknown", &DEV)
        .await
        .is_err());
    amazon.throttle(1, 0);
    smapi.vendors().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn amazons_smapi_model_accepts_every_body_sent_and_answered() {
    let amazon = StandIn::start(StandInConfig {
        skill: Some(Arc::new(|_: &str, _: &str| {
            Box::new(echo_skill()) as Box<dyn alexa_sim::Target>
        })),
        ..Default::default()
    })
    .await
    .unwrap();
    every_operation(&amazon).await;
    let exchanges: Vec<Value> = amazon
        .exchanges()
        .iter()
        .map(|e| json!({"definition": e.definition, "body": e.body}))
        .collect();
    let definitions: BTreeSet<&str> = amazon.exchanges().iter().map(|e| e.definition).collect();
    assert!(
        definitions.len() >= 23,
        "every kind of body is covered: {definitions:?}"
    );

    let scratch = Scratch::new("smapi-model");
    let file = scratch.0.join("exchanges.json");
    std::fs::write(&file, serde_json::to_vec(&exchanges).unwrap()).unwrap();
    let spec = std::env::var_os("SMAPI_SPEC")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".cache/ask-smapi-model/spec.json"));
    let output = Command::new(python())
        .arg(root().join("voiceops/end-to-end/conformance/smapi_check.py"))
        .arg(&spec)
        .arg(&file)
        .output()
        .expect("python runs: ./scripts/test installs ask-smapi-model into .cache/venv");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.trim().is_empty(), "the checker failed: {stderr}");
    let problems: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).expect("one JSON report a line"))
        .filter(|report| report["ok"] != true)
        .map(|report| format!("{}: {}", report["definition"], report["problems"]))
        .collect();
    assert!(
        problems.is_empty(),
        "{} bodies Amazon's model disagrees with:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_eq!(
        output.stdout.iter().filter(|b| **b == b'\n').count(),
        exchanges.len(),
        "every body was checked"
    );
    assert!(output.status.success());

    // The envelopes inside: what the skill received and answered, through ask-sdk-model.
    let (requests, responses) = (scratch.0.join("requests"), scratch.0.join("responses"));
    std::fs::create_dir_all(&requests).unwrap();
    std::fs::create_dir_all(&responses).unwrap();
    let mut envelopes = 0;
    for (index, exchange) in amazon.exchanges().iter().enumerate() {
        let calls = exchange
            .body
            .pointer("/result/skillExecutionInfo/invocations")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let single = exchange
            .body
            .pointer("/result/skillExecutionInfo")
            .filter(|s| s.get("invocationRequest").is_some())
            .cloned();
        for (n, call) in calls.into_iter().chain(single).enumerate() {
            std::fs::write(
                requests.join(format!("{index}-{n}.json")),
                call["invocationRequest"]["body"].to_string(),
            )
            .unwrap();
            std::fs::write(
                responses.join(format!("{index}-{n}.json")),
                call["invocationResponse"]["body"].to_string(),
            )
            .unwrap();
            envelopes += 1;
        }
    }
    assert!(envelopes >= 5, "{envelopes} envelopes");
    let output = Command::new(python())
        .arg(root().join("voiceops/end-to-end/conformance/ask_sdk_roundtrip.py"))
        .arg(&requests)
        .arg(&responses)
        .output()
        .unwrap();
    // Real requests carry `source: "USER"` on each slot, which ask-sdk-model 1.82 does not
    // type (it drops it); that one field is known, anything else Amazon's model loses is not.
    let known = |problem: &str| {
        problem.starts_with("$.request.intent.slots.")
            && problem.ends_with(".source: dropped by Amazon's model")
    };
    let mut problems = Vec::new();
    for line in std::str::from_utf8(&output.stdout).unwrap().lines() {
        let report: Value = serde_json::from_str(line).unwrap();
        for problem in report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
        {
            if !known(problem) {
                problems.push(format!("{}: {problem}", report["file"]));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{}\n{}",
        problems.join("\n"),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        std::str::from_utf8(&output.stdout).unwrap().lines().count(),
        2 * envelopes,
        "every envelope was checked"
    );
}
