//! `borrowed_floor N FILE`: reads the request N times into borrowed structs holding only what
//! handlers read (alexa-core's `borrowed_floor` bench reader), the least a typed read can do;
//! `scripts/count-instructions` counts it under callgrind beside `peer_skill scan`. Exits 3
//! when the body does not borrow (a string with an escape). A binary of its own: in
//! `peer_skill` its code changed how the scan beside it was inlined, and the scan's count.

#[path = "../../../crates/alexa-core/benches/support/borrowed_floor.rs"]
mod reader;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [n, file] = args.as_slice() else {
        eprintln!("usage: borrowed_floor N FILE");
        std::process::exit(2)
    };
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("borrowed_floor: N must be a number, not {n}");
        std::process::exit(2)
    };
    let body = std::fs::read(file).unwrap_or_else(|e| {
        eprintln!("borrowed_floor: {file}: {e}");
        std::process::exit(2)
    });
    if reader::read(&body).is_none() {
        eprintln!("borrowed_floor: {file} does not borrow");
        std::process::exit(3)
    }
    for _ in 0..n {
        std::hint::black_box(reader::read(std::hint::black_box(&body)));
    }
}
