//! The service clients against a local stand-in for the Alexa APIs (wiremock) that records
//! what it receives and answers with Amazon's documented bodies and errors.

use alexa_core::model::RequestEnvelope;
use alexa_core::testing::TestRequest;
use alexa_services::{Alexa, ApiError, DistanceUnit, MAX_PROGRESSIVE_RESPONSES};
use serde_json::json;
use std::time::Duration;
use wiremock::matchers::{bearer_token, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const DEVICE: &str = "amzn1.ask.device.TESTDEVICE";

/// A request whose apiEndpoint is the stand-in server.
fn request(server: &MockServer) -> RequestEnvelope {
    let mut envelope = TestRequest::intent("AnyIntent").build();
    envelope.context.system.api_endpoint = Some(server.uri());
    envelope
}

fn alexa(server: &MockServer) -> Alexa {
    Alexa::for_request(&request(server)).unwrap()
}

#[tokio::test]
async fn progressive_responses_carry_the_request_id_and_stop_at_amazons_limit() {
    let server = MockServer::start().await;
    let envelope = request(&server);
    let request_id = envelope.request.request_id().to_owned();
    Mock::given(method("POST"))
        .and(path("/v1/directives"))
        .and(bearer_token("test-token"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"header": {"requestId": request_id},
            "directive": {"type": "VoicePlayer.Speak", "speech": "<speak>Checking.</speak>"}})))
        .respond_with(ResponseTemplate::new(204))
        .expect(MAX_PROGRESSIVE_RESPONSES as u64)
        .mount(&server)
        .await;
    let alexa = Alexa::for_request(&envelope).unwrap();
    for _ in 0..MAX_PROGRESSIVE_RESPONSES {
        alexa
            .speak_progressive("<speak>Checking.</speak>")
            .await
            .unwrap();
    }
    assert_eq!(
        alexa.speak_progressive("<speak>Checking.</speak>").await,
        Err(ApiError::TooManyProgressive(MAX_PROGRESSIVE_RESPONSES)),
        "the sixth is not sent"
    );
}

#[tokio::test]
async fn device_settings_need_no_permission() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v2/devices/{DEVICE}/settings/System.timeZone"
        )))
        .and(bearer_token("test-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!("Europe/Berlin")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v2/devices/{DEVICE}/settings/System.distanceUnits"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!("METRIC")))
        .mount(&server)
        .await;
    let alexa = alexa(&server);
    assert_eq!(alexa.time_zone().await.unwrap(), "Europe/Berlin");
    assert_eq!(alexa.distance_units().await.unwrap(), DistanceUnit::Metric);
}

#[tokio::test]
async fn an_address_and_a_profile_are_read_with_their_documented_bodies() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1/devices/{DEVICE}/settings/address/countryAndPostalCode"
        )))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"countryCode": "DE", "postalCode": "10115"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/accounts/~current/settings/Profile.givenName"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!("Ada")))
        .mount(&server)
        .await;
    let alexa = alexa(&server);
    let place = alexa.country_and_postal_code().await.unwrap();
    assert_eq!(place.country_code.as_deref(), Some("DE"));
    assert_eq!(place.postal_code.as_deref(), Some("10115"));
    assert_eq!(alexa.given_name().await.unwrap(), "Ada");
}

/// A 403 names the permission the call needed, and becomes a consent card for exactly it.
#[tokio::test]
async fn a_missing_permission_asks_for_exactly_that_permission() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/devices/{DEVICE}/settings/address")))
        .respond_with(ResponseTemplate::new(403).set_body_json(
            json!({"type": "ACCESS_DENIED", "message": "Access denied with reason: FORBIDDEN"}),
        ))
        .mount(&server)
        .await;
    let err = alexa(&server).address().await.unwrap_err();
    assert_eq!(
        err,
        ApiError::NotPermitted {
            permission: "read::alexa:device:all:address"
        }
    );
    let answer = err.ask_for_consent("I need your address.").unwrap();
    let card = serde_json::to_value(&answer.body().card).unwrap();
    assert_eq!(
        card,
        json!({"type": "AskForPermissionsConsent", "permissions": ["read::alexa:device:all:address"]})
    );
}

#[tokio::test]
async fn every_documented_error_status_is_typed() {
    let server = MockServer::start().await;
    for (status, name) in [
        (401, "Profile.name"),
        (404, "Profile.email"),
        (429, "Profile.mobileNumber"),
    ] {
        Mock::given(method("GET"))
            .and(path(format!("/v2/accounts/~current/settings/{name}")))
            .respond_with(ResponseTemplate::new(status))
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path(format!(
            "/v2/devices/{DEVICE}/settings/System.temperatureUnit"
        )))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/directives"))
        .respond_with(ResponseTemplate::new(403))
        .mount(&server)
        .await;
    let alexa = alexa(&server);
    assert_eq!(alexa.full_name().await, Err(ApiError::Unauthorized));
    assert_eq!(alexa.email().await, Err(ApiError::NotFound));
    assert_eq!(alexa.mobile_number().await, Err(ApiError::Throttled));
    assert_eq!(
        alexa.temperature_unit().await,
        Err(ApiError::Status { status: 500 })
    );
    assert_eq!(alexa.speak_progressive("x").await, Err(ApiError::Forbidden));
}

#[tokio::test]
async fn a_malformed_answer_and_a_slow_one_are_errors_not_hangs() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v2/devices/{DEVICE}/settings/System.timeZone"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>login</html>"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v2/devices/{DEVICE}/settings/System.distanceUnits"
        )))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(30)))
        .mount(&server)
        .await;
    let alexa = alexa(&server);
    assert!(matches!(
        alexa.time_zone().await,
        Err(ApiError::Malformed(_))
    ));
    assert_eq!(alexa.distance_units().await, Err(ApiError::Timeout));
}

#[tokio::test]
async fn without_access_there_is_nothing_to_call_and_the_token_never_prints() {
    let mut envelope = TestRequest::launch().build();
    envelope.context.system.api_access_token = None;
    assert_eq!(
        Alexa::for_request(&envelope).unwrap_err(),
        ApiError::NoAccess("apiEndpoint and apiAccessToken")
    );
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let mut envelope = TestRequest::launch().build();
    envelope.context.system.api_endpoint = Some(format!("http://{closed}"));
    let alexa = Alexa::for_request(&envelope).unwrap();
    assert!(!format!("{alexa:?}").contains("test-token"));
    assert!(matches!(
        alexa.time_zone().await,
        Err(ApiError::Unreachable(_))
    ));
}

#[tokio::test]
async fn reminders_are_created_listed_updated_and_deleted() {
    use alexa_services::Reminder;
    let server = MockServer::start().await;
    let created = json!({"alertToken": "a-1", "status": "ON", "version": "1",
        "createdTime": "2026-11-25T18:00:00.000Z", "updatedTime": "2026-11-25T18:00:00.000Z"});
    Mock::given(method("POST"))
        .and(path("/v1/alerts/reminders"))
        .and(body_json(
            json!({"trigger": {"type": "SCHEDULED_RELATIVE", "offsetInSeconds": 600},
            "alertInfo": {"spokenInfo": {"content": [{"locale": "en-US", "text": "Coffee!"}]}},
            "pushNotification": {"status": "ENABLED"}}),
        ))
        .respond_with(ResponseTemplate::new(201).set_body_json(created.clone()))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/alerts/reminders"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"totalCount": "1", "alerts": [created]})),
        )
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/v1/alerts/reminders/a-1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"alertToken": "a-1", "version": "2"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/v1/alerts/reminders/a-1"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let alexa = alexa(&server);
    let reminder = Reminder::in_seconds(600, "en-US", "Coffee!");
    assert_eq!(
        alexa.create_reminder(&reminder).await.unwrap().alert_token,
        "a-1"
    );
    assert_eq!(
        alexa.reminders().await.unwrap().alerts[0].status.as_deref(),
        Some("ON")
    );
    let later = Reminder::at(
        "2026-11-26T07:30:00",
        Some("Europe/Berlin"),
        "en-US",
        "Coffee!",
    );
    assert_eq!(
        alexa
            .update_reminder("a-1", &later)
            .await
            .unwrap()
            .version
            .as_deref(),
        Some("2")
    );
    alexa.delete_reminder("a-1").await.unwrap();
}

#[tokio::test]
async fn household_lists_are_read_and_written_with_their_own_permissions() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/householdlists/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"lists": [
            {"listId": "l-1", "name": "Alexa shopping list", "state": "active", "version": 1}]})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/householdlists/l-1/active"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"listId": "l-1", "items": [
            {"id": "i-1", "value": "coffee beans", "status": "active", "version": 3}]})),
        )
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/v2/householdlists/l-1/items/i-1"))
        .and(body_json(
            json!({"value": "coffee beans", "status": "completed", "version": 3}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"id": "i-1", "value": "coffee beans", "status": "completed", "version": 4}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/householdlists/l-1/items"))
        .respond_with(ResponseTemplate::new(403))
        .mount(&server)
        .await;
    let alexa = alexa(&server);
    let lists = alexa.lists().await.unwrap();
    assert_eq!(lists[0].name, "Alexa shopping list");
    let items = alexa.list_items("l-1").await.unwrap();
    let done = alexa
        .set_list_item_status("l-1", &items[0], true)
        .await
        .unwrap();
    assert_eq!((done.status.as_str(), done.version), ("completed", Some(4)));
    assert_eq!(
        alexa.add_list_item("l-1", "milk").await,
        Err(ApiError::NotPermitted {
            permission: "write::alexa:household:list"
        }),
        "writing needs the write permission, not the read one"
    );
}

#[tokio::test]
async fn timers_are_created_listed_paused_resumed_and_deleted() {
    use alexa_services::{Timer, TimerTask, TIMERS};
    let server = MockServer::start().await;
    let created = json!({"id": "t-1", "status": "ON", "duration": "PT10M", "timerLabel": "tea",
        "triggerTime": "2026-12-03T10:10:00.000Z", "createdTime": "2026-12-03T10:00:00.000Z",
        "updatedTime": "2026-12-03T10:00:00.000Z"});
    Mock::given(method("POST"))
        .and(path("/v1/alerts/timers"))
        .and(body_json(json!({"duration": "PT10M", "timerLabel": "tea",
            "creationBehavior": {"displayExperience": {"visibility": "VISIBLE"}},
            "triggeringBehavior": {"operation": {"type": "ANNOUNCE",
                "textToAnnounce": [{"locale": "en-US", "text": "Your tea is ready."}]},
                "notificationConfig": {"playAudible": true}}})))
        .respond_with(ResponseTemplate::new(200).set_body_json(created.clone()))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/alerts/timers"))
        .and(body_json(json!({"duration": "PT1H", "timerLabel": "bake",
            "creationBehavior": {"displayExperience": {"visibility": "VISIBLE"}},
            "triggeringBehavior": {"operation": {"type": "LAUNCH_TASK",
                "textToConfirm": [{"locale": "en-US", "text": "Shall I check the oven?"}],
                "task": {"name": "amzn1.ask.skill.test.CheckOven", "version": "1"}},
                "notificationConfig": {"playAudible": true}}})))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"id": "t-2", "status": "ON"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/alerts/timers"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"totalCount": 1, "timers": [created]})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/alerts/timers/t-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"id": "t-1", "status": "PAUSED", "remainingTimeWhenPaused": "PT4M"}),
        ))
        .mount(&server)
        .await;
    for action in ["pause", "resume"] {
        Mock::given(method("POST"))
            .and(path(format!("/v1/alerts/timers/t-1/{action}")))
            .respond_with(ResponseTemplate::new(200))
            .expect(1)
            .mount(&server)
            .await;
    }
    for at in ["/v1/alerts/timers/t-1", "/v1/alerts/timers"] {
        Mock::given(method("DELETE"))
            .and(path(at))
            .respond_with(ResponseTemplate::new(200))
            .expect(1)
            .mount(&server)
            .await;
    }
    let alexa = alexa(&server);
    let tea = Timer::announce(
        Duration::from_secs(600),
        "tea",
        "en-US",
        "Your tea is ready.",
    );
    assert_eq!(alexa.create_timer(&tea).await.unwrap().id, "t-1");
    let task = TimerTask {
        name: "amzn1.ask.skill.test.CheckOven".into(),
        version: "1".into(),
        input: None,
    };
    let bake = Timer::launch_task(
        Duration::from_secs(3600),
        "bake",
        "en-US",
        "Shall I check the oven?",
        task,
    );
    assert_eq!(alexa.create_timer(&bake).await.unwrap().id, "t-2");
    let listed = alexa.timers().await.unwrap();
    assert_eq!(
        (listed.total_count, listed.timers[0].timer_label.as_deref()),
        (Some(1), Some("tea"))
    );
    alexa.pause_timer("t-1").await.unwrap();
    let paused = alexa.timer("t-1").await.unwrap();
    assert_eq!(
        (
            paused.status.as_deref(),
            paused.remaining_time_when_paused.as_deref()
        ),
        (Some("PAUSED"), Some("PT4M"))
    );
    alexa.resume_timer("t-1").await.unwrap();
    alexa.delete_timer("t-1").await.unwrap();
    alexa.delete_all_timers().await.unwrap();

    // Without the permission: the consent card for exactly the timers permission.
    let refused = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/alerts/timers"))
        .respond_with(
            ResponseTemplate::new(403)
                .set_body_json(json!({"code": "NO_PERMISSION", "message": "no consent"})),
        )
        .mount(&refused)
        .await;
    let err = alexa_services::Alexa::for_request(&request(&refused))
        .unwrap()
        .create_timer(&tea)
        .await
        .unwrap_err();
    assert_eq!(err, ApiError::NotPermitted { permission: TIMERS });
    let answer = err
        .ask_for_consent("I need your permission to set timers.")
        .unwrap();
    assert_eq!(
        serde_json::to_value(&answer.body().card).unwrap(),
        json!({"type": "AskForPermissionsConsent", "permissions": ["alexa::alerts:timers:skill:readwrite"]})
    );
}
