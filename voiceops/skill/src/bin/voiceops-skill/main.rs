//! `voiceops-skill`: the command-line tool (`invoke`, `simulate`, `serve`). On Lambda
//! (`AWS_LAMBDA_RUNTIME_API` set) it serves the skill as `voiceops-lambda` does; the
//! deployed function is `voiceops-lambda`, which links no simulator.

use alexa_core::InvocationError;
use clap::{Parser, Subcommand};
use std::io::Read;
use std::process::ExitCode;
use voiceops_skill::config::Config;
use voiceops_skill::config::SkillIds;
use voiceops_skill::skill;
use voiceops_skill::state::VoiceOps;

#[derive(Parser)]
#[command(
    name = "voiceops-skill",
    version,
    about = "VoiceOps: your AWS estate on an Echo."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Answer one Alexa request envelope and print the response envelope as JSON.
    ///
    /// Reads FILE, or standard input when FILE is `-`. With SKILL_ID set, requests for other
    /// skills are refused; without it any skill ID is accepted.
    Invoke {
        /// A request envelope (JSON), or `-` for standard input.
        file: String,
    },
    /// Talk to the skill offline, as to an Echo: type what you would say.
    ///
    /// Utterances are resolved with the skill's own interaction model and the session is kept
    /// as Alexa keeps it. An empty line is silence (the reprompt). From a terminal it has
    /// history; with piped input it reads one utterance per line and prints one
    /// `Alexa: ...` line per answer.
    Simulate(simulate::SimulateArgs),
    /// Serve the skill as an HTTPS web-service endpoint instead of Lambda: POST / with an
    /// envelope, GET /health. Terminate TLS in front of it (see the README). Every request is
    /// verified as Amazon requires; SKILL_ID is required, as on Lambda.
    Serve(serve::ServeArgs),
}

mod serve;
mod simulate;

fn main() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("voiceops-skill: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    if std::env::var_os("AWS_LAMBDA_RUNTIME_API").is_some() {
        return runtime.block_on(voiceops_skill::lambda::serve());
    }
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        init_cli_logs();
    }
    match cli.command {
        Command::Invoke { file } => runtime.block_on(invoke(&file)),
        Command::Simulate(args) => runtime.block_on(simulate::run(args)),
        Command::Serve(args) => runtime.block_on(serve::run(args)),
    }
}

fn env_filter(default: &str) -> tracing_subscriber::EnvFilter {
    tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default))
}

fn init_cli_logs() {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(env_filter("error"))
        .without_time()
        .with_target(false)
        .init();
}

async fn invoke(file: &str) -> ExitCode {
    let body = match read_input(file) {
        Ok(body) => body,
        Err(err) => {
            eprintln!("voiceops-skill: cannot read {file}: {err}");
            return ExitCode::from(1);
        }
    };
    let config = Config::from_env();
    let ids = config.local_skill_ids();
    if ids == SkillIds::Any {
        eprintln!("voiceops-skill: SKILL_ID is not set, so requests for any skill ID are accepted");
    }
    let state = match VoiceOps::from_config(&config, Some(voiceops_skill::store::sqlite)).await {
        Ok(state) => state,
        Err(err) => {
            eprintln!("voiceops-skill: {err}");
            return ExitCode::from(1);
        }
    };
    let skill = match skill::build(state, ids) {
        Ok(skill) => skill,
        Err(err) => {
            eprintln!("voiceops-skill: {err}");
            return ExitCode::from(1);
        }
    };
    match skill.handle_json(&body).await {
        Ok(response) => {
            println!("{}", String::from_utf8_lossy(&response));
            ExitCode::SUCCESS
        }
        Err(err @ InvocationError::NotAnAlexaRequest(_)) => {
            eprintln!("voiceops-skill: {err}");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("voiceops-skill: {err}");
            ExitCode::from(3)
        }
    }
}

fn read_input(file: &str) -> std::io::Result<Vec<u8>> {
    if file == "-" {
        let mut body = Vec::new();
        std::io::stdin().read_to_end(&mut body)?;
        Ok(body)
    } else {
        std::fs::read(file)
    }
}
