//! `launch-instances REGION COUNT`: starts COUNT more instances in REGION of the account the
//! environment points at (under `with-emulator`, the emulator). The demo uses it to change
//! the fleet between two questions, so VoiceOps has a change to notice.

use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [region, count] = args.as_slice() else {
        eprintln!("usage: launch-instances REGION COUNT");
        return ExitCode::from(2);
    };
    let Ok(count) = count.parse::<usize>() else {
        eprintln!("launch-instances: {count:?} is not a number");
        return ExitCode::from(2);
    };
    if std::env::var_os("AWS_ENDPOINT_URL").is_none() {
        eprintln!("launch-instances: only against the emulator (AWS_ENDPOINT_URL is not set)");
        return ExitCode::from(2);
    }
    let config = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
    end_to_end::seed::instances(&config, region, count, 0).await;
    eprintln!("==> launched {count} more instances in {region}");
    ExitCode::SUCCESS
}
