//! AWS failing the ways it really fails, between the skill and the emulator: throttling,
//! 500s, connection resets, answers later than the deadline, AccessDenied and broken XML,
//! per region, per service and per account. Every answer must come before the skill's
//! deadline, say what is missing, never pass a partial number off as complete, and the
//! invocation itself must never fail.

use crate::common::{running, voiceops};
use alexa_core::testing::{ResponseExt, TestRequest};
use end_to_end::emulator::Emulator;
use end_to_end::faults::{Fault, FaultProxy, Target, DEFAULT_ACCOUNT};
use end_to_end::seed;
use std::time::{Duration, Instant};
use voiceops_skill::config::LAMBDA_DEADLINE;
use voiceops_skill::inventory::{AccountSource, Timing};
use voiceops_skill::state::VoiceOps;

/// Short waits, so a fault that hangs costs the test seconds, not the production 5.5 s.
fn timing() -> Timing {
    Timing {
        per_region: Duration::from_millis(1500),
        overall: Duration::from_millis(2500),
        ..Timing::default()
    }
}

struct Estate {
    _moto: Emulator,
    proxy: FaultProxy,
    config: aws_config::SdkConfig,
    members: Vec<(String, String)>,
}

/// The demo organization in the emulator, and a fault proxy in front of it.
async fn estate() -> Estate {
    let moto = Emulator::start();
    let direct = moto.config("us-east-1").await;
    let members = seed::demo_organization(&direct).await;
    let proxy = FaultProxy::start(&moto.endpoint).await;
    let config = direct.to_builder().endpoint_url(&proxy.endpoint).build();
    warm_up(&config).await;
    Estate {
        _moto: moto,
        proxy,
        config,
        members,
    }
}

/// moto builds each account's and region's backend on the first request to it, which on a
/// loaded machine can take longer than the short per-region wait these tests use: ask the
/// whole estate once, with the production waits, before any question whose answer depends
/// on the short ones.
async fn warm_up(config: &aws_config::SdkConfig) {
    let patient = voiceops(
        config.clone(),
        Timing::default(),
        Some(AccountSource::Organization),
    );
    let said = patient
        .handle(running().build())
        .await
        .expect("the invocation never fails")
        .speech_text();
    assert!(
        said.starts_with("133 instances are running across 3 accounts"),
        "the seeded estate: {said}"
    );
}

fn skill(config: &aws_config::SdkConfig, across_accounts: bool) -> alexa_core::Skill<VoiceOps> {
    let accounts = across_accounts.then_some(AccountSource::Organization);
    voiceops(config.clone(), timing(), accounts)
}

/// Asks, and checks what every faulty answer must be: on time, a valid answer.
async fn ask(skill: &alexa_core::Skill<VoiceOps>, request: TestRequest) -> String {
    let started = Instant::now();
    let r = skill
        .handle(request.build())
        .await
        .expect("the invocation never fails");
    let took = started.elapsed();
    assert!(
        took < LAMBDA_DEADLINE,
        "answered after {took:?}, past the Lambda host's deadline"
    );
    assert_eq!(r.response.should_end_session, Some(true));
    r.speech_text()
}

fn region(code: &str) -> Target {
    Target {
        region: Some(code.into()),
        ..Target::default()
    }
}

fn account(id: &str) -> Target {
    Target {
        account: Some(id.into()),
        ..Target::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_fault_in_one_region_is_named_and_left_out() {
    let e = estate().await;
    let skill = skill(&e.config, true);
    assert_eq!(
        ask(&skill, running()).await,
        "133 instances are running across 3 accounts: 124 in master, 7 in production and 2 in staging.",
        "without faults, the whole estate"
    );
    // Frankfurt holds 3 of master's and 3 of production's running instances; staging is
    // asked there too and has none.
    for fault in [
        Fault::Throttle,
        Fault::ServerError,
        Fault::Reset,
        Fault::Slow(Duration::from_secs(10)),
        Fault::AccessDenied,
        Fault::MalformedXml,
    ] {
        e.proxy.rules.clear();
        e.proxy.rules.add(region("eu-central-1"), fault.clone());
        let said = ask(&skill, running()).await;
        assert!(
            said.starts_with("127 instances are running across 3 accounts: 121 in master, 4 in production and 2 in staging."),
            "{fault:?}: {said}"
        );
        assert!(
            said.contains("I couldn't reach 3 regions, Frankfurt in master, Frankfurt in production and Frankfurt in staging, so they are not counted."),
            "{fault:?}: {said}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_account_failing_everywhere_is_named_as_one_account() {
    let e = estate().await;
    let skill = skill(&e.config, true);
    let production = &e.members[0].1;
    for fault in [Fault::ServerError, Fault::AccessDenied, Fault::Throttle] {
        e.proxy.rules.clear();
        e.proxy.rules.add(
            Target {
                service: Some("ec2".into()),
                ..account(production)
            },
            fault.clone(),
        );
        let said = ask(&skill, running()).await;
        assert_eq!(
            said,
            "126 instances are running across 2 accounts: 124 in master and 2 in staging. I couldn't reach the production account, so it is not counted.",
            "{fault:?}"
        );
    }
    // Its role cannot be assumed at all: the same answer.
    e.proxy.rules.clear();
    e.proxy.rules.add(
        Target {
            action: Some("AssumeRole".into()),
            ..Target::default()
        },
        Fault::AccessDenied,
    );
    let fresh = skill_fresh(&e.config);
    let said = ask(&fresh, running()).await;
    assert!(
        said.starts_with("124 instances are running, all in master.")
            || said.starts_with("124 instances are running across"),
        "{said}"
    );
    assert!(
        said.contains("I couldn't reach 2 accounts, the production account and the staging account, so they are not counted."),
        "{said}"
    );
}

/// A skill with no credentials cached yet (its first request assumes the roles); the test
/// above shadows `skill` with its own.
fn skill_fresh(config: &aws_config::SdkConfig) -> alexa_core::Skill<VoiceOps> {
    skill(config, true)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_account_and_the_home_account_alone_fail_honestly_too() {
    let e = estate().await;
    let single = skill(&e.config, false);
    e.proxy
        .rules
        .add(region("us-east-1"), Fault::Slow(Duration::from_secs(10)));
    assert_eq!(
        ask(&single, running()).await,
        "4 instances are running across 2 regions: 3 in Frankfurt and 1 in Ireland. I couldn't reach one region: North Virginia."
    );
    e.proxy.rules.clear();
    e.proxy
        .rules
        .add(account(DEFAULT_ACCOUNT), Fault::AccessDenied);
    assert_eq!(
        ask(&single, running()).await,
        "I'm not allowed to read that. The skill's role needs the permission e c 2 describe instances."
    );
    e.proxy.rules.clear();
    e.proxy.rules.add(Target::default(), Fault::MalformedXml);
    assert_eq!(
        ask(&single, TestRequest::intent("ListDatabasesIntent")).await,
        "Something went wrong while talking to AWS. Please try again later."
    );
}
