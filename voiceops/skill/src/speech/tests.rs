//! Exact sentences, in both languages, for the answers whose wording depends on the numbers.

use super::*;
use crate::inventory::Database;

fn en() -> Messages {
    messages("en-US")
}

fn de_de() -> Messages {
    messages("de-DE")
}

fn said(r: &Response) -> String {
    r.body().output_speech.as_ref().expect("speech").heard()
}

fn counts(running: u64, stopped: u64) -> StateCounts {
    StateCounts {
        running,
        stopped,
        other: 0,
    }
}

fn found(rows: &[(&str, StateCounts)]) -> Survey<StateCounts> {
    Survey {
        found: rows.iter().map(|(r, c)| (r.to_string(), *c)).collect(),
        failed: vec![],
    }
}

#[test]
fn german_answers_use_german_grammar_and_names() {
    let de = &de_de();
    let region = Scope::Region("eu-central-1".into());
    let fra = found(&[("eu-central-1", counts(3, 1))]);
    assert_eq!(
        said(&instance_counts(
            de,
            Some(InstanceState::Running),
            &region,
            &fra
        )),
        "In Frankfurt laufen 3 Instanzen."
    );
    assert_eq!(
        said(&instance_counts(
            de,
            Some(InstanceState::Stopped),
            &region,
            &fra
        )),
        "In Frankfurt ist eine Instanz gestoppt."
    );
    let s = found(&[("eu-west-1", counts(10, 0)), ("us-east-1", counts(73, 2))]);
    assert_eq!(
        said(&instance_counts(
            de,
            Some(InstanceState::Running),
            &Scope::AllRegions,
            &s
        )),
        "In 2 Regionen laufen 83 Instanzen: 73 in Nord-Virginia und 10 in Irland."
    );
    assert_eq!(
        said(&instance_counts(
            de,
            Some(InstanceState::Stopped),
            &Scope::AllRegions,
            &s
        )),
        "Es sind 2 Instanzen gestoppt, alle in Nord-Virginia."
    );
    assert_eq!(
        said(&instance_counts(de, None, &Scope::AllRegions, &s)),
        "Sie haben 85 Instanzen in 2 Regionen: 83 laufend und 2 gestoppt."
    );
    let none = found(&[("eu-west-1", counts(0, 0))]);
    assert_eq!(
        said(&instance_counts(
            de,
            Some(InstanceState::Running),
            &Scope::AllRegions,
            &none
        )),
        "Es läuft keine Instanz."
    );
    let mut partial = found(&[("eu-west-1", counts(1, 0))]);
    partial.failed = vec![("sa-east-1".into(), InventoryError::Timeout)];
    assert_eq!(
        said(&instance_counts(
            de,
            Some(InstanceState::Running),
            &Scope::AllRegions,
            &partial
        )),
        "Es läuft eine Instanz, in Irland. Ich konnte eine Region nicht erreichen: São Paulo."
    );
    assert_eq!(said(&goodbye(de)), "Auf Wiedersehen.");
}

#[test]
fn singular_plural_and_none() {
    let one = found(&[("eu-west-1", counts(1, 0))]);
    assert_eq!(
        said(&instance_counts(
            &en(),
            Some(InstanceState::Running),
            &Scope::AllRegions,
            &one
        )),
        "One instance is running, in Ireland."
    );
    assert_eq!(
        said(&instance_counts(
            &en(),
            Some(InstanceState::Stopped),
            &Scope::AllRegions,
            &one
        )),
        "No instances are stopped."
    );
    let region = Scope::Region("eu-central-1".into());
    let fra = found(&[("eu-central-1", counts(3, 1))]);
    assert_eq!(
        said(&instance_counts(
            &en(),
            Some(InstanceState::Running),
            &region,
            &fra
        )),
        "3 instances are running in Frankfurt."
    );
    assert_eq!(
        said(&instance_counts(
            &en(),
            Some(InstanceState::Stopped),
            &region,
            &fra
        )),
        "One instance is stopped in Frankfurt."
    );
}

#[test]
fn all_states_name_only_what_exists() {
    let one = found(&[("eu-west-1", counts(1, 0))]);
    assert_eq!(
        said(&instance_counts(
            &en(),
            None,
            &Scope::Region("eu-west-1".into()),
            &one
        )),
        "You have one instance in Ireland, and it is running."
    );
    let stopped = found(&[("eu-west-1", counts(0, 3))]);
    assert_eq!(
        said(&instance_counts(&en(), None, &Scope::AllRegions, &stopped)),
        "You have 3 instances, all stopped."
    );
    let none = found(&[("eu-west-1", counts(0, 0))]);
    assert_eq!(
        said(&instance_counts(&en(), None, &Scope::AllRegions, &none)),
        "You have no instances."
    );
    let busy = found(&[(
        "eu-west-1",
        StateCounts {
            running: 2,
            stopped: 1,
            other: 1,
        },
    )]);
    assert_eq!(
        said(&instance_counts(&en(), None, &Scope::AllRegions, &busy)),
        "You have 4 instances: 2 running, 1 stopped and 1 starting or stopping."
    );
}

#[test]
fn across_regions_largest_first_by_name() {
    let s = found(&[
        ("eu-west-1", counts(10, 0)),
        ("us-east-1", counts(73, 0)),
        ("ap-northeast-1", counts(1, 0)),
        ("eu-central-1", counts(3, 0)),
        ("sa-east-1", counts(0, 4)),
    ]);
    assert_eq!(
        said(&instance_counts(&en(), Some(InstanceState::Running), &Scope::AllRegions, &s)),
        "87 instances are running across 4 regions: 73 in North Virginia, 10 in Ireland, 3 in Frankfurt and 1 in Tokyo."
    );
    assert_eq!(
        said(&instance_counts(&en(), None, &Scope::AllRegions, &s)),
        "You have 91 instances across 5 regions: 87 running and 4 stopped."
    );
}

#[test]
fn partial_answers_say_what_is_missing() {
    let mut s = found(&[("eu-west-1", counts(2, 0))]);
    s.failed = vec![
        ("sa-east-1".into(), InventoryError::Timeout),
        ("ap-south-1".into(), InventoryError::Timeout),
    ];
    assert_eq!(
        said(&instance_counts(&en(), Some(InstanceState::Running), &Scope::AllRegions, &s)),
        "2 instances are running, all in Ireland. I couldn't reach 2 regions: Sao Paulo and Mumbai."
    );
}

#[test]
fn a_shared_failure_is_said_plainly() {
    let s: Survey<StateCounts> = Survey {
        found: vec![],
        failed: vec![
            (
                "eu-west-1".into(),
                InventoryError::AccessDenied {
                    permission: "ec2:DescribeInstances",
                },
            ),
            (
                "us-east-1".into(),
                InventoryError::AccessDenied {
                    permission: "ec2:DescribeInstances",
                },
            ),
        ],
    };
    assert_eq!(
        said(&instance_counts(&en(), None, &Scope::AllRegions, &s)),
        "I'm not allowed to read that. The skill's role needs the permission e c 2 describe instances."
    );
    assert_eq!(
        crate::spoken::spoken_permission("rds:DescribeDBClusters"),
        "r d s describe db clusters"
    );
}

#[test]
fn database_names_are_escaped_and_the_rest_goes_to_the_card() {
    let db = |name: &str, engine: &str, cluster: bool| Database {
        name: name.into(),
        engine: engine.into(),
        status: "available".into(),
        is_cluster: cluster,
    };
    let s = Survey {
        found: vec![
            (
                "eu-west-1".into(),
                vec![
                    db("A&B <main>", "postgres", false),
                    db("analytics", "aurora-postgresql", true),
                ],
            ),
            (
                "us-east-1".into(),
                vec![
                    db("a", "mysql", false),
                    db("b", "mysql", false),
                    db("c", "mariadb", false),
                ],
            ),
        ],
        failed: vec![],
    };
    let r = databases(&en(), &Scope::AllRegions, &s);
    let alexa_core::model::OutputSpeech::Ssml { ssml, .. } =
        r.body().output_speech.clone().unwrap()
    else {
        panic!()
    };
    assert!(ssml.contains("A&amp;B &lt;main&gt;"), "{ssml}");
    assert_eq!(
        said(&r),
        "You have 5 databases across 2 regions: a, MySQL, available; A&B <main>, PostgreSQL, available; analytics, Aurora PostgreSQL cluster, available; and 2 more. The full list is in the Alexa app."
    );
    let Some(alexa_core::model::Card::Standard { text, .. }) = &r.body().card else {
        panic!()
    };
    assert_eq!(text.lines().count(), 5);
}

#[test]
fn the_catalogue_is_complete_and_parses() {
    alexa_core::l10n::assert_complete(&catalog());
    assert_eq!(
        catalog().locales().collect::<Vec<_>>(),
        ["en", "de"],
        "the languages VoiceOps speaks"
    );
}

#[test]
fn english_apologies_are_the_frameworks_own() {
    let deadline = Failure::DeadlinePassed {
        limit: std::time::Duration::from_secs(7),
    };
    assert_eq!(said(&apology(&en(), &deadline)), alexa_core::TOO_SLOW);
    let panic = Failure::HandlerPanicked {
        message: "boom".into(),
    };
    assert_eq!(said(&apology(&en(), &panic)), alexa_core::APOLOGY);
}

#[test]
fn a_locale_voiceops_does_not_speak_is_answered_in_english() {
    assert_eq!(said(&goodbye(&messages("fr-FR"))), "Goodbye.");
    assert_eq!(said(&goodbye(&messages("de-AT"))), "Auf Wiedersehen.");
}

#[test]
fn what_is_said_back_is_short_and_free_of_control_characters() {
    assert_eq!(said_back("fr\u{0}ank\u{7}furt\u{1b}[2J"), "fr ank furt [2J");
    assert_eq!(said_back("  tom &  jerry "), "tom & jerry");
    let long = said_back(&"frankfurt ".repeat(2000));
    assert!(
        long.chars().count() <= 60 && long.starts_with("frankfurt frankfurt"),
        "{long}"
    );
    assert_eq!(said_back(&"x".repeat(500)).chars().count(), 60);
}
