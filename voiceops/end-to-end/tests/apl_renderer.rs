//! The web console's APL renderer, tested on its own with node's built-in test runner
//! (voiceops/end-to-end/browser/apl.test.mjs): expressions, binding, layouts, styles, placeholders, and
//! VoiceOps's own Echo Show board.

use std::process::Command;

#[test]
fn the_apl_renderer_passes_its_node_tests() {
    let node = std::env::var_os("NODE").unwrap_or_else(|| "node".into());
    let output = Command::new(&node)
        .arg("--test")
        .arg(end_to_end::root().join("voiceops/end-to-end/browser/apl.test.mjs"))
        .output()
        .unwrap_or_else(|e| panic!("node does not run ({e}): ./scripts/test needs node on PATH"));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let count = |key: &str| {
        report
            .lines()
            .find_map(|l| l.strip_prefix(&format!("# {key} ")))
            .and_then(|n| n.trim().parse::<u32>().ok())
            .unwrap_or_else(|| panic!("no `# {key}` line in:\n{report}"))
    };
    assert_eq!(count("fail"), 0, "{report}");
    assert!(count("pass") >= 8, "too few renderer tests ran:\n{report}");
}
