//! # cargo-alexa
//!
//! `cargo alexa`: the steps between a Rust skill and Amazon, as a cargo subcommand (as
//! `cargo lambda` is for Lambda), over [`alexa_smapi`]. No skill links it.
//!
//! | command | what it does |
//! | --- | --- |
//! | `cargo alexa login` | mints a refresh token for your own LWA security profile, once |
//! | `cargo alexa new NAME` | a skill crate that builds and passes its tests at once |
//! | `cargo alexa check` | the package against Alexa's rules and the skill's handlers |
//! | `cargo alexa deploy` | the package to Amazon, in the order Amazon accepts |
//! | `cargo alexa dialog` | Amazon's simulator from the terminal, or replaying transcripts |
//! | `cargo alexa nlu FILE` | Amazon's NLU and the offline resolver, side by side |
//!
//! Every command that needs a skill reads the ASK CLI v2 layout (`ask-resources.json`,
//! `skill-package/`, `.ask/ask-states.json`), so a project works with both tools.

pub mod check;
pub mod cli;
pub mod deploy;
pub mod dialog;
pub mod login;
pub mod new;
pub mod nlu;
pub mod project;
pub mod report;

use alexa_smapi::{PollPolicy, SmapiClient};
use cli::{Command, SkillArgs};
use report::CliError;
use std::time::Duration;

/// The SMAPI client for a command: credentials and endpoints from the environment (or the
/// stored login), progress on stderr.
pub fn client(args: &SkillArgs) -> Result<SmapiClient, CliError> {
    Ok(SmapiClient::from_env()?
        .with_polling(PollPolicy::every(Duration::from_millis(
            args.poll_interval_ms,
        )))
        .on_progress(report::print_progress))
}

/// Runs one command.
pub async fn run(command: Command) -> Result<(), CliError> {
    match command {
        Command::Login(args) => login::run(args).await,
        Command::New(args) => new::run(args),
        Command::Check(args) => check::run(args),
        Command::Deploy(args) => deploy::run(args).await,
        Command::Dialog(args) => dialog::run(args).await,
        Command::Nlu(args) => nlu::run(args).await,
    }
}
