//! Seeds a fleet into the emulator through the AWS SDK, as an operator's account would be.

use aws_config::{Region, SdkConfig};
use aws_sdk_ec2::types::InstanceType;

fn ec2(config: &SdkConfig, region: &str) -> aws_sdk_ec2::Client {
    let conf = aws_sdk_ec2::config::Builder::from(config)
        .region(Region::new(region.to_owned()))
        .build();
    aws_sdk_ec2::Client::from_conf(conf)
}

fn rds(config: &SdkConfig, region: &str) -> aws_sdk_rds::Client {
    let conf = aws_sdk_rds::config::Builder::from(config)
        .region(Region::new(region.to_owned()))
        .build();
    aws_sdk_rds::Client::from_conf(conf)
}

/// Launches `running + stopped` instances in `region`, one reservation each (so
/// `DescribeInstances` paging, which counts reservations, is exercised), then stops
/// `stopped` of them.
pub async fn instances(config: &SdkConfig, region: &str, running: usize, stopped: usize) {
    let client = ec2(config, region);
    let mut ids = Vec::new();
    for _ in 0..running + stopped {
        let out = client
            .run_instances()
            .image_id("ami-12c6146b")
            .instance_type(InstanceType::T3Micro)
            .min_count(1)
            .max_count(1)
            .send()
            .await
            .expect("RunInstances");
        ids.extend(
            out.instances()
                .iter()
                .filter_map(|i| i.instance_id().map(str::to_owned)),
        );
    }
    if stopped > 0 {
        client
            .stop_instances()
            .set_instance_ids(Some(ids[..stopped].to_vec()))
            .send()
            .await
            .expect("StopInstances");
    }
}

/// Creates a single-instance database.
pub async fn database(config: &SdkConfig, region: &str, name: &str, engine: &str) {
    rds(config, region)
        .create_db_instance()
        .db_instance_identifier(name)
        .engine(engine)
        .db_instance_class("db.t3.micro")
        .allocated_storage(20)
        .master_username("admin")
        .master_user_password("not-a-secret-1")
        .send()
        .await
        .expect("CreateDBInstance");
}

/// Creates an Aurora PostgreSQL cluster with one member instance (which must not be counted
/// a second time).
pub async fn aurora_cluster(config: &SdkConfig, region: &str, name: &str) {
    let client = rds(config, region);
    client
        .create_db_cluster()
        .db_cluster_identifier(name)
        .engine("aurora-postgresql")
        .master_username("admin")
        .master_user_password("not-a-secret-1")
        .send()
        .await
        .expect("CreateDBCluster");
    client
        .create_db_instance()
        .db_instance_identifier(format!("{name}-1"))
        .db_cluster_identifier(name)
        .engine("aurora-postgresql")
        .db_instance_class("db.r6g.large")
        .send()
        .await
        .expect("CreateDBInstance in a cluster");
}

/// The fleet the tests and the demo use: 125 instances in North Virginia (120 running),
/// a few in Frankfurt and Ireland, databases in Ireland and North Virginia.
pub async fn demo_fleet(config: &SdkConfig) {
    instances(config, "us-east-1", 120, 5).await;
    instances(config, "eu-central-1", 3, 2).await;
    instances(config, "eu-west-1", 1, 0).await;
    database(config, "eu-west-1", "billing", "postgres").await;
    database(config, "eu-west-1", "orders", "mysql").await;
    aurora_cluster(config, "eu-west-1", "reports").await;
    database(config, "us-east-1", "legacy", "mysql").await;
}

/// The role VoiceOps assumes in member accounts in the tests and the demo.
pub const MEMBER_ROLE: &str = "VoiceOpsReadOnly";

/// The configuration of member account `id`, through [`MEMBER_ROLE`] assumed from
/// `config` (the emulator keeps each account's resources apart by these credentials).
pub async fn member_config(config: &SdkConfig, id: &str) -> SdkConfig {
    let role = format!("arn:aws:iam::{id}:role/{MEMBER_ROLE}");
    let provider = aws_config::sts::AssumeRoleProvider::builder(role)
        .session_name("seed")
        .configure(config)
        .build()
        .await;
    config
        .to_builder()
        .credentials_provider(aws_sdk_sts::config::SharedCredentialsProvider::new(
            provider,
        ))
        .build()
}

/// Creates an organization with `config`'s account as its management account and a member
/// account per name; returns the members as (name, id).
pub async fn organization(config: &SdkConfig, members: &[&str]) -> Vec<(String, String)> {
    let org = aws_sdk_organizations::Client::new(config);
    org.create_organization()
        .feature_set(aws_sdk_organizations::types::OrganizationFeatureSet::All)
        .send()
        .await
        .expect("CreateOrganization");
    let mut created = Vec::new();
    for name in members {
        let status = org
            .create_account()
            .account_name(*name)
            .email(format!("{name}@example.com"))
            .send()
            .await
            .expect("CreateAccount");
        let id = status
            .create_account_status()
            .and_then(|s| s.account_id())
            .expect("an account ID")
            .to_owned();
        created.push(((*name).to_owned(), id));
    }
    created
}

/// The demo fleet in the management account, plus two member accounts: production (4
/// running in North Virginia, 3 running and 1 stopped in Frankfurt, one database) and
/// staging (2 running in Ireland). Returns the members as (name, id).
pub async fn demo_organization(config: &SdkConfig) -> Vec<(String, String)> {
    demo_fleet(config).await;
    let members = organization(config, &["production", "staging"]).await;
    let production = member_config(config, &members[0].1).await;
    instances(&production, "us-east-1", 4, 0).await;
    instances(&production, "eu-central-1", 3, 1).await;
    database(&production, "eu-central-1", "payments", "postgres").await;
    let staging = member_config(config, &members[1].1).await;
    instances(&staging, "eu-west-1", 2, 0).await;
    members
}

/// Launches `n` running instances in `region`, up to 1,000 per call (for large estates).
pub async fn bulk_instances(config: &SdkConfig, region: &str, n: usize) {
    let client = ec2(config, region);
    let mut left = n;
    while left > 0 {
        let batch = left.min(1000) as i32;
        client
            .run_instances()
            .image_id("ami-12c6146b")
            .instance_type(InstanceType::T3Micro)
            .min_count(batch)
            .max_count(batch)
            .send()
            .await
            .expect("RunInstances");
        left -= batch as usize;
    }
}
