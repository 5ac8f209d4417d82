//! One function per target. Shared state (a skill, a runtime, a model, a test PKI) is built
//! once per process, as a fuzzer calls a target millions of times.

use alexa_core::extract::{ResolvedSlot, Slots};
use alexa_core::interaction_model::{check, InteractionModel, LocaleModel, SkillPackage};
use alexa_core::l10n::{Arg, Catalog};
use alexa_core::model::{RequestEnvelope, ResponseEnvelope};
use alexa_core::ssml::{self, Ssml};
use alexa_core::{builtin, Response, Skill};
use alexa_web::testing::{Flaw, ServedChains, TestPki, TestSigner, TEST_CERT_URL};
use alexa_web::verify::SignatureHeaders;
use alexa_web::Verifier;
use serde::Deserialize;
use std::sync::{Arc, LazyLock};
use std::time::SystemTime;

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime")
    });
    &RUNTIME
}

#[derive(alexa_core::FromSlots)]
struct Order {
    drink: Option<ResolvedSlot>,
    size: Option<u32>,
}

async fn order(args: Result<Slots<Order>, alexa_core::extract::SlotRejection>) -> Response {
    match args {
        Ok(Slots(order)) => {
            let drink = order.drink.map(|d| d.name).unwrap_or_default();
            let ssml = Ssml::builder()
                .text("One ")
                .say_as(
                    alexa_core::ssml::SayAs::Cardinal,
                    &order.size.unwrap_or(1).to_string(),
                )
                .text(&drink)
                .build();
            Response::ask(ssml, "Anything else?")
        }
        Err(rejection) => Response::ask(format!("Which {}?", rejection.slot), "Which one?"),
    }
}

fn skill() -> &'static Skill {
    static SKILL: LazyLock<Skill> = LazyLock::new(|| {
        Skill::builder()
            .accept_any_skill_id()
            .launch(|| async { Response::ask("Welcome.", "What would you like?") })
            .intent("OrderIntent", order)
            .intent(builtin::HELP, || async {
                Response::ask("Order a drink.", "Which?")
            })
            .intent(builtin::STOP, || async { "Goodbye." })
            .intent(builtin::CANCEL, || async { "Goodbye." })
            .session_ended(|| async {})
            .build()
            .expect("a valid skill")
    });
    &SKILL
}

/// Any bytes as a request envelope through the whole request path: a refusal or a valid
/// answer (JSON that reads back as a response envelope, within the size limit), the same from
/// the bytes (`handle_json`) as from the typed envelope (`handle`).
pub fn envelope_dispatch(data: &[u8]) {
    let lazy = RequestEnvelope::from_slice_lenient(data);
    let whole = RequestEnvelope::from_slice_lenient_whole(data);
    assert_eq!(
        lazy.is_ok(),
        whole.is_ok(),
        "a lazy and a whole read disagree"
    );
    if let (Ok(lazy), Ok(whole)) = (lazy, whole) {
        // Every member kept as JSON is typed here, as handlers reading all of them would.
        lazy.envelope.read_every_member();
        assert_eq!(lazy.envelope, whole.envelope, "lazy and whole reads differ");
        let written = serde_json::to_vec(&lazy.envelope).expect("an envelope always writes");
        assert!(
            RequestEnvelope::from_slice_lenient(&written).is_ok(),
            "a read envelope written back does not read: {}",
            String::from_utf8_lossy(&written)
        );
    }
    if let Ok(bytes) = runtime().block_on(skill().handle_json(data)) {
        assert!(
            bytes.len() <= 120 * 1024,
            "an answer over Alexa's size limit"
        );
        let answer: Result<ResponseEnvelope, _> = serde_json::from_slice(&bytes);
        assert!(answer.is_ok(), "the answer does not read back: {answer:?}");
        // The bytes path writes plain answers itself and carries unread attributes as text;
        // the hosts' typed path (`handle`, then serde) must answer the same.
        let read = RequestEnvelope::from_slice_lenient(data).expect("handle_json read it");
        let typed = runtime()
            .block_on(skill().handle(read.envelope))
            .expect("handle refuses what handle_json answered");
        let from_bytes: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        let from_typed = serde_json::to_value(&typed).expect("an answer always writes");
        assert_eq!(
            from_bytes, from_typed,
            "handle_json and handle answer differently"
        );
    }
}

/// Any text as raw SSML (accepted or refused), as text to escape (always valid once
/// escaped), through the builder (always valid), and to plain text.
pub fn ssml(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = Ssml::from_raw(text.as_ref());
    let _ = ssml::to_plain_text(&text);
    let escaped = format!("<speak>{}</speak>", ssml::escape(&text));
    assert!(
        Ssml::from_raw(escaped.clone()).is_ok(),
        "escaped text is not valid SSML: {escaped:?}"
    );
    let mut middle = text.len() / 2;
    while !text.is_char_boundary(middle) {
        middle -= 1;
    }
    let (left, right) = text.split_at(middle);
    let built = Ssml::builder()
        .text(left)
        .pause_ms(u64::from(data.first().copied().unwrap_or(0)) * 40)
        .sub(right, left)
        .emphasis(alexa_core::ssml::EmphasisLevel::Strong, |b| b.text(right))
        .build();
    assert!(
        Ssml::from_raw(built.as_str()).is_ok(),
        "the builder made invalid SSML: {:?}",
        built.as_str()
    );
}

/// Any bytes as an interaction model: refused as JSON, or read and checked against a skill,
/// then every sample resolved with it.
pub fn interaction_model(data: &[u8]) {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let Ok(model) = InteractionModel::deserialize(&value["interactionModel"]) else {
        return;
    };
    let package = SkillPackage {
        manifest: None,
        models: vec![LocaleModel {
            locale: "en-US".into(),
            path: "en-US.json".into(),
            model: model.clone(),
        }],
    };
    let _ = check(&package, skill());
    let resolver = alexa_sim::Resolver::new(&model.language_model, "en-US", "amzn1.ask.skill.fuzz");
    for intent in model.language_model.intents.iter().take(20) {
        for sample in intent.samples.iter().take(5) {
            let _ = resolver.resolve(sample, true);
        }
    }
}

/// Any text as an utterance to VoiceOps's English and German models, in and out of a
/// session.
pub fn resolver(data: &[u8]) {
    static MODELS: LazyLock<Vec<alexa_sim::Resolver>> = LazyLock::new(|| {
        [
            (
                "en-US",
                include_str!(
                    "../../voiceops/interaction-model/skill-package/interactionModels/custom/en-US.json"
                ),
            ),
            (
                "de-DE",
                include_str!(
                    "../../voiceops/interaction-model/skill-package/interactionModels/custom/de-DE.json"
                ),
            ),
        ]
        .into_iter()
        .map(|(locale, text)| {
            let value: serde_json::Value = serde_json::from_str(text).expect("the model is JSON");
            let model = InteractionModel::deserialize(&value["interactionModel"]).expect("a model");
            alexa_sim::Resolver::new(&model.language_model, locale, "amzn1.ask.skill.fuzz")
        })
        .collect()
    });
    let text = String::from_utf8_lossy(data);
    for resolver in MODELS.iter() {
        let _ = resolver.resolve(&text, true);
        let _ = resolver.resolve(&text, false);
        let _ = resolver.yes_or_no(&text);
    }
}

struct Pki {
    verifier: Verifier,
    signer: TestSigner,
}

fn pki() -> &'static Pki {
    static PKI: LazyLock<Pki> = LazyLock::new(|| {
        let pki = TestPki::new();
        let signer = pki.signer(Flaw::None);
        let served = Arc::new(ServedChains::default());
        served.serve(TEST_CERT_URL, &signer.chain);
        let verifier = Verifier::new(
            pki.roots(),
            served as Arc<dyn alexa_web::fetch::CertFetcher>,
        );
        Pki { verifier, signer }
    });
    &PKI
}

/// Any headers and body to the request verifier: the first line is the certificate URL,
/// the second the `Signature-256` header (`SIGN` signs the body with the test key), the
/// rest the body. Refused, or accepted only when the signature and the body are genuine.
pub fn verifier(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.splitn(3, '\n');
    let url = lines.next().unwrap_or_default();
    let signature = lines.next().unwrap_or_default();
    let body = lines.next().unwrap_or_default().as_bytes();
    let pki = pki();
    let signed = (signature == "SIGN").then(|| pki.signer.sign(body));
    let headers = SignatureHeaders {
        cert_chain_url: Some(if url == "URL" { TEST_CERT_URL } else { url }),
        signature_256: Some(signed.as_deref().unwrap_or(signature)),
        signature_sha1: None,
    };
    let verdict = runtime().block_on(pki.verifier.verify(headers, body, SystemTime::now()));
    if verdict.is_ok() {
        assert!(
            signed.is_some() || signature.len() > 100,
            "accepted without a genuine signature"
        );
    }
}

/// Hostile arguments to every message of a catalogue, and hostile catalogue sources.
pub fn fluent_format(data: &[u8]) {
    static CATALOG: LazyLock<Arc<Catalog>> = LazyLock::new(|| {
        Catalog::builder("en-US")
            .add("en", "hello = Hello, { $name }!\ncount = { $count ->\n    [0] none\n    [one] one thing\n   *[other] { $count } things\n}\nnested = { hello } { count }\n")
            .add("de", "hello = Hallo, { $name }!\ncount = { $count ->\n    [0] nichts\n    [one] ein Ding\n   *[other] { $count } Dinge\n}\nnested = { hello } { count }\n")
            .add("pl", "count = { $count ->\n    [one] jedna\n    [few] kilka\n    [many] wiele\n   *[other] { $count }\n}\n")
            .build()
            .expect("a valid catalogue")
    });
    let text = String::from_utf8_lossy(data);
    let number = f64::from_le_bytes(
        data.iter()
            .copied()
            .chain(std::iter::repeat(0))
            .take(8)
            .collect::<Vec<u8>>()
            .try_into()
            .unwrap_or([0; 8]),
    );
    for locale in ["en-US", "de-DE", "pl-PL", text.as_ref()] {
        let t = CATALOG.messages(locale);
        for id in ["hello", "count", "nested", "missing", text.as_ref()] {
            let _ = t.text(
                id,
                &[
                    ("name", Arg::from(text.as_ref())),
                    ("count", Arg::from(number)),
                ],
            );
            let _ = t.text(id, &[("count", Arg::from(text.len() as u64))]);
        }
    }
    let _ = Catalog::builder("en-US").add("en", &text).build();
}
