//! What the command-line tests share: the template's own skill in-process (the one `cargo
//! alexa new` writes), Amazon's stand-in running it, and `cargo-alexa` run as a user runs
//! it, pointed at the stand-in by the ASK CLI's environment variables.

#![allow(dead_code)]

#[path = "../../template/src/lib.rs"]
pub mod mood_skill;

use alexa_smapi::stand_in::{StandIn, StandInConfig};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;

/// The stand-in, with the template's skill deployed behind it.
pub async fn amazon() -> StandIn {
    let config = StandInConfig {
        skill: Some(Arc::new(|_: &str, _: &str| {
            Box::new(mood_skill::skill(None).unwrap()) as Box<dyn alexa_sim::Target>
        })),
        ..Default::default()
    };
    StandIn::start(config).await.unwrap()
}

/// A fresh empty folder under the target's temporary folder.
pub fn scratch(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "cli-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `cargo alexa new mood-diary` in a scratch folder: the project's folder.
pub fn new_project() -> PathBuf {
    let parent = scratch("project");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cargo-alexa"))
        .args(["alexa", "new", "mood-diary"])
        .current_dir(&parent)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parent.join("mood-diary")
}

/// What a run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn ok(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// Runs `cargo-alexa alexa ARGS` in `dir` against `amazon`, with its credentials in the
/// environment and nothing stored.
pub async fn cargo_alexa(amazon: &StandIn, dir: &Path, args: &[&str]) -> Run {
    let creds = amazon.credentials();
    let home = scratch("home");
    let out: Output = tokio::process::Command::new(env!("CARGO_BIN_EXE_cargo-alexa"))
        .arg("alexa")
        .args(args)
        .current_dir(dir)
        .env("ASK_SMAPI_SERVER_BASE_URL", amazon.url())
        .env("ASK_LWA_TOKEN_HOST", amazon.url())
        .env("ASK_LWA_AUTHORIZE_HOST", amazon.url())
        .env("ASK_CLIENT_ID", &creds.client_id)
        .env("ASK_CLIENT_SECRET", creds.client_secret.expose())
        .env("ASK_REFRESH_TOKEN", creds.refresh_token.expose())
        .env("CARGO_ALEXA_HOME", &home)
        .env_remove("ASK_VENDOR_ID")
        .env_remove("ASK_ACCESS_TOKEN")
        .output()
        .await
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `cargo alexa deploy` of a new project with a Lambda endpoint: the project and skill ID.
pub async fn deployed(amazon: &StandIn) -> (PathBuf, String) {
    let project = new_project();
    cargo_alexa(
        amazon,
        &project,
        &[
            "deploy",
            "--poll-interval-ms",
            "5",
            "--endpoint",
            "arn:aws:lambda:eu-west-1:123456789012:function:mood",
        ],
    )
    .await
    .ok();
    let skill_id = amazon.skill_ids().pop().unwrap();
    (project, skill_id)
}
