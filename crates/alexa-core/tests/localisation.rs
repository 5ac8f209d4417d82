//! Fluent localisation: the fallback chain, CLDR plurals, numbers per locale, the
//! completeness check and the `Messages` extractor.
#![cfg(feature = "fluent")]

use alexa_core::l10n::{assert_complete, Catalog, Messages};
use alexa_core::testing::{ResponseExt, TestRequest};
use alexa_core::{Response, Skill};
use std::sync::Arc;

const EN: &str = "
hello = Hello.
running = { $count ->
    [one] One instance is running.
   *[other] { $count } instances are running.
}
load = Load is { $value } percent.
";
const DE: &str = "
hello = Hallo.
running = { $count ->
    [one] Eine Instanz läuft.
   *[other] { $count } Instanzen laufen.
}
load = Die Last liegt bei { $value } Prozent.
";
const DE_AT: &str = "hello = Servus.\n";
const PL: &str = "
hello = Cześć.
running = { $count ->
    [one] Działa jedna instancja.
    [few] Działają { $count } instancje.
   *[many] Działa { $count } instancji.
}
load = Obciążenie wynosi { $value } procent.
";

fn catalog() -> Arc<Catalog> {
    Catalog::builder("en-US")
        .add("en-US", EN)
        .add("de", DE)
        .add("de-AT", DE_AT)
        .add("pl-PL", PL)
        .build()
        .unwrap()
}

#[test]
fn lookups_fall_back_from_region_to_language_to_default() {
    let c = catalog();
    assert_eq!(c.messages("de-AT").text("hello", &[]), "Servus.");
    assert_eq!(
        c.messages("de-AT").text("running", &[("count", 2.into())]),
        "2 Instanzen laufen.",
        "de-AT lacks it, so de"
    );
    assert_eq!(c.messages("de-DE").text("hello", &[]), "Hallo.");
    assert_eq!(c.messages("fr-FR").text("hello", &[]), "Hello.");
    assert_eq!(c.messages("not a locale").text("hello", &[]), "Hello.");
}

#[test]
fn plurals_follow_each_languages_rules() {
    let c = catalog();
    let say = |locale: &str, n: u64| c.messages(locale).text("running", &[("count", n.into())]);
    assert_eq!(say("en-GB", 1), "One instance is running.");
    assert_eq!(say("en-GB", 0), "0 instances are running.");
    assert_eq!(say("pl-PL", 3), "Działają 3 instancje.");
    assert_eq!(say("pl-PL", 5), "Działa 5 instancji.");
    assert_eq!(say("pl-PL", 22), "Działają 22 instancje.");
}

#[test]
fn numbers_are_written_the_locales_way_without_isolation_marks() {
    let c = catalog();
    let load = |locale: &str| c.messages(locale).text("load", &[("value", 1234.5.into())]);
    assert_eq!(load("en-US"), "Load is 1,234.5 percent.");
    assert_eq!(load("de-DE"), "Die Last liegt bei 1.234,5 Prozent.");
    let text = c.messages("en-US").text("running", &[("count", 17.into())]);
    assert!(!text.contains('\u{2068}'), "{text:?}");
}

#[test]
fn a_missing_message_is_an_error_not_a_panic() {
    let c = catalog();
    let err = c.messages("de").try_text("nothing-here", &[]).unwrap_err();
    assert_eq!(err.id, "nothing-here");
    assert_eq!(c.messages("de").text("nothing-here", &[]), "nothing-here");
}

#[test]
fn the_completeness_check_names_every_gap() {
    let c = Catalog::builder("en")
        .add("en", "a = A { $x }\nb = B\n")
        .add("de", "a = A\nc = C\n")
        .build()
        .unwrap();
    let gaps: Vec<String> = c.incomplete().iter().map(ToString::to_string).collect();
    assert_eq!(
        gaps,
        [
            "de: a: variables [], the default uses [\"x\"]",
            "de: b: missing",
            "de: c: not in the default locale",
        ]
    );
    // A referenced message sees the caller's arguments, so its variables count as used.
    let by_reference = Catalog::builder("en")
        .add("en", "word = { $n }\nsay = Say { word }.\n")
        .add("de", "word = { $n }\nsay = Sag { $n }.\n")
        .build()
        .unwrap();
    assert_eq!(by_reference.incomplete(), []);
    let partial = catalog(); // de-AT has only `hello`
    assert!(partial
        .incomplete()
        .iter()
        .any(|g| g.locale == "de-AT" && g.message == "running"));
}

#[test]
fn broken_fluent_fails_the_build() {
    let err = Catalog::builder("en")
        .add("en", "= no id\n")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("not valid Fluent"), "{err}");
    let err = Catalog::builder("en")
        .add("de", "a = A\n")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("default locale"), "{err}");
}

#[tokio::test]
async fn handlers_get_the_requests_messages() {
    let complete = Catalog::builder("en-US")
        .add("en-US", EN)
        .add("de", DE)
        .build()
        .unwrap();
    assert_complete(&complete);
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .localisation(complete)
        .launch(
            |t: Messages| async move { Response::tell(t.text("running", &[("count", 1.into())])) },
        )
        .build()
        .unwrap();
    let german = skill
        .handle(TestRequest::launch().locale("de-CH").build())
        .await
        .unwrap();
    assert_eq!(german.speech_text(), "Eine Instanz läuft.");
}
