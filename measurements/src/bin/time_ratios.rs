//! `time_ratios ROUNDS N FILE...`: the "within 2× of `IgnoredAny`" in time, measured
//! so that a shared machine's changes of speed cancel out (`scripts/measure-ratios`).
//!
//! Per body and round it times, one after the other, N requests of each: serde_json's
//! `IgnoredAny` over the bytes, the borrowed floor (the least a typed read can do: alexa-core's
//! `borrowed_floor` bench reader) and the whole path of the coffee-shop skill; then prints per
//! file `FILE scan-ns floor-ns path-ns floor÷scan path÷scan`, each the median over the rounds,
//! the ratios medians of each round's own ratio ("-" for the floor on a body it cannot borrow
//! from). Criterion times the three for seconds each, minutes apart, and between such runs the
//! same request here has taken 2.3 µs and 3.8 µs. A binary of its own: `peer_skill` and
//! `borrowed_floor` stay as `scripts/count-instructions` counts them, since a second copy of
//! the scan in one binary changes how the first is compiled, and its count.

#[path = "../coffee_shop.rs"]
mod coffee_shop;
#[path = "../../../crates/alexa-core/benches/support/borrowed_floor.rs"]
mod floor_reader;

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [rounds, n, files @ ..] = args.as_slice() else {
        usage()
    };
    let (Ok(rounds @ 1..), Ok(n @ 1..), false) = (
        rounds.parse::<usize>(),
        n.parse::<usize>(),
        files.is_empty(),
    ) else {
        usage()
    };
    let bodies: Vec<Vec<u8>> = files
        .iter()
        .map(|file| {
            std::fs::read(file).unwrap_or_else(|e| {
                eprintln!("time_ratios: {file}: {e}");
                std::process::exit(2)
            })
        })
        .collect();
    let borrows: Vec<bool> = bodies
        .iter()
        .map(|body| floor_reader::read(body).is_some())
        .collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let skill = coffee_shop::skill();

    // Per body: one (scan, floor, path) in nanoseconds per request for each round.
    let mut measured = vec![Vec::with_capacity(rounds); bodies.len()];
    for _ in 0..rounds {
        for ((body, borrows), measured) in bodies.iter().zip(&borrows).zip(&mut measured) {
            let scan = nanos_each(n, || {
                for _ in 0..n {
                    let read = serde_json::from_slice::<serde::de::IgnoredAny>(black_box(body));
                    black_box(read.ok());
                }
            });
            let floor = borrows.then(|| {
                nanos_each(n, || {
                    for _ in 0..n {
                        black_box(floor_reader::read(black_box(body)));
                    }
                })
            });
            // One task answering the batch, as a host's loop does.
            let path = nanos_each(n, || {
                runtime.block_on(async {
                    for _ in 0..n {
                        let out = skill.handle_json(black_box(body)).await;
                        black_box(out.ok());
                    }
                })
            });
            measured.push((scan, floor, path));
        }
    }

    for (file, rounds) in files.iter().zip(measured) {
        let scan = median(rounds.iter().map(|r| r.0));
        let path = median(rounds.iter().map(|r| r.2));
        let path_ratio = median(rounds.iter().map(|r| r.2 / r.0));
        let (floor, floor_ratio) = if rounds.iter().all(|r| r.1.is_some()) {
            (
                format!("{:.1}", median(rounds.iter().filter_map(|r| r.1))),
                format!(
                    "{:.3}",
                    median(rounds.iter().filter_map(|r| Some(r.1? / r.0)))
                ),
            )
        } else {
            ("-".to_owned(), "-".to_owned())
        };
        println!("{file} {scan:.1} {floor} {path:.1} {floor_ratio} {path_ratio:.3}");
    }
}

/// Nanoseconds per request of `run_all`, which handles `n`: timed as one batch, since a clock
/// read per request would weigh on work of a few hundred nanoseconds.
fn nanos_each(n: usize, run_all: impl FnOnce()) -> f64 {
    let start = Instant::now();
    run_all();
    start.elapsed().as_nanos() as f64 / n as f64
}

/// The middle value (the upper of the two middle ones for an even count).
fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn usage() -> ! {
    eprintln!("usage: time_ratios ROUNDS N FILE...   (ROUNDS and N at least 1)");
    std::process::exit(2)
}
