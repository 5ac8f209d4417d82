//! {{title}}: an Alexa skill on alexa-core. `skill()` is the whole skill; `main.rs` hosts it
//! on AWS Lambda, and the tests talk to it offline.

use alexa_core::extract::Slots;
use alexa_core::{builtin, BuildError, FromSlot, FromSlots, Response, Skill};

/// How the user feels: the model's `MoodType`, read by resolved id.
#[derive(FromSlot, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mood {
    /// "happy", "great", "good".
    #[slot(id = "HAPPY")]
    Happy,
    /// "tired", "sleepy".
    #[slot(id = "TIRED")]
    Tired,
}

/// `MoodIntent`'s slots. A mood the model cannot resolve is answered for the handler.
#[derive(FromSlots)]
pub struct MoodArgs {
    /// The `mood` slot.
    pub mood: Option<Mood>,
}

async fn launch() -> Response {
    Response::ask(
        "Welcome to {{title}}. How do you feel today?",
        "How do you feel? Happy or tired?",
    )
}

async fn mood(Slots(args): Slots<MoodArgs>) -> Response {
    match args.mood {
        Some(Mood::Happy) => Response::tell("Glad to hear it. Have a great day!"),
        Some(Mood::Tired) => Response::tell("Take a short break; a walk helps."),
        None => Response::ask("Are you happy or tired?", "Happy or tired?"),
    }
}

async fn help() -> Response {
    Response::ask(
        "Tell me how you feel, for example: I am happy.",
        "How do you feel?",
    )
}

async fn goodbye() -> &'static str {
    "Goodbye."
}

async fn fallback() -> Response {
    Response::ask(
        "Sorry, I didn't get that. Tell me how you feel.",
        "How do you feel?",
    )
}

/// The skill. `skill_id` is the ID to accept (on Lambda: `SKILL_ID`); `None` accepts any,
/// for tests and local tools.
pub fn skill(skill_id: Option<&str>) -> Result<Skill, BuildError> {
    let builder = match skill_id {
        Some(id) => Skill::builder().skill_id(id),
        None => Skill::builder().accept_any_skill_id(),
    };
    builder
        .launch(launch)
        .intent("MoodIntent", mood)
        .intent(builtin::HELP, help)
        .intent(builtin::STOP, goodbye)
        .intent(builtin::CANCEL, goodbye)
        .intent(builtin::NAVIGATE_HOME, goodbye)
        .intent(builtin::FALLBACK, fallback)
        .build()
}
