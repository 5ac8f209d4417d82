//! A skill on AWS Lambda that remembers each user in a DynamoDB table: "Welcome back: this is
//! visit 3." Build it with
//! `cargo lambda build --release -p alexa-store-dynamodb --example lambda_visit_counter`, and
//! give the function `SKILL_ID`, `TABLE` (a table with the string partition key `id`, TTL on
//! `expires_at`) and an execution role allowed `dynamodb:GetItem` and `dynamodb:PutItem` on
//! that table alone.
//!
//! It is `alexa-store-sqlite`'s `visit_counter` example, which runs offline, made smaller: only
//! the store changes. (This one needs AWS, so nothing here runs it; the store itself is tested
//! against an emulator of DynamoDB by the end-to-end crate.)

use alexa_core::persist::{Persistent, PersistentAttributes};
use alexa_core::{builtin, Response, Skill, SkillError};
use alexa_store_dynamodb::DynamoDbStore;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// What is kept per user.
#[derive(Default, Clone, Serialize, Deserialize)]
#[serde(default)]
struct Visits {
    count: u32,
}

impl PersistentAttributes for Visits {
    const NAME: &'static str = "visits";
}

async fn launch(visits: Persistent<Visits>) -> Result<Response, SkillError> {
    let seen = visits.load().await?.count;
    visits.update(|v| v.count += 1);
    let welcome = match seen {
        0 => "Welcome: this is your first visit.".to_owned(),
        n => format!("Welcome back: this is visit {}.", n + 1),
    };
    Ok(Response::tell(welcome))
}

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    let config = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
    let table = std::env::var("TABLE")?;
    let store = DynamoDbStore::new(aws_sdk_dynamodb::Client::new(&config), table);
    let skill = Skill::builder()
        .skill_id(std::env::var("SKILL_ID")?)
        .persistence(store)
        .launch(launch)
        .intent(builtin::HELP, || async {
            "Open me again and I will count."
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .build()?;
    // The answer is due before Lambda's own timeout; 7 s leaves Alexa time to speak it.
    alexa_lambda::run(skill, Duration::from_secs(7)).await
}
