//! `voiceops-skill serve`: VoiceOps as an HTTPS web-service endpoint (TLS terminated in
//! front of it, or here with --tls-cert and --tls-key), every request verified as Amazon requires, JSON logs as on Lambda.

use alexa_web::{shutdown_signal, Verifier, WebHost};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use voiceops_skill::config::LAMBDA_DEADLINE;
use voiceops_skill::hosted::{json_logs, skill_from_env, Logs};

/// The options of `serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Where to listen, e.g. 127.0.0.1:3000 behind a reverse proxy that terminates TLS.
    #[arg(long, default_value = "127.0.0.1:3000")]
    addr: SocketAddr,
    /// Accept requests WITHOUT checking Alexa's signature. For local development only: it
    /// is refused on any address but loopback, and a warning is logged at start.
    #[arg(long)]
    insecure_skip_verification_on_loopback: bool,
    /// Terminate TLS here instead of in a proxy: the certificate chain (PEM).
    #[arg(long, value_name = "PEM", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The private key for --tls-cert (PEM: PKCS#8, PKCS#1 or SEC1).
    #[arg(long, value_name = "PEM", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
}

pub async fn run(args: ServeArgs) -> ExitCode {
    json_logs(Logs::Service);
    let Some((skill, _stop_notifications_arrive_only_on_lambda)) =
        skill_from_env(Some(voiceops_skill::store::sqlite)).await
    else {
        return ExitCode::FAILURE;
    };
    let host = match args.insecure_skip_verification_on_loopback {
        false => WebHost::new(skill, Verifier::default()),
        true => WebHost::unverified_for_local_development(skill),
    }
    .deadline(LAMBDA_DEADLINE);
    let listener = match tokio::net::TcpListener::bind(args.addr).await {
        Ok(listener) => listener,
        Err(err) => {
            tracing::error!(%err, addr = %args.addr, "cannot listen");
            return ExitCode::FAILURE;
        }
    };
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => match alexa_web::tls::server_config(cert, key) {
            Ok(config) => Some(config),
            Err(err) => {
                tracing::error!(%err, "cannot start TLS");
                return ExitCode::FAILURE;
            }
        },
        _ => None,
    };
    // The first line of standard output names the address, so scripts (and tests) can
    // read the port when they asked for port 0.
    if let Ok(addr) = listener.local_addr() {
        let scheme = if tls.is_some() { "https" } else { "http" };
        println!("Listening on {scheme}://{addr}");
    }
    let served = match tls {
        Some(tls) => host.serve_tls(listener, tls, shutdown_signal()).await,
        None => host.serve(listener, shutdown_signal()).await,
    };
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(%err, "stopped");
            ExitCode::FAILURE
        }
    }
}
