//! A skill held in conversation with no Echo and no network: the offline Echo understands each
//! utterance with the skill's own interaction model (here the coffee shop's, in
//! `tests/fixtures/coffee-shop`), keeps the session as Alexa does, and prints what Alexa would
//! say. `cargo run -p alexa-sim --example offline_echo`
//!
//! The same `Simulator` drives the terminal (`alexa_sim::repl`, feature `repl`), the web
//! console (`alexa_sim::console`, feature `console`) and transcript replays in `cargo test`
//! (`alexa_sim::transcript`).

use alexa_core::extract::{ResolvedSlot, SessionAttrs, Slots};
use alexa_core::interaction_model::SkillPackage;
use alexa_core::{builtin, FromSlots, Response, Skill, SkillError};
use alexa_sim::{DeviceProfile, Resolver, Simulator};
use std::path::Path;

const SKILL_ID: &str = "amzn1.ask.skill.offline-echo-example";

/// The slots of `OrderIntent`, resolved by the simulator as Alexa resolves them.
#[derive(FromSlots)]
struct Order {
    size: Option<ResolvedSlot>,
    drink: Option<ResolvedSlot>,
}

/// What the session remembers between turns.
#[derive(serde::Serialize, serde::Deserialize, Default)]
#[serde(default)]
struct Tab {
    drinks: Vec<String>,
}

async fn order(
    Slots(order): Slots<Order>,
    SessionAttrs(mut tab): SessionAttrs<Tab>,
) -> Result<Response, SkillError> {
    let Some(drink) = order.drink else {
        return Ok(Response::ask("Which drink?", "Which drink would you like?"));
    };
    let size = order
        .size
        .map(|s| s.name.to_lowercase())
        .unwrap_or_else(|| "regular".into());
    tab.drinks
        .push(format!("a {size} {}", drink.name.to_lowercase()));
    Response::ask(
        format!("A {size} {}. Anything else?", drink.name.to_lowercase()),
        "Anything else?",
    )
    .session_attributes(&tab)
}

async fn bill(SessionAttrs(tab): SessionAttrs<Tab>) -> Response {
    match tab.drinks.len() {
        0 => Response::ask("You have not ordered yet.", "What would you like?"),
        n => Response::tell(format!("{n} drinks: {}. Goodbye.", tab.drinks.join(", "))),
    }
}

fn skill() -> Skill {
    Skill::builder()
        .skill_id(SKILL_ID)
        .launch(|| async { Response::ask("Welcome to the coffee shop.", "What would you like?") })
        .intent("OrderIntent", order)
        .intent("BillIntent", bill)
        .intent("MenuIntent", || async {
            Response::ask("Lattes, chai and short blacks.", "What would you like?")
        })
        .intent(builtin::HELP, || async {
            Response::ask("Order a drink.", "What would you like?")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .intent(builtin::NAVIGATE_HOME, || async { "Goodbye." })
        .intent(builtin::FALLBACK, || async {
            Response::ask("Pardon?", "What would you like?")
        })
        .build()
        .expect("every built-in intent has a handler")
}

/// Holds `utterances` with the skill through the offline Echo; returns each exchange.
async fn converse(
    utterances: &[&str],
) -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/coffee-shop");
    let package = SkillPackage::load(&dir)?;
    let model = &package
        .locale("en-US")
        .ok_or("no en-US model")?
        .model
        .language_model;
    let resolver = Resolver::new(model, "en-US", SKILL_ID);
    let mut echo = Simulator::new(skill(), resolver, "en-US", SKILL_ID, DeviceProfile::Echo);
    let mut exchanges = Vec::new();
    for utterance in utterances {
        let turn = echo.say(utterance).await;
        exchanges.push((utterance.to_string(), turn.speech));
    }
    Ok(exchanges)
}

const CONVERSATION: &[&str] = &[
    "open coffee shop",
    "I would like a large chai",
    "a small latte",
    "the bill please",
];

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    for (user, alexa) in converse(CONVERSATION).await? {
        println!("You:   {user}\nAlexa: {alexa}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn the_order_is_understood_and_the_session_keeps_the_tab() {
        let said = super::converse(super::CONVERSATION).await.unwrap();
        let alexa: Vec<&str> = said.iter().map(|(_, alexa)| alexa.as_str()).collect();
        assert_eq!(
            alexa,
            [
                "Welcome to the coffee shop.",
                // "chai" is a synonym: resolved to the value's name, as Alexa resolves it.
                "A large chai latte. Anything else?",
                "A small latte. Anything else?",
                "2 drinks: a large chai latte, a small latte. Goodbye.",
            ]
        );
    }
}
