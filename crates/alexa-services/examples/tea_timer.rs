//! A skill that sets a timer through Alexa's timer API: "set a tea timer for four minutes".
//! The handler asks for the `Alexa` client as an extractor (it carries the request's
//! `apiEndpoint` and `apiAccessToken`); when the user has not granted the timers permission,
//! the error names it and `ask_for_consent` answers with the card that asks for exactly it.
//!
//! It runs against `alexa-services-stand-in`, which answers as Amazon's timer API does:
//! `cargo run -p alexa-services --example tea_timer`.

use alexa_core::extract::{SlotRejection, Slots};
use alexa_core::testing::{ResponseExt, TestRequest};
use alexa_core::{builtin, FromSlots, Response, Skill};
use alexa_services::{Alexa, Timer};
use alexa_services_stand_in::{StandIn, API_ACCESS_TOKEN};
use std::time::Duration;

#[derive(FromSlots)]
struct Steep {
    minutes: u64,
}

async fn set_timer(alexa: Alexa, steep: Result<Slots<Steep>, SlotRejection>) -> Response {
    let minutes = steep.map(|Slots(s)| s.minutes).unwrap_or(4);
    let timer = Timer::announce(
        Duration::from_secs(60 * minutes),
        "tea",
        "en-US",
        "Your tea is ready.",
    );
    match alexa.create_timer(&timer).await {
        Ok(_) => Response::tell(format!("Your tea timer is set for {minutes} minutes.")),
        Err(err) => err
            .ask_for_consent(
                "To set timers, I need your permission: I sent a card to your Alexa app.",
            )
            .unwrap_or_else(|| Response::tell("I couldn't set the timer. Please try again.")),
    }
}

fn skill() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .launch(|| async {
            Response::ask(
                "How many minutes should your tea steep?",
                "How many minutes?",
            )
        })
        .intent("SteepIntent", set_timer)
        .intent(builtin::HELP, || async {
            Response::ask("Say: four minutes.", "How many minutes?")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .build()
        .expect("every built-in intent has a handler")
}

/// Asks for a five-minute timer twice against `amazon`: granted, then with the permission
/// withdrawn. What Alexa said, and the card's type, each time.
async fn ask_twice(amazon: &StandIn) -> Vec<(String, Option<String>)> {
    let steep = || {
        TestRequest::intent("SteepIntent")
            .slot("minutes", "5")
            .alexa_api(&amazon.base_url(), API_ACCESS_TOKEN)
            .build()
    };
    let mut said = Vec::new();
    for permitted in [true, false] {
        amazon.set_timers_permitted(permitted);
        match skill().handle(steep()).await {
            Ok(answer) => {
                let card = serde_json::to_value(answer.card()).unwrap_or_default();
                let card = card["type"].as_str().map(str::to_owned);
                said.push((answer.speech_text(), card));
            }
            Err(err) => said.push((format!("(not answered: {err})"), None)),
        }
    }
    said
}

/// Against the stand-in, so it runs anywhere; deployed (with alexa-lambda or alexa-web), the
/// same skill calls Amazon at the request's `apiEndpoint`.
#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let amazon = StandIn::start().await?;
    for (speech, card) in ask_twice(&amazon).await {
        println!("Alexa: {speech}");
        if let Some(card) = card {
            println!("       (card in the Alexa app: {card})");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn a_timer_is_set_and_a_missing_permission_is_asked_for() {
        let amazon = super::StandIn::start().await.unwrap();
        let said = super::ask_twice(&amazon).await;
        assert_eq!(
            said[0],
            ("Your tea timer is set for 5 minutes.".into(), None)
        );
        assert!(said[1].0.starts_with("To set timers"), "{:?}", said[1]);
        assert_eq!(said[1].1.as_deref(), Some("AskForPermissionsConsent"));
    }
}
