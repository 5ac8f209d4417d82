//! The small coffee-shop skill that `scripts/compare-sdks` runs side by side with the same
//! skill on Amazon's ASK SDKs for Node.js and Python (`measurements/peers/`): a launch, one intent
//! with a custom slot and entity resolution, a session attribute, help, stop and cancel, and
//! session end.
//!
//! ```text
//! peer_skill once FILE          answer one request and exit (cold start: spawn to answer)
//! peer_skill bench N FILE...    answer each request N times in process, print nanoseconds
//! peer_skill repeat N FILE      answer the request N times, print nothing (for callgrind)
//! peer_skill scan N FILE        only read the bytes N times with serde_json's IgnoredAny
//! peer_skill read-all N FILE    as `repeat`, with a handler that reads every member of the
//!                               request (a skill that uses everything pays for everything)
//! peer_skill read-whole N FILE  as `read-all`, the skill built with `read_whole_requests`
//! ```
//! All but `scan` run the whole path a host runs: parse the bytes, route, handle, serialise.
//! `scan` is the floor a JSON reader cannot go below; `scripts/count-instructions` runs
//! `repeat` and `scan` under callgrind, whose counts do not move with the machine's load.

#[path = "../coffee_shop.rs"]
mod coffee_shop;

use alexa_core::{builtin, Response, Skill};
use coffee_shop::skill;
use std::time::Instant;

/// The same skill, every handler reading the whole request first; `whole`: the skill types
/// every member in the one pass.
fn reading_skill(whole: bool) -> Skill<()> {
    use alexa_core::extract::Envelope;
    let answer = |Envelope(envelope): Envelope| async move {
        std::hint::black_box(envelope.read_every_member());
        Response::ask("Read it all.", "What would you like?")
    };
    let builder = Skill::builder();
    let builder = if whole {
        builder.read_whole_requests()
    } else {
        builder
    };
    builder
        .skill_id("amzn1.ask.skill.00000000-0000-0000-0000-000000000000")
        .launch(answer)
        .intent(builtin::HELP, answer)
        .intent(builtin::STOP, answer)
        .intent(builtin::CANCEL, answer)
        .session_ended(answer)
        .fallback(answer)
        .build()
        .expect("a valid skill")
}

fn usage() -> ! {
    eprintln!(
        "usage: peer_skill once FILE | bench N FILE... | repeat N FILE | scan N FILE | read-all N FILE | read-whole N FILE"
    );
    std::process::exit(2)
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("peer_skill: {path}: {e}");
        std::process::exit(2)
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // One request at a time, as a Lambda instance serves them: a single-threaded runtime.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    match args.as_slice() {
        [mode, file] if mode == "once" => {
            let body = read(file);
            let out = runtime.block_on(skill().handle_json(&body));
            match out {
                Ok(bytes) => println!("{}", String::from_utf8_lossy(&bytes)),
                Err(err) => {
                    eprintln!("peer_skill: {err}");
                    std::process::exit(1)
                }
            }
        }
        [mode, n, files @ ..] if mode == "bench" && !files.is_empty() => {
            let n: usize = n.parse().unwrap_or_else(|_| usage());
            let skill = skill();
            for file in files {
                let body = read(file);
                let times = runtime.block_on(async {
                    let mut times = Vec::with_capacity(n);
                    for _ in 0..n {
                        let start = Instant::now();
                        let out = skill.handle_json(&body).await;
                        times.push(start.elapsed().as_nanos());
                        std::hint::black_box(out.ok());
                    }
                    times
                });
                let times: Vec<String> = times.iter().map(u128::to_string).collect();
                println!("{file} {}", times.join(" "));
            }
        }
        [mode, n, file]
            if ["repeat", "scan", "read-all", "read-whole"].contains(&mode.as_str()) =>
        {
            let n: usize = n.parse().unwrap_or_else(|_| usage());
            let body = read(file);
            let skill = match mode.as_str() {
                "read-all" => reading_skill(false),
                "read-whole" => reading_skill(true),
                _ => skill(),
            };
            if mode == "scan" {
                for _ in 0..n {
                    let read = serde_json::from_slice::<serde::de::IgnoredAny>(&body);
                    std::hint::black_box(read.ok());
                }
            } else {
                // One task answering request after request, as a host's loop does: the
                // runtime's cost of entering a task is paid once, not counted per request.
                runtime.block_on(async {
                    for _ in 0..n {
                        let out = skill.handle_json(std::hint::black_box(&body)).await;
                        std::hint::black_box(out.ok());
                    }
                });
            }
        }
        _ => usage(),
    }
}
