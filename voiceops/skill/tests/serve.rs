//! `voiceops-skill serve` as an operator runs it: it refuses every forged or malformed
//! request with a 400 and stays up, skips verification only on loopback when told to, and
//! stops cleanly on SIGTERM.

use alexa_core::testing::{TestRequest, TEST_SKILL_ID};
use end_to_end::{voiceops, Scratch};
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};

struct Server {
    child: Child,
    base: String,
}

fn start(scratch: &Scratch, extra: &[&str]) -> Server {
    let mut cmd = voiceops(&scratch.0);
    cmd.env("SKILL_ID", TEST_SKILL_ID)
        .env("AWS_REGION", "us-east-1")
        .env("VOICEOPS_REGIONS", "us-east-1")
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("serve starts");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let base = first
        .trim()
        .strip_prefix("Listening on ")
        .unwrap_or_else(|| panic!("first line: {first:?}"))
        .to_owned();
    Server { child, base }
}

fn terminate(mut server: Server) -> std::process::ExitStatus {
    let pid = server.child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    server.child.wait().unwrap()
}

fn launch() -> Vec<u8> {
    serde_json::to_vec(&TestRequest::launch().build()).unwrap()
}

#[tokio::test]
async fn forged_and_malformed_requests_are_refused_and_the_server_stays_up() {
    let scratch = Scratch::new("serve");
    let server = start(&scratch, &[]);
    let client = reqwest::Client::new();
    let url = format!("{}/", server.base);
    type Case = (Vec<(&'static str, &'static str)>, Vec<u8>, &'static str);
    let cases: Vec<Case> = vec![
        (vec![], launch(), "missing-signature"),
        (vec![("Signature", "c2hhMQ==")], launch(), "sha1-only"),
        (
            vec![
                (
                    "SignatureCertChainUrl",
                    "https://evil.example/echo.api/cert.pem",
                ),
                ("Signature-256", "AAAA"),
            ],
            launch(),
            "bad-cert-url",
        ),
        (
            vec![
                (
                    "SignatureCertChainUrl",
                    "https://s3.amazonaws.com/echo.api/cert.pem",
                ),
                ("Signature-256", "%%%"),
            ],
            b"not json at all".to_vec(),
            "malformed-signature",
        ),
    ];
    for (headers, body, code) in cases {
        let mut request = client.post(&url).body(body);
        for (name, value) in headers {
            request = request.header(name, value);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 400, "{code}");
        let json: serde_json::Value = response.json().await.unwrap();
        assert_eq!(json["error"], code);
    }
    let health = client
        .get(format!("{}/health", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200, "still up");
    let status = terminate(server);
    assert!(status.success(), "a clean stop on SIGTERM: {status:?}");
}

#[tokio::test]
async fn verification_can_be_skipped_only_on_loopback() {
    let scratch = Scratch::new("serve-insecure");
    let server = start(&scratch, &["--insecure-skip-verification-on-loopback"]);
    let response = reqwest::Client::new()
        .post(format!("{}/", server.base))
        .body(launch())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let json: serde_json::Value = response.json().await.unwrap();
    let speech = json["response"]["outputSpeech"]["text"].as_str().unwrap();
    assert!(speech.starts_with("Welcome to Voice Ops."), "{speech}");
    terminate(server);

    let mut cmd = voiceops(&scratch.0);
    let out = cmd
        .env("SKILL_ID", TEST_SKILL_ID)
        .env("AWS_REGION", "us-east-1")
        .args([
            "serve",
            "--addr",
            "0.0.0.0:0",
            "--insecure-skip-verification-on-loopback",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.contains("only a loopback address may skip verification"),
        "{log}"
    );
}

#[tokio::test]
async fn tls_can_be_terminated_by_the_binary_itself() {
    let scratch = Scratch::new("serve-tls");
    let pki = alexa_web::testing::TestPki::new();
    let (chain, key) = pki.server_cert("localhost");
    std::fs::write(scratch.0.join("cert.pem"), chain).unwrap();
    std::fs::write(scratch.0.join("key.pem"), key).unwrap();
    let cert = scratch.0.join("cert.pem").display().to_string();
    let key = scratch.0.join("key.pem").display().to_string();
    let server = start(&scratch, &["--tls-cert", &cert, "--tls-key", &key]);
    let addr: std::net::SocketAddr = server.base.trim_start_matches("https://").parse().unwrap();
    let client = pki.https_client("localhost", addr);
    let health = client
        .get(format!("https://localhost:{}/health", addr.port()))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let forged = client
        .post(format!("https://localhost:{}/", addr.port()))
        .body(launch())
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 400, "verification is on over TLS too");
    assert!(terminate(server).success());
}
