//! A complete skill hosted on AWS Lambda:
//! `cargo lambda build --release -p alexa-lambda --example coffee_lambda`.
//! Set `SKILL_ID` in the function's environment.

use alexa_core::extract::Slots;
use alexa_core::{builtin, FromSlot, FromSlots, Response, Skill};
use std::time::Duration;

#[derive(FromSlot, Clone, Copy)]
enum Size {
    #[slot(id = "SMALL")]
    Small,
    #[slot(id = "LARGE")]
    Large,
}

#[derive(FromSlots)]
struct Order {
    size: Option<Size>,
}

async fn order(Slots(order): Slots<Order>) -> Response {
    match order.size {
        Some(Size::Small) => Response::tell("One small coffee, coming up."),
        Some(Size::Large) => Response::tell("One large coffee, coming up."),
        None => Response::ask("Small or large?", "Which size would you like?"),
    }
}

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    let skill = Skill::builder()
        .skill_id(std::env::var("SKILL_ID")?)
        .launch(|| async { Response::ask("What would you like?", "A coffee, perhaps?") })
        .intent("OrderIntent", order)
        .intent(builtin::HELP, || async {
            Response::ask("Say: a small coffee.", "Which size?")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .build()?;
    alexa_lambda::run(skill, Duration::from_secs(7)).await
}
