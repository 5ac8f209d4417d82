//! `cargo alexa new demo && cd demo && cargo test`: a new skill builds and passes its own
//! tests (recorded requests, the transcript, the model against the handlers) at once,
//! against this workspace's crates, and `cargo alexa check` runs its model test.

mod common;

use common::scratch;
use std::path::Path;
use std::process::Command;

#[test]
fn a_new_skill_builds_and_passes_its_own_tests() {
    let parent = scratch("new");
    let framework = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-alexa"))
        .args(["alexa", "new", "demo", "--framework"])
        .arg(framework)
        .current_dir(&parent)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Created Demo in demo/ (invocation name \"demo helper\")"),
        "{stdout}"
    );
    let demo = parent.join("demo");
    for file in [
        "Cargo.toml",
        "Cargo.lock",
        "template.yaml",
        "ask-resources.json",
        "skill-package/skill.json",
        "tests/transcripts/mood.txt",
    ] {
        assert!(demo.join(file).is_file(), "{file}");
    }
    let again = Command::new(env!("CARGO_BIN_EXE_cargo-alexa"))
        .args(["alexa", "new", "demo"])
        .current_dir(&parent)
        .output()
        .unwrap();
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing folder is never overwritten"
    );

    // Its own target folder, kept between runs (a nested cargo may not share the outer one's lock).
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("new-skill-target");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let test = Command::new(&cargo)
        .args(["test", "--quiet"])
        .current_dir(&demo)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&test.stdout),
        String::from_utf8_lossy(&test.stderr)
    );
    assert!(test.status.success(), "{printed}");
    assert!(printed.contains("test result: ok. 3 passed"), "{printed}");
    assert!(printed.contains("test result: ok. 1 passed"), "{printed}");

    let check = Command::new(env!("CARGO_BIN_EXE_cargo-alexa"))
        .args(["alexa", "check"])
        .current_dir(&demo)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(said.contains("en-US: no issues"), "{said}");
}
