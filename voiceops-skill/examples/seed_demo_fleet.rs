//! Seeds the demo fleet into whatever `AWS_ENDPOINT_URL` points at (the demo's emulator),
//! through the AWS SDK. Refuses to run without `AWS_ENDPOINT_URL`, so it never writes to a
//! real account.

#[path = "../tests/common/seed.rs"]
mod seed;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let Some(endpoint) = std::env::var_os("AWS_ENDPOINT_URL") else {
        eprintln!("seed_demo_fleet: AWS_ENDPOINT_URL is not set; refusing to create resources in a real account");
        return std::process::ExitCode::FAILURE;
    };
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .load()
        .await;
    seed::demo_fleet(&config).await;
    println!("seeded the demo fleet into {}", endpoint.to_string_lossy());
    std::process::ExitCode::SUCCESS
}
