//! Our request verifier against Amazon's own (ask-sdk-webservice-support's RequestVerifier and
//! TimestampVerifier, run by voiceops/end-to-end/conformance/webservice_peer.py with the test CA injected):
//! the same signed matrix through both, the same verdict on every case.

use alexa_core::testing::TestRequest;
use alexa_web::testing::{stamp, Flaw, ServedChains, TestPki, TestSigner, TEST_CERT_URL};
use alexa_web::{SignatureHeaders, Verifier};
use end_to_end::{root, Scratch};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::process::Command;
use std::sync::Arc;
use std::time::SystemTime;

struct Case {
    name: String,
    headers: Vec<(&'static str, String)>,
    body: String,
}

fn launch_at(offset_seconds: i64) -> String {
    serde_json::to_string(&TestRequest::launch().at(&stamp(offset_seconds)).build()).unwrap()
}

fn skill_event_at(offset_seconds: i64) -> String {
    let request = TestRequest::other(json!({
        "type": "AlexaSkillEvent.SkillEnabled",
        "requestId": "amzn1.echo-api.request.event",
        "timestamp": stamp(offset_seconds),
    }));
    serde_json::to_string(&request.build()).unwrap()
}

fn signed(name: &str, signer: &TestSigner, url: &str, body: String) -> Case {
    Case {
        name: name.to_owned(),
        headers: vec![
            ("SignatureCertChainUrl", url.to_owned()),
            ("Signature-256", signer.sign(body.as_bytes())),
        ],
        body,
    }
}

/// The matrix: every case of the verification rules (skill IDs and body sizes are the
/// host's business, not the verifier's, and are left to alexa-web's own tests). Timestamps
/// keep a wide margin from the 150 s limit, so the seconds between our run and the peer's do
/// not change a verdict.
fn matrix(pki: &TestPki, chains: &ServedChains) -> Vec<Case> {
    let good = pki.signer(Flaw::None);
    chains.serve(TEST_CERT_URL, &good.chain);
    let mut cases = vec![
        signed("genuine", &good, TEST_CERT_URL, launch_at(0)),
        signed("genuine, 60 s old", &good, TEST_CERT_URL, launch_at(-60)),
        signed("stale", &good, TEST_CERT_URL, launch_at(-300)),
        signed("from the future", &good, TEST_CERT_URL, launch_at(300)),
        signed(
            "skill event, 30 min old",
            &good,
            TEST_CERT_URL,
            skill_event_at(-1800),
        ),
        signed(
            "skill event, 70 min old",
            &good,
            TEST_CERT_URL,
            skill_event_at(-4200),
        ),
    ];
    for (i, url) in [
        "http://s3.amazonaws.com/echo.api/echo-api-cert-test.pem",
        "https://notamazon.com/echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/invalid.path/echo-api-cert-test.pem",
        "https://s3.amazonaws.com:563/echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/echo.api/../../evil.pem",
    ]
    .into_iter()
    .enumerate()
    {
        chains.serve(url, &good.chain);
        cases.push(signed(
            &format!("bad url {i}: {url}"),
            &good,
            url,
            launch_at(0),
        ));
    }
    let dotted = "https://S3.AmazonAWS.com:443/echo.api/../echo.api/echo-api-cert-test.pem";
    // We fetch the normalised URL, Amazon's verifier the URL as sent: both serve the chain.
    chains.serve(dotted, &good.chain);
    cases.push(signed("unusual but valid url", &good, dotted, launch_at(0)));
    for (name, flaw) in [
        ("expired certificate", Flaw::Expired),
        ("certificate not yet valid", Flaw::NotYetValid),
        ("certificate for another name", Flaw::WrongName),
        ("certificate from an untrusted CA", Flaw::UntrustedRoot),
        ("chain without its intermediate", Flaw::MissingIntermediate),
        ("certificate not for signatures", Flaw::NoSignatureUsage),
    ] {
        let signer = pki.signer(flaw);
        let url = format!(
            "https://s3.amazonaws.com/echo.api/{}.pem",
            name.replace(' ', "-")
        );
        chains.serve(&url, &signer.chain);
        cases.push(signed(name, &signer, &url, launch_at(0)));
    }
    let body = launch_at(0);
    let mut tampered = signed("tampered body", &good, TEST_CERT_URL, body.clone());
    tampered.body = body.replace("LaunchRequest", "SessionEndedRequest");
    cases.push(tampered);
    let mut reserialised = signed("re-serialised body", &good, TEST_CERT_URL, body.clone());
    let value: Value = serde_json::from_str(&body).unwrap();
    reserialised.body = serde_json::to_string_pretty(&value).unwrap();
    cases.push(reserialised);
    let other = pki.signer(Flaw::None);
    let mut wrong_key = signed("signed by another key", &good, TEST_CERT_URL, body.clone());
    wrong_key.headers[1].1 = other.sign(body.as_bytes());
    cases.push(wrong_key);
    let signature = good.sign(body.as_bytes());
    let url = || ("SignatureCertChainUrl", TEST_CERT_URL.to_owned());
    for (name, headers) in [
        ("no headers", vec![]),
        ("no signature", vec![url()]),
        (
            "no certificate url",
            vec![("Signature-256", signature.clone())],
        ),
        (
            "sha-1 signature only",
            vec![url(), ("Signature", signature.clone())],
        ),
        (
            "signature of the wrong length",
            vec![url(), ("Signature-256", "AAAA".to_owned())],
        ),
        (
            "lower-case header names",
            vec![
                ("signaturecertchainurl", TEST_CERT_URL.to_owned()),
                ("signature-256", signature.clone()),
            ],
        ),
    ] {
        cases.push(Case {
            name: name.to_owned(),
            headers,
            body: body.clone(),
        });
    }
    cases
}

fn header<'a>(case: &'a Case, name: &str) -> Option<&'a str> {
    case.headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn amazons_verifier_gives_the_same_verdict_on_every_case() {
    let pki = TestPki::new();
    let chains = Arc::new(ServedChains::default());
    let cases = matrix(&pki, &chains);
    let verifier = Verifier::new(pki.roots(), chains.clone());

    let mut ours = BTreeMap::new();
    for case in &cases {
        let headers = SignatureHeaders {
            cert_chain_url: header(case, "SignatureCertChainUrl"),
            signature_256: header(case, "Signature-256"),
            signature_sha1: header(case, "Signature"),
        };
        let verdict = match verifier
            .verify(headers, case.body.as_bytes(), SystemTime::now())
            .await
        {
            Ok(_) => "accept".to_owned(),
            Err(rejection) => format!("reject ({})", rejection.code),
        };
        ours.insert(case.name.clone(), verdict);
    }

    let scratch = Scratch::new("webservice-peer");
    let file = scratch.0.join("cases.json");
    let served: BTreeMap<String, String> = cases
        .iter()
        .filter_map(|c| header(c, "SignatureCertChainUrl"))
        .filter_map(|url| chains.chain(url).map(|pem| (url.to_owned(), pem)))
        .collect();
    let json_cases: Vec<Value> = cases
        .iter()
        .map(|c| {
            let headers: BTreeMap<&str, &str> =
                c.headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
            json!({ "name": c.name, "headers": headers, "body": c.body })
        })
        .collect();
    let document = json!({ "root": pki.root.pem, "chains": served, "cases": json_cases });
    std::fs::write(&file, serde_json::to_vec(&document).unwrap()).unwrap();

    let python = std::env::var_os("ASK_SDK_PYTHON")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root().join(".cache/venv/bin/python"));
    let output = Command::new(python)
        .arg(root().join("voiceops/end-to-end/conformance/webservice_peer.py"))
        .arg(&file)
        .output()
        .expect("python runs: ./scripts/test installs ask-sdk-webservice-support into .cache/venv");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the peer failed: {stderr}");

    let mut disagreements = Vec::new();
    let mut compared = 0;
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let theirs: Value = serde_json::from_str(line).unwrap();
        let name = theirs["name"].as_str().unwrap();
        let our = &ours[name];
        let their = theirs["verdict"].as_str().unwrap();
        compared += 1;
        if our.starts_with("accept") != (their == "accept") {
            disagreements.push(format!(
                "{name}: ours {our}, Amazon's {their} {}",
                theirs["why"]
            ));
        }
    }
    assert_eq!(compared, cases.len(), "the peer judged every case");
    assert!(
        disagreements.is_empty(),
        "verdicts differ:\n{}",
        disagreements.join("\n")
    );
    let accepted = ours.values().filter(|v| v.starts_with("accept")).count();
    assert_eq!(
        accepted, 5,
        "genuine (twice), a skill event, an unusual URL, lower-case headers: {ours:#?}"
    );
}
