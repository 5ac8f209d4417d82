//! The command line: `cargo alexa <command>`, each command's options, and the ones every
//! command that talks to a skill shares.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// `cargo alexa`: a skill from `cargo alexa new` to Amazon's simulator and NLU, from Rust.
#[derive(Debug, Parser)]
#[command(name = "cargo alexa", bin_name = "cargo alexa", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sign in to Amazon once: mints a refresh token for your own LWA security profile and
    /// keeps it (owner-only) for the other commands.
    Login(LoginArgs),
    /// A new skill crate: alexa-core handlers, an en-US model in the ASK CLI layout, a SAM
    /// template, request fixtures, a transcript and tests that pass at once.
    New(NewArgs),
    /// Checks the skill package against Alexa's rules, and against the skill's handlers
    /// when the crate has the generated model test.
    Check(CheckArgs),
    /// Imports the skill package into Amazon in the order Amazon accepts, sets the
    /// endpoint, waits for every model to build and enables testing.
    Deploy(DeployArgs),
    /// Talks to the deployed skill through Amazon's simulator, or replays transcripts
    /// (ours, or the ASK CLI's replay files) against it.
    Dialog(DialogArgs),
    /// Sends every phrasing of a list through Amazon's utterance profiler and the offline
    /// resolver, side by side.
    Nlu(NluArgs),
}

/// Options every command that talks to a skill takes.
#[derive(Debug, Args, Clone)]
pub struct SkillArgs {
    /// The skill ID; else the one `.ask/ask-states.json` keeps.
    #[arg(long)]
    pub skill_id: Option<String>,
    /// The ASK CLI project (with `ask-resources.json`) or its `skill-package/`; else the
    /// current folder or the nearest one above it with `ask-resources.json`.
    #[arg(long)]
    pub package: Option<PathBuf>,
    /// The ASK CLI profile in `ask-resources.json` and `.ask/ask-states.json`.
    #[arg(long, default_value = "default")]
    pub profile: String,
    /// Print machine-readable JSON on stdout (progress still goes to stderr).
    #[arg(long)]
    pub json: bool,
    /// The first wait between polls of Amazon, in milliseconds (each wait grows by a fifth).
    #[arg(long, default_value_t = 2000)]
    pub poll_interval_ms: u64,
}

/// `cargo alexa login`.
#[derive(Debug, Args)]
pub struct LoginArgs {
    /// The security profile's client ID (else `ASK_CLIENT_ID`).
    #[arg(long)]
    pub client_id: Option<String>,
    /// The security profile's client secret (else `ASK_CLIENT_SECRET`; prefer the variable,
    /// a flag shows in the process list).
    #[arg(long)]
    pub client_secret: Option<String>,
    /// The port of the one-shot listener on 127.0.0.1; `http://127.0.0.1:PORT/cb` must be an
    /// allowed return URL of the security profile.
    #[arg(long, default_value_t = 9090)]
    pub port: u16,
    /// Print the sign-in URL only; do not try to open a browser.
    #[arg(long)]
    pub no_browser: bool,
}

/// `cargo alexa new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The crate's name (and folder).
    pub name: String,
    /// Where the framework crates are (a checkout of this workspace): path dependencies.
    /// Else the checkout `cargo-alexa` was built from, when it is still there.
    #[arg(long)]
    pub framework: Option<PathBuf>,
}

/// `cargo alexa check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The package, as for the other commands.
    #[arg(long)]
    pub package: Option<PathBuf>,
    /// Only Alexa's rules; do not run the crate's model-to-code test.
    #[arg(long)]
    pub no_code: bool,
    /// Print the issues as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `cargo alexa deploy`.
#[derive(Debug, Args)]
pub struct DeployArgs {
    /// The skill and package.
    #[command(flatten)]
    pub skill: SkillArgs,
    /// The endpoint: a Lambda ARN or an HTTPS URL.
    #[arg(long, conflicts_with = "stack")]
    pub endpoint: Option<String>,
    /// Take the endpoint from this SAM stack's output (`sam list stack-outputs`).
    #[arg(long)]
    pub stack: Option<String>,
    /// The stack output that holds the endpoint.
    #[arg(long, default_value = "FunctionArn")]
    pub stack_output: String,
    /// Show the calls without making any.
    #[arg(long)]
    pub dry_run: bool,
}

/// `cargo alexa dialog`.
#[derive(Debug, Args)]
pub struct DialogArgs {
    /// The skill and package.
    #[command(flatten)]
    pub skill: SkillArgs,
    /// The locale (else a transcript's `locale:` line, else en-US).
    #[arg(long)]
    pub locale: Option<String>,
    /// Replay a transcript (`.txt`), a folder of them, or an ASK CLI replay file (`.json`).
    #[arg(long)]
    pub replay: Option<PathBuf>,
    /// Write what was said as an ASK CLI replay file.
    #[arg(long)]
    pub record: Option<PathBuf>,
}

/// `cargo alexa nlu`.
#[derive(Debug, Args)]
pub struct NluArgs {
    /// The skill and package.
    #[command(flatten)]
    pub skill: SkillArgs,
    /// The locale whose model is profiled.
    #[arg(long, default_value = "en-US")]
    pub locale: String,
    /// The phrasing list (`utterance => Intent slot=id ...` a line).
    pub file: PathBuf,
}
