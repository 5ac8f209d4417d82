//! The web console end to end: `voiceops-skill simulate --web` against the AWS emulator,
//! driven in headless Chromium by voiceops/end-to-end/browser/console.mjs (playwright-core). The script
//! reports what the page showed; this test knows the seeded fleet and checks the words.
//!
//! Needs Debian's chromium and voiceops/end-to-end/browser/node_modules: `./scripts/test` installs both.

use end_to_end::{emulator::Emulator, seed};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn browser_dir() -> PathBuf {
    end_to_end::root().join("voiceops/end-to-end/browser")
}

fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return PathBuf::from(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|dir| [dir.join("chromium"), dir.join("chromium-browser")])
        .find(|p| p.is_file())
        .expect("chromium is not installed: run ./scripts/test, which installs it")
}

/// The console process, killed when the test ends however it ends; its stdout is kept open
/// meanwhile.
struct Console(
    Child,
    #[allow(dead_code)] BufReader<std::process::ChildStdout>,
);

impl Drop for Console {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the console against `moto` and returns it with its URL (its first line).
fn start_console(moto: &Emulator) -> (Console, String) {
    let mut child = Command::new(end_to_end::workspace_bin("voiceops-skill"))
        .args(["simulate", "--web", "--port", "0"])
        .env("AWS_ENDPOINT_URL", &moto.endpoint)
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        // Two regions with instances and six without, as in a real account.
        .env(
            "VOICEOPS_REGIONS",
            "us-east-1,eu-central-1,ap-northeast-2,ap-south-1,sa-east-1,ca-central-1,eu-north-1,af-south-1",
        )
        .env_remove("SKILL_ID")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("voiceops-skill starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let mut first = String::new();
    stdout
        .read_line(&mut first)
        .expect("the console prints its address");
    let console = Console(child, stdout);
    let url = first
        .trim()
        .strip_prefix("Web console: ")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .to_owned();
    (console, url)
}

/// Runs the browser script, at most two minutes.
fn drive(url: &str) -> Value {
    let dir = browser_dir();
    assert!(
        dir.join("node_modules/playwright-core").is_dir(),
        "playwright-core is not installed in {}: run ./scripts/test, which installs it",
        dir.display()
    );
    let screenshot = std::env::temp_dir().join(format!("echo-show-{}.png", std::process::id()));
    let mut child = Command::new("node")
        .arg(dir.join("console.mjs"))
        .arg(url)
        .arg(&screenshot)
        .env("CHROMIUM", chromium())
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs");
    let started = Instant::now();
    while child.try_wait().expect("node can be waited for").is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("the browser test did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let output = child.wait_with_output().expect("node's output");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "the browser script printed no report ({e}): {stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert!(
        output.status.success(),
        "the browser script failed: {report:#}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_file(screenshot);
    report
}

fn step<'a>(report: &'a Value, utterance: &str, nth: usize) -> &'a Value {
    report["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .filter(|s| s["utterance"] == utterance)
        .nth(nth)
        .unwrap_or_else(|| panic!("no step {utterance:?} #{nth} in {report:#}"))
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conversation_in_the_browser_console_against_the_emulator() {
    let moto = Emulator::start();
    let config = moto.config("us-east-1").await;
    seed::instances(&config, "us-east-1", 3, 1).await;
    seed::instances(&config, "eu-central-1", 2, 0).await;
    seed::database(&config, "eu-central-1", "orders", "postgres").await;
    let (_console, url) = start_console(&moto);
    let report = drive(&url);

    assert_eq!(report["pageErrors"], serde_json::json!([]), "{report:#}");
    assert_eq!(report["consoleErrors"], serde_json::json!([]), "{report:#}");
    assert_eq!(report["title"], "Voice Ops simulator");

    // Launch, with the microphone open and the JSON of a new session.
    let launch = step(&report, "open voice ops", 0);
    assert!(text(launch, "answer").starts_with("Welcome to Voice Ops."));
    assert_eq!(launch["status"], "listening");
    assert_eq!(launch["requestType"], "LaunchRequest");
    assert_eq!(launch["sessionNew"], true);
    assert_eq!(
        launch["spoken"], launch["answer"],
        "the browser speaks the answer"
    );

    // A question in the session, answered from the emulator.
    let count = step(&report, "how many instances are running", 0);
    assert_eq!(
        text(count, "answer"),
        "5 instances are running across 2 regions: 3 in North Virginia and 2 in Frankfurt."
    );
    assert_eq!(count["requestType"], "IntentRequest");
    assert_eq!(count["sessionNew"], false);
    assert_eq!(count["status"], "no session");
    assert_eq!(count["screenVisible"], false, "an Echo has no screen");

    // Something the skill cannot do falls back; silence reprompts; stop ends.
    let pizza = step(&report, "order me a pizza", 0);
    assert!(text(pizza, "answer").starts_with("Sorry, Voice Ops can't help with that."));
    assert_eq!(pizza["status"], "listening");
    let silence = step(&report, "", 0);
    assert_eq!(silence["status"], "listening");
    assert!(
        !text(silence, "answer").is_empty(),
        "silence gets the reprompt"
    );
    let stop = step(&report, "stop", 0);
    assert_eq!(text(stop, "answer"), "Goodbye.");
    assert_eq!(stop["status"], "no session");

    // Outside a session, an utterance that does not name the skill never reaches it.
    let stray = step(&report, "what databases do I have", 0);
    assert!(text(stray, "answer").contains("was not for Voice Ops"));
    assert_eq!(report["firstTurnRequest"], "LaunchRequest");

    // On an Echo Show: APL in the request, a rendered screen, a card.
    let shown = step(&report, "ask voice ops how many instances are running", 0);
    assert_eq!(shown["supportsApl"], true);
    assert_eq!(shown["screenVisible"], true);
    assert_eq!(
        shown["directives"],
        serde_json::json!(["Alexa.Presentation.APL.RenderDocument"])
    );
    let screen = text(shown, "screen");
    assert!(screen.contains("EC2 instances"), "{screen}");
    assert!(
        screen.contains("5 instances are running across 2 regions"),
        "{screen}"
    );
    assert!(screen.contains("North Virginia (us-east-1)"), "{screen}");
    assert!(screen.contains("3 running · 1 stopped"), "{screen}");

    let dbs = step(&report, "ask voice ops what databases do I have", 0);
    assert!(text(dbs, "answer").contains("orders"), "{dbs:#}");
    let card = text(dbs, "card");
    assert!(card.starts_with("Databases (1)"), "{card}");
    assert!(
        card.contains("orders — postgres instance, available — Frankfurt"),
        "{card}"
    );
    let screen = text(dbs, "screen");
    assert!(screen.contains("RDS databases"), "{screen}");
    assert!(
        screen.contains("postgres · eu-central-1 · available"),
        "{screen}"
    );
    assert_eq!(report["screenRows"], 1, "one row per database");
    assert_eq!(
        report["unsupported"], 0,
        "every component of the document renders"
    );

    // The status report on an Echo Show: the busiest region first and on the first screen,
    // the six empty regions folded into one visible row, the whole answer readable.
    let first = &report["firstScreen"];
    let rows: Vec<&str> = first["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(
        rows[0].starts_with("North Virginia (us-east-1)"),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Frankfurt (eu-central-1)")),
        "{rows:?}"
    );
    assert!(rows.contains(&"6 regions with nothing in them"), "{rows:?}");
    assert_eq!(first["headlineClipped"], false, "{first}");
    assert_eq!(first["headlineVisible"], true, "{first}");
}
