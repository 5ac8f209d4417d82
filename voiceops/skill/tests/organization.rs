//! VoiceOps across the accounts of an organization, with a fake AWS per account: the
//! estate first and the largest accounts next, one account by name (resolved or only
//! spoken), unknown accounts asked for again, unreachable accounts named, and a 50-account
//! by 17-region estate with random latencies and failures answering on time.

use crate::common;
use alexa_core::model::{Directive, ResponseEnvelope};
use alexa_core::testing::{ResponseExt, TestRequest, TEST_SKILL_ID};
use alexa_core::Skill;
use std::sync::Arc;
use std::time::Duration;

use common::fake_aws::{counts, db, FakeAws};
use voiceops_skill::config::SkillIds;
use voiceops_skill::inventory::{
    Account, Database, Inventory, InventoryError, Member, StateCounts, Timing,
};
use voiceops_skill::skill::build;
use voiceops_skill::state::VoiceOps;

fn account(id: &str, name: &str, home: bool, aws: FakeAws) -> Member {
    Member {
        account: Account {
            id: id.into(),
            name: Some(name.into()),
            home,
        },
        inventory: Arc::new(aws),
    }
}

fn regions() -> Vec<String> {
    ["us-east-1", "eu-west-1", "eu-central-1", "ap-northeast-1"]
        .map(String::from)
        .to_vec()
}

fn fake(rows: &[(&str, StateCounts)]) -> FakeAws {
    let mut aws = FakeAws {
        regions: regions(),
        ..FakeAws::default()
    };
    for (region, c) in rows {
        aws.instances.insert((*region).into(), *c);
    }
    aws
}

/// management (home): 87 running, 4 stopped; production: 37 running, 2 stopped;
/// staging: 7 running, 3 stopped. Databases in production and staging.
fn estate() -> Vec<Member> {
    let management = fake(&[
        ("us-east-1", counts(73, 0)),
        ("eu-west-1", counts(10, 0)),
        ("eu-central-1", counts(3, 4)),
        ("ap-northeast-1", counts(1, 0)),
    ]);
    let mut production = fake(&[("us-east-1", counts(30, 0)), ("eu-central-1", counts(7, 2))]);
    production.databases.insert(
        "eu-central-1".into(),
        vec![
            db("orders", "postgres", "available", false),
            db("ledger", "aurora-postgresql", "available", true),
        ],
    );
    let mut staging = fake(&[("eu-west-1", counts(7, 3))]);
    staging.databases.insert(
        "eu-west-1".into(),
        vec![db("orders-staging", "postgres", "stopped", false)],
    );
    vec![
        account("111111111111", "management", true, management),
        account("222222222222", "production", false, production),
        account("333333333333", "staging", false, staging),
    ]
}

fn skill_over(members: Vec<Member>, timing: Timing) -> Skill<VoiceOps> {
    let home = Arc::clone(&members[0].inventory);
    let state = VoiceOps::new(home, timing).with_organization(Arc::new(Arc::new(members)));
    build(state, SkillIds::Only(vec![TEST_SKILL_ID.into()])).expect("valid skill")
}

async fn ask(skill: &Skill<VoiceOps>, request: TestRequest) -> ResponseEnvelope {
    skill.handle(request.build()).await.expect("an answer")
}

fn running() -> TestRequest {
    TestRequest::intent("CountInstancesIntent").resolved_slot(
        "state",
        "running",
        "InstanceState",
        "running",
        "running",
    )
}

#[tokio::test]
async fn the_estate_is_answered_first_then_the_largest_accounts() {
    let skill = skill_over(estate(), Timing::default());
    let r = ask(&skill, running()).await;
    assert_eq!(
        r.speech_text(),
        "131 instances are running across 3 accounts: 87 in management, 37 in production and 7 in staging."
    );
    let r = ask(&skill, TestRequest::intent("CountInstancesIntent")).await;
    assert_eq!(
        r.speech_text(),
        "You have 140 instances across 3 accounts, 131 running and 9 stopped: 91 in management, 39 in production and 10 in staging."
    );
    let stopped_in_frankfurt = TestRequest::intent("CountInstancesIntent")
        .resolved_slot("state", "stopped", "InstanceState", "stopped", "stopped")
        .resolved_slot(
            "region",
            "frankfurt",
            "AwsRegion",
            "eu-central-1",
            "Frankfurt",
        );
    assert_eq!(
        ask(&skill, stopped_in_frankfurt).await.speech_text(),
        "6 instances are stopped in Frankfurt across 2 accounts: 4 in management and 2 in production."
    );
    let german = running().locale("de-DE");
    assert_eq!(
        ask(&skill, german).await.speech_text(),
        "In 3 Konten laufen 131 Instanzen: 87 in management, 37 in production und 7 in staging."
    );
}

#[tokio::test]
async fn one_account_is_asked_by_its_resolved_id_or_by_what_was_said() {
    let skill = skill_over(estate(), Timing::default());
    let resolved = running().resolved_slot(
        "account",
        "production",
        "AccountName",
        "222222222222",
        "production",
    );
    let expected = "In production: 37 instances are running across 2 regions: 30 in North Virginia and 7 in Frankfurt.";
    assert_eq!(ask(&skill, resolved).await.speech_text(), expected);
    let said = running().unresolved_slot("account", "prod", "AccountName");
    assert_eq!(ask(&skill, said).await.speech_text(), expected);
    let databases = TestRequest::intent("ListDatabasesIntent").unresolved_slot(
        "account",
        "the staging account",
        "AccountName",
    );
    assert_eq!(
        ask(&skill, databases).await.speech_text(),
        "In staging: You have one database: orders-staging, PostgreSQL, stopped."
    );
}

#[tokio::test]
async fn an_unknown_account_is_named_back_and_asked_for_again() {
    let skill = skill_over(estate(), Timing::default());
    let r = ask(
        &skill,
        running().unresolved_slot("account", "marketing", "AccountName"),
    )
    .await;
    assert_eq!(
        r.speech_text(),
        "I don't know an account called marketing. Your accounts are management, production and staging. Which account?"
    );
    assert_eq!(r.response.should_end_session, Some(false));
    let Some(Directive::DialogElicitSlot {
        slot_to_elicit,
        updated_intent: Some(intent),
    }) = r.response.directives.first()
    else {
        panic!("no elicitation: {:?}", r.response.directives);
    };
    assert_eq!(slot_to_elicit, "account");
    assert!(intent.slots["account"].value.is_none());
    assert_eq!(intent.slots["state"].value.as_deref(), Some("running"));
}

#[tokio::test]
async fn launch_teaches_alexa_the_account_names() {
    let skill = skill_over(estate(), Timing::default());
    let r = ask(&skill, TestRequest::launch()).await;
    let entities = r.response.directives.iter().find_map(|d| match d {
        Directive::DialogUpdateDynamicEntities { types, .. } => Some(types),
        _ => None,
    });
    let types = entities.expect("dynamic entities at launch");
    let names: Vec<(&str, &str)> = types[0]
        .values
        .iter()
        .map(|e| (e.id.as_deref().unwrap_or(""), e.name.value.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("111111111111", "management"),
            ("222222222222", "production"),
            ("333333333333", "staging")
        ]
    );
    assert!(r.speech_text().starts_with("Welcome to Voice Ops."));
}

#[tokio::test]
async fn which_regions_and_which_accounts_answer_with_names_largest_first() {
    let skill = skill_over(estate(), Timing::default());
    let regions = TestRequest::intent("WhichRegionsIntent").resolved_slot(
        "state",
        "running",
        "InstanceState",
        "running",
        "running",
    );
    assert_eq!(
        ask(&skill, regions).await.speech_text(),
        "Running instances are in 4 regions: North Virginia with 103, Ireland with 17, Frankfurt with 10 and Tokyo with 1."
    );
    let accounts = TestRequest::intent("WhichAccountsIntent").resolved_slot(
        "state",
        "stopped",
        "InstanceState",
        "stopped",
        "stopped",
    );
    assert_eq!(
        ask(&skill, accounts).await.speech_text(),
        "Stopped instances are in 3 accounts: management with 4, staging with 3 and production with 2."
    );
    let in_production = TestRequest::intent("WhichRegionsIntent").unresolved_slot(
        "account",
        "production",
        "AccountName",
    );
    assert_eq!(
        ask(&skill, in_production).await.speech_text(),
        "Instances in the production account are in 2 regions: North Virginia with 30 and Frankfurt with 9."
    );
}

#[tokio::test]
async fn databases_and_the_status_report_cover_every_account() {
    let skill = skill_over(estate(), Timing::default());
    let r = ask(&skill, TestRequest::intent("ListDatabasesIntent")).await;
    assert_eq!(
        r.speech_text(),
        "You have 3 databases across 2 regions: ledger, Aurora PostgreSQL cluster, available; orders, PostgreSQL, available; orders-staging, PostgreSQL, stopped. By account: 2 in production and 1 in staging."
    );
    let r = ask(&skill, TestRequest::intent("StatusReportIntent")).await;
    assert!(
        r.speech_text().starts_with("Across 4 regions, 131 instances are running and 9 are stopped, and you have 3 databases, 2 available."),
        "{}",
        r.speech_text()
    );
    assert!(
        r.speech_text()
            .ends_with("By account: 87 in management, 37 in production and 7 in staging."),
        "{}",
        r.speech_text()
    );
}

#[tokio::test]
async fn an_account_that_cannot_be_reached_is_named_and_left_out_of_the_count() {
    let mut members = estate();
    let mut sandbox = fake(&[("us-east-1", counts(50, 0))]);
    for region in regions() {
        sandbox.fail.insert(
            region,
            InventoryError::AccessDenied {
                permission: "ec2:DescribeInstances",
            },
        );
    }
    members.push(account("444444444444", "acme-sandbox", false, sandbox));
    let mut production_partly =
        fake(&[("us-east-1", counts(30, 0)), ("eu-central-1", counts(7, 2))]);
    production_partly
        .fail
        .insert("ap-northeast-1".into(), InventoryError::Throttled);
    members[1] = account("222222222222", "production", false, production_partly);
    let skill = skill_over(members, Timing::default());
    assert_eq!(
        ask(&skill, running()).await.speech_text(),
        "131 instances are running across 3 accounts: 87 in management, 37 in production and 7 in staging. I couldn't reach the acme sandbox account, so it is not counted. I couldn't reach Tokyo in production, so it is not counted."
    );
}

#[tokio::test]
async fn one_account_deployments_do_not_take_an_account_name() {
    let home = Arc::clone(&estate()[0].inventory);
    let skill = build(
        VoiceOps::new(home, Timing::default()),
        SkillIds::Only(vec![TEST_SKILL_ID.into()]),
    )
    .unwrap();
    let r = ask(
        &skill,
        running().unresolved_slot("account", "production", "AccountName"),
    )
    .await;
    assert_eq!(
        r.speech_text(),
        "Voice Ops only sees its own account, so I can't look at production. Ask again without naming an account."
    );
    assert!(ask(&skill, TestRequest::launch())
        .await
        .response
        .directives
        .is_empty());
}

/// One account of the fault estate: every region answers after its own latency, or fails.
struct Unsteady {
    /// Per region: latency, and the running count or the error.
    regions: Vec<(String, Duration, Result<u64, InventoryError>)>,
}

impl Inventory for Unsteady {
    fn regions(&self) -> alexa_core::handler::BoxFuture<Result<Vec<String>, InventoryError>> {
        let names = self.regions.iter().map(|(r, _, _)| r.clone()).collect();
        Box::pin(async move { Ok(names) })
    }
    fn count_instances(
        &self,
        region: String,
    ) -> alexa_core::handler::BoxFuture<Result<StateCounts, InventoryError>> {
        let (_, after, outcome) = self
            .regions
            .iter()
            .find(|(r, _, _)| *r == region)
            .cloned()
            .expect("asked only for its regions");
        Box::pin(async move {
            tokio::time::sleep(after).await;
            outcome.map(|running| counts(running, 0))
        })
    }
    fn list_databases(
        &self,
        _: String,
    ) -> alexa_core::handler::BoxFuture<Result<Vec<Database>, InventoryError>> {
        Box::pin(async { Ok(vec![]) })
    }
}

use voiceops_skill::regions::ENABLED_BY_DEFAULT as SEVENTEEN;

/// 50 accounts by 17 regions; latencies up to 1 s, some regions 30 s, some errors, some
/// accounts refusing every call. Returns the members and the true running total.
fn unsteady_estate(seed: u64) -> (Vec<Member>, u64, bool) {
    let mut state = seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut members = Vec::new();
    let mut truth = 0;
    let mut any_failure = false;
    for index in 0..50 {
        let refuses = next(12) == 0;
        let mut rows = Vec::new();
        for region in SEVENTEEN {
            let running = next(20);
            truth += running;
            let after = Duration::from_millis(next(1000));
            let outcome = match (refuses, next(100)) {
                (true, _) => Err(InventoryError::AccessDenied {
                    permission: "sts:AssumeRole",
                }),
                (false, 0..=3) => Err(InventoryError::Throttled),
                (false, 4..=5) => Err(InventoryError::Failed("InternalError".into())),
                _ => Ok(running),
            };
            let after = if next(40) == 0 {
                Duration::from_secs(30)
            } else {
                after
            };
            any_failure |= outcome.is_err() || after > Duration::from_secs(4);
            rows.push((region.to_owned(), after, outcome));
        }
        members.push(Member {
            account: Account {
                id: format!("{:012}", 500_000 + index),
                name: Some(format!("team {index}")),
                home: index == 0,
            },
            inventory: Arc::new(Unsteady { regions: rows }),
        });
    }
    (members, truth, any_failure)
}

#[tokio::test(start_paused = true)]
async fn fifty_accounts_with_random_faults_answer_on_time_and_say_what_is_missing() {
    let timing = Timing::default();
    for seed in 1..=10 {
        let (members, truth, any_failure) = unsteady_estate(seed);
        let skill = skill_over(members, timing);
        let started = tokio::time::Instant::now();
        let r = ask(&skill, running()).await;
        let took = started.elapsed();
        let speech = r.speech_text();
        assert!(took <= timing.overall, "seed {seed}: {took:?}");
        assert_eq!(
            r.response.should_end_session,
            Some(true),
            "seed {seed}: {speech}"
        );
        let said: u64 = speech
            .split_whitespace()
            .next()
            .and_then(|n| n.replace(',', "").parse().ok())
            .unwrap_or_else(|| panic!("seed {seed}: no number first: {speech}"));
        assert!(any_failure, "seed {seed}: the estate should have faults");
        assert!(said < truth, "seed {seed}: {said} of {truth}");
        assert!(
            speech.contains("I couldn't reach") && speech.contains("not counted"),
            "seed {seed}: a partial number must say what is missing: {speech}"
        );
    }
}

#[tokio::test]
async fn on_an_echo_show_the_estate_is_a_board_of_accounts_largest_first() {
    let mut members = estate();
    members.push(account("444444444444", "empty-sandbox", false, fake(&[])));
    let skill = skill_over(members, Timing::default());
    let r = ask(&skill, running().screen_device()).await;
    let board = r
        .response
        .directives
        .iter()
        .find_map(|d| match d {
            Directive::AplRenderDocument { datasources, .. } => datasources.get("board").cloned(),
            _ => None,
        })
        .expect("a board on a screen");
    let rows: Vec<(String, String)> = board["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["label"].as_str().unwrap().to_owned(),
                row["value"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("management", "87 running · 4 stopped"),
        ("production", "37 running · 2 stopped"),
        ("staging", "7 running · 3 stopped"),
        ("One account with no instances", ""),
    ]
    .map(|(a, b)| (a.to_owned(), b.to_owned()));
    assert_eq!(rows, expected);
    assert_eq!(board["title"], "EC2 instances by account");
    assert_eq!(board["footer"], "");
}

#[tokio::test]
async fn one_account_holding_everything_and_help_with_accounts() {
    let skill = skill_over(estate(), Timing::default());
    let tokyo = TestRequest::intent("CountInstancesIntent").resolved_slot(
        "region",
        "tokyo",
        "AwsRegion",
        "ap-northeast-1",
        "Tokyo",
    );
    assert_eq!(
        ask(&skill, tokyo).await.speech_text(),
        "You have one instance in Tokyo, running, in management."
    );
    let ireland = running().resolved_slot("region", "ireland", "AwsRegion", "eu-west-1", "Ireland");
    assert_eq!(
        ask(&skill, ireland).await.speech_text(),
        "17 instances are running in Ireland across 2 accounts: 10 in management and 7 in staging."
    );
    let help = ask(&skill, TestRequest::intent("AMAZON.HelpIntent")).await;
    assert_eq!(
        help.speech_text(),
        "You can ask how many instances are running, how many are stopped in a region like Frankfurt, or what databases you have. You can also ask for a status report, name an account like production, or ask which accounts have stopped instances. What would you like to know?"
    );
}

#[tokio::test]
async fn german_users_hear_accounts_in_german() {
    let skill = skill_over(estate(), Timing::default());
    let production = running()
        .resolved_slot(
            "account",
            "produktion",
            "AccountName",
            "production",
            "produktion",
        )
        .locale("de-DE");
    assert!(
        ask(&skill, production)
            .await
            .speech_text()
            .starts_with("Im Konto production: "),
        "the model's German value finds the English name through its id"
    );
    let unknown = running()
        .unresolved_slot("account", "marketing", "AccountName")
        .locale("de-DE");
    assert_eq!(
        ask(&skill, unknown).await.speech_text(),
        "Ein Konto namens marketing kenne ich nicht. Ihre Konten sind management, production und staging. Welches Konto?"
    );
    let prod = running()
        .unresolved_slot("account", "prod", "AccountName")
        .locale("de-DE");
    assert_eq!(
        ask(&skill, prod).await.speech_text(),
        "Im Konto production: In 2 Regionen laufen 37 Instanzen: 30 in Nord-Virginia und 7 in Frankfurt."
    );
    let accounts = TestRequest::intent("WhichAccountsIntent")
        .resolved_slot("state", "gestoppte", "InstanceState", "stopped", "gestoppt")
        .locale("de-DE");
    assert_eq!(
        ask(&skill, accounts).await.speech_text(),
        "Gestoppte Instanzen gibt es in 3 Konten: management mit 4, staging mit 3 und production mit 2."
    );
    let mut members = estate();
    let mut sandbox = fake(&[]);
    for region in regions() {
        sandbox.fail.insert(region, InventoryError::Throttled);
    }
    members.push(account("444444444444", "sandbox", false, sandbox));
    let skill = skill_over(members, Timing::default());
    let r = ask(&skill, running().locale("de-DE")).await;
    assert!(
        r.speech_text()
            .ends_with("Ich konnte das Konto sandbox nicht erreichen, es ist nicht mitgezählt."),
        "{}",
        r.speech_text()
    );
}
