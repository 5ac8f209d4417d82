//! Parse + skill-ID check + route + extract + handle + limits + serialise, per request.
//! Target: under 10 microseconds each. Run: `cargo bench -p alexa-core --bench dispatch`.

use alexa_core::extract::{ResolvedSlot, Slots};
use alexa_core::{builtin, FromSlot, FromSlots, Response, Skill};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

#[path = "support/borrowed_floor.rs"]
mod borrowed_floor;

#[derive(FromSlot, Clone, Copy)]
enum State {
    #[slot(id = "running")]
    Running,
    #[slot(id = "stopped")]
    Stopped,
}

#[derive(FromSlots)]
struct CountArgs {
    state: Option<State>,
    region: Option<ResolvedSlot>,
}

async fn count(Slots(args): Slots<CountArgs>) -> Response {
    let state = match args.state {
        Some(State::Running) => "running",
        Some(State::Stopped) => "stopped",
        None => "in total",
    };
    let region = args
        .region
        .map(|r| r.name)
        .unwrap_or_else(|| "all regions".into());
    Response::ask(
        format!("3 instances are {state} in {region}."),
        "Anything else?",
    )
}

fn skill() -> Skill {
    Skill::builder()
        .skill_id(alexa_core::testing::TEST_SKILL_ID)
        .launch(|| async {
            Response::ask(
                "Welcome to the coffee shop.",
                "What would you like to know?",
            )
        })
        .intent("CountInstancesIntent", count)
        .intent(builtin::HELP, || async {
            Response::ask("Ask me.", "Ask me.")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .session_ended(|| async {})
        .build()
        .expect("valid skill")
}

#[derive(Default, serde::Serialize, serde::Deserialize)]
struct Visits {
    count: u64,
}

impl alexa_core::persist::PersistentAttributes for Visits {
    const NAME: &'static str = "visits";
}

/// The same launch through two interceptors and the persistence layer, reading and writing
/// a user's attributes in memory: what the layers cost on top of the plain path.
fn layered_skill() -> Skill {
    use alexa_core::persist::{MemoryStore, Persistent};
    Skill::builder()
        .skill_id(alexa_core::testing::TEST_SKILL_ID)
        .skip_builtin_check()
        .request_interceptor(|request| {
            black_box(request.request.type_name());
            Ok(())
        })
        .response_interceptor(|_, response| {
            black_box(response.body());
        })
        .persistence(MemoryStore::default())
        .launch(|visits: Persistent<Visits>| async move {
            let seen = visits.load().await?.count;
            visits.update(|v| v.count += 1);
            Ok::<_, alexa_core::SkillError>(Response::ask(
                format!("Welcome back, visit {}.", seen + 1),
                "What would you like to know?",
            ))
        })
        .build()
        .expect("valid skill")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/requests/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The fixtures as Amazon's documentation prints them (indented), and the same members in
/// the same order without whitespace, as a machine writes them: the scan's cost is mostly
/// per byte and the typed read's mostly per member, so the two forms give different ratios
/// and both are shown.
const BENCH_REQUESTS: [(&str, &str); 4] = [
    ("launch", "doc-launch-full-context"),
    ("intent_with_slots", "va-count-stopped-frankfurt"),
    ("session_ended", "va-session-ended-user"),
    ("launch_echo_show", "doc-launch-echo-show-geolocation"),
];

/// Each bench request as printed and compacted, labelled `<label>` and `<label>_compact`.
fn bench_bodies() -> Vec<(String, Vec<u8>)> {
    let mut bodies = Vec::new();
    for (label, name) in BENCH_REQUESTS {
        let printed = fixture(name);
        let compact = compact(&printed);
        assert!(
            compact.len() < printed.len(),
            "{name} has whitespace to drop"
        );
        bodies.push((label.to_string(), printed));
        bodies.push((format!("{label}_compact"), compact));
    }
    bodies
}

/// The same JSON, members in the order sent, without whitespace.
fn compact(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    serde_transcode::transcode(
        &mut serde_json::Deserializer::from_slice(body),
        &mut serde_json::Serializer::new(&mut out),
    )
    .expect("fixture is JSON");
    out
}

/// Times `iters` answers awaited one after another in one task, as a host's loop awaits
/// them (lambda_runtime's, a hyper connection's): the runtime is entered once, not per
/// request, so its cost of entering (about 900 instructions) is not counted as the path's.
fn answering_in_one_task<F, Fut>(
    runtime: &tokio::runtime::Runtime,
    iters: u64,
    mut answer: F,
) -> std::time::Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<Vec<u8>, alexa_core::InvocationError>>,
{
    runtime.block_on(async {
        let start = std::time::Instant::now();
        for _ in 0..iters {
            black_box(answer().await.expect("answered"));
        }
        start.elapsed()
    })
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let skill = skill();
    let mut group = c.benchmark_group("request");
    let bodies = bench_bodies();
    for (label, body) in &bodies {
        // Check the path answers before timing it.
        runtime.block_on(skill.handle_json(body)).expect("answered");
        group.throughput(Throughput::Elements(1));
        group.bench_function(label.as_str(), |b| {
            b.iter_custom(|iters| {
                answering_in_one_task(&runtime, iters, || skill.handle_json(black_box(body)))
            })
        });
    }
    let layered = layered_skill();
    let body = fixture("doc-launch-full-context");
    runtime
        .block_on(layered.handle_json(&body))
        .expect("answered");
    group.bench_function("launch_with_layers_and_attributes", |b| {
        b.iter_custom(|iters| {
            answering_in_one_task(&runtime, iters, || layered.handle_json(black_box(&body)))
        })
    });
    group.finish();

    // The parts, to see where the time goes.
    let body = fixture("va-count-stopped-frankfurt");
    let mut parts = c.benchmark_group("parts");
    parts.bench_function("parse_envelope", |b| {
        b.iter(|| {
            serde_json::from_slice::<alexa_core::model::RequestEnvelope>(black_box(&body))
                .expect("parses")
        })
    });
    parts.bench_function("parse_as_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&body)).expect("parses"))
    });
    let envelope: alexa_core::model::RequestEnvelope =
        serde_json::from_slice(&body).expect("parses");
    parts.bench_function("handle_parsed", |b| {
        b.iter(|| {
            runtime
                .block_on(skill.handle(black_box(envelope.clone())))
                .expect("answered")
        })
    });
    parts.bench_function("clone_envelope", |b| b.iter(|| black_box(envelope.clone())));
    parts.finish();

    // The floor: serde_json reading the same bytes and keeping nothing (`IgnoredAny`). The
    // whole request path divided by it says how close to the limit the framework is.
    let mut limit = c.benchmark_group("limit");
    for (label, body) in &bodies {
        limit.bench_function(format!("{label}/ignored_any"), |b| {
            b.iter(|| {
                serde_json::from_slice::<serde::de::IgnoredAny>(black_box(body)).expect("JSON")
            })
        });
        // The least a typed read can do (see `borrowed_floor`): between the two, what a typed
        // model costs at all, whatever it owns or borrows.
        let floor = borrowed_floor::read(body).expect("borrows");
        assert!(
            !floor.request.kind.is_empty()
                && !floor.context.system.application.application_id.is_empty()
        );
        limit.bench_function(format!("{label}/borrowed_floor"), |b| {
            b.iter(|| borrowed_floor::read(black_box(body)).expect("borrows"))
        });
        // The parse the path runs (`handle_json` reads through the lenient reader).
        limit.bench_function(format!("{label}/parse_envelope"), |b| {
            b.iter(|| {
                alexa_core::model::RequestEnvelope::from_slice_lenient(black_box(body))
                    .expect("parses")
            })
        });
    }
    limit.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
