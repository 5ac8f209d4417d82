//! "Tell me when an instance stops": the subscription by voice (with the permission's
//! consent card), and the stop events turned into one notification per subscriber per
//! window, sent to the Alexa services stand-in with the skill's own Login with Amazon token.

use alexa_core::handler::BoxFuture;
use alexa_core::model::{Permissions, RequestEnvelope, User};
use alexa_core::persist::{AttributeStore, MemoryStore};
use alexa_core::testing::{ResponseExt, TestRequest};
use alexa_core::Skill;
use alexa_services::NOTIFICATIONS;
use alexa_services_stand_in::StandIn;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use voiceops_skill::config::SkillIds;
use voiceops_skill::inventory::{
    Database, Inventory, InventoryError, StateCounts, Stopped, Timing,
};
use voiceops_skill::notify::{self, reference_id, Notifier, Stop};
use voiceops_skill::skill::build;
use voiceops_skill::state::VoiceOps;
use voiceops_skill::subscriptions::{Subscriber, Subscriptions};

const ALICE: &str = "amzn1.ask.account.alice";
const BERND: &str = "amzn1.ask.account.bernd";

/// Stopped instances a test sets, with when each stopped.
#[derive(Default)]
struct Stops(Mutex<Vec<(String, String, i64)>>);

impl Inventory for Stops {
    fn regions(&self) -> BoxFuture<Result<Vec<String>, InventoryError>> {
        Box::pin(async { Ok(vec!["eu-central-1".into(), "eu-west-1".into()]) })
    }
    fn count_instances(&self, _: String) -> BoxFuture<Result<StateCounts, InventoryError>> {
        Box::pin(async { Ok(StateCounts::default()) })
    }
    fn list_databases(&self, _: String) -> BoxFuture<Result<Vec<Database>, InventoryError>> {
        Box::pin(async { Ok(Vec::new()) })
    }
    fn stopped_instances(&self, region: String) -> BoxFuture<Result<Vec<Stopped>, InventoryError>> {
        let found = self
            .0
            .lock()
            .unwrap()
            .iter()
            .filter(|(r, _, _)| *r == region)
            .map(|(_, id, at)| Stopped {
                instance_id: id.clone(),
                at: Some(*at),
            })
            .collect();
        Box::pin(async move { Ok(found) })
    }
}

fn state(store: &Arc<MemoryStore>) -> VoiceOps {
    VoiceOps::new(Arc::new(Stops::default()), Timing::default())
        .with_memory(store.clone() as Arc<dyn AttributeStore>)
}

fn skill(store: &Arc<MemoryStore>) -> Skill<VoiceOps> {
    build(state(store), SkillIds::Any).unwrap()
}

/// An intent from `user`, in `locale`, with or without the notifications permission.
fn asking(intent: &str, user: &str, locale: &str, granted: bool) -> RequestEnvelope {
    let mut request = TestRequest::intent(intent)
        .locale(locale)
        .user(user)
        .alexa_api("https://api.eu.amazonalexa.com", "t")
        .build();
    if granted {
        let scopes = json!({ NOTIFICATIONS: { "status": "GRANTED" } });
        let user = request
            .context
            .system
            .user
            .get_or_insert_with(User::default);
        user.permissions = Some(Permissions {
            scopes: serde_json::from_value(scopes).unwrap(),
            ..Permissions::default()
        })
        .into();
    }
    request
}

async fn say(
    skill: &Skill<VoiceOps>,
    request: RequestEnvelope,
) -> alexa_core::model::ResponseEnvelope {
    skill.handle(request).await.unwrap()
}

#[tokio::test]
async fn subscribing_asks_for_the_permission_first_then_keeps_the_subscription() {
    let store = Arc::new(MemoryStore::default());
    let skill = skill(&store);
    let asked = say(&skill, asking("NotifyStopsIntent", ALICE, "en-US", false)).await;
    assert!(
        asked
            .speech_text()
            .contains("I need your permission to send notifications"),
        "{}",
        asked.speech_text()
    );
    let card = serde_json::to_value(&asked.response.card).unwrap();
    assert_eq!(card["type"], "AskForPermissionsConsent");
    assert_eq!(card["permissions"], json!([NOTIFICATIONS]));
    let subscriptions = Subscriptions::new(store.clone());
    assert!(
        subscriptions.all().await.unwrap().is_empty(),
        "nothing kept without the permission"
    );

    let on = say(&skill, asking("NotifyStopsIntent", ALICE, "en-US", true)).await;
    assert_eq!(
        on.speech_text(),
        "Okay. I'll send you a notification when an instance stops."
    );
    let kept = subscriptions.all().await.unwrap();
    assert_eq!(
        kept[ALICE],
        Subscriber {
            locale: "en-US".into(),
            api_endpoint: "https://api.eu.amazonalexa.com".into()
        }
    );
    let again = say(&skill, asking("NotifyStopsIntent", ALICE, "en-US", true)).await;
    assert!(again.speech_text().starts_with("I already tell you"));
    let status = say(
        &skill,
        asking("NotificationsStatusIntent", ALICE, "en-US", false),
    )
    .await;
    assert!(status
        .speech_text()
        .starts_with("I send you a notification when an instance stops"));
}

#[tokio::test]
async fn stop_telling_me_ends_it_and_the_status_says_so_in_german_too() {
    let store = Arc::new(MemoryStore::default());
    let skill = skill(&store);
    say(&skill, asking("NotifyStopsIntent", BERND, "de-DE", true)).await;
    let off = say(&skill, asking("StopNotifyingIntent", BERND, "de-DE", true)).await;
    assert_eq!(
        off.speech_text(),
        "Alles klar. Ich sage dir nicht mehr Bescheid, wenn Instanzen stoppen."
    );
    let status = say(
        &skill,
        asking("NotificationsStatusIntent", BERND, "de-DE", true),
    )
    .await;
    assert!(status
        .speech_text()
        .starts_with("Ich schicke dir noch keine Benachrichtigungen"));
    let twice = say(&skill, asking("StopNotifyingIntent", BERND, "de-DE", true)).await;
    assert!(twice
        .speech_text()
        .starts_with("Ich habe dir keine Benachrichtigungen geschickt"));
}

#[tokio::test]
async fn without_a_store_nobody_can_subscribe_and_the_skill_says_why() {
    let skill = build(
        VoiceOps::new(Arc::new(Stops::default()), Timing::default()),
        SkillIds::Any,
    )
    .unwrap();
    let answer = say(&skill, asking("NotifyStopsIntent", ALICE, "en-US", true)).await;
    assert!(
        answer.speech_text().contains("no place to store them"),
        "{}",
        answer.speech_text()
    );
}

#[tokio::test]
async fn disabling_the_skill_ends_the_subscription() {
    let store = Arc::new(MemoryStore::default());
    let skill = skill(&store);
    say(&skill, asking("NotifyStopsIntent", ALICE, "en-US", true)).await;
    let disabled = TestRequest::other(json!({"type": "AlexaSkillEvent.SkillDisabled",
        "requestId": "r", "timestamp": "2026-12-03T10:00:00Z", "eventCreationTime": "2026-12-03T10:00:00Z",
        "body": {"userInformation": {"consentToken": null}}}))
    .user(ALICE)
    .build();
    say(&skill, disabled).await;
    assert!(!Subscriptions::new(store.clone())
        .contains(ALICE)
        .await
        .unwrap());
}

/// Alice (English) and Bernd (German) subscribed through the stand-in's API host.
async fn two_subscribers(store: &Arc<MemoryStore>, amazon: &StandIn) -> Subscriptions {
    let subscriptions = Subscriptions::new(store.clone());
    for (user, locale) in [(ALICE, "en-GB"), (BERND, "de-DE")] {
        let subscriber = Subscriber {
            locale: locale.into(),
            api_endpoint: amazon.base_url(),
        };
        subscriptions.subscribe(user, subscriber).await.unwrap();
    }
    subscriptions
}

const WINDOW_START: i64 = 1_796_292_000; // 2026-12-03 10:00:00 UTC

fn notifier(subscriptions: Subscriptions, stops: Arc<Stops>, amazon: &StandIn) -> Notifier {
    let tokens = Arc::new(alexa_services::SkillTokens::with_token_url(
        alexa_services::SkillCredentials::from_json(
            &json!({"clientId": alexa_services_stand_in::CLIENT_ID, "clientSecret": alexa_services_stand_in::CLIENT_SECRET}).to_string(),
        )
        .unwrap(),
        amazon.token_url(),
    ));
    Notifier::new(
        subscriptions,
        stops,
        tokens,
        alexa_services::SkillStage::Development,
    )
    .with_window(Duration::from_secs(60))
    // Counting happens after the window closed: the clock says it has.
    .with_clock(Arc::new(|| WINDOW_START + 600), Duration::ZERO)
    .allowing_api(amazon.base_url())
}

#[tokio::test]
async fn three_stops_in_one_window_are_one_notification_per_subscriber() {
    let amazon = StandIn::start().await.unwrap();
    amazon.add_user(ALICE);
    let store = Arc::new(MemoryStore::default());
    let subscriptions = two_subscribers(&store, &amazon).await;
    let stops = Arc::new(Stops::default());
    let happened = [
        ("eu-central-1", "i-1", 5),
        ("eu-central-1", "i-2", 20),
        ("eu-west-1", "i-3", 41),
    ];
    stops.0.lock().unwrap().extend(
        happened
            .iter()
            .map(|(r, i, s)| (r.to_string(), i.to_string(), WINDOW_START + s)),
    );
    // One stopped in the window before; it is not counted again.
    stops
        .0
        .lock()
        .unwrap()
        .push(("eu-west-1".into(), "i-0".into(), WINDOW_START - 30));
    let notifier = notifier(subscriptions.clone(), stops, &amazon);

    let mut outcomes = Vec::new();
    for (region, instance, second) in happened {
        let stop = Stop {
            instance_id: instance.into(),
            region: region.into(),
            at: WINDOW_START + second,
        };
        outcomes.push(notifier.on_stop(stop).await.unwrap());
    }
    assert_eq!(
        outcomes[0].summary,
        "3 instances stopped: 2 in Frankfurt and 1 in Ireland"
    );
    assert_eq!((outcomes[0].sent, outcomes[0].already_sent), (2, 0));
    assert!(
        outcomes[1..]
            .iter()
            .all(|o| o.sent == 0 && o.already_sent == 2),
        "{outcomes:?}"
    );

    let events = amazon.events();
    assert_eq!(events.len(), 2, "one per subscriber");
    let to: Vec<&str> = events
        .iter()
        .map(|e| {
            e.body["relevantAudience"]["payload"]["user"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(to, [ALICE, BERND]);
    let event = &events[0].body;
    assert_eq!(event["event"]["name"], "AMAZON.MessageAlert.Activated");
    assert_eq!(event["event"]["payload"]["messageGroup"]["count"], 3);
    assert_eq!(event["referenceId"], reference_id(WINDOW_START, ALICE));
    assert_ne!(
        events[1].body["referenceId"], event["referenceId"],
        "each user's event is its own"
    );
    assert!(!event["referenceId"].as_str().unwrap().contains(ALICE));
    let german = event["localizedAttributes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == "de-DE")
        .unwrap();
    assert_eq!(
        german["summary"],
        "3 Instanzen gestoppt: 2 in Frankfurt und 1 in Irland"
    );
    assert_eq!(amazon.tokens_issued(), 1, "one token for the whole window");
    assert_eq!(subscriptions.all().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_failed_notification_is_logged_and_the_subscription_stays() {
    let amazon = StandIn::start().await.unwrap();
    let store = Arc::new(MemoryStore::default());
    let subscriptions = two_subscribers(&store, &amazon).await;
    let notifier = notifier(subscriptions.clone(), Arc::new(Stops::default()), &amazon);
    amazon.fail_next(&[500]);
    let stop = Stop {
        instance_id: "i-9".into(),
        region: "eu-central-1".into(),
        at: WINDOW_START + 1,
    };
    let outcome = notifier.on_stop(stop.clone()).await.unwrap();
    assert_eq!(outcome.summary, "1 instance stopped in Frankfurt");
    assert_eq!((outcome.sent, outcome.failed), (1, 1));
    assert_eq!(
        subscriptions.all().await.unwrap().len(),
        2,
        "nobody is unsubscribed by a failure"
    );
    // The next invocation of the window reaches the one that failed.
    let retry = notifier.on_stop(stop).await.unwrap();
    assert_eq!((retry.sent, retry.already_sent), (1, 1));
}

#[tokio::test]
async fn a_subscription_naming_an_unknown_host_is_never_sent_the_token() {
    let amazon = StandIn::start().await.unwrap();
    let store = Arc::new(MemoryStore::default());
    let subscriptions = Subscriptions::new(store.clone());
    let elsewhere = Subscriber {
        locale: "en-US".into(),
        api_endpoint: "https://api.example.com".into(),
    };
    subscriptions.subscribe(ALICE, elsewhere).await.unwrap();
    let notifier = notifier(subscriptions, Arc::new(Stops::default()), &amazon);
    let stop = Stop {
        instance_id: "i-9".into(),
        region: "eu-central-1".into(),
        at: WINDOW_START,
    };
    let outcome = notifier.on_stop(stop).await.unwrap();
    assert_eq!((outcome.sent, outcome.failed), (0, 1));
    assert_eq!(amazon.tokens_issued(), 0);
}

#[tokio::test]
async fn other_events_are_refused_by_name_and_stops_without_notifications_are_logged() {
    let started = json!({"source": "aws.ec2", "detail-type": "EC2 Instance State-change Notification",
        "region": "eu-central-1", "time": "2026-12-03T10:00:00Z", "detail": {"instance-id": "i-1", "state": "running"}});
    let err = notify::on_event(None, started).await.unwrap_err();
    assert_eq!(err, "instance i-1 is running, not stopped");
    let err = notify::on_event(None, json!({"hello": "world"}))
        .await
        .unwrap_err();
    assert!(err.starts_with("not an EC2 state-change event"), "{err}");
    let stopped = json!({"source": "aws.ec2", "detail-type": "EC2 Instance State-change Notification",
        "region": "eu-central-1", "time": "2026-12-03T10:00:00Z", "detail": {"instance-id": "i-1", "state": "stopped"}});
    let answer: Value = notify::on_event(None, stopped).await.unwrap();
    assert_eq!(answer["notified"], false);
}

/// voiceops/transcripts/notifications: the subscription by voice, a grant in the app, and
/// EventBridge's recorded events heard as `Notification:` lines, in English and German.
#[tokio::test]
async fn the_notification_transcripts_replay() {
    use alexa_sim::api::{AlexaApi, DeviceSettings};
    use alexa_sim::{transcript, Resolver, Simulator};
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../transcripts/notifications");
    let api = AlexaApi::start(DeviceSettings::with_time_zone("Europe/Berlin"))
        .await
        .unwrap();
    let replayed = transcript::replay_dir(&dir, |t| {
        let locale = t.locale.clone().unwrap_or_else(|| "en-US".into());
        let store = Arc::new(MemoryStore::default());
        let state = state(&store);
        let notifier = notify::simulated(&state, api.endpoint()).unwrap();
        let handler: alexa_sim::EventHandler = Arc::new(move |event| {
            let notifier = notifier.clone();
            Box::pin(async move { notify::on_event(Some(&notifier), event).await })
        });
        let skill = build(state, SkillIds::Any).unwrap();
        let model = voiceops_skill::package::model(&locale).unwrap();
        let resolver = Resolver::new(
            &model.language_model,
            &locale,
            alexa_sim::SIMULATOR_SKILL_ID,
        );
        Simulator::new(
            skill,
            resolver,
            &locale,
            alexa_sim::SIMULATOR_SKILL_ID,
            t.device,
        )
        .with_dialog_model(&model)
        .with_alexa_api(api.endpoint(), api.token(), api.log())
        .with_events(handler)
    })
    .await
    .unwrap_or_else(|failure| panic!("{failure}"));
    assert_eq!(replayed.len(), 2);
}
