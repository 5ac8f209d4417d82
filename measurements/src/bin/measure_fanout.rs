//! Fan-out figures (docs/performance.md): VoiceOps counting 17 regions against the emulator
//! behind the fault proxy, each region answering 300 ms late (one 450 ms), against the
//! slowest region alone and against the sum a region-by-region loop pays; then the CPU time
//! counting costs per 1,000 instances, over an estate of 10,000.
//!
//! `cargo run --release -p measurements --features voiceops --bin measure_fanout [-- --smoke]`
//! (`scripts/measure-fanout` does that).

use end_to_end::emulator::Emulator;
use end_to_end::faults::{Fault, FaultProxy, Target};
use end_to_end::seed;
use std::sync::Arc;
use std::time::{Duration, Instant};
use voiceops_skill::inventory::{survey, AwsInventory, Inventory, Timing};

use voiceops_skill::regions::ENABLED_BY_DEFAULT as REGIONS;

/// CPU time of this process so far (user + system), from /proc/self/stat.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or_default();
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // Fields 14 and 15 of the file (utime, stime) are 11 and 12 after the name.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let smoke = std::env::args().any(|a| a == "--smoke");
    let (runs, estate) = if smoke { (1, 200) } else { (7, 10_000) };
    let moto = Emulator::start();
    let direct = moto.config("us-east-1").await;
    for region in REGIONS {
        seed::bulk_instances(&direct, region, 2).await;
    }
    let proxy = FaultProxy::start(&moto.endpoint).await;
    for (i, region) in REGIONS.iter().enumerate() {
        let delay = if i == 0 { 450 } else { 300 };
        proxy.rules.add(
            Target {
                region: Some((*region).into()),
                ..Target::default()
            },
            Fault::Slow(Duration::from_millis(delay)),
        );
    }
    let config = direct.to_builder().endpoint_url(&proxy.endpoint).build();
    let regions: Vec<String> = REGIONS.map(String::from).to_vec();
    let inventory: Arc<dyn Inventory> = Arc::new(Arc::new(AwsInventory::new(
        config,
        Some(regions.clone()),
        1000,
    )));
    let timing = Timing {
        per_region: Duration::from_secs(5),
        overall: Duration::from_secs(6),
        ..Timing::default()
    };

    // Warm: clients and connections exist, as on a warm Lambda.
    let _ = survey(&inventory, &regions, timing, |inv, r| {
        inv.count_instances(r)
    })
    .await;
    let mut together = Vec::new();
    let mut one_by_one = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let found = survey(&inventory, &regions, timing, |inv, r| {
            inv.count_instances(r)
        })
        .await;
        together.push(start.elapsed());
        assert!(
            found.failed.is_empty(),
            "every region answered: {:?}",
            found.failed
        );
        let start = Instant::now();
        for region in &regions {
            inventory
                .count_instances(region.clone())
                .await
                .expect("a count");
        }
        one_by_one.push(start.elapsed());
    }
    let slowest = Duration::from_millis(450);
    let together = median(together);
    let one_by_one = median(one_by_one);
    println!("17 regions, each answering 300 ms late (one 450 ms), median of {runs}:");
    println!(
        "  all regions at once (VoiceOps):  {together:?}  = {:.2} x the slowest region",
        together.as_secs_f64() / slowest.as_secs_f64()
    );
    println!(
        "  region by region (a loop):       {one_by_one:?}  = {:.1} x VoiceOps",
        one_by_one.as_secs_f64() / together.as_secs_f64()
    );

    seed::bulk_instances(&direct, "us-west-2", estate).await;
    proxy.rules.clear();
    let home: Arc<dyn Inventory> =
        Arc::new(Arc::new(AwsInventory::new(direct.clone(), None, 1000)));
    let _ = home
        .count_instances("us-west-2".into())
        .await
        .expect("a count");
    let rounds = if smoke { 1 } else { 5 };
    let before = cpu_time();
    let started = Instant::now();
    for _ in 0..rounds {
        let counts = home
            .count_instances("us-west-2".into())
            .await
            .expect("a count");
        assert_eq!(counts.total() as usize, estate + 2);
    }
    let cpu = (cpu_time() - before) / rounds;
    let wall = started.elapsed() / rounds;
    let per_thousand = cpu.as_secs_f64() * 1000.0 / (estate as f64 / 1000.0);
    println!(
        "counting {} instances in one region (pages of 1,000), mean of {rounds}:",
        estate + 2
    );
    println!("  CPU time of the skill: {cpu:?} = {per_thousand:.1} ms per 1,000 instances (wall {wall:?}, most of it the emulator)");
}
