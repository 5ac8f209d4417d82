//! The request path as `alexa-lambda` runs it, against `Skill::handle_json`, for counting
//! instructions (docs/performance.md, "What the Lambda host pays on top"): the payload read
//! as `lambda_runtime` reads it (`Invocation` from the bytes), `SkillWithEvents` (deadline,
//! skill-ID check, dispatch), the answer serialised as the runtime sends it.
//!
//! `lambda_path json|lambda N FILE`; per request is (count of N = 1 + K − count of N = 1) / K.

use alexa_lambda::{Invocation, OtherEvents, SkillWithEvents};
use lambda_runtime::{Context, LambdaEvent};
use measurements::any_fixture_skill as skill;
use std::sync::Arc;
use std::time::Duration;
use tower::Service;

fn usage() -> ! {
    eprintln!("usage: lambda_path json|lambda N FILE");
    std::process::exit(2)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, n, file] = args.as_slice() else {
        usage()
    };
    let n: usize = n.parse().unwrap_or_else(|_| usage());
    let body = std::fs::read(file).unwrap_or_else(|err| {
        eprintln!("lambda_path: {file}: {err}");
        std::process::exit(1)
    });
    let mut written = 0;
    match mode.as_str() {
        "json" => {
            let skill = skill();
            for _ in 0..n {
                written += skill.handle_json(&body).await.expect("an answer").len();
            }
        }
        "lambda" => {
            let other: OtherEvents = Arc::new(|event| Box::pin(async move { Ok(event) }));
            let mut host = SkillWithEvents::new(skill(), Duration::from_secs(7), other);
            for _ in 0..n {
                let payload: Invocation = serde_json::from_slice(&body).expect("an invocation");
                let event = LambdaEvent::new(payload, Context::default());
                let answer = host.call(event).await.expect("an answer");
                written += serde_json::to_vec(&answer).expect("JSON").len();
            }
        }
        _ => usage(),
    }
    println!("{written} bytes answered");
}
