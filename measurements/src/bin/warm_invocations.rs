//! Memory under repeated warm invocations of the Lambda path (docs/reliability.md): the
//! payload read as `lambda_runtime` reads it, then `LambdaSkill` (deadline layer, skill-ID
//! check, dispatch), for every fixture in turn, N times; the process's resident memory is
//! printed every tenth of the way. A leak shows as growth after the first tenth.
//!
//! `cargo run --release -p measurements --features lambda --bin warm_invocations -- [N]`

use alexa_lambda::{AlexaRequest, LambdaSkill};
use lambda_runtime::{Context, LambdaEvent};
use std::time::Duration;
use tower::Service;

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../alexa-core/tests/fixtures/requests"
    );
    let mut payloads: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("the fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    payloads.sort();
    let skill = measurements::any_fixture_skill();
    let mut lambda = LambdaSkill::new(skill, Duration::from_secs(7));
    let (mut answered, mut refused) = (0u64, 0u64);
    println!(
        "{} fixtures, {n} invocations; RSS at start {} kB",
        payloads.len(),
        rss_kb()
    );
    for i in 0..n {
        let payload = &payloads[i % payloads.len()];
        match serde_json::from_slice::<AlexaRequest>(payload) {
            Ok(request) => match lambda
                .call(LambdaEvent::new(request, Context::default()))
                .await
            {
                Ok(_) => answered += 1,
                Err(_) => refused += 1,
            },
            Err(_) => refused += 1,
        }
        if (i + 1) % (n / 10).max(1) == 0 {
            println!("after {:>8} invocations: RSS {} kB", i + 1, rss_kb());
        }
    }
    println!("answered {answered}, refused {refused}");
}
