//! The DynamoDB attribute store against moto: the store contract, the time-to-live
//! attribute, and a skill whose concurrent turns of one user both land.

use alexa_core::persist::{AttributeStore, Persistent, PersistentAttributes};
use alexa_core::testing::{check_store_contract, ResponseExt, TestRequest};
use alexa_core::{Response, Skill, SkillError};
use alexa_store_dynamodb::{DynamoDbStore, EXPIRES_AT, KEY};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType,
};
use end_to_end::emulator::Emulator;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

async fn table(emulator: &Emulator, name: &str) -> aws_sdk_dynamodb::Client {
    let client = aws_sdk_dynamodb::Client::new(&emulator.config("eu-west-1").await);
    client
        .create_table()
        .table_name(name)
        .billing_mode(BillingMode::PayPerRequest)
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name(KEY)
                .key_type(KeyType::Hash)
                .build()
                .unwrap(),
        )
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name(KEY)
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .expect("create table");
    client
}

#[tokio::test]
async fn meets_the_store_contract_and_sets_the_expiry() {
    let emulator = Emulator::start();
    let client = table(&emulator, "attributes").await;
    let store =
        DynamoDbStore::new(client.clone(), "attributes").with_ttl(Duration::from_secs(3600));
    check_store_contract(&store, "").await;

    let item = client
        .get_item()
        .table_name("attributes")
        .key(KEY, AttributeValue::S("user/contract".into()))
        .send()
        .await
        .unwrap()
        .item
        .unwrap();
    let expires: u64 = item[EXPIRES_AT].as_n().unwrap().parse().unwrap();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        (now + 3000..=now + 3700).contains(&expires),
        "{expires} vs {now}"
    );
}

#[tokio::test]
async fn a_missing_table_is_a_store_failure_not_a_panic() {
    let emulator = Emulator::start();
    let client = aws_sdk_dynamodb::Client::new(&emulator.config("eu-west-1").await);
    let store = DynamoDbStore::new(client, "no-such-table");
    let err = store.load("user/x").await.unwrap_err();
    assert!(err.to_string().contains("attribute store failed"), "{err}");
}

#[derive(Default, serde::Serialize, serde::Deserialize)]
struct Visits {
    count: u32,
}
impl PersistentAttributes for Visits {
    const NAME: &'static str = "visits";
}

async fn visit(visits: Persistent<Visits>) -> Result<Response, SkillError> {
    let seen = visits.load().await?.count;
    visits.update(|v| v.count += 1);
    Ok(Response::tell(format!("Visit {}.", seen + 1)))
}

#[tokio::test]
async fn concurrent_turns_of_one_user_all_land() {
    let emulator = Emulator::start();
    let client = table(&emulator, "skill").await;
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .persistence(DynamoDbStore::new(client, "skill"))
        .launch(visit)
        .build()
        .unwrap();
    let turns = (0..4).map(|_| {
        let skill = skill.clone();
        tokio::spawn(async move { skill.handle(TestRequest::launch().build()).await })
    });
    for turn in turns.collect::<Vec<_>>() {
        turn.await.unwrap().unwrap();
    }
    let last = skill.handle(TestRequest::launch().build()).await.unwrap();
    assert_eq!(last.speech_text(), "Visit 5.");
}
