//! What VoiceOps remembers and says while it works: "3 more than when you asked at 14:05"
//! in the device's time zone, per user, never from a partial count; and "Checking 2
//! regions..." once when AWS is slow. The Alexa API is alexa-sim's local stand-in.

use alexa_core::handler::BoxFuture;
use alexa_core::persist::{AttributeStore, MemoryStore};
use alexa_core::testing::{ResponseExt, TestRequest, TEST_SKILL_ID};
use alexa_core::Skill;
use alexa_sim::api::{AlexaApi, DeviceSettings};
use alexa_sim::ApiLog;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use voiceops_skill::config::SkillIds;
use voiceops_skill::inventory::{Database, Inventory, InventoryError, StateCounts, Timing};
use voiceops_skill::skill::build;
use voiceops_skill::state::VoiceOps;

/// Two regions whose running counts a test changes between questions. With `wait_for`, an
/// answer is held until that many progressive responses reached the Alexa API.
#[derive(Default)]
struct Fleet {
    running: Mutex<HashMap<String, u64>>,
    unreachable: Mutex<Option<String>>,
    wait_for: Option<(Arc<ApiLog>, usize)>,
}

impl Fleet {
    fn set(&self, region: &str, running: u64) {
        self.running.lock().unwrap().insert(region.into(), running);
    }
}

impl Inventory for Fleet {
    fn regions(&self) -> BoxFuture<Result<Vec<String>, InventoryError>> {
        Box::pin(async { Ok(vec!["eu-central-1".into(), "us-east-1".into()]) })
    }
    fn count_instances(&self, region: String) -> BoxFuture<Result<StateCounts, InventoryError>> {
        let running = self
            .running
            .lock()
            .unwrap()
            .get(&region)
            .copied()
            .unwrap_or(0);
        let down = self.unreachable.lock().unwrap().as_deref() == Some(region.as_str());
        let gate = self.wait_for.clone();
        Box::pin(async move {
            if let Some((log, count)) = gate {
                log.wait_for(count).await;
            }
            match down {
                true => Err(InventoryError::Timeout),
                false => Ok(StateCounts {
                    running,
                    stopped: 0,
                    other: 0,
                }),
            }
        })
    }
    fn list_databases(&self, _: String) -> BoxFuture<Result<Vec<Database>, InventoryError>> {
        Box::pin(async { Ok(vec![]) })
    }
}

struct Setup {
    skill: Skill<VoiceOps>,
    fleet: Arc<Fleet>,
    api: AlexaApi,
}

async fn setup(zone: &str, store: Arc<dyn AttributeStore>, slow: bool) -> Setup {
    let api = AlexaApi::start(DeviceSettings::with_time_zone(zone))
        .await
        .unwrap();
    let fleet = Arc::new(Fleet {
        wait_for: slow.then(|| (api.log(), 1)),
        ..Fleet::default()
    });
    fleet.set("eu-central-1", 3);
    fleet.set("us-east-1", 79);
    let timing = Timing {
        progressive_after: Duration::from_millis(50),
        ..Timing::default()
    };
    let inventory: Arc<dyn Inventory> = fleet.clone();
    let state = VoiceOps::new(inventory, timing).with_memory(store);
    let skill = build(state, SkillIds::Only(vec![TEST_SKILL_ID.into()])).unwrap();
    Setup { skill, fleet, api }
}

fn running(s: &Setup, at: &str) -> TestRequest {
    TestRequest::intent("CountInstancesIntent")
        .resolved_slot("state", "running", "InstanceState", "RUNNING", "running")
        .empty_slot("region")
        .alexa_api(s.api.endpoint(), s.api.token())
        .at(at)
}

async fn say(s: &Setup, request: TestRequest) -> String {
    s.skill.handle(request.build()).await.unwrap().speech_text()
}

const FIRST: &str =
    "82 instances are running across 2 regions: 79 in North Virginia and 3 in Frankfurt.";

#[tokio::test]
async fn a_change_is_said_with_the_time_of_the_last_answer_in_the_devices_zone_and_format() {
    let s = setup("Europe/Berlin", Arc::new(MemoryStore::default()), false).await;
    assert_eq!(
        say(&s, running(&s, "2026-11-26T13:05:00Z").locale("en-GB")).await,
        FIRST
    );
    s.fleet.set("eu-central-1", 6);
    assert_eq!(
        say(&s, running(&s, "2026-11-26T15:30:00Z").locale("en-GB")).await,
        "85 instances are running across 2 regions: 79 in North Virginia and 6 in Frankfurt. \
         That's 3 more than when you asked at 14:05."
    );
    // Unchanged since: nothing more is said.
    let same = say(&s, running(&s, "2026-11-26T15:31:00Z").locale("en-GB")).await;
    assert!(same.ends_with("6 in Frankfurt."), "{same}");
    s.fleet.set("eu-central-1", 5);
    let fewer = say(&s, running(&s, "2026-11-26T15:40:00Z").locale("en-GB")).await;
    assert!(
        fewer.ends_with("That's one fewer than when you asked at 16:31."),
        "{fewer}"
    );
}

#[tokio::test]
async fn twelve_hour_english_german_and_another_day() {
    let s = setup("America/New_York", Arc::new(MemoryStore::default()), false).await;
    say(&s, running(&s, "2026-11-26T13:05:00Z")).await;
    s.fleet.set("us-east-1", 80);
    let us = say(&s, running(&s, "2026-11-26T15:30:00Z")).await;
    assert!(
        us.ends_with("That's one more than when you asked at 8:05 AM."),
        "{us}"
    );
    s.fleet.set("us-east-1", 90);
    let german = say(&s, running(&s, "2026-11-26T16:00:00Z").locale("de-DE")).await;
    assert!(
        german.ends_with("Das sind 10 mehr als bei Ihrer Frage um 10:30 Uhr."),
        "{german}"
    );
    s.fleet.set("us-east-1", 88);
    let next_day = say(&s, running(&s, "2026-11-27T16:00:00Z")).await;
    assert!(
        next_day.ends_with("That's 2 fewer than last time."),
        "{next_day}"
    );
}

#[tokio::test]
async fn another_user_never_hears_someone_elses_history() {
    let s = setup("UTC", Arc::new(MemoryStore::default()), false).await;
    say(&s, running(&s, "2026-11-26T13:05:00Z")).await;
    s.fleet.set("eu-central-1", 9);
    let other = running(&s, "2026-11-26T13:10:00Z").user("amzn1.ask.account.SOMEONE-ELSE");
    let heard = say(&s, other).await;
    assert!(heard.ends_with("9 in Frankfurt."), "{heard}");
}

#[tokio::test]
async fn a_partial_count_is_neither_compared_nor_remembered() {
    let store = Arc::new(MemoryStore::default());
    let s = setup("UTC", store.clone(), false).await;
    say(&s, running(&s, "2026-11-26T13:05:00Z")).await;
    *s.fleet.unreachable.lock().unwrap() = Some("us-east-1".into());
    let partial = say(&s, running(&s, "2026-11-26T13:10:00Z")).await;
    assert_eq!(
        partial,
        "3 instances are running, all in Frankfurt. I couldn't reach one region: North Virginia."
    );
    *s.fleet.unreachable.lock().unwrap() = None;
    let whole = say(&s, running(&s, "2026-11-26T13:15:00Z")).await;
    assert_eq!(
        whole, FIRST,
        "compared with the last complete answer: no change"
    );
    let record = store
        .load("user/amzn1.ask.account.TESTUSER")
        .await
        .unwrap()
        .unwrap();
    let stored = serde_json::to_string(&record.attributes).unwrap();
    assert_eq!(
        stored,
        r#"{"last_counts":{"asked":{"instances/running/all":{"at":1795698900,"count":82}}}}"#,
        "only counts, the question and the time"
    );
}

#[tokio::test]
async fn without_the_devices_time_zone_it_is_last_time() {
    let s = setup("UTC", Arc::new(MemoryStore::default()), false).await;
    let no_api = |at: &str| {
        TestRequest::intent("CountInstancesIntent")
            .resolved_slot("state", "running", "InstanceState", "RUNNING", "running")
            .empty_slot("region")
            .alexa_api("http://127.0.0.1:9", "nobody-listens")
            .at(at)
    };
    say(&s, no_api("2026-11-26T13:05:00Z")).await;
    s.fleet.set("eu-central-1", 4);
    let heard = say(&s, no_api("2026-11-26T13:06:00Z")).await;
    assert!(
        heard.ends_with("That's one more than last time."),
        "{heard}"
    );
}

#[tokio::test]
async fn a_slow_answer_is_preceded_by_one_progressive_response() {
    let s = setup("UTC", Arc::new(MemoryStore::default()), true).await;
    // The fleet answers only once the progressive response has reached the API; should it
    // never come, the test fails instead of waiting forever.
    let asked = say(&s, running(&s, "2026-11-26T13:05:00Z"));
    let heard = tokio::time::timeout(Duration::from_secs(60), asked)
        .await
        .expect("no progressive response reached the Alexa API");
    assert_eq!(heard, FIRST);
    let said: Vec<String> = s
        .api
        .log()
        .progressive()
        .into_iter()
        .map(|p| p.speech)
        .collect();
    assert_eq!(said, ["Checking 2 regions..."]);
}
