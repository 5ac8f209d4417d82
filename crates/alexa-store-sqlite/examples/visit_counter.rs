//! A skill that remembers each user between sessions, in an SQLite file: "Welcome back: this
//! is your 3rd visit, and you last asked for tea." Run it twice and it remembers across the
//! runs too: `cargo run -p alexa-store-sqlite --example visit_counter -- visits.sqlite3`.
//!
//! The handler asks for `Persistent<Visits>`; the framework reads the record when the handler
//! first loads it and writes it back after the answer only when the handler changed it.
//! Swap `SqliteStore` for `alexa_store_dynamodb::DynamoDbStore` in a Lambda function (that
//! crate's `lambda_visit_counter` example): the skill does not change.

use alexa_core::extract::Slots;
use alexa_core::persist::{Persistent, PersistentAttributes};
use alexa_core::testing::{ResponseExt, TestRequest};
use alexa_core::{FromSlots, Response, Skill, SkillError};
use alexa_store_sqlite::SqliteStore;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What is kept per user.
#[derive(Default, Clone, Serialize, Deserialize)]
#[serde(default)]
struct Visits {
    count: u32,
    last_drink: Option<String>,
}

impl PersistentAttributes for Visits {
    const NAME: &'static str = "visits";
}

#[derive(FromSlots)]
struct Order {
    /// The drink as the user said it.
    drink: String,
}

async fn launch(visits: Persistent<Visits>) -> Result<Response, SkillError> {
    let before = visits.load().await?;
    visits.update(|v| v.count += 1);
    let welcome = match (before.count, before.last_drink) {
        (0, _) => "Welcome: this is your first visit.".to_owned(),
        (n, None) => format!("Welcome back: this is visit {}.", n + 1),
        (n, Some(drink)) => format!(
            "Welcome back: this is visit {}, and you last asked for {drink}.",
            n + 1
        ),
    };
    Ok(Response::ask(welcome, "What would you like?"))
}

async fn order(Slots(order): Slots<Order>, visits: Persistent<Visits>) -> Response {
    let answer = Response::tell(format!("One {}, coming up.", order.drink));
    // The change is kept with the update (it may run again after a conflicting write).
    visits.update(move |v| v.last_drink = Some(order.drink.clone()));
    answer
}

fn skill(file: &Path) -> Result<Skill, Box<dyn std::error::Error>> {
    Ok(Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .persistence(SqliteStore::open(file)?)
        .launch(launch)
        .intent("OrderIntent", order)
        .build()?)
}

/// One session of `user`: a launch, then an order of `drink`. What Alexa said, in order.
async fn visit(skill: &Skill, user: &str, drink: &str) -> Vec<String> {
    let mut said = Vec::new();
    let launch = TestRequest::launch().user(user).build();
    let order = TestRequest::intent("OrderIntent")
        .user(user)
        .slot("drink", drink)
        .build();
    for request in [launch, order] {
        match skill.handle(request).await {
            Ok(response) => said.push(response.speech_text()),
            Err(err) => said.push(format!("(not answered: {err})")),
        }
    }
    said
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let file = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "visits.sqlite3".into());
    let skill = skill(Path::new(&file))?;
    for line in visit(&skill, "amzn1.ask.account.example", "tea").await {
        println!("Alexa: {line}");
    }
    println!("(kept in {file}: run it again)");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_user_is_remembered_across_processes_and_users_are_kept_apart() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("visits.sqlite3");
        let first = visit(&skill(&file).unwrap(), "ann", "tea").await;
        assert_eq!(first[0], "Welcome: this is your first visit.");
        // A new skill over the same file, as the next run of the program is.
        let again = visit(&skill(&file).unwrap(), "ann", "coffee").await;
        assert_eq!(
            again[0],
            "Welcome back: this is visit 2, and you last asked for tea."
        );
        let someone_else = visit(&skill(&file).unwrap(), "bob", "tea").await;
        assert_eq!(someone_else[0], "Welcome: this is your first visit.");
    }
}
