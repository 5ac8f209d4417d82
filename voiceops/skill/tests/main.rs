//! VoiceOps's tests, one module per subject, linked into one binary: each binary links the
//! AWS SDK and the whole skill, so one per file costs gigabytes of disk and a minute of
//! linking for nothing. Run one subject with
//! `cargo test -p voiceops-skill --test voiceops transcripts::`.

mod common;

mod amazon;
mod cli;
mod conversation;
mod lean_function;
mod model_check;
mod no_tokens_in_logs;
mod notifications;
mod organization;
mod phrasings;
mod remembers_and_reassures;
mod serve;
mod simulate_cli;
mod transcripts;
