//! A conversation that spans turns: "guess my number". What the skill must remember between
//! turns travels in the session's attributes (`SessionAttrs<T>`; a turn that does not set
//! them carries them forward unchanged), each turn's number arrives
//! as a typed slot (`Slots<T>` with `#[derive(FromSlots)]`), and a slot that is not a number
//! is answered by the handler rather than guessed. The test kit (`alexa_core::testing`,
//! feature `test-util`) plays the requests Alexa would send, so it runs anywhere:
//! `cargo run -p alexa-core --example number_game`.

use alexa_core::extract::{SessionAttrs, SlotRejection, Slots};
use alexa_core::testing::{ResponseExt, TestRequest};
use alexa_core::{builtin, FromSlots, Response, Skill, SkillError};
use serde::{Deserialize, Serialize};

/// What the session keeps between turns.
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct Game {
    secret: u32,
    guesses: u32,
}

#[derive(FromSlots)]
struct Guess {
    number: u32,
}

async fn launch() -> Result<Response, SkillError> {
    // A fixed secret keeps the example's test simple; a game would draw one.
    let game = Game {
        secret: 7,
        guesses: 0,
    };
    Response::ask(
        "I am thinking of a number from 1 to 10. Guess!",
        "Guess a number.",
    )
    .session_attributes(&game)
}

async fn guess(
    guess: Result<Slots<Guess>, SlotRejection>,
    SessionAttrs(mut game): SessionAttrs<Game>,
) -> Result<Response, SkillError> {
    let Ok(Slots(Guess { number })) = guess else {
        return Ok(Response::ask("Say a number, like five.", "Guess a number."));
    };
    game.guesses += 1;
    let hint = match number.cmp(&game.secret) {
        std::cmp::Ordering::Less => "Higher.",
        std::cmp::Ordering::Greater => "Lower.",
        std::cmp::Ordering::Equal => {
            return Ok(Response::tell(format!(
                "Yes, {number}! {} guesses.",
                game.guesses
            )));
        }
    };
    Response::ask(hint, "Guess again.").session_attributes(&game)
}

fn skill() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .launch(launch)
        .intent("GuessIntent", guess)
        .intent(builtin::HELP, || async {
            Response::ask("Guess a number from 1 to 10.", "Guess.")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .build()
        .expect("every built-in intent has a handler")
}

/// Plays a game with `guesses` (spoken numbers); what Alexa said each turn.
async fn play(skill: &Skill, guesses: &[&str]) -> Vec<String> {
    let mut said = Vec::new();
    let first = skill.handle(TestRequest::launch().build()).await;
    let mut attributes = first
        .as_ref()
        .ok()
        .and_then(|r| r.session_attributes.clone());
    said.push(
        first
            .map(|r| r.speech_text())
            .unwrap_or_else(|e| e.to_string()),
    );
    for spoken in guesses {
        let kept = serde_json::Value::Object(attributes.take().unwrap_or_default());
        let request = TestRequest::intent("GuessIntent")
            .slot("number", spoken)
            .session_attributes(kept)
            .build();
        let answer = skill.handle(request).await;
        attributes = answer
            .as_ref()
            .ok()
            .and_then(|r| r.session_attributes.clone());
        said.push(
            answer
                .map(|r| r.speech_text())
                .unwrap_or_else(|e| e.to_string()),
        );
    }
    said
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for line in play(&skill(), &["3", "nine", "9", "7"]).await {
        println!("Alexa: {line}");
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn the_game_remembers_its_secret_across_turns() {
        let said = super::play(&super::skill(), &["3", "nine", "9", "7"]).await;
        assert_eq!(
            said,
            [
                "I am thinking of a number from 1 to 10. Guess!",
                "Higher.",
                "Say a number, like five.",
                "Lower.",
                "Yes, 7! 3 guesses.",
            ]
        );
    }
}
