//! VoiceOps across an organization in the AWS emulator: Organizations lists the accounts,
//! STS hands out each member's credentials, and the emulator keeps every account's
//! instances apart, so the numbers per account and in total are exact.

use crate::common::{running, voiceops};
use alexa_core::testing::{ResponseExt, TestRequest};
use end_to_end::{emulator::Emulator, seed};
use voiceops_skill::inventory::{AccountSource, Timing};
use voiceops_skill::state::VoiceOps;

fn skill(config: aws_config::SdkConfig, source: AccountSource) -> alexa_core::Skill<VoiceOps> {
    voiceops(config, Timing::default(), Some(source))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_account_of_the_organization_is_counted_exactly() {
    let moto = Emulator::start();
    let config = moto.config("us-east-1").await;
    let members = seed::demo_organization(&config).await;
    let skill = skill(config, AccountSource::Organization);

    let r = skill.handle(running().build()).await.unwrap();
    assert_eq!(
        r.speech_text(),
        "133 instances are running across 3 accounts: 124 in master, 7 in production and 2 in staging."
    );
    let r = skill
        .handle(TestRequest::intent("CountInstancesIntent").build())
        .await
        .unwrap();
    assert_eq!(
        r.speech_text(),
        "You have 141 instances across 3 accounts, 133 running and 8 stopped: 131 in master, 8 in production and 2 in staging."
    );

    let production = running().resolved_slot(
        "account",
        "production",
        "AccountName",
        &members[0].1,
        "production",
    );
    let r = skill.handle(production.build()).await.unwrap();
    assert_eq!(
        r.speech_text(),
        "In production: 7 instances are running across 2 regions: 4 in North Virginia and 3 in Frankfurt."
    );
    let said = TestRequest::intent("ListDatabasesIntent").unresolved_slot(
        "account",
        "the staging account",
        "AccountName",
    );
    let r = skill.handle(said.build()).await.unwrap();
    assert_eq!(r.speech_text(), "In staging: You have no databases.");

    let launch = skill.handle(TestRequest::launch().build()).await.unwrap();
    let json = serde_json::to_value(&launch).unwrap();
    let names: Vec<&str> = json["response"]["directives"][0]["types"][0]["values"]
        .as_array()
        .expect("account names at launch")
        .iter()
        .filter_map(|v| v["name"]["value"].as_str())
        .collect();
    assert_eq!(names, ["master", "production", "staging"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listed_account_set_asks_only_those_accounts() {
    let moto = Emulator::start();
    let config = moto.config("us-east-1").await;
    let members = seed::demo_organization(&config).await;
    let listed = vec![(Some("prod".to_owned()), members[0].1.clone())];
    let skill = skill(config, AccountSource::Listed(listed));
    let r = skill.handle(running().build()).await.unwrap();
    assert_eq!(
        r.speech_text(),
        "131 instances are running across 2 accounts: 124 in this account and 7 in prod."
    );
}
