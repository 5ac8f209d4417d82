//! Starts and stops `moto_server`.

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_ec2::config::Credentials;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running moto server; stopped when dropped.
#[derive(Debug)]
pub struct Emulator {
    child: Option<Child>,
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
}

/// Where moto's server is: `MOTO_SERVER`, or the project's virtual environment that
/// `scripts/test` and `scripts/demo` create.
pub fn moto_server() -> PathBuf {
    if let Some(path) = std::env::var_os("MOTO_SERVER") {
        return PathBuf::from(path);
    }
    crate::root().join(".cache/venv/bin/moto_server")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl Emulator {
    /// Starts moto on a free port and waits until it answers; panics (for tests) when it
    /// cannot.
    pub fn start() -> Self {
        Self::try_start().unwrap_or_else(|reason| panic!("{reason}"))
    }

    /// Starts moto on a free port and waits until it accepts connections.
    pub fn try_start() -> Result<Self, String> {
        let server = moto_server();
        if !server.exists() {
            return Err(format!(
                "moto_server not found at {}: run ./scripts/test (or ./scripts/demo), which installs the AWS API emulator into .cache/venv",
                server.display()
            ));
        }
        let port = free_port();
        let child = Command::new(&server)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("moto_server did not start: {e}"))?;
        let mut emulator = Emulator {
            child: Some(child),
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(child) = &mut emulator.child {
                if let Ok(Some(status)) = child.try_wait() {
                    return Err(format!("moto_server exited before it listened: {status}"));
                }
            }
            if started.elapsed() > Duration::from_secs(60) {
                return Err("moto did not start within 60 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(emulator)
    }

    /// SDK configuration for this emulator: test credentials, a home region.
    pub async fn config(&self, region: &str) -> SdkConfig {
        aws_config::defaults(BehaviorVersion::latest())
            .endpoint_url(&self.endpoint)
            .region(Region::new(region.to_owned()))
            .credentials_provider(Credentials::new("testing", "testing", None, None, "moto"))
            .load()
            .await
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
