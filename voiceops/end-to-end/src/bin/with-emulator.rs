//! `with-emulator [--seed demo|organization] -- COMMAND [ARGS...]`: starts the AWS API
//! emulator (moto) on a free loopback port, optionally seeds the demo fleet (alone, or in an
//! organization with two member accounts) into it through the AWS SDK, runs
//! COMMAND with the environment pointing every AWS call at it, then stops the emulator and
//! exits with COMMAND's status. The demo runs the skill this way; the tests start the same
//! emulator through the same library.

use end_to_end::emulator::Emulator;
use std::process::ExitCode;
use tokio::process::Command;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (options, command) = match args.iter().position(|a| a == "--") {
        Some(split) => (&args[..split], &args[split + 1..]),
        None => (&args[..0], &args[..]),
    };
    let seed = match options {
        [] => None,
        [flag, fleet] if flag == "--seed" && (fleet == "demo" || fleet == "organization") => {
            Some(fleet.as_str())
        }
        _ => return usage(),
    };
    let Some((program, program_args)) = command.split_first() else {
        return usage();
    };
    let moto = match Emulator::try_start() {
        Ok(moto) => moto,
        Err(reason) => {
            eprintln!("with-emulator: {reason}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!("==> the AWS API emulator listens on {}", moto.endpoint);
    let config = moto.config("us-east-1").await;
    match seed {
        Some("demo") => {
            eprintln!("==> seeding the demo fleet through the AWS SDK");
            end_to_end::seed::demo_fleet(&config).await;
        }
        Some(_) => {
            eprintln!("==> seeding an organization through the AWS SDK: the demo fleet in the management account, and member accounts");
            for (name, id) in end_to_end::seed::demo_organization(&config).await {
                eprintln!("    {name}: {id}");
            }
        }
        None => {}
    }
    let mut child = match Command::new(program)
        .args(program_args)
        .env("AWS_ENDPOINT_URL", &moto.endpoint)
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "demo")
        .env("AWS_SECRET_ACCESS_KEY", "demo")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .spawn()
    {
        Ok(child) => child,
        Err(err) => {
            eprintln!("with-emulator: cannot run {program}: {err}");
            return ExitCode::FAILURE;
        }
    };
    // From a terminal, Ctrl-C reaches the child too (same process group); sent to this
    // process alone, it is passed on. Either way the child ends before moto stops.
    let status = tokio::select! {
        status = child.wait() => status,
        _ = tokio::signal::ctrl_c() => {
            let _ = child.start_kill();
            let _ = child.wait().await;
            drop(moto);
            eprintln!("==> emulator stopped");
            return ExitCode::from(130);
        }
    };
    drop(moto);
    eprintln!("==> emulator stopped");
    match status {
        Ok(status) => ExitCode::from(status.code().unwrap_or(1).clamp(0, 255) as u8),
        Err(err) => {
            eprintln!("with-emulator: lost {program}: {err}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: with-emulator [--seed demo|organization] -- COMMAND [ARGS...]");
    ExitCode::from(2)
}
