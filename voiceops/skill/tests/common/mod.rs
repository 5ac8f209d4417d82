//! Test support: a fake AWS that answers in microseconds, so the conversation is tested
//! with nothing but Rust (the AWS emulator lives in the end-to-end crate, `voiceops/end-to-end`).
#![allow(dead_code)]

pub mod fake_aws;
