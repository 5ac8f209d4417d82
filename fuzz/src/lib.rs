//! The fuzz targets, as plain functions of bytes. Each must return for any input without a
//! panic, and checks what must hold whatever the input (an answer is valid JSON within
//! Alexa's limits, escaped text is valid SSML, ...).
//!
//! `fuzz/libfuzzer` runs them under cargo-fuzz (`scripts/fuzz`); `tests/smoke.rs` runs each
//! over its seeds, every crash found so far (`fuzz/regressions/`) and a bounded number of
//! mutations, in the test command.

mod seeds;
mod targets;

pub use seeds::{regressions, seeds};

pub use targets::{envelope_dispatch, fluent_format, interaction_model, resolver, ssml, verifier};

/// A target: any bytes in, nothing out; a panic is a finding.
pub type Target = fn(&[u8]);

/// Every target by name, as `scripts/fuzz` and the smoke test list them.
pub const TARGETS: &[(&str, Target)] = &[
    ("envelope_dispatch", envelope_dispatch),
    ("ssml", ssml),
    ("interaction_model", interaction_model),
    ("resolver", resolver),
    ("verifier", verifier),
    ("fluent_format", fluent_format),
];
