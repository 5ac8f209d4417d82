//! The end-to-end crate: everything that needs a program other than cargo (the AWS API
//! emulator moto, cfn-lint, cargo-lambda, Chromium, node) is tested here, and only here.
//! `./scripts/test` installs those programs, then runs these tests with the rest.
//!
//! The library holds what the tests and the demo share: the emulator ([`emulator`]), the
//! fleets seeded into it through the AWS SDK ([`seed`]), and running the built binaries as
//! an operator does (also used by voiceops-skill's own binary tests, which need no emulator).

pub mod emulator;
pub mod faults;
pub mod seed;

use alexa_core::model::ResponseEnvelope;
use alexa_core::testing::ResponseExt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository's root folder (this crate lies in `voiceops/end-to-end`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// A binary of the workspace, built by the same `cargo test --workspace` that runs these
/// tests: it lies beside the folder of the running test executable.
pub fn workspace_bin(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test executable's path");
    // target/<profile>/deps/<test> -> target/<profile>/<name>
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test executable lies in target/<profile>/deps");
    let bin = dir.join(name);
    assert!(
        bin.is_file(),
        "{} is not built: run `cargo test --workspace` (or ./scripts/test), which builds it",
        bin.display()
    );
    // `cargo test -p end-to-end` alone does not rebuild another package's binaries: refuse
    // to test a binary older than the sources it is built from (only those: cargo rightly
    // leaves `cargo-alexa` alone when only the skill changed).
    let built = modified(&bin);
    let framework =
        ["alexa-core", "alexa-core-macros", "alexa-sim"].map(|c| format!("crates/{c}/src"));
    let own: &[&str] = match name {
        "cargo-alexa" => &["crates/alexa-smapi/src", "crates/cargo-alexa/src"],
        _ => &[
            "crates/alexa-lambda/src",
            "crates/alexa-services/src",
            "crates/alexa-store-dynamodb/src",
            "crates/alexa-store-sqlite/src",
            "crates/alexa-web/src",
            "voiceops/skill/src",
        ],
    };
    let sources = framework
        .iter()
        .map(String::as_str)
        .chain(own.iter().copied());
    if let Some(newer) = sources
        .flat_map(|dir| files_below(&root().join(dir)))
        .find(|file| modified(file) > built)
    {
        panic!(
            "{} is older than {}: run `cargo build --workspace --bins` (or `cargo test --workspace`)",
            bin.display(),
            newer.display()
        );
    }
    bin
}

fn modified(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or(std::time::SystemTime::UNIX_EPOCH)
}

fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_below(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// The `voiceops-skill` binary with a clean environment: no credentials, no profile, no
/// instance metadata, `home` as HOME, PATH kept.
pub fn voiceops(home: &Path) -> Command {
    let mut cmd = Command::new(workspace_bin("voiceops-skill"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", home.join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("none"));
    cmd
}

/// Runs `cmd` with `stdin` piped in; its whole output.
pub fn run_with_stdin(mut cmd: Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program starts");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin).expect("stdin takes the input");
    }
    child.wait_with_output().expect("the program finishes")
}

/// `voiceops-skill simulate ARGS` in a clean environment with `home` as HOME, `env` on top
/// (PATH included, to choose which programs it finds), `stdin` piped in.
pub fn simulate(args: &[&str], home: &Path, env: &[(&str, &str)], stdin: &str) -> Output {
    let mut cmd = voiceops(home);
    cmd.arg("simulate").args(args).envs(env.iter().copied());
    run_with_stdin(cmd, stdin.as_bytes())
}

/// The standard output of a run that must have succeeded (its stderr in the panic if not).
pub fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What Alexa would say for the response envelope `invoke` printed (it must have succeeded).
pub fn speech(output: &Output) -> String {
    let envelope: ResponseEnvelope =
        serde_json::from_str(&stdout(output)).expect("stdout is a response envelope");
    envelope.speech_text()
}

/// A scratch folder for one test, removed when dropped.
#[derive(Debug)]
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// A new empty folder named after `tag` and this process.
    pub fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("voiceops-e2e-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A recording of VoiceOps under `voiceops/recordings/requests`.
pub fn fixture(name: &str) -> PathBuf {
    root()
        .join("voiceops/recordings/requests")
        .join(format!("{name}.json"))
}

/// The examples of the READMEs that span several crates compile: this crate depends on
/// all of them. (Crates whose README is their crate documentation test it themselves.)
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
#[doc = include_str!("../../README.md")]
#[doc = include_str!("../../../crates/alexa-core/README.md")]
#[doc = include_str!("../../../crates/alexa-sim/README.md")]
#[doc = include_str!("../../../crates/alexa-web/README.md")]
#[doc = include_str!("../../../crates/alexa-smapi/README.md")]
#[doc = include_str!("../../../crates/alexa-services-stand-in/README.md")]
pub struct ReadmeDoctests;

pub use alexa_sim::phrasings::Phrasing;

/// The phrasing list for `language` (`en`, `de`): `utterance => Intent slot=id ...` lines,
/// read by both resolvers' tests (and by `cargo alexa nlu`, against Amazon's NLU).
pub fn phrasings(language: &str) -> Vec<Phrasing> {
    let path = root().join(format!("voiceops/recordings/phrasings/{language}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    alexa_sim::phrasings::parse(&path.display().to_string(), &text)
        .unwrap_or_else(|e| panic!("{e}"))
}
