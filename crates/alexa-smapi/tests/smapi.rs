//! alexa-smapi against the stand-in: the whole path from a package to Amazon's simulator,
//! and every failure a developer meets (a failed build, throttling, an expired or revoked
//! token, Amazon's refusals), each with the outcome a user would notice.

use alexa_core::extract::ResolvedSlot;
use alexa_core::extract::Slots;
use alexa_core::{builtin, Response, Skill};
use alexa_smapi::evaluation::{
    Annotation, AnnotationInputs, Annotations, CreateNluAnnotationSetRequest, EvaluateNluRequest,
    EvaluationSource, EvaluationStatus, Expected, ExpectedIntent,
};
use alexa_smapi::invocation::{EndpointRegion, InvocationsApiRequest, SkillRequest};
use alexa_smapi::package::{zip_package, ImportInto, ImportResponse};
use alexa_smapi::skill::{InteractionModelData, SkillManifestEnvelope};
use alexa_smapi::stand_in::{StandIn, StandInConfig};
use alexa_smapi::{
    LwaError, ProfileNluRequest, Progress, RetryPolicy, SimulationsApiRequest, SmapiClient,
    SmapiError, Stage, Status,
};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const DEV: Stage = Stage::Development;

#[derive(alexa_core::FromSlots)]
struct Order {
    size: Option<ResolvedSlot>,
    drink: Option<ResolvedSlot>,
}

fn coffee() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .launch(|| async { Response::ask("Welcome to the coffee shop.", "What would you like?") })
        .intent("OrderIntent", |Slots(order): Slots<Order>| async move {
            let size = order
                .size
                .map(|s| s.name)
                .unwrap_or_else(|| "regular".into());
            match order.drink {
                Some(drink) => Response::tell(format!("One {size} {}.", drink.name)),
                None => Response::ask("Which drink?", "Which drink would you like?"),
            }
        })
        .intent(builtin::HELP, || async {
            Response::ask("Ask for a latte.", "What would you like?")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .intent(builtin::FALLBACK, || async {
            Response::ask("Sorry, I can't help with that.", "What would you like?")
        })
        .build()
        .unwrap()
}

fn package_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/skill-package")
}

async fn amazon() -> StandIn {
    let config = StandInConfig {
        skill: Some(Arc::new(|_: &str, _: &str| {
            Box::new(coffee()) as Box<dyn alexa_sim::Target>
        })),
        ..Default::default()
    };
    StandIn::start(config).await.unwrap()
}

/// The manifest without its endpoint: what a new skill is imported with.
fn without_endpoint(dir: &Path) -> PathBuf {
    let copy = std::env::temp_dir().join(format!(
        "alexa-smapi-pkg-{}-{}",
        std::process::id(),
        fastrand_name()
    ));
    let models = copy.join("interactionModels/custom");
    std::fs::create_dir_all(&models).unwrap();
    let mut manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("skill.json")).unwrap()).unwrap();
    manifest["manifest"]["apis"]["custom"]
        .as_object_mut()
        .unwrap()
        .remove("endpoint");
    std::fs::write(copy.join("skill.json"), manifest.to_string()).unwrap();
    std::fs::copy(
        dir.join("interactionModels/custom/en-US.json"),
        models.join("en-US.json"),
    )
    .unwrap();
    copy
}

fn fastrand_name() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::SeqCst).to_string()
}

/// Imports `dir` as a new skill, as Amazon answers it.
async fn import(amazon: &StandIn, smapi: &SmapiClient, dir: &Path) -> ImportResponse {
    let into = ImportInto::NewSkill {
        vendor_id: amazon.vendor_id(),
    };
    smapi
        .import_package(zip_package(dir).unwrap(), &into)
        .await
        .unwrap()
}

/// Imports the coffee package as a new skill and returns its ID.
async fn new_skill(amazon: &StandIn, smapi: &SmapiClient) -> String {
    let done = import(amazon, smapi, &without_endpoint(&package_dir())).await;
    assert!(done.succeeded(), "{:?}", done.failures());
    done.skill.unwrap().skill_id.unwrap()
}

#[tokio::test]
async fn a_package_becomes_a_skill_that_amazons_simulator_talks_to() {
    let amazon = amazon().await;
    let waits = Arc::new(Mutex::new(0));
    let counted = waits.clone();
    let smapi = amazon.client().on_progress(move |p| {
        if matches!(p, Progress::Waiting { .. }) {
            *counted.lock().unwrap() += 1;
        }
    });
    let skill_id = new_skill(&amazon, &smapi).await;
    assert!(
        *waits.lock().unwrap() >= 2,
        "the import was in progress and was waited for"
    );
    assert_eq!(amazon.locales(&skill_id), ["en-US"]);

    // The endpoint goes in afterwards, as Amazon requires for a Lambda endpoint.
    let (mut manifest, etag) = smapi.manifest(&skill_id, &DEV).await.unwrap();
    assert!(etag.is_some());
    manifest.manifest["apis"]["custom"]["endpoint"] =
        json!({"uri": "arn:aws:lambda:us-east-1:123456789012:function:coffee"});
    smapi
        .update_manifest(&skill_id, &DEV, &manifest, etag.as_deref())
        .await
        .unwrap();
    assert_eq!(
        smapi.wait_for_manifest(&skill_id).await.unwrap().status,
        Status::Succeeded
    );
    let builds = smapi
        .wait_for_builds(&skill_id, &["en-US".to_string()])
        .await
        .unwrap();
    assert_eq!(builds[0].status, Status::Succeeded);

    assert!(!smapi.is_enabled(&skill_id, &DEV).await.unwrap());
    smapi.enable(&skill_id, &DEV).await.unwrap();
    assert!(smapi.is_enabled(&skill_id, &DEV).await.unwrap());

    let open = smapi
        .simulate(
            &skill_id,
            &DEV,
            &SimulationsApiRequest::new("open coffee shop", "en-US", true),
        )
        .await
        .unwrap();
    assert_eq!(open.caption(), "Welcome to the coffee shop.");
    assert_eq!(open.should_end_session(), Some(Some(false)));
    assert_eq!(open.considered_intents()[0].name, "<LaunchRequest>");
    let order = smapi
        .simulate(
            &skill_id,
            &DEV,
            &SimulationsApiRequest::new("a large latte", "en-US", false),
        )
        .await
        .unwrap();
    assert_eq!(order.caption(), "One large latte.");
    assert_eq!(order.should_end_session(), Some(Some(true)));
    let intent = &order.considered_intents()[0];
    assert_eq!(intent.name, "OrderIntent");
    assert_eq!(
        intent.filled_slots(),
        [
            ("drink".to_string(), "LATTE".to_string()),
            ("size".to_string(), "LARGE".to_string())
        ]
    );
    let body = &order.invocations()[0]
        .invocation_request
        .as_ref()
        .unwrap()
        .body;
    assert_eq!(
        body["request"]["type"], "IntentRequest",
        "the skill's request body comes back"
    );
    assert_eq!(
        order.invocations()[0]
            .invocation_request
            .as_ref()
            .unwrap()
            .endpoint,
        "arn:aws:lambda:us-east-1:123456789012:function:coffee"
    );

    // After the skill ended the session, an utterance that does not name it is not for it.
    let stray = smapi
        .simulate(
            &skill_id,
            &DEV,
            &SimulationsApiRequest::new("a latte", "en-US", false),
        )
        .await
        .unwrap();
    assert!(
        stray.error().unwrap().contains("did not resolve"),
        "{stray:?}"
    );
}

#[tokio::test]
async fn the_profiler_shows_amazons_pick_and_carries_a_dialog_across_turns() {
    let amazon = amazon().await;
    let smapi = amazon.client();
    let skill_id = new_skill(&amazon, &smapi).await;
    let ask = |utterance: &str, token: Option<String>| ProfileNluRequest {
        utterance: utterance.into(),
        multi_turn_token: token,
    };
    let first = smapi
        .profile_nlu(&skill_id, &DEV, "en-US", &ask("order", None))
        .await
        .unwrap();
    assert_eq!(first.selected_intent.as_ref().unwrap().name, "OrderIntent");
    let multi = first.multi_turn.clone().expect("the drink is elicited");
    assert_eq!(
        multi.dialog_act.unwrap().target_slot.as_deref(),
        Some("drink")
    );
    assert_eq!(multi.prompt.as_deref(), Some("Which drink would you like?"));
    let second = smapi
        .profile_nlu(&skill_id, &DEV, "en-US", &ask("espresso", multi.token))
        .await
        .unwrap();
    let intent = second.selected_intent.unwrap();
    assert_eq!(
        intent.slot("drink").unwrap().resolved_id(),
        Some("ESPRESSO")
    );
    assert!(second.multi_turn.is_none(), "the dialog is complete");

    amazon.nlu_answers(
        "a latte",
        json!({"name": "AMAZON.FallbackIntent", "confirmationStatus": "NONE", "slots": {}}),
    );
    let overridden = smapi
        .profile_nlu(&skill_id, &DEV, "en-US", &ask("a latte", None))
        .await
        .unwrap();
    assert_eq!(
        overridden.selected_intent.unwrap().name,
        "AMAZON.FallbackIntent"
    );

    let missing = smapi
        .profile_nlu(&skill_id, &DEV, "de-DE", &ask("ein latte", None))
        .await
        .unwrap_err();
    assert!(
        matches!(missing, SmapiError::BadRequest { status: 400, .. }),
        "{missing}"
    );
}

#[tokio::test]
async fn the_invocation_api_and_an_nlu_evaluation_run_against_the_skill() {
    let amazon = amazon().await;
    let smapi = amazon.client();
    let skill_id = new_skill(&amazon, &smapi).await;
    let envelope = json!({"version": "1.0", "context": {"System": {"application": {"applicationId": skill_id}}},
        "request": {"type": "LaunchRequest", "requestId": "r1", "timestamp": "2026-12-01T10:00:00Z", "locale": "en-US"}});
    let invoked = smapi
        .invoke(
            &skill_id,
            &DEV,
            &InvocationsApiRequest {
                endpoint_region: EndpointRegion::Default,
                skill_request: SkillRequest { body: envelope },
            },
        )
        .await
        .unwrap();
    assert_eq!(
        invoked.response_body().unwrap()["response"]["outputSpeech"]["text"],
        "Welcome to the coffee shop."
    );

    let set = smapi
        .create_annotation_set(
            &skill_id,
            &CreateNluAnnotationSetRequest {
                locale: "en-US".into(),
                name: "orders".into(),
            },
        )
        .await
        .unwrap();
    let case = |utterance: &str, intent: &str, slots: Value| Annotation {
        inputs: AnnotationInputs {
            utterance: utterance.into(),
            reference_timestamp: None,
        },
        expected: vec![Expected {
            intent: ExpectedIntent {
                name: intent.into(),
                slots: serde_json::from_value(slots).unwrap(),
            },
        }],
    };
    let data = vec![
        case(
            "a large latte",
            "OrderIntent",
            json!({"drink": {"value": "latte"}}),
        ),
        case("what can I say", "OrderIntent", json!({})),
    ];
    smapi
        .put_annotations(&skill_id, &set, &Annotations { data })
        .await
        .unwrap();
    let id = smapi
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
    let done = smapi.wait_for_nlu_evaluation(&skill_id, &id).await.unwrap();
    assert_eq!(done.status, EvaluationStatus::Failed);
    let cases = smapi.nlu_evaluation_results(&skill_id, &id).await.unwrap();
    let statuses: Vec<_> = cases
        .iter()
        .map(|c| (c.inputs.utterance.as_str(), c.status.clone()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("a large latte", EvaluationStatus::Passed),
            ("what can I say", EvaluationStatus::Failed)
        ]
    );
}

#[tokio::test]
async fn a_failed_build_comes_back_with_amazons_message() {
    let amazon = amazon().await;
    let smapi = amazon.client();
    let skill_id = new_skill(&amazon, &smapi).await;
    amazon.fail_next_build(
        "en-US",
        "Sample utterance \"a {drink} {drink}\" is invalid.",
    );
    let model: Value = serde_json::from_str(
        &std::fs::read_to_string(package_dir().join("interactionModels/custom/en-US.json"))
            .unwrap(),
    )
    .unwrap();
    let data: InteractionModelData = serde_json::from_value(model).unwrap();
    smapi
        .update_interaction_model(&skill_id, &DEV, "en-US", &data)
        .await
        .unwrap();
    let builds = smapi
        .wait_for_builds(&skill_id, &["en-US".to_string()])
        .await
        .unwrap();
    assert_eq!(builds[0].status, Status::Failed);
    assert_eq!(
        builds[0].errors,
        ["Sample utterance \"a {drink} {drink}\" is invalid."]
    );

    let empty = InteractionModelData {
        interaction_model: json!({"languageModel": {"invocationName": ""}}),
        version: None,
        description: None,
    };
    let refused = smapi
        .update_interaction_model(&skill_id, &DEV, "en-US", &empty)
        .await
        .unwrap_err();
    match refused {
        SmapiError::BadRequest {
            status: 400,
            violations,
            ..
        } => assert!(violations[0].message.contains("invocationName")),
        other => panic!("{other}"),
    }
}

#[tokio::test]
async fn a_new_skill_with_a_lambda_endpoint_is_refused_as_amazon_refuses_it() {
    let amazon = amazon().await;
    let smapi = amazon.client();
    let done = import(&amazon, &smapi, &package_dir()).await;
    assert_eq!(done.status, Status::Failed);
    assert!(
        done.failures()
            .iter()
            .any(|f| f.starts_with("Manifest: The trigger setting for the Lambda")),
        "{:?}",
        done.failures()
    );
    assert!(amazon.skill_ids().is_empty());
}

#[tokio::test]
async fn throttling_is_retried_after_what_retry_after_asks() {
    let amazon = amazon().await;
    let delays = Arc::new(Mutex::new(Vec::new()));
    let seen = delays.clone();
    let smapi = amazon
        .client()
        .with_retry(RetryPolicy {
            attempts: 4,
            base: Duration::from_millis(5),
            max_delay: Duration::from_secs(2),
        })
        .on_progress(move |p| {
            if let Progress::Retrying { status, delay, .. } = p {
                seen.lock().unwrap().push((*status, *delay));
            }
        });
    amazon.throttle(1, 1);
    assert_eq!(smapi.vendors().await.unwrap().vendors.len(), 1);
    assert_eq!(*delays.lock().unwrap(), [(429, Duration::from_secs(1))]);

    amazon.throttle(10, 0);
    match amazon.client().vendors().await {
        Err(SmapiError::Throttled { attempts: 4, .. }) => {}
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_expired_access_token_is_refreshed_once_and_a_revoked_refresh_token_says_what_to_run() {
    let amazon = amazon().await;
    let smapi = amazon.client();
    smapi.vendors().await.unwrap();
    assert_eq!(amazon.tokens_issued(), 1);
    smapi.vendors().await.unwrap();
    assert_eq!(
        amazon.tokens_issued(),
        1,
        "the token is cached while it is valid"
    );
    amazon.expire_access_tokens();
    smapi.vendors().await.expect("a new token after the 401");
    assert_eq!(amazon.tokens_issued(), 2, "refreshed once");

    amazon.expire_access_tokens();
    amazon.revoke_refresh_token();
    let err = smapi.vendors().await.unwrap_err();
    assert!(
        matches!(err, SmapiError::Auth(LwaError::Expired { .. })),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("run `cargo alexa login` again"),
        "{err}"
    );

    let mut wrong = amazon.credentials();
    wrong.client_secret = alexa_smapi::Secret::new("not the secret");
    let http = alexa_smapi::http_client();
    let tokens = alexa_smapi::TokenSource::refreshing(http.clone(), &amazon.url(), wrong);
    let err = SmapiClient::with_http(http, &amazon.endpoints(), tokens)
        .vendors()
        .await
        .unwrap_err();
    assert!(
        matches!(err, SmapiError::Auth(LwaError::Client { .. })),
        "{err:?}"
    );
}

#[tokio::test]
async fn amazons_refusals_are_typed_with_their_violations() {
    let amazon = amazon().await;
    let smapi = amazon.client();
    let skill_id = new_skill(&amazon, &smapi).await;
    let not_enabled = smapi
        .simulate(
            &skill_id,
            &DEV,
            &SimulationsApiRequest::new("open coffee shop", "en-US", true),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(not_enabled, SmapiError::BadRequest { .. }),
        "{not_enabled}"
    );
    smapi.enable(&skill_id, &DEV).await.unwrap();
    let silence = smapi
        .simulate(
            &skill_id,
            &DEV,
            &SimulationsApiRequest::new("  ", "en-US", true),
        )
        .await
        .unwrap_err();
    match &silence {
        SmapiError::BadRequest { violations, .. } => {
            assert_eq!(violations[0].message, "input.content must not be empty")
        }
        other => panic!("{other}"),
    }
    let unknown = smapi
        .manifest("amzn1.ask.skill.nope", &DEV)
        .await
        .unwrap_err();
    assert!(matches!(unknown, SmapiError::NotFound { .. }), "{unknown}");
    let live = smapi.manifest(&skill_id, &Stage::Live).await.unwrap_err();
    assert!(matches!(live, SmapiError::NotFound { .. }), "{live}");
    let manifest = SkillManifestEnvelope {
        manifest: json!("not an object"),
    };
    assert!(matches!(
        smapi
            .update_manifest(&skill_id, &DEV, &manifest, None)
            .await,
        Err(SmapiError::BadRequest { .. })
    ));
}

#[tokio::test]
async fn two_simulations_from_one_client_go_one_at_a_time() {
    let amazon = amazon().await;
    let smapi = amazon.client();
    let skill_id = new_skill(&amazon, &smapi).await;
    smapi.enable(&skill_id, &DEV).await.unwrap();
    let a = SimulationsApiRequest::new("open coffee shop", "en-US", true);
    let (first, second) = tokio::join!(
        smapi.simulate(&skill_id, &DEV, &a),
        smapi.simulate(&skill_id, &DEV, &a)
    );
    assert_eq!(first.unwrap().caption(), "Welcome to the coffee shop.");
    assert_eq!(second.unwrap().caption(), "Welcome to the coffee shop.");
    assert!(!amazon.calls().is_empty());
    // A second client (another tool on the same account) meets Amazon's 409 and waits it out.
    let other = amazon.client();
    let (mine, theirs) = tokio::join!(
        smapi.simulate(&skill_id, &DEV, &a),
        other.simulate(&skill_id, &DEV, &a)
    );
    assert!(mine.is_ok() && theirs.is_ok());
}
