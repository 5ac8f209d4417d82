//! Every fuzz target over its seeds, every input that ever crashed it, and a bounded number
//! of deterministic mutations: the short form of `scripts/fuzz` that the test command runs,
//! so no target rots and no fixed crash comes back.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// Mutations per seed (the seeds themselves always run).
const MUTATIONS: usize = 24;

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// One random edit: flip a byte, insert or delete a run, duplicate a slice, cut the end.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    let at = rng.below(out.len() + 1);
    match rng.below(6) {
        0 if !out.is_empty() => {
            let i = at.min(out.len() - 1);
            out[i] ^= 1 << rng.below(8);
        }
        1 => out
            .splice(
                at..at,
                std::iter::repeat_n(b"{[\"<&\\\0\xff"[rng.below(8)], rng.below(64) + 1),
            )
            .for_each(drop),
        2 => out.truncate(at),
        3 if at < out.len() => {
            let end = (at + rng.below(32)).min(out.len());
            out.drain(at..end);
        }
        4 if at < out.len() => {
            let end = (at + rng.below(200)).min(out.len());
            let copy = out[at..end].to_vec();
            out.splice(at..at, copy).for_each(drop);
        }
        _ => out.extend_from_slice(b"\xf0\x9f\x92\xa9\"}]"),
    }
    out
}

#[test]
fn every_target_survives_its_seeds_regressions_and_mutations() {
    let mut failures = Vec::new();
    for (name, target) in alexa_fuzz::TARGETS {
        let seeds = alexa_fuzz::seeds(name);
        assert!(!seeds.is_empty(), "{name} has no seeds");
        let mut inputs = seeds.clone();
        inputs.extend(alexa_fuzz::regressions(name));
        let mut rng = Rng(0x5EED_0000 + name.len() as u64);
        for seed in &seeds {
            let mut current = seed.clone();
            for _ in 0..MUTATIONS {
                current = mutate(&mut rng, &current);
                inputs.push(current.clone());
            }
        }
        for input in inputs {
            if catch_unwind(AssertUnwindSafe(|| target(&input))).is_err() {
                let shown: String = String::from_utf8_lossy(&input).chars().take(200).collect();
                failures.push(format!("{name} panicked on {shown:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
