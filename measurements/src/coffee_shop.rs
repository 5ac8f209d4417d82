//! The small coffee-shop skill every request-path harness answers with (`peer_skill`,
//! `time_ratios`), the same skill `measurements/peers/` builds on Amazon's SDKs: a launch, one
//! intent with a custom slot and entity resolution, a session attribute, help, stop and
//! cancel, and session end. Included by path into each binary rather than linked from the
//! library, so each is compiled as it was when it lived in `peer_skill`.

use alexa_core::extract::{ResolvedSlot, SessionAttrs};
use alexa_core::{builtin, Response, Skill, SkillError};

/// What the session remembers: how many drinks were ordered.
#[derive(serde::Deserialize, serde::Serialize, Default)]
#[serde(default)]
struct Orders {
    orders: u32,
}

#[derive(alexa_core::FromSlots)]
struct Order {
    drink: Option<ResolvedSlot>,
}

async fn order(
    order: alexa_core::extract::Slots<Order>,
    SessionAttrs(mut session): SessionAttrs<Orders>,
) -> Result<Response, SkillError> {
    let Some(drink) = order.0.drink else {
        return Ok(Response::ask(
            "What would you like?",
            "What would you like?",
        ));
    };
    session.orders += 1;
    Response::ask(
        format!(
            "One {} coming up. That's {} orders.",
            drink.name, session.orders
        ),
        "Anything else?",
    )
    .session_attributes(&session)
}

pub fn skill() -> Skill<()> {
    Skill::builder()
        .skill_id("amzn1.ask.skill.00000000-0000-0000-0000-000000000000")
        .launch(|| async {
            Response::ask(
                "Welcome to the coffee shop. What would you like?",
                "What would you like?",
            )
        })
        .intent("OrderIntent", order)
        .intent(builtin::HELP, || async {
            Response::ask(
                "You can order a latte or a flat white. What would you like?",
                "What would you like?",
            )
        })
        .intent(builtin::STOP, || async { Response::tell("Goodbye.") })
        .intent(builtin::CANCEL, || async { Response::tell("Goodbye.") })
        .session_ended(|| async {})
        .fallback(|| async { Response::ask("Sorry, I didn't get that.", "What would you like?") })
        .build()
        .expect("a valid skill")
}
