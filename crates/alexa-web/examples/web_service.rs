//! A skill as a web service Alexa calls over HTTPS, instead of a Lambda function:
//! `SKILL_ID=amzn1.ask.skill.... cargo run -p alexa-web --example web_service` listens on 127.0.0.1:3000 (put a TLS proxy
//! with a trusted certificate in front, see the README) and checks every request as Amazon
//! requires before the skill sees it: the certificate chain and URL, the signature over the
//! body, the timestamp. A request that fails any check gets a 400 and never reaches a
//! handler. Ctrl-C (or SIGTERM) stops it after the requests in flight.
//!
//! Its test signs requests with a test CA, as Alexa signs them with Amazon's.

use alexa_core::{builtin, Response, Skill};
use alexa_web::{shutdown_signal, Verifier, WebHost};

/// The skill, answering only requests for `skill_id` (from the developer console).
fn skill(skill_id: &str) -> Skill {
    Skill::builder()
        .skill_id(skill_id)
        .launch(|| async { Response::ask("Welcome to the coffee shop.", "What would you like?") })
        .intent(builtin::HELP, || async {
            Response::ask("Ask for a coffee.", "What would you like?")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .build()
        .expect("every built-in intent has a handler")
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let Ok(skill_id) = std::env::var("SKILL_ID") else {
        eprintln!("set SKILL_ID to your skill's ID (amzn1.ask.skill....)");
        std::process::exit(2);
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    println!("listening on http://{}/", listener.local_addr()?);
    // Mozilla's roots; the signing certificates are fetched from Amazon over HTTPS and cached.
    WebHost::new(skill(&skill_id), Verifier::default())
        .serve(listener, shutdown_signal())
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use alexa_core::testing::TestRequest;
    use alexa_web::testing::{stamp, Flaw, ServedChains, TestPki, TEST_CERT_URL};
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use http_body_util::BodyExt;
    use std::sync::Arc;
    use tower::ServiceExt;

    /// Sends `body` with `signature` to a host that trusts `pki`; the status and the body.
    async fn post(pki: &TestPki, chain: &str, body: &str, signature: &str) -> (StatusCode, String) {
        let chains = Arc::new(ServedChains::default());
        chains.serve(TEST_CERT_URL, chain);
        let skill = skill(alexa_core::testing::TEST_SKILL_ID);
        let host = WebHost::new(skill, Verifier::new(pki.roots(), chains));
        let request = Request::post("/")
            .header("Content-Type", "application/json")
            .header("SignatureCertChainUrl", TEST_CERT_URL)
            .header("Signature-256", signature)
            .body(Body::from(body.to_owned()))
            .unwrap();
        let response = host.router().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    #[tokio::test]
    async fn a_signed_request_is_answered_and_a_tampered_one_refused() {
        let pki = TestPki::new();
        let signer = pki.signer(Flaw::None);
        let launch = serde_json::to_string(&TestRequest::launch().at(&stamp(0)).build()).unwrap();

        let (status, body) = post(
            &pki,
            &signer.chain,
            &launch,
            &signer.sign(launch.as_bytes()),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("Welcome to the coffee shop."), "{body}");

        // The same signature over a body changed on the way: refused before the skill.
        let changed = launch.replace("en-US", "en-GB");
        let (status, body) = post(
            &pki,
            &signer.chain,
            &changed,
            &signer.sign(launch.as_bytes()),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(!body.contains("Welcome"), "{body}");
    }
}
