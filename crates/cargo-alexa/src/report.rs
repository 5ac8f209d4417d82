//! What the user sees: progress on stderr while Amazon works, errors with what to do, and
//! the exit status (1: a check failed; 2: the command could not run).

use alexa_smapi::{Progress, SmapiError};
use std::process::ExitCode;

/// Why a command stopped.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A check, a build or a replay did not pass; what failed was already printed.
    #[error("{0}")]
    Failed(String),
    /// Amazon (or Login with Amazon) refused or could not be reached.
    #[error(transparent)]
    Smapi(#[from] SmapiError),
    /// A file, folder or option is unusable.
    #[error("{0}")]
    Input(String),
}

impl From<alexa_smapi::LwaError> for CliError {
    fn from(e: alexa_smapi::LwaError) -> Self {
        CliError::Smapi(SmapiError::Auth(e))
    }
}

impl CliError {
    /// The exit status.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Failed(_) => ExitCode::from(1),
            _ => ExitCode::from(2),
        }
    }
}

/// Prints a progress line on stderr for each retry and each poll still in progress.
pub fn print_progress(progress: &Progress) {
    match progress {
        Progress::Retrying {
            operation,
            status,
            attempt,
            delay,
        } => {
            let why = if *status == 429 {
                "throttled".to_owned()
            } else if *status == 0 {
                "no answer".to_owned()
            } else {
                format!("status {status}")
            };
            eprintln!(
                "  … {operation}: {why} (attempt {attempt}); again in {:.1} s",
                delay.as_secs_f64()
            );
        }
        Progress::Waiting {
            what,
            status,
            elapsed,
        } => {
            eprintln!("  … waiting for {what}: {status} ({} s)", elapsed.as_secs());
        }
    }
}

/// Prints `value` as pretty JSON on stdout.
pub fn print_json(value: &serde_json::Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}
