//! Test support: moto's AWS API emulator on a free loopback port, and a fleet seeded into it
//! through the AWS SDK itself.
#![allow(dead_code)]

pub mod emulator;
pub mod fake_aws;
pub mod seed;
