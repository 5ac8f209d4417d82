//! VoiceOps: count EC2 instances and list RDS databases by voice.
//!
//! The skill is wired in [`skill`], its answers are in [`handlers`], the words in [`speech`], AWS behind
//! [`inventory::Inventory`]. Two binaries, each in `src/bin/`: `voiceops-lambda` (the deployed
//! function, see [`lambda`]) and `voiceops-skill` (the command-line tool: `invoke`, and
//! `simulate` and `serve`, which live with it because only it links the simulator and the
//! web host).

pub mod accounts;
pub mod config;
pub mod handlers;
pub mod history;
pub mod hosted;
pub mod inventory;
pub mod lambda;
pub mod notify;
pub mod package;
pub mod regions;
pub mod screen;
pub mod skill;
pub mod slots;
pub mod speech;
pub mod spoken;
pub mod state;
pub mod store;
pub mod subscriptions;
