//! The real binary under cargo-lambda's local Lambda runtime (`cargo lambda watch`), invoked
//! with recorded fixtures (`cargo lambda invoke --data-file`), with moto behind it.

use alexa_core::model::ResponseEnvelope;
use alexa_core::testing::ResponseExt;
use end_to_end::{emulator::Emulator, root, seed};
use serde_json::Value;
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SKILL_ID: &str = alexa_core::testing::TEST_SKILL_ID;

/// `cargo-lambda`: `CARGO_LAMBDA`, or the one `scripts/test` installs into `.cache/venv`.
fn cargo_lambda() -> PathBuf {
    std::env::var_os("CARGO_LAMBDA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".cache/venv/bin/cargo-lambda"))
}

/// cargo-lambda's local Lambda runtime (`cargo lambda watch --only-lambda-apis`: the Runtime
/// API without compiling, since `cargo test` holds the build lock) and the binary cargo
/// built for this test, polling it exactly as it would on Lambda.
struct LocalLambda {
    runtime: Child,
    function: Child,
    port: u16,
}

fn wait_for_port(port: u16, what: &str) {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{what} did not listen within 60 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

impl LocalLambda {
    fn start(moto_endpoint: &str) -> Self {
        Self::start_with(moto_endpoint, &[])
    }

    /// The function with settings of its own besides the ones every test uses.
    fn start_with(moto_endpoint: &str, extra: &[(String, String)]) -> Self {
        use std::os::unix::process::CommandExt;
        let tool = cargo_lambda();
        assert!(
            tool.exists(),
            "cargo-lambda not found at {}: run ./scripts/test",
            tool.display()
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let runtime = Command::new(&tool)
            .args([
                "lambda",
                "watch",
                "--only-lambda-apis",
                "-A",
                "127.0.0.1",
                "-P",
                &port.to_string(),
            ])
            .arg("--manifest-path")
            .arg(root().join("voiceops/skill/Cargo.toml"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("cargo lambda watch starts");
        wait_for_port(port, "cargo lambda watch");
        let function = Command::new(end_to_end::workspace_bin("voiceops-lambda"))
            .env_clear()
            .env(
                "AWS_LAMBDA_RUNTIME_API",
                format!("http://127.0.0.1:{port}/.rt"),
            )
            .env("AWS_LAMBDA_FUNCTION_NAME", "_")
            .env("AWS_LAMBDA_FUNCTION_VERSION", "1")
            .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
            .env("SKILL_ID", SKILL_ID)
            .env(
                "VOICEOPS_REGIONS",
                "us-east-1,eu-central-1,eu-west-1,ap-northeast-1",
            )
            .env("AWS_ENDPOINT_URL", moto_endpoint)
            .env("AWS_REGION", "us-east-1")
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .envs(extra.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the function starts");
        LocalLambda {
            runtime,
            function,
            port,
        }
    }

    /// `cargo lambda invoke --data-file`: the response JSON, or the error text. Bounded: a
    /// stuck invocation fails the test instead of hanging it.
    fn invoke(&self, fixture: &str) -> Result<Value, String> {
        let data = root()
            .join("voiceops/recordings/requests")
            .join(format!("{fixture}.json"));
        self.invoke_file(&data, fixture)
    }

    /// Invokes the function with `event` (any JSON: an Alexa request, an EventBridge event).
    fn invoke_json(&self, event: &Value, name: &str) -> Result<Value, String> {
        let dir =
            std::env::temp_dir().join(format!("voiceops-event-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("event.json");
        std::fs::write(&file, serde_json::to_vec(event).unwrap()).unwrap();
        let answer = self.invoke_file(&file, name);
        let _ = std::fs::remove_dir_all(&dir);
        answer
    }

    fn invoke_file(&self, data: &std::path::Path, fixture: &str) -> Result<Value, String> {
        let dir =
            std::env::temp_dir().join(format!("voiceops-invoke-{}-{fixture}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (out_path, err_path) = (dir.join("out"), dir.join("err"));
        let mut child = Command::new(cargo_lambda())
            .args([
                "lambda",
                "invoke",
                "--invoke-address",
                "127.0.0.1",
                "--invoke-port",
                &self.port.to_string(),
            ])
            .arg("--data-file")
            .arg(data)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&out_path).unwrap())
            .stderr(std::fs::File::create(&err_path).unwrap())
            .spawn()
            .expect("cargo lambda invoke runs");
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{fixture}: cargo lambda invoke did not finish within 60 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let stdout = std::fs::read(&out_path).unwrap_or_default();
        let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&dir);
        if status.success() {
            serde_json::from_slice(&stdout)
                .map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&stdout)))
        } else {
            Err(String::from_utf8_lossy(&stdout).to_string() + &stderr)
        }
    }
}

/// Waits for a child for at most `limit`: teardown must never hang a test run.
fn reap(child: &mut Child, limit: Duration) {
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl Drop for LocalLambda {
    fn drop(&mut self) {
        let _ = self.function.kill();
        reap(&mut self.function, Duration::from_secs(5));
        let group = format!("-{}", self.runtime.id());
        let _ = Command::new("kill")
            .args(["-s", "TERM", "--", &group])
            .status();
        let _ = self.runtime.kill();
        reap(&mut self.runtime, Duration::from_secs(5));
    }
}

/// moto with the demo fleet, and the function under the local runtime in front of it.
async fn seeded_lambda() -> (Emulator, LocalLambda) {
    let moto = Emulator::start();
    seed::demo_fleet(&moto.config("us-east-1").await).await;
    let endpoint = moto.endpoint.clone();
    let lambda = tokio::task::spawn_blocking(move || LocalLambda::start(&endpoint))
        .await
        .unwrap();
    (moto, lambda)
}

fn speech(response: &Value) -> String {
    let envelope: ResponseEnvelope =
        serde_json::from_value(response.clone()).expect("an Alexa response envelope");
    envelope.speech_text()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recorded_requests_through_the_local_lambda_runtime() {
    let (_moto, lambda) = seeded_lambda().await;
    let cases = [
        ("va-launch", "Welcome to Voice Ops.", Some(false)),
        ("va-count-running", "124 instances are running across 3 regions: 120 in North Virginia, 3 in Frankfurt and 1 in Ireland.", Some(true)),
        ("va-count-stopped-frankfurt", "2 instances are stopped in Frankfurt.", Some(true)),
        ("doc-de-de-count-frankfurt", "In Frankfurt sind 2 Instanzen gestoppt.", Some(true)),
        ("va-list-databases-region-code", "You have 3 databases in Ireland: billing, PostgreSQL, available; orders, MySQL, available; reports, Aurora PostgreSQL cluster, available.", Some(true)),
        ("va-count-region-no-match", "I don't know the region franfut.", Some(false)),
        ("va-stop", "Goodbye.", Some(true)),
        ("va-session-ended-user", "", None),
    ];
    for (fixture, starts, end) in cases {
        let response = tokio::task::block_in_place(|| lambda.invoke(fixture))
            .unwrap_or_else(|e| panic!("{fixture}: {e}"));
        assert!(
            speech(&response).starts_with(starts),
            "{fixture}: {}",
            speech(&response)
        );
        assert_eq!(
            response["response"]["shouldEndSession"].as_bool(),
            end,
            "{fixture}"
        );
    }
    // The function refuses a request for another skill: the invocation fails, with our diagnostic.
    let other = tokio::task::block_in_place(|| lambda.invoke("quirk-unknown-fields-other-skill"));
    let error = other.expect_err("a foreign skill ID must fail the invocation");
    assert!(error.contains("SkillIdMismatch"), "{error}");
}

/// `voiceops-skill simulate --lambda`: a typed conversation with the function under the
/// local runtime. Utterances on stdin, one `Alexa:` line per answer.
fn simulate_via_lambda(port: u16, skill_id: &str, utterances: &str) -> String {
    use std::io::Write;
    let mut child = Command::new(end_to_end::workspace_bin("voiceops-skill"))
        .args(["simulate", "--lambda", &format!("http://127.0.0.1:{port}")])
        .args(["--function", "_"])
        .env("SKILL_ID", skill_id)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("voiceops-skill simulate runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(utterances.as_bytes())
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("simulate --lambda did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_simulator_talks_to_the_function_in_the_local_lambda_runtime() {
    let (_moto, lambda) = seeded_lambda().await;
    let port = lambda.port;
    let said = tokio::task::block_in_place(|| {
        simulate_via_lambda(
            port,
            SKILL_ID,
            "open voice ops\nhow many are stopped in frankfurt\n",
        )
    });
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 2, "{said}");
    assert!(
        lines[0].starts_with("Alexa: Welcome to Voice Ops."),
        "{said}"
    );
    assert_eq!(lines[1], "Alexa: 2 instances are stopped in Frankfurt.");

    // The function refuses another skill's requests; the simulator says so and goes on.
    let other = "amzn1.ask.skill.99999999-9999-9999-9999-999999999999";
    let said = tokio::task::block_in_place(|| simulate_via_lambda(port, other, "open voice ops\n"));
    assert!(
        said.starts_with("Alexa: (the skill failed: the function _ failed: "),
        "{said}"
    );
    assert!(said.contains("SkillIdMismatch"), "{said}");
}

/// "Tell me when an instance stops" on the deployed binary: the subscription kept in
/// DynamoDB, the skill's Login with Amazon credentials read from Secrets Manager (moto), an
/// instance stopped in moto and EventBridge's event fed to the function, and the proactive
/// event Amazon's stand-in receives: one per subscriber per window.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_instance_becomes_one_notification_per_subscriber() {
    use alexa_services_stand_in::{StandIn, CLIENT_ID, CLIENT_SECRET};
    const ALICE: &str = "amzn1.ask.account.alice";
    let moto = Emulator::start();
    let home = moto.config("us-east-1").await;
    seed::instances(&moto.config("eu-central-1").await, "eu-central-1", 2, 0).await;
    let table = "voiceops-attributes";
    let dynamo = aws_sdk_dynamodb::Client::new(&home);
    use aws_sdk_dynamodb::types::{
        AttributeDefinition, BillingMode, KeySchemaElement, KeyType, ScalarAttributeType,
    };
    dynamo
        .create_table()
        .table_name(table)
        .billing_mode(BillingMode::PayPerRequest)
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name(alexa_store_dynamodb::KEY)
                .key_type(KeyType::Hash)
                .build()
                .unwrap(),
        )
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name(alexa_store_dynamodb::KEY)
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let credentials =
        serde_json::json!({"clientId": CLIENT_ID, "clientSecret": CLIENT_SECRET}).to_string();
    let secret = aws_sdk_secretsmanager::Client::new(&home)
        .create_secret()
        .name("voiceops/skill-credentials")
        .secret_string(credentials)
        .send()
        .await
        .unwrap();
    let amazon = StandIn::start().await.unwrap();
    let settings = [
        ("VOICEOPS_STORE", format!("dynamodb:{table}")),
        (
            "VOICEOPS_SKILL_CREDENTIALS_SECRET",
            secret.arn().unwrap().to_owned(),
        ),
        ("VOICEOPS_LWA_TOKEN_URL", amazon.token_url()),
        ("VOICEOPS_ALEXA_API", amazon.base_url()),
        ("VOICEOPS_NOTIFY_WINDOW_SECONDS", "1".to_owned()),
        ("VOICEOPS_REGIONS", "eu-central-1".to_owned()),
    ]
    .map(|(k, v)| (k.to_owned(), v));
    let endpoint = moto.endpoint.clone();
    let lambda = tokio::task::spawn_blocking(move || LocalLambda::start_with(&endpoint, &settings))
        .await
        .unwrap();

    let mut subscribe = alexa_core::testing::TestRequest::intent("NotifyStopsIntent")
        .skill_id(SKILL_ID)
        .user(ALICE)
        .alexa_api(&amazon.base_url(), "request-token")
        .build();
    let user = subscribe
        .context
        .system
        .user
        .get_or_insert_with(Default::default);
    user.permissions = Some(alexa_core::model::Permissions {
        scopes: serde_json::from_value(
            serde_json::json!({"alexa::devices:all:notifications:write": {"status": "GRANTED"}}),
        )
        .unwrap(),
        ..Default::default()
    })
    .into();
    let subscribe = serde_json::to_value(subscribe).unwrap();
    let answer =
        tokio::task::block_in_place(|| lambda.invoke_json(&subscribe, "subscribe")).unwrap();
    assert_eq!(
        speech(&answer),
        "Okay. I'll send you a notification when an instance stops."
    );

    let ec2 = aws_sdk_ec2::Client::new(&moto.config("eu-central-1").await);
    let described = ec2.describe_instances().send().await.unwrap();
    let instance = described.reservations()[0].instances()[0]
        .instance_id()
        .unwrap()
        .to_owned();
    ec2.stop_instances()
        .instance_ids(&instance)
        .send()
        .await
        .unwrap();
    let stopped = serde_json::json!({
        "version": "0", "id": "e-1", "detail-type": "EC2 Instance State-change Notification",
        "source": "aws.ec2", "account": "123456789012", "time": alexa_core::model::Timestamp::now().to_string(),
        "region": "eu-central-1", "resources": [format!("arn:aws:ec2:eu-central-1:123456789012:instance/{instance}")],
        "detail": {"instance-id": instance, "state": "stopped"}
    });
    let first = tokio::task::block_in_place(|| lambda.invoke_json(&stopped, "stopped")).unwrap();
    assert_eq!(first["summary"], "1 instance stopped in Frankfurt");
    assert_eq!(
        (
            first["stopped"].as_u64(),
            first["sent"].as_u64(),
            first["failed"].as_u64()
        ),
        (Some(1), Some(1), Some(0))
    );
    // EventBridge delivers at least once: the same event again is no second notification.
    let again = tokio::task::block_in_place(|| lambda.invoke_json(&stopped, "again")).unwrap();
    assert_eq!(
        (again["sent"].as_u64(), again["alreadySent"].as_u64()),
        (Some(0), Some(1))
    );

    let events = amazon.events();
    assert_eq!(events.len(), 1);
    let event = &events[0].body;
    assert_eq!(events[0].to, "development");
    assert_eq!(event["relevantAudience"]["payload"]["user"], ALICE);
    assert_eq!(event["event"]["payload"]["messageGroup"]["count"], 1);
    let german = event["localizedAttributes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == "de-DE")
        .unwrap();
    assert_eq!(german["summary"], "1 Instanz in Frankfurt gestoppt");
    assert_eq!(
        amazon.tokens_issued(),
        1,
        "the secret's credentials, one token for both invocations"
    );
    // Only the subscription is stored for this.
    let item = dynamo
        .get_item()
        .table_name(table)
        .key(
            alexa_store_dynamodb::KEY,
            aws_sdk_dynamodb::types::AttributeValue::S(
                voiceops_skill::subscriptions::SUBSCRIPTIONS_KEY.into(),
            ),
        )
        .send()
        .await
        .unwrap();
    let stored = format!("{:?}", item.item().expect("the subscriptions record"));
    assert!(
        stored.contains(ALICE) && !stored.contains(&instance),
        "{stored}"
    );
}
