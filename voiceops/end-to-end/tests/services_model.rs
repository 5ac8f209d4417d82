//! Amazon's own model of the Alexa service APIs agrees with every body alexa-services sends
//! and every body its stand-in answers: each is loaded with `ask-sdk-model`'s `services`
//! class it is documented as and serialised back (voiceops/end-to-end/conformance/services_check.py), so a
//! field name of ours that Amazon's model does not know fails here. The purchase directives
//! and the purchase result go through the interface models too.

use alexa_core::model::{Secret, Timestamp};
use alexa_core::testing::TestRequest;
use alexa_services::*;
use alexa_services_stand_in::{StandIn, API_ACCESS_TOKEN};
use end_to_end::{root, Scratch};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

/// The Python with ask-sdk-model: `ASK_SDK_PYTHON`, or the one `./scripts/test` sets up.
fn python() -> PathBuf {
    std::env::var_os("ASK_SDK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".cache/venv/bin/python"))
}

/// Every call of every client once, with its faults: what the stand-in recorded.
async fn exercise(amazon: &StandIn) {
    let request = TestRequest::intent("BuyIntent")
        .locale("en-US")
        .alexa_api(&amazon.base_url(), API_ACCESS_TOKEN)
        .build();
    let alexa = Alexa::for_request(&request).unwrap();
    alexa
        .in_skill_products(&ProductFilter::default())
        .await
        .unwrap();
    let page = ProductFilter {
        max_results: Some(1),
        ..Default::default()
    };
    alexa.in_skill_products(&page).await.unwrap();
    alexa
        .in_skill_product("amzn1.adg.product.voiceops-pro")
        .await
        .unwrap();
    alexa
        .in_skill_product("amzn1.adg.product.none")
        .await
        .unwrap_err();
    alexa
        .in_skill_product_transactions(None, None, None)
        .await
        .unwrap();
    alexa.voice_purchasing_enabled().await.unwrap();
    alexa.connected_endpoints().await.unwrap();
    for status in [401, 403, 404, 429, 500] {
        amazon.fail_next(&[status]);
        alexa
            .in_skill_products(&ProductFilter::default())
            .await
            .unwrap_err();
        amazon.fail_next(&[status]);
        alexa.connected_endpoints().await.unwrap_err();
        amazon.fail_next(&[status]);
        alexa.timers().await.unwrap_err();
    }
    let task = TimerTask {
        name: "amzn1.ask.skill.1.CountTask".into(),
        version: "1".into(),
        input: Some(json!({"region": "eu-central-1"})),
    };
    for timer in [
        Timer::announce(
            Duration::from_secs(600),
            "tea",
            "en-US",
            "Your tea is ready.",
        ),
        Timer::launch_task(
            Duration::from_secs(60),
            "count",
            "en-US",
            "Shall I count?",
            task,
        ),
        Timer::notify_only(Duration::from_secs(30), None),
    ] {
        let set = alexa.create_timer(&timer).await.unwrap();
        alexa.timer(&set.id).await.unwrap();
    }
    alexa.timers().await.unwrap();

    let api = amazon.skill_api();
    let event = |reference: &str, count: u32| {
        ProactiveEvent::new(
            reference,
            Event::message_alert("localizedattribute:summary", count),
            RelevantAudience::user("amzn1.ask.account.stand-in"),
            Timestamp::now(),
            Duration::from_secs(3600),
        )
        .localized("en-US", "summary", "1 instance stopped in Frankfurt")
    };
    api.create_proactive_event(SkillStage::Development, &event("a", 1))
        .await
        .unwrap();
    api.create_proactive_event(SkillStage::Development, &event("a", 1))
        .await
        .unwrap_err();
    api.create_proactive_event(SkillStage::Live, &event("b", 0))
        .await
        .unwrap_err();
    let multicast = ProactiveEvent::new(
        "c",
        Event::message_alert("VoiceOps", 2),
        RelevantAudience::everyone(),
        Timestamp::now(),
        Duration::from_secs(600),
    );
    api.create_proactive_event(SkillStage::Live, &multicast)
        .await
        .unwrap();
    let message = SkillMessage {
        data: json!({"check": "now"}),
        expires_after_seconds: Some(600),
    };
    api.send_message("amzn1.ask.account.stand-in", &message)
        .await
        .unwrap();
    api.send_message("amzn1.ask.account.nobody", &message)
        .await
        .unwrap_err();
    for status in [403, 429, 500] {
        amazon.fail_next(&[status, status, status, status]);
        let quick = api.clone().with_retries(Retries {
            attempts: 0,
            ..Retries::default()
        });
        quick
            .create_proactive_event(SkillStage::Development, &event(&format!("f{status}"), 1))
            .await
            .unwrap_err();
    }
    let wrong = SkillCredentials {
        client_id: "amzn1.application-oa2-client.other".into(),
        client_secret: Secret::new("x"),
    };
    let stranger = SkillApi::at(
        &amazon.base_url(),
        Arc::new(SkillTokens::with_token_url(wrong, amazon.token_url())),
    );
    stranger
        .send_message("amzn1.ask.account.stand-in", &message)
        .await
        .unwrap_err();
}

/// Our own bodies that go through the request and response envelopes rather than an API.
fn directives_and_results() -> Vec<Value> {
    let directive = |d: alexa_core::model::Directive| serde_json::to_value(d).unwrap();
    let send_request =
        "ask_sdk_model.interfaces.connections.send_request_directive.SendRequestDirective";
    let mut bodies = vec![
        json!({"definition": send_request, "body": directive(buy("amzn1.adg.product.voiceops-pro", "t"))}),
        json!({"definition": send_request, "body": directive(upsell("amzn1.adg.product.voiceops-pro", "Pro counts every account.", "t"))}),
        json!({"definition": send_request, "body": directive(cancel("amzn1.adg.product.voiceops-pro", "t"))}),
    ];
    for result in ["ACCEPTED", "DECLINED", "ALREADY_PURCHASED", "ERROR"] {
        bodies.push(json!({
            "definition": "ask_sdk_model.interfaces.connections.connections_response.ConnectionsResponse",
            "body": {"type": "Connections.Response", "requestId": "r", "timestamp": "2026-12-03T10:00:00Z",
                "locale": "en-US", "name": "Buy", "status": {"code": "200", "message": "OK"},
                "payload": {"purchaseResult": result, "productId": "amzn1.adg.product.voiceops-pro"}, "token": "t"}
        }));
    }
    bodies
}

#[tokio::test]
async fn every_body_sent_and_answered_survives_amazons_model_unchanged() {
    let amazon = StandIn::start().await.unwrap();
    exercise(&amazon).await;
    let mut bodies: Vec<Value> = amazon
        .exchanges()
        .into_iter()
        .map(|e| json!({"definition": e.definition, "body": e.body}))
        .collect();
    bodies.extend(directives_and_results());
    let definitions: BTreeSet<String> = bodies
        .iter()
        .map(|b| b["definition"].as_str().unwrap().to_owned())
        .collect();
    for expected in [
        "ask_sdk_model.services.proactive_events.create_proactive_event_request.CreateProactiveEventRequest",
        "ask_sdk_model.services.proactive_events.error.Error",
        "ask_sdk_model.services.skill_messaging.send_skill_messaging_request.SendSkillMessagingRequest",
        "ask_sdk_model.services.skill_messaging.error.Error",
        "ask_sdk_model.services.lwa.access_token_response.AccessTokenResponse",
        "ask_sdk_model.services.lwa.error.Error",
        "ask_sdk_model.services.monetization.in_skill_products_response.InSkillProductsResponse",
        "ask_sdk_model.services.monetization.in_skill_product.InSkillProduct",
        "ask_sdk_model.services.monetization.in_skill_product_transactions_response.InSkillProductTransactionsResponse",
        "ask_sdk_model.services.monetization.error.Error",
        "ask_sdk_model.services.endpoint_enumeration.endpoint_enumeration_response.EndpointEnumerationResponse",
        "ask_sdk_model.services.endpoint_enumeration.error.Error",
        "ask_sdk_model.services.timer_management.timer_request.TimerRequest",
        "ask_sdk_model.services.timer_management.timer_response.TimerResponse",
        "ask_sdk_model.services.timer_management.timers_response.TimersResponse",
        "ask_sdk_model.services.timer_management.error.Error",
        "bool",
    ] {
        assert!(definitions.contains(expected), "no {expected} was exchanged");
    }
    let scratch = Scratch::new("services-model");
    let file = scratch.0.join("exchanges.json");
    std::fs::write(&file, serde_json::to_vec(&bodies).unwrap()).unwrap();
    let output = Command::new(python())
        .arg(root().join("voiceops/end-to-end/conformance/services_check.py"))
        .arg(&file)
        .output()
        .expect("python runs: ./scripts/test installs ask-sdk-model into .cache/venv");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.trim().is_empty(), "the checker failed: {stderr}");
    let reports: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON report a line"))
        .collect();
    assert_eq!(reports.len(), bodies.len(), "every body checked");
    let failing: Vec<&Value> = reports
        .iter()
        .filter(|r| r["problems"].as_array().is_some_and(|p| !p.is_empty()))
        .collect();
    assert!(failing.is_empty(), "Amazon's model disagrees: {failing:#?}");
    assert!(output.status.success());
}

#[test]
fn the_checker_catches_a_field_amazons_model_does_not_know() {
    let scratch = Scratch::new("services-model-bad");
    let file = scratch.0.join("exchanges.json");
    let bad = json!([{"definition": "ask_sdk_model.services.skill_messaging.send_skill_messaging_request.SendSkillMessagingRequest",
        "body": {"data": {}, "expiresAfterSecond": 60}}]);
    std::fs::write(&file, serde_json::to_vec(&bad).unwrap()).unwrap();
    let output = Command::new(python())
        .arg(root().join("voiceops/end-to-end/conformance/services_check.py"))
        .arg(&file)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("expiresAfterSecond"));
}
