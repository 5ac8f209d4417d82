//! The Alexa API stand-in: a skill's progressive response is shown before its answer, device
//! settings come from the stand-in, a wrong token is refused, and each simulated user is
//! someone else to the skill.
#![cfg(feature = "api")]

use alexa_core::extract::{ApiAccess, Envelope};
use alexa_core::interaction_model::LanguageModel;
use alexa_core::model::ProgressiveResponse;
use alexa_core::{Response, Skill};
use alexa_sim::api::{AlexaApi, DeviceSettings};
use alexa_sim::{simulated_user_id, DeviceProfile, Resolver, Simulator};

fn model() -> LanguageModel {
    serde_json::from_str(
        r#"{"invocationName": "coffee shop", "intents": [
            {"name": "BrewIntent", "samples": ["brew me a coffee"]},
            {"name": "WhoIntent", "samples": ["who am i"]}]}"#,
    )
    .unwrap()
}

/// Posts one progressive response through the request's API access, as a service client
/// would.
async fn brew(Envelope(request): Envelope, api: ApiAccess) -> Response {
    let body = ProgressiveResponse::speak(request.request.request_id(), "Grinding the beans...");
    let status = post(&api.endpoint, api.token.expose(), &body).await;
    Response::tell(format!("Here is your coffee ({status})."))
}

async fn post(endpoint: &str, token: &str, body: &ProgressiveResponse) -> u16 {
    reqwest::Client::new()
        .post(format!("{endpoint}/v1/directives"))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

fn skill() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .intent("BrewIntent", brew)
        .intent("WhoIntent", |Envelope(r): Envelope| async move {
            let user = r.context.system.user.as_ref().map(|u| u.user_id.clone());
            Response::tell(user.unwrap_or_default())
        })
        .build()
        .unwrap()
}

#[tokio::test]
async fn progressive_speech_comes_with_its_turn_before_the_answer() {
    let api = AlexaApi::start(DeviceSettings::with_time_zone("Europe/Berlin"))
        .await
        .unwrap();
    let resolver = Resolver::new(&model(), "en-US", "amzn1.ask.skill.coffee");
    let mut sim = Simulator::new(
        skill(),
        resolver,
        "en-US",
        "amzn1.ask.skill.coffee",
        DeviceProfile::Echo,
    )
    .with_alexa_api(api.endpoint(), api.token(), api.log());
    let turn = sim.say("ask coffee shop to brew me a coffee").await;
    assert_eq!(turn.progressive, ["Grinding the beans..."]);
    assert_eq!(turn.speech, "Here is your coffee (204).");
    // The web console's page gets them too, to show before the answer.
    let view = alexa_sim::console::TurnView::of("brew me a coffee", &turn);
    assert_eq!(view.progressive, ["Grinding the beans..."]);
    let next = sim.say("ask coffee shop who am i").await;
    assert!(
        next.progressive.is_empty(),
        "nothing carried over: {:?}",
        next.progressive
    );
}

#[tokio::test]
async fn a_wrong_token_is_refused() {
    let api = AlexaApi::start(DeviceSettings::with_time_zone("UTC"))
        .await
        .unwrap();
    let body = ProgressiveResponse::speak("r1", "Hi");
    assert_eq!(post(api.endpoint(), "stolen", &body).await, 401);
    assert_eq!(post(api.endpoint(), api.token(), &body).await, 204);
    assert_eq!(api.log().progressive().len(), 1);
}

#[tokio::test]
async fn each_simulated_user_has_a_stable_id_of_its_own() {
    let resolver = || Resolver::new(&model(), "en-US", "amzn1.ask.skill.coffee");
    let mut ada = Simulator::new(
        skill(),
        resolver(),
        "en-US",
        "amzn1.ask.skill.coffee",
        DeviceProfile::Echo,
    )
    .with_user("ada");
    let mut bob = Simulator::new(
        skill(),
        resolver(),
        "en-US",
        "amzn1.ask.skill.coffee",
        DeviceProfile::Echo,
    )
    .with_user("bob");
    assert_eq!(
        ada.say("ask coffee shop who am i").await.speech,
        simulated_user_id("ada")
    );
    assert_eq!(
        bob.say("ask coffee shop who am i").await.speech,
        simulated_user_id("bob")
    );
    assert_ne!(simulated_user_id("ada"), simulated_user_id("bob"));
    assert_eq!(
        simulated_user_id("Ada Lovelace"),
        "amzn1.ask.account.SIMULATOR-ADA-LOVELACE"
    );
}

/// Posts a message alert for `user` to the stand-in with a token from its Login with Amazon,
/// as a skill's out-of-session client would.
async fn notify(endpoint: String, user: String) -> Result<serde_json::Value, String> {
    let client = reqwest::Client::new();
    let token: serde_json::Value = client
        .post(format!("{endpoint}/auth/o2/token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("grant_type=client_credentials&client_id=c&client_secret=s&scope=alexa::proactive_events")
        .send()
        .await
        .map_err(|e| e.to_string())?
        .json()
        .await
        .map_err(|e| e.to_string())?;
    let event = serde_json::json!({
        "timestamp": "2026-12-03T10:00:00Z", "referenceId": "r", "expiryTime": "2026-12-03T11:00:00Z",
        "event": {"name": "AMAZON.MessageAlert.Activated", "payload": {"state": {"status": "UNREAD"},
            "messageGroup": {"creator": {"name": "localizedattribute:beans"}, "count": 1}}},
        "localizedAttributes": [{"locale": "en-US", "beans": "Fresh beans arrived"}],
        "relevantAudience": {"type": "Unicast", "payload": {"user": user}}
    });
    let status = client
        .post(format!("{endpoint}/v1/proactiveEvents/stages/development"))
        .bearer_auth(token["access_token"].as_str().unwrap_or_default())
        .json(&event)
        .send()
        .await
        .map_err(|e| e.to_string())?
        .status();
    Ok(serde_json::json!({ "status": status.as_u16() }))
}

#[tokio::test]
async fn an_event_shows_the_notifications_the_skill_sent_to_this_user_only() {
    let api = AlexaApi::start(DeviceSettings::with_time_zone("UTC"))
        .await
        .unwrap();
    let endpoint = api.endpoint().to_owned();
    let resolver = || Resolver::new(&model(), "en-US", "amzn1.ask.skill.coffee");
    let sim_for = |name: &str, notify_user: String| {
        let endpoint = endpoint.clone();
        let handler: alexa_sim::EventHandler = std::sync::Arc::new(move |_event| {
            Box::pin(notify(endpoint.clone(), notify_user.clone()))
        });
        Simulator::new(
            skill(),
            resolver(),
            "en-US",
            "amzn1.ask.skill.coffee",
            DeviceProfile::Echo,
        )
        .with_user(name)
        .with_alexa_api(api.endpoint(), api.token(), api.log())
        .with_events(handler)
    };
    let mut ada = sim_for("ada", simulated_user_id("ada"));
    let outcome = ada.event(serde_json::json!({"source": "beans"})).await;
    assert_eq!(outcome.answer, Ok(serde_json::json!({"status": 202})));
    assert_eq!(outcome.notifications, ["Fresh beans arrived"]);
    let mut bob = sim_for("bob", simulated_user_id("ada"));
    let outcome = bob.event(serde_json::json!({"source": "beans"})).await;
    assert!(
        outcome.notifications.is_empty(),
        "ada's notification is not bob's"
    );
}

#[tokio::test]
async fn a_granted_permission_is_in_every_request_after_it() {
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .intent("WhoIntent", |Envelope(r): Envelope| async move {
            let user = r.context.system.user.clone();
            let scopes = user
                .and_then(|u| u.permissions.into_inner())
                .and_then(|p| p.scopes);
            Response::tell(serde_json::to_string(&scopes).unwrap())
        })
        .build()
        .unwrap();
    let resolver = Resolver::new(&model(), "en-US", "amzn1.ask.skill.coffee");
    let mut sim = Simulator::new(
        skill,
        resolver,
        "en-US",
        "amzn1.ask.skill.coffee",
        DeviceProfile::Echo,
    );
    assert_eq!(sim.say("ask coffee shop who am i").await.speech, "null");
    sim.grant("alexa::devices:all:notifications:write");
    assert_eq!(
        sim.say("ask coffee shop who am i").await.speech,
        r#"{"alexa::devices:all:notifications:write":{"status":"GRANTED"}}"#
    );
}
