//! A verifying endpoint to put load on (`scripts/measure-web`): a small skill behind
//! `WebHost` with verification on, trusting a test CA whose chain is already cached after
//! the first request, as it is for a running service. It signs one launch request, writes a
//! wrk script that POSTs it with its signature headers (and the body and headers as files,
//! for curl), prints the URL and its process id,
//! and serves until SIGTERM. Usage: `load_target DIR [SOAK_SECONDS]` (DIR receives
//! `post.lua`; with SOAK_SECONDS also `soak.lua`, which switches every two minutes to a launch
//! signed for that time, so a run longer than a signature's 150 s stays genuine).

use alexa_core::testing::{TestRequest, TEST_SKILL_ID};
use alexa_core::{builtin, Response, Skill};
use alexa_web::testing::{stamp, Flaw, ServedChains, TestPki, TEST_CERT_URL};
use alexa_web::{shutdown_signal, Verifier, WebHost};
use std::sync::Arc;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let pki = TestPki::new();
    let signer = pki.signer(Flaw::None);
    let chains = Arc::new(ServedChains::default());
    chains.serve(TEST_CERT_URL, &signer.chain);
    let skill = Skill::builder()
        .skill_id(TEST_SKILL_ID)
        .launch(|| async { Response::ask("Welcome to the coffee shop.", "What would you like?") })
        .intent(builtin::HELP, || async {
            Response::ask("Ask for a coffee.", "What would you like?")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .build()
        .expect("valid skill");
    let host = WebHost::new(skill, Verifier::new(pki.roots(), chains));

    // Signed now: valid for 150 s, the longest run the script allows.
    let body = serde_json::to_string(&TestRequest::launch().at(&stamp(0)).build())?;
    let lua = format!(
        "wrk.method = \"POST\"\nwrk.body = {body:?}\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.headers[\"SignatureCertChainUrl\"] = {url:?}\nwrk.headers[\"Signature-256\"] = {sig:?}\n",
        url = TEST_CERT_URL,
        sig = signer.sign(body.as_bytes()),
    );
    std::fs::write(dir.join("post.lua"), lua)?;
    std::fs::write(dir.join("body.json"), &body)?;
    let headers = format!(
        "Content-Type: application/json\nSignatureCertChainUrl: {TEST_CERT_URL}\nSignature-256: {}\n",
        signer.sign(body.as_bytes())
    );
    std::fs::write(dir.join("headers.txt"), headers)?;
    if let Some(soak) = std::env::args().nth(2).and_then(|s| s.parse::<i64>().ok()) {
        let mut lua = String::from("local variants = {}\n");
        for (i, offset) in (0..=soak + 120).step_by(120).enumerate() {
            let body = serde_json::to_string(&TestRequest::launch().at(&stamp(offset)).build())?;
            lua.push_str(&format!(
                "variants[{}] = {{ body = {body:?}, sig = {:?} }}\n",
                i + 1,
                signer.sign(body.as_bytes())
            ));
        }
        lua.push_str(&format!(
            "local start = os.time()\nrequest = function()\n  local v = variants[math.floor((os.time() - start) / 120) + 1] or variants[#variants]\n  return wrk.format(\"POST\", \"/\", {{ [\"Content-Type\"] = \"application/json\", [\"SignatureCertChainUrl\"] = {TEST_CERT_URL:?}, [\"Signature-256\"] = v.sig }}, v.body)\nend\n"
        ));
        std::fs::write(dir.join("soak.lua"), lua)?;
    }

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    println!("http://{}/ {}", listener.local_addr()?, std::process::id());
    host.serve(listener, shutdown_signal()).await
}
