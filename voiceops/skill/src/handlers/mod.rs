//! What VoiceOps answers, one file per kind of question; `skill.rs` wires them
//! to intents. Every question about the estate starts the same way (`answering.rs`:
//! its slots, whose accounts, which regions), and the counting and listing questions share
//! one path (`tally.rs`).

pub mod answer_context;
mod answering;
pub mod asked_accounts;
pub mod can_fulfill;
pub(crate) mod conversation;
mod elicit;
pub mod notifications;
mod presentation;
pub mod progress;
mod question;
pub(crate) mod status;
pub(crate) mod tally;
pub(crate) mod which;
