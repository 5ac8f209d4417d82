//! `cargo alexa …` (cargo runs `cargo-alexa alexa …`), or `cargo-alexa …` directly.

use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("alexa") {
        args.remove(1);
    }
    let cli = cargo_alexa::cli::Cli::parse_from(args);
    match cargo_alexa::run(cli.command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            err.exit_code()
        }
    }
}
