//! Every way a request can be forged or broken, through the web host as Alexa would call
//! it: each is refused with a 400 and its code, before any handler runs; a genuine request
//! is answered. Certificates come from a test CA, injected through the library API.

use alexa_core::testing::{TestRequest, TEST_SKILL_ID};
use alexa_core::{Response, Skill};
use alexa_web::testing::{
    stamp, Flaw, ServedChains as Served, TestPki as Pki, TestSigner as Signer, TEST_CERT_URL as URL,
};
use alexa_web::{Verifier, WebHost};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tower::ServiceExt;

struct Bench {
    pki: Pki,
    served: Arc<Served>,
    router: axum::Router,
    handled: Arc<AtomicUsize>,
}

fn bench() -> Bench {
    let pki = Pki::new();
    let served = Arc::new(Served::default());
    let handled = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&handled);
    let skill = Skill::builder()
        .skill_id(TEST_SKILL_ID)
        .skip_builtin_check()
        .request_interceptor(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
            Ok(())
        })
        .launch(|| async { Response::ask("Welcome.", "Ask me.") })
        .on_request("AlexaSkillEvent.SkillEnabled", || async {})
        .build()
        .unwrap();
    let verifier = Verifier::new(
        pki.roots(),
        Arc::clone(&served) as Arc<dyn alexa_web::fetch::CertFetcher>,
    );
    let router = WebHost::new(skill, verifier).body_limit(64 * 1024).router();
    Bench {
        pki,
        served,
        router,
        handled,
    }
}

fn launch_at(offset_seconds: i64) -> Vec<u8> {
    serde_json::to_vec(&TestRequest::launch().at(&stamp(offset_seconds)).build()).unwrap()
}

struct Call<'a> {
    body: Vec<u8>,
    headers: Vec<(&'a str, String)>,
}

impl<'a> Call<'a> {
    fn signed(signer: &Signer, url: &str, body: Vec<u8>) -> Self {
        Self {
            headers: vec![
                ("SignatureCertChainUrl", url.to_owned()),
                ("Signature-256", signer.sign(&body)),
            ],
            body,
        }
    }
}

async fn send(bench: &Bench, call: Call<'_>) -> (StatusCode, Value) {
    let mut request = Request::post("/").header("content-type", "application/json");
    for (name, value) in call.headers {
        request = request.header(name, value);
    }
    let response = bench
        .router
        .clone()
        .oneshot(request.body(Body::from(call.body)).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

async fn refused(bench: &Bench, call: Call<'_>) -> String {
    let before = bench.handled.load(Ordering::SeqCst);
    let (status, body) = send(bench, call).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(
        bench.handled.load(Ordering::SeqCst),
        before,
        "a handler ran"
    );
    body["error"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_genuine_request_is_answered_and_its_chain_fetched_once() {
    let b = bench();
    let signer = b.pki.signer(Flaw::None);
    b.served.serve(URL, &signer.chain);
    for _ in 0..3 {
        let (status, body) = send(&b, Call::signed(&signer, URL, launch_at(0))).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["response"]["outputSpeech"]["text"], "Welcome.");
    }
    assert_eq!(b.served.fetched(), 1, "the chain is cached");
    assert_eq!(b.handled.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn every_bad_certificate_url_is_refused_without_fetching() {
    let b = bench();
    let signer = b.pki.signer(Flaw::None);
    for url in [
        "http://s3.amazonaws.com/echo.api/echo-api-cert-test.pem",
        "https://notamazon.com/echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/invalid.path/echo-api-cert-test.pem",
        "https://s3.amazonaws.com:563/echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/echo.api/../../evil.pem",
        "not a url",
    ] {
        b.served.serve(url, &signer.chain);
        let code = refused(&b, Call::signed(&signer, url, launch_at(0))).await;
        assert_eq!(code, "bad-cert-url", "{url}");
    }
    assert_eq!(
        b.served.fetched(),
        0,
        "nothing is fetched for a refused URL"
    );
}

#[tokio::test]
async fn every_broken_certificate_is_refused() {
    let b = bench();
    for (flaw, expected) in [
        (Flaw::Expired, "cert-expired"),
        (Flaw::NotYetValid, "cert-not-yet-valid"),
        (Flaw::WrongName, "cert-wrong-name"),
        (Flaw::UntrustedRoot, "cert-untrusted"),
        (Flaw::MissingIntermediate, "cert-untrusted"),
        (Flaw::NoSignatureUsage, "cert-wrong-usage"),
    ] {
        let signer = b.pki.signer(flaw);
        let url = format!(
            "https://s3.amazonaws.com/echo.api/{expected}-{}.pem",
            b.served.fetched()
        );
        b.served.serve(&url, &signer.chain);
        assert_eq!(
            refused(&b, Call::signed(&signer, &url, launch_at(0))).await,
            expected
        );
    }
    let url = "https://s3.amazonaws.com/echo.api/garbage.pem";
    b.served.serve(
        url,
        "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n",
    );
    let signer = b.pki.signer(Flaw::None);
    assert_eq!(
        refused(&b, Call::signed(&signer, url, launch_at(0))).await,
        "cert-malformed"
    );
    let missing = "https://s3.amazonaws.com/echo.api/nowhere.pem";
    assert_eq!(
        refused(&b, Call::signed(&signer, missing, launch_at(0))).await,
        "cert-unavailable"
    );
}

#[tokio::test]
async fn the_signature_covers_the_raw_bytes_exactly() {
    let b = bench();
    let signer = b.pki.signer(Flaw::None);
    b.served.serve(URL, &signer.chain);
    let body = launch_at(0);

    let mut tampered = Call::signed(&signer, URL, body.clone());
    tampered.body = String::from_utf8(body.clone())
        .unwrap()
        .replace("LaunchRequest", "SessionEndedRequest")
        .into_bytes();
    assert_eq!(refused(&b, tampered).await, "bad-signature");

    // The same JSON, re-serialised with other white space: a verifier that checks
    // re-serialised JSON would accept it; the signature covers the bytes sent.
    let mut reserialised = Call::signed(&signer, URL, body.clone());
    let value: Value = serde_json::from_slice(&body).unwrap();
    reserialised.body = serde_json::to_vec_pretty(&value).unwrap();
    assert_eq!(refused(&b, reserialised).await, "bad-signature");

    let other_key = b.pki.signer(Flaw::None);
    let mut wrong_key = Call::signed(&signer, URL, body.clone());
    wrong_key.headers[1].1 = other_key.sign(&body);
    assert_eq!(refused(&b, wrong_key).await, "bad-signature");
}

#[tokio::test]
async fn missing_malformed_and_sha1_only_headers_are_refused() {
    let b = bench();
    let signer = b.pki.signer(Flaw::None);
    b.served.serve(URL, &signer.chain);
    let body = launch_at(0);
    let with = |headers: Vec<(&'static str, String)>| Call {
        body: body.clone(),
        headers,
    };
    let signature = signer.sign(&body);
    assert_eq!(refused(&b, with(vec![])).await, "missing-signature");
    assert_eq!(
        refused(&b, with(vec![("SignatureCertChainUrl", URL.into())])).await,
        "missing-signature"
    );
    assert_eq!(
        refused(&b, with(vec![("Signature-256", signature.clone())])).await,
        "missing-cert-url"
    );
    assert_eq!(
        refused(
            &b,
            with(vec![
                ("SignatureCertChainUrl", URL.into()),
                ("Signature", signature.clone())
            ])
        )
        .await,
        "sha1-only"
    );
    assert_eq!(
        refused(
            &b,
            with(vec![
                ("SignatureCertChainUrl", URL.into()),
                ("Signature-256", "%%%not base64%%%".into())
            ])
        )
        .await,
        "malformed-signature"
    );
    assert_eq!(
        refused(
            &b,
            with(vec![
                ("SignatureCertChainUrl", URL.into()),
                ("Signature-256", "AAAA".into())
            ])
        )
        .await,
        "bad-signature"
    );
    // Header names are case-insensitive.
    let lower = with(vec![
        ("signaturecertchainurl", URL.into()),
        ("SIGNATURE-256", signature),
    ]);
    assert_eq!(send(&b, lower).await.0, StatusCode::OK);
}

#[tokio::test]
async fn timestamps_must_be_recent_except_for_skill_events_which_get_an_hour() {
    let b = bench();
    let signer = b.pki.signer(Flaw::None);
    b.served.serve(URL, &signer.chain);
    assert_eq!(
        refused(&b, Call::signed(&signer, URL, launch_at(-151))).await,
        "stale-request"
    );
    assert_eq!(
        refused(&b, Call::signed(&signer, URL, launch_at(151))).await,
        "future-request"
    );
    assert_eq!(
        send(&b, Call::signed(&signer, URL, launch_at(-140)))
            .await
            .0,
        StatusCode::OK
    );

    let event = |offset: i64| {
        let request = TestRequest::other(json!({
            "type": "AlexaSkillEvent.SkillEnabled",
            "requestId": "amzn1.echo-api.request.event",
            "timestamp": stamp(offset),
        }));
        serde_json::to_vec(&request.build()).unwrap()
    };
    assert_eq!(
        send(&b, Call::signed(&signer, URL, event(-1800))).await.0,
        StatusCode::OK
    );
    assert_eq!(
        refused(&b, Call::signed(&signer, URL, event(-3700))).await,
        "stale-request"
    );
}

#[tokio::test]
async fn a_request_for_another_skill_and_an_oversized_body_are_refused() {
    let b = bench();
    let signer = b.pki.signer(Flaw::None);
    b.served.serve(URL, &signer.chain);
    let other = TestRequest::launch()
        .skill_id("amzn1.ask.skill.someone-else")
        .build();
    let body = serde_json::to_vec(&other).unwrap();
    assert_eq!(
        refused(&b, Call::signed(&signer, URL, body)).await,
        "wrong-skill"
    );

    let mut huge = launch_at(0);
    huge.extend(std::iter::repeat_n(b' ', 70 * 1024));
    let (status, _) = send(&b, Call::signed(&signer, URL, huge)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);

    let not_json = Call::signed(&signer, URL, b"{\"version\":".to_vec());
    assert_eq!(refused(&b, not_json).await, "not-an-alexa-request");
}
