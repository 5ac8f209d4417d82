//! Tokens never reach a log line. Every log of every crate (the skill, the framework, the
//! web host, hyper, reqwest, the AWS SDK) is captured at TRACE while requests carrying
//! marked tokens take the paths that log most: a full-context launch, the Alexa API
//! unreachable (progressive response and time zone both fail), a failing AWS, a panicking
//! handler, the lenient reader dropping a field, the web host refusing and answering. No
//! marker, and nothing of what the skill stores per user, may appear.

use crate::common;
use alexa_core::persist::{AttributeStore, MemoryStore, StoreError, StoreFuture, Stored};
use alexa_core::testing::TEST_SKILL_ID;
use alexa_core::Skill;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::fake_aws::{fleet, FakeAws};
use voiceops_skill::config::SkillIds;
use voiceops_skill::inventory::{InventoryError, Timing};
use voiceops_skill::skill::build;
use voiceops_skill::state::VoiceOps;

const API_TOKEN: &str = "MARK-api-access-token-4711";
const ACCESS_TOKEN: &str = "MARK-account-link-token-4712";
const CONSENT_TOKEN: &str = "MARK-consent-token-4713";
const PERSON_TOKEN: &str = "MARK-person-token-4714";

/// Every log line, as text.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The recorded full-context launch with the marked tokens in every token field, the Alexa
/// API pointed at a closed port, and `request` replaced.
fn envelope(request: serde_json::Value) -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../recordings/requests/doc-launch-full-context.json"
    );
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let system = &mut v["context"]["System"];
    system["apiAccessToken"] = API_TOKEN.into();
    system["apiEndpoint"] = "http://127.0.0.1:9".into();
    system["user"]["accessToken"] = ACCESS_TOKEN.into();
    system["user"]["permissions"]["consentToken"] = CONSENT_TOKEN.into();
    system["person"]["accessToken"] = PERSON_TOKEN.into();
    v["session"]["user"] = system["user"].clone();
    let mut request = request;
    request["requestId"] = "amzn1.echo-api.request.logs".into();
    request["timestamp"] = chrono_now().into();
    request["locale"] = "en-US".into();
    v["request"] = request;
    serde_json::to_vec(&v).unwrap()
}

fn chrono_now() -> String {
    alexa_web::testing::stamp(0)
}

fn count_running() -> serde_json::Value {
    serde_json::json!({
        "type": "IntentRequest",
        "intent": {"name": "CountInstancesIntent", "confirmationStatus": "NONE", "slots": {
            "state": {"name": "state", "value": "running", "resolutions": {"resolutionsPerAuthority": [{
                "authority": "amzn1.er-authority.echo-sdk.x.InstanceState",
                "status": {"code": "ER_SUCCESS_MATCH"},
                "values": [{"value": {"id": "running", "name": "running"}}]}]}}}}
    })
}

/// A memory store that also keeps every attributes record it was given, as JSON text.
#[derive(Default)]
struct Recording {
    inner: MemoryStore,
    saved: Mutex<Vec<String>>,
}

impl AttributeStore for Recording {
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Result<Option<Stored>, StoreError>> {
        self.inner.load(key)
    }
    fn save<'a>(
        &'a self,
        key: &'a str,
        attributes: &'a serde_json::Map<String, serde_json::Value>,
        expected: Option<u64>,
    ) -> StoreFuture<'a, Result<u64, StoreError>> {
        let text = serde_json::to_string(attributes).unwrap();
        self.saved.lock().unwrap().push(text);
        self.inner.save(key, attributes, expected)
    }
}

fn skill(aws: FakeAws, store: Arc<Recording>) -> Skill<VoiceOps> {
    let timing = Timing {
        progressive_after: Duration::ZERO,
        ..Timing::default()
    };
    let state = VoiceOps::new(Arc::new(aws), timing).with_memory(store as Arc<dyn AttributeStore>);
    build(state, SkillIds::Only(vec![TEST_SKILL_ID.into()])).unwrap()
}

#[test]
fn no_token_and_nothing_stored_appears_in_any_log_line() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let store = Arc::new(Recording::default());
    runtime.block_on(async {
        let happy = skill(fleet(), Arc::clone(&store));
        let launch = envelope(serde_json::json!({"type": "LaunchRequest"}));
        happy.handle_json(&launch).await.unwrap();
        // Twice, so the second answer compares with what was stored by the first.
        for _ in 0..2 {
            happy.handle_json(&envelope(count_running())).await.unwrap();
        }
        let mut failing = fleet();
        failing.fail.insert(
            "us-east-1".into(),
            InventoryError::AccessDenied {
                permission: "ec2:DescribeInstances",
            },
        );
        failing.regions_error = None;
        skill(failing, Arc::clone(&store))
            .handle_json(&envelope(count_running()))
            .await
            .unwrap();
        let panicking = FakeAws {
            panics: true,
            ..fleet()
        };
        skill(panicking, Arc::clone(&store))
            .handle_json(&envelope(count_running()))
            .await
            .unwrap();

        // The Lambda path's lenient reader, with an optional field of the wrong type.
        let mut odd: serde_json::Value = serde_json::from_slice(&launch).unwrap();
        odd["context"]["System"]["device"]["supportedInterfaces"] = 7.into();
        let read: alexa_lambda::AlexaRequest = serde_json::from_value(odd).unwrap();
        let lambda = alexa_lambda::LambdaSkill::new(happy.clone(), Duration::from_secs(6));
        let _ = format!("{:?} {:?}", read, lambda);

        // The web host: one refused (unsigned), one answered.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let host = alexa_web::WebHost::unverified_for_local_development(happy.clone());
        let serving = tokio::spawn(host.serve(listener, async {
            let _ = stopped.await;
        }));
        let client = reqwest::Client::new();
        let answered = client
            .post(format!("http://{addr}/"))
            .body(launch.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(answered.status(), 200);
        let refused = client
            .post(format!("http://{addr}/"))
            .body(format!("{{\"token\": \"{API_TOKEN}\""))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 400);
        let _ = stop.send(());
        serving.await.unwrap().unwrap();
    });
    drop(_guard);
    let logs = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    assert!(
        logs.lines().count() > 20,
        "the paths above log: {} lines",
        logs.lines().count()
    );
    for token in [API_TOKEN, ACCESS_TOKEN, CONSENT_TOKEN, PERSON_TOKEN] {
        let leaks: Vec<&str> = logs.lines().filter(|l| l.contains(token)).collect();
        assert!(leaks.is_empty(), "{token} logged:\n{}", leaks.join("\n"));
    }
    let stored = store.saved.lock().unwrap().clone();
    assert!(!stored.is_empty(), "the answers stored the user's counts");
    for item in stored {
        assert!(!logs.contains(&item), "stored attributes logged: {item}");
    }
}
