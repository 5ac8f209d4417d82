//! Transcripts replayed through the simulator: the coffee shop's own conversations pass, and
//! a transcript that says otherwise fails with its file and line.

mod common;

use alexa_core::extract::{Locale, Slots};
use alexa_core::{builtin, FromSlots, Response, Skill};
use alexa_sim::transcript::{self, Transcript, TranscriptError};
use alexa_sim::{Resolver, Simulator};
use std::path::PathBuf;

const SKILL: &str = "amzn1.ask.skill.transcripts";

#[derive(FromSlots)]
struct Order {
    size: Option<alexa_core::extract::ResolvedSlot>,
    drink: Option<alexa_core::extract::ResolvedSlot>,
}

fn german(locale: &Locale) -> bool {
    locale.0.starts_with("de")
}

async fn order(Slots(o): Slots<Order>, locale: Locale) -> Response {
    let Some(drink) = o.drink else {
        let ask = if german(&locale) {
            "Welches Getränk?"
        } else {
            "Which drink?"
        };
        return Response::ask(ask, ask).elicit_slot("drink", None);
    };
    let size = o.size.map(|s| s.id);
    let again = if german(&locale) {
        "Noch etwas?"
    } else {
        "Anything else?"
    };
    let said = match (german(&locale), size.as_deref()) {
        (true, Some("LARGE")) => format!("Ein großer {}.", capitalise(&drink.name)),
        (true, _) => format!("Ein {}.", capitalise(&drink.name)),
        (false, Some("LARGE")) => format!("A large {}.", drink.name),
        (false, Some("SMALL")) => format!("A small {}.", drink.name),
        (false, _) => format!("A {}.", drink.name),
    };
    Response::ask(format!("{said} {again}"), again)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn skill() -> Skill {
    Skill::builder()
        .skill_id(SKILL)
        .launch(|locale: Locale| async move {
            match german(&locale) {
                true => Response::ask("Willkommen im Coffee Shop.", "Was darf es sein?"),
                false => Response::ask("Welcome to the coffee shop.", "What would you like?"),
            }
        })
        .intent("OrderIntent", order)
        .intent(builtin::HELP, |locale: Locale| async move {
            match german(&locale) {
                true => Response::ask("Bestell einen Kaffee.", "Was darf es sein?"),
                false => Response::ask("Order a coffee.", "What would you like?"),
            }
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .build()
        .unwrap()
}

fn simulator_for(t: &Transcript) -> Simulator<Skill> {
    let locale = t.locale.clone().unwrap_or_else(|| "en-US".into());
    let resolver: Resolver = common::coffee_resolver(&locale, SKILL);
    Simulator::new(skill(), resolver, &locale, SKILL, t.device)
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/transcripts")
}

#[tokio::test]
async fn every_coffee_transcript_replays() {
    let replayed = transcript::replay_dir(&dir(), simulator_for).await.unwrap();
    let names: Vec<&str> = replayed.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["coffee-de.txt", "coffee-en.txt"]);
    assert!(
        replayed.iter().all(|(_, checks)| *checks >= 4),
        "{replayed:?}"
    );
}

#[tokio::test]
async fn a_wrong_answer_names_the_file_and_line() {
    let text =
        "> open coffee shop\n[listening]\n> a small latte\n<= A large latte. Anything else?\n";
    let t = Transcript::parse("wrong.txt", text).unwrap();
    let err = t.replay(&mut simulator_for(&t)).await.unwrap_err();
    assert_eq!(
        err,
        TranscriptError::Mismatch {
            name: "wrong.txt".into(),
            line: 4,
            message:
                r#"heard "A small latte. Anything else?", expected "A large latte. Anything else?""#
                    .into(),
        }
    );
    let text = "> open coffee shop\n[ended]\n";
    let t = Transcript::parse("open.txt", text).unwrap();
    let err = t.replay(&mut simulator_for(&t)).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"open.txt:2: after "Welcome to the coffee shop." the session is open and listening"#
    );
}

#[test]
fn unreadable_lines_and_folders_are_errors() {
    let err = Transcript::parse("typo.txt", "> hello\n<< hi\nlisten\n").unwrap_err();
    assert_eq!(err.to_string(), r#"typo.txt:3: cannot read "listen""#);
    let err = Transcript::parse("device.txt", "device: fridge\n").unwrap_err();
    assert!(matches!(err, TranscriptError::Syntax { line: 1, .. }));
    let err = transcript::load_dir("/nonexistent/transcripts".as_ref()).unwrap_err();
    assert!(err
        .to_string()
        .starts_with("cannot read /nonexistent/transcripts"));
}

#[test]
fn the_simulator_and_the_test_requests_carry_the_same_skill_id() {
    assert_eq!(
        alexa_sim::SIMULATOR_SKILL_ID,
        alexa_core::testing::TEST_SKILL_ID
    );
}

#[tokio::test]
async fn patterns_and_intent_lines_check_what_exact_words_cannot() {
    let text = "> open coffee shop\n> a large latte\n<* A # latte. *\n[intent OrderIntent size=LARGE drink=LATTE]\n";
    let t = Transcript::parse("live.txt", text).unwrap();
    let err = t.replay(&mut simulator_for(&t)).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"live.txt:3: heard "A large latte. Anything else?", expected it to match "A # latte. *""#,
        "`#` is a number, not a word"
    );
    let text = "> open coffee shop\n> a large latte\n<* A * latte. *\n[intent OrderIntent size=LARGE drink=LATTE]\n";
    let t = Transcript::parse("live.txt", text).unwrap();
    assert_eq!(t.replay(&mut simulator_for(&t)).await.unwrap(), 2);
    let text = "> open coffee shop\n> a small latte\n[intent OrderIntent size=LARGE]\n";
    let t = Transcript::parse("slot.txt", text).unwrap();
    let err = t.replay(&mut simulator_for(&t)).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "slot.txt:3: NLU gave OrderIntent drink=LATTE size=SMALL, expected OrderIntent size=LARGE"
    );
    assert!(Transcript::parse("bad.txt", "[intent OrderIntent size]\n").is_err());
}
