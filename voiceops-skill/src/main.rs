//! `voiceops-skill`: on Lambda (`AWS_LAMBDA_RUNTIME_API` set) it serves the skill; anywhere
//! else it is a command-line tool.

use alexa_core::InvocationError;
use clap::{Parser, Subcommand};
use std::io::Read;
use std::process::ExitCode;
use std::sync::Arc;
use voiceops_skill::config::{Config, LAMBDA_DEADLINE};
use voiceops_skill::inventory::{AwsInventory, Inventory};
use voiceops_skill::skill::{self, SkillIds, VoiceOps};

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
    #[cfg(feature = "simulator")]
    Simulate(simulate::SimulateArgs),
}

#[cfg(feature = "simulator")]
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
        return runtime.block_on(serve_lambda());
    }
    let cli = Cli::parse();
    init_cli_logs();
    match cli.command {
        Command::Invoke { file } => runtime.block_on(invoke(&file)),
        #[cfg(feature = "simulator")]
        Command::Simulate(args) => runtime.block_on(simulate::run(args)),
    }
}

pub(crate) async fn state(config: &Config) -> VoiceOps {
    let aws = AwsInventory::from_env(config.regions.clone()).await;
    let config_loaded = aws.with_page_size(config.page_size);
    let inventory: Arc<dyn Inventory> = Arc::new(Arc::new(config_loaded));
    VoiceOps {
        inventory,
        timing: config.timing,
    }
}

async fn serve_lambda() -> ExitCode {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(env_filter("info"))
        .with_current_span(false)
        .without_time()
        .init();
    let config = Config::from_env();
    let ids = match config.lambda_skill_ids() {
        Ok(ids) => ids,
        Err(reason) => {
            tracing::error!("{reason}");
            return ExitCode::FAILURE;
        }
    };
    if ids == SkillIds::Any {
        tracing::warn!("ALLOW_ANY_SKILL_ID=true: accepting requests for any skill ID");
    }
    let skill = match skill::build(state(&config).await, ids) {
        Ok(skill) => skill,
        Err(err) => {
            tracing::error!(%err, "the skill is wired wrongly");
            return ExitCode::FAILURE;
        }
    };
    match alexa_lambda::run(skill, LAMBDA_DEADLINE).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(%err, "the Lambda runtime stopped");
            ExitCode::FAILURE
        }
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
    let skill = match skill::build(state(&config).await, ids) {
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
