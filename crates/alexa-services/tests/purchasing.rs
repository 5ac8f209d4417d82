//! In-skill purchasing and connected endpoints against the stand-in, and a purchase flow
//! through a skill: the offer, Amazon's `Connections.Response`, the handler resuming.

use alexa_core::testing::TestRequest;
use alexa_core::{Response, Skill};
use alexa_services::*;
use alexa_services_stand_in::{StandIn, API_ACCESS_TOKEN};
use serde_json::{json, Value};

fn alexa(amazon: &StandIn, locale: &str) -> Alexa {
    let request = TestRequest::intent("BuyIntent")
        .locale(locale)
        .alexa_api(&amazon.base_url(), API_ACCESS_TOKEN)
        .build();
    Alexa::for_request(&request).unwrap()
}

#[tokio::test]
async fn products_come_with_the_users_entitlement_and_filter_as_asked() {
    let amazon = StandIn::start().await.unwrap();
    let alexa = alexa(&amazon, "de-DE");
    let all = alexa
        .in_skill_products(&ProductFilter::default())
        .await
        .unwrap();
    assert_eq!(all.in_skill_products.len(), 2);
    assert!(!all.is_truncated);
    let owned = ProductFilter {
        entitled: Some(EntitledState::Entitled),
        ..Default::default()
    };
    let owned = alexa
        .in_skill_products(&owned)
        .await
        .unwrap()
        .in_skill_products;
    assert_eq!(owned.len(), 1);
    assert!(owned[0].is_entitled());
    assert_eq!(
        owned[0].entitlement_reason,
        Some(EntitlementReason::Purchased)
    );
    let page = ProductFilter {
        max_results: Some(1),
        ..Default::default()
    };
    let first = alexa.in_skill_products(&page).await.unwrap();
    assert!(first.is_truncated);
    let rest = ProductFilter {
        max_results: Some(1),
        next_token: first.next_token.clone(),
        ..Default::default()
    };
    let second = alexa.in_skill_products(&rest).await.unwrap();
    assert_ne!(
        first.in_skill_products[0].product_id,
        second.in_skill_products[0].product_id
    );
    assert!(!second.is_truncated);
}

#[tokio::test]
async fn one_product_transactions_and_the_voice_purchasing_setting() {
    let amazon = StandIn::start().await.unwrap();
    let alexa = alexa(&amazon, "en-US");
    let pro = alexa
        .in_skill_product("amzn1.adg.product.voiceops-pro")
        .await
        .unwrap();
    assert_eq!(pro.product_type, ProductType::Subscription);
    assert_eq!(pro.purchasable, PurchasableState::Purchasable);
    assert_eq!(
        alexa
            .in_skill_product("amzn1.adg.product.none")
            .await
            .unwrap_err(),
        ApiError::NotFound
    );
    let transactions = alexa
        .in_skill_product_transactions(None, None, None)
        .await
        .unwrap();
    assert_eq!(
        transactions.results[0].status,
        TransactionStatus::PendingApprovalByParent
    );
    assert_eq!(transactions.next_token(), None);
    assert!(alexa.voice_purchasing_enabled().await.unwrap());
    amazon.set_voice_purchasing(false);
    assert!(!alexa.voice_purchasing_enabled().await.unwrap());
}

#[tokio::test]
async fn in_request_failures_are_typed_and_never_retried_inside_alexas_deadline() {
    let amazon = StandIn::start().await.unwrap();
    let alexa = alexa(&amazon, "en-US");
    for (status, expected) in [
        (401, ApiError::Unauthorized),
        (403, ApiError::Forbidden),
        (404, ApiError::NotFound),
        (429, ApiError::Throttled),
        (500, ApiError::Status { status: 500 }),
    ] {
        amazon.fail_next(&[status]);
        assert_eq!(
            alexa
                .in_skill_products(&ProductFilter::default())
                .await
                .unwrap_err(),
            expected
        );
    }
    assert_eq!(amazon.calls().len(), 5, "one call each");
    let wrong = TestRequest::intent("X")
        .alexa_api(&amazon.base_url(), "someone-elses-token")
        .build();
    let err = Alexa::for_request(&wrong)
        .unwrap()
        .connected_endpoints()
        .await
        .unwrap_err();
    assert_eq!(err, ApiError::Unauthorized);
}

#[tokio::test]
async fn connected_endpoints_list_the_gadgets() {
    let amazon = StandIn::start().await.unwrap();
    let endpoints = alexa(&amazon, "en-US").connected_endpoints().await.unwrap();
    assert_eq!(endpoints[0].friendly_name, "Status Light");
    assert_eq!(endpoints[0].capabilities[0].interface, "Custom.StatusLight");
}

/// A skill that sells "pro": the offer, and the result routed to its own handler.
fn shop() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .intent("BuyIntent", || async {
            start_purchase(buy("amzn1.adg.product.voiceops-pro", "buy-from-intent"))
        })
        .intent("RefundIntent", || async {
            start_purchase(cancel("amzn1.adg.product.voiceops-pro", "refund"))
        })
        .when(
            PurchaseResult::route(),
            |result: PurchaseResult| async move {
                let said = match result.outcome {
                    PurchaseOutcome::Accepted => "Thanks, Pro is yours.".to_owned(),
                    PurchaseOutcome::Declined => "Maybe later.".to_owned(),
                    PurchaseOutcome::AlreadyPurchased => "You already have Pro.".to_owned(),
                    _ => format!("That did not work: {}.", result.message.unwrap_or_default()),
                };
                let resumed = result.token.unwrap_or_default();
                Response::ask(format!("{said} ({resumed})"), "What next?")
            },
        )
        .on_request("Connections.Response", || async {
            Response::tell("Something else.")
        })
        .build()
        .unwrap()
}

async fn answer(skill: &Skill, request: TestRequest) -> Value {
    let body = serde_json::to_vec(&request.build()).unwrap();
    serde_json::from_slice(&skill.handle_json(&body).await.unwrap()).unwrap()
}

fn connections_response(name: &str, code: &str, payload: Value, token: &str) -> TestRequest {
    TestRequest::other(json!({
        "type": "Connections.Response", "requestId": "amzn1.echo-api.request.1",
        "timestamp": "2026-12-03T10:00:00Z", "locale": "en-US", "name": name,
        "status": {"code": code, "message": if code == "200" { "OK" } else { "Internal Server Error" }},
        "payload": payload, "token": token
    }))
}

#[tokio::test]
async fn a_purchase_starts_with_the_directive_and_resumes_with_its_token() {
    let skill = shop();
    let offer = answer(&skill, TestRequest::intent("BuyIntent")).await;
    let directive = &offer["response"]["directives"][0];
    assert_eq!(directive["type"], "Connections.SendRequest");
    assert_eq!(directive["name"], "Buy");
    assert_eq!(
        directive["payload"]["InSkillProduct"]["productId"],
        "amzn1.adg.product.voiceops-pro"
    );
    assert_eq!(offer["response"]["shouldEndSession"], true);
    assert!(
        offer["response"].get("outputSpeech").is_none(),
        "Amazon speaks the offer"
    );
    let refund = answer(&skill, TestRequest::intent("RefundIntent")).await;
    assert_eq!(refund["response"]["directives"][0]["name"], "Cancel");

    for (result, said) in [
        ("ACCEPTED", "Thanks, Pro is yours. (buy-from-intent)"),
        ("DECLINED", "Maybe later. (buy-from-intent)"),
        (
            "ALREADY_PURCHASED",
            "You already have Pro. (buy-from-intent)",
        ),
    ] {
        let payload =
            json!({"purchaseResult": result, "productId": "amzn1.adg.product.voiceops-pro"});
        let back = answer(
            &skill,
            connections_response("Buy", "200", payload, "buy-from-intent"),
        )
        .await;
        assert_eq!(back["response"]["outputSpeech"]["text"], said);
    }
    let failed =
        json!({"purchaseResult": "ERROR", "productId": "p", "message": "payment declined"});
    let back = answer(&skill, connections_response("Upsell", "200", failed, "t")).await;
    assert_eq!(
        back["response"]["outputSpeech"]["text"],
        "That did not work: payment declined. (t)"
    );
    let broken = answer(&skill, connections_response("Buy", "500", Value::Null, "t")).await;
    assert_eq!(
        broken["response"]["outputSpeech"]["text"],
        "That did not work: Internal Server Error. (t)"
    );
}

#[tokio::test]
async fn a_connections_response_that_is_not_a_purchase_falls_through() {
    let back = answer(
        &shop(),
        connections_response("AMAZON.PrintPDF", "200", json!({}), "t"),
    )
    .await;
    assert_eq!(back["response"]["outputSpeech"]["text"], "Something else.");
}

#[test]
fn an_upsell_carries_the_skills_own_message() {
    let json = serde_json::to_value(upsell(
        "p",
        "Pro counts every account. Want to hear more?",
        "t",
    ))
    .unwrap();
    assert_eq!(json["name"], "Upsell");
    assert_eq!(
        json["payload"]["upsellMessage"],
        "Pro counts every account. Want to hear more?"
    );
}

#[tokio::test]
async fn timers_live_on_the_stand_in_and_a_missing_permission_is_its_consent_card() {
    let amazon = StandIn::start().await.unwrap();
    let alexa = alexa(&amazon, "en-US");
    let tea = Timer::announce(
        std::time::Duration::from_secs(600),
        "tea",
        "en-US",
        "Your tea is ready.",
    );
    let set = alexa.create_timer(&tea).await.unwrap();
    assert_eq!(
        (set.status.as_deref(), set.duration.as_deref()),
        (Some("ON"), Some("PT10M"))
    );
    alexa.pause_timer(&set.id).await.unwrap();
    assert_eq!(
        alexa.timer(&set.id).await.unwrap().status.as_deref(),
        Some("PAUSED")
    );
    alexa.resume_timer(&set.id).await.unwrap();
    assert_eq!(alexa.timers().await.unwrap().timers.len(), 1);
    alexa.delete_timer(&set.id).await.unwrap();
    assert_eq!(
        alexa.delete_timer(&set.id).await.unwrap_err(),
        ApiError::NotFound
    );
    amazon.set_timers_permitted(false);
    let err = alexa.create_timer(&tea).await.unwrap_err();
    assert_eq!(
        err,
        ApiError::NotPermitted { permission: TIMERS },
        "Amazon answers 401 here"
    );
    let card = serde_json::to_value(
        &err.ask_for_consent("I need to set timers.")
            .unwrap()
            .body()
            .card,
    )
    .unwrap();
    assert_eq!(card["permissions"], json!([TIMERS]));
}
