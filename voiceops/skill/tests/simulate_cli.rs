//! `voiceops-skill simulate` as an operator scripts it: piped utterances, one `Alexa:` line
//! per answer, JSON on request, spoken answers through espeak-ng, and plain errors for bad
//! options.

use end_to_end::{simulate, stdout, Scratch};
use std::os::unix::fs::PermissionsExt;

/// PATH is the scratch folder alone: the programs the binary finds are the test's stand-ins.
fn only_scratch_on_path(scratch: &Scratch) -> [(&'static str, &str); 1] {
    [("PATH", scratch.0.to_str().expect("a UTF-8 temp path"))]
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
        &only_scratch_on_path(&scratch),
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
    stdout(&simulate(
        &args,
        &scratch.0,
        &only_scratch_on_path(&scratch),
        "öffne voice ops\n",
    ));
    let spoken = std::fs::read_to_string(&log).unwrap();
    assert!(spoken.starts_with("-v|de|--|Willkommen"), "{spoken}");
}

#[test]
fn speak_without_espeak_ng_still_prints_the_answers() {
    let scratch = Scratch::new("mute");
    let output = simulate(
        &["--speak"],
        &scratch.0,
        &only_scratch_on_path(&scratch),
        "open voice ops\n",
    );
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
        let output = simulate(args, &scratch.0, &only_scratch_on_path(&scratch), "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}
