//! The real AWS implementation over HTTP against moto, seeded through the SDK; the exact
//! numbers spoken are checked.

use alexa_core::testing::{ResponseExt, TestRequest, TEST_SKILL_ID};
use end_to_end::{emulator::Emulator, seed};
use std::sync::Arc;
use voiceops_skill::config::SkillIds;
use voiceops_skill::inventory::{AwsInventory, Inventory, Timing};
use voiceops_skill::skill::build;
use voiceops_skill::state::VoiceOps;

const REGIONS: [&str; 4] = ["us-east-1", "eu-central-1", "eu-west-1", "ap-northeast-1"];

async fn seeded() -> (Emulator, aws_config::SdkConfig) {
    let emulator = Emulator::start();
    let config = emulator.config("us-east-1").await;
    seed::demo_fleet(&config).await;
    (emulator, config)
}

fn skill(inventory: AwsInventory) -> alexa_core::Skill<VoiceOps> {
    let inventory: Arc<dyn Inventory> = Arc::new(Arc::new(inventory));
    build(
        VoiceOps::new(inventory, Timing::default()),
        SkillIds::Only(vec![TEST_SKILL_ID.into()]),
    )
    .unwrap()
}

fn count(state: Option<&str>, region: Option<(&str, &str)>) -> TestRequest {
    let mut req = TestRequest::intent("CountInstancesIntent");
    req = match state {
        Some(s) => req.resolved_slot("state", s, "InstanceState", s, s),
        None => req.empty_slot("state"),
    };
    match region {
        Some((id, name)) => req.resolved_slot("region", name, "AwsRegion", id, name),
        None => req.empty_slot("region"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instance_counts_page_through_every_reservation_in_every_region() {
    let (_moto, config) = seeded().await;
    // Pages of 25 reservations: 125 in North Virginia take five pages.
    let regions = REGIONS.map(String::from).to_vec();
    let skill = skill(AwsInventory::new(config, Some(regions), 25));
    let r = skill
        .handle(count(Some("running"), None).build())
        .await
        .unwrap();
    assert_eq!(
        r.speech_text(),
        "124 instances are running across 3 regions: 120 in North Virginia, 3 in Frankfurt and 1 in Ireland."
    );
    let r = skill
        .handle(count(Some("stopped"), Some(("eu-central-1", "Frankfurt"))).build())
        .await
        .unwrap();
    assert_eq!(r.speech_text(), "2 instances are stopped in Frankfurt.");
    let r = skill.handle(count(None, None).build()).await.unwrap();
    assert_eq!(
        r.speech_text(),
        "You have 131 instances across 3 regions: 124 running and 7 stopped."
    );
    let r = skill
        .handle(count(Some("running"), Some(("ap-northeast-1", "Tokyo"))).build())
        .await
        .unwrap();
    assert_eq!(r.speech_text(), "No instances are running in Tokyo.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn databases_list_instances_and_aurora_clusters_once() {
    let (_moto, config) = seeded().await;
    let skill = skill(AwsInventory::new(
        config,
        Some(REGIONS.map(String::from).to_vec()),
        1000,
    ));
    let r = skill
        .handle(
            TestRequest::intent("ListDatabasesIntent")
                .empty_slot("region")
                .build(),
        )
        .await
        .unwrap();
    assert_eq!(
        r.speech_text(),
        "You have 4 databases across 2 regions: billing, PostgreSQL, available; legacy, MySQL, available; orders, MySQL, available; and 1 more. The full list is in the Alexa app."
    );
    let (_, card) = r.card_text().unwrap();
    assert_eq!(card.lines().count(), 4, "{card}");
    assert!(
        card.contains("reports — aurora-postgresql Aurora cluster, available — Ireland"),
        "{card}"
    );
    assert!(
        !card.contains("reports-1"),
        "cluster members are not listed twice: {card}"
    );

    let r = skill
        .handle(
            TestRequest::intent("StatusReportIntent")
                .resolved_slot("region", "ireland", "AwsRegion", "eu-west-1", "Ireland")
                .build(),
        )
        .await
        .unwrap();
    assert_eq!(
        r.speech_text(),
        "In Ireland, one instance is running and none are stopped, and you have 3 databases, 3 available."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_region_list_the_enabled_regions_are_asked() {
    let (_moto, config) = seeded().await;
    let skill = skill(AwsInventory::new(config, None, 1000));
    let r = skill
        .handle(count(Some("running"), None).build())
        .await
        .unwrap();
    assert_eq!(
        r.speech_text(),
        "124 instances are running across 3 regions: 120 in North Virginia, 3 in Frankfurt and 1 in Ireland."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_endpoint_is_said_not_thrown() {
    // Nothing listens on this port once the listener is dropped.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .endpoint_url(format!("http://127.0.0.1:{port}"))
        .region(aws_config::Region::new("us-east-1"))
        .credentials_provider(aws_sdk_ec2::config::Credentials::new(
            "a", "b", None, None, "t",
        ))
        .load()
        .await;
    let skill = skill(AwsInventory::new(
        config,
        Some(vec!["eu-west-1".into(), "sa-east-1".into()]),
        1000,
    ));
    let r = skill
        .handle(count(Some("running"), None).build())
        .await
        .unwrap();
    assert_eq!(
        r.speech_text(),
        "I couldn't reach any of the 2 regions I tried."
    );
    assert!(r.ends_session());
}
