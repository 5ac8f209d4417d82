//! VoiceOps: count EC2 instances and list RDS databases by voice.
//!
//! The conversation is in [`skill`], the words in [`speech`], AWS behind
//! [`inventory::Inventory`]. The binary (`main.rs`) hosts it on Lambda or runs it as a CLI.

pub mod config;
pub mod inventory;
pub mod package;
pub mod regions;
pub mod screen;
pub mod skill;
pub mod slots;
pub mod speech;
