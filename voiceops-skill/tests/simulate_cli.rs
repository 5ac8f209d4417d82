//! `voiceops-skill simulate` as an operator scripts it: piped utterances, one `Alexa:` line
//! per answer, JSON on request, spoken answers through espeak-ng, and plain errors for bad
//! options.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A scratch directory for this test, removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("voiceops-sim-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The binary with no AWS configuration but what the test gives, and `path` as PATH.
fn simulate(args: &[&str], path: &Path, env: &[(&str, &str)], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_voiceops-skill"))
        .arg("simulate")
        .args(args)
        .env_clear()
        .env("PATH", path)
        .env("HOME", path)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", path.join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", path.join("none"))
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("voiceops-skill runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn speak_says_each_answer_through_espeak_ng_in_the_locale_s_voice() {
    let scratch = Scratch::new("speak");
    let log = scratch.0.join("spoken.txt");
    let fake = scratch.0.join("espeak-ng");
    std::fs::write(
        &fake,
        format!(
            "#!/bin/sh\nprintf '%s|' \"$@\" >> '{}'\necho >> '{}'\n",
            log.display(),
            log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();

    let said = stdout(&simulate(
        &["--speak"],
        &scratch.0,
        &[],
        "open voice ops\nstop\n",
    ));
    assert!(said.contains("Alexa: Goodbye."), "{said}");
    let spoken = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = spoken.lines().collect();
    assert_eq!(lines.len(), 2, "{spoken}");
    assert!(
        lines[0].starts_with("-v|en-us|--|Welcome to Voice Ops."),
        "{spoken}"
    );
    assert_eq!(lines[1], "-v|en-us|--|Goodbye.|");

    std::fs::remove_file(&log).unwrap();
    let args = ["--speak", "--locale", "de-DE"];
    stdout(&simulate(&args, &scratch.0, &[], "öffne voice ops\n"));
    let spoken = std::fs::read_to_string(&log).unwrap();
    assert!(spoken.starts_with("-v|de|--|Willkommen"), "{spoken}");
}

#[test]
fn speak_without_espeak_ng_still_prints_the_answers() {
    let scratch = Scratch::new("mute");
    let output = simulate(&["--speak"], &scratch.0, &[], "open voice ops\n");
    assert!(stdout(&output).starts_with("Alexa: Welcome"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("espeak-ng is not installed"), "{stderr}");
}

#[test]
fn bad_options_are_plain_errors_with_exit_code_2() {
    let scratch = Scratch::new("bad");
    let cases: [(&[&str], &str); 4] = [
        (
            &["--endpoint", "https://skill.example.com/"],
            "plain HTTP to local services",
        ),
        (&["--device", "fridge"], "unknown device \"fridge\""),
        (&["--locale", "xx-XX"], "xx-XX"),
        (&["--port", "9000"], "--web"),
    ];
    for (args, expected) in cases {
        let output = simulate(args, &scratch.0, &[], "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}
