//! The deployed function (`voiceops-lambda`, what template.yaml builds) links neither the
//! simulator, the web console nor the web-service host; the `voiceops-skill` tool, built from the same package,
//! does, which shows the check would see them. And the tool is linked for a light start where
//! the C library allows it (build.rs), the function as before.

fn contains(haystack: &[u8], needle: &str) -> bool {
    memchr::memmem::find(haystack, needle.as_bytes()).is_some()
}

/// Code and assets only the tool brings: the simulator's crate, the web console's page and
/// APL renderer, the web server, the line editor, the web-service host and its verifier, the
/// embedded attribute store (on Lambda the store is DynamoDB).
const SIMULATOR_MARKS: &[&str] = &[
    "alexa_sim",
    "is not supported by the simulator",
    "axum",
    "rustyline",
    "alexa_web",
    "x509_parser",
    // SQLite's own file header string: the embedded store's C library (the crate's name
    // stays in the library's debug information, so it is not a sign of the code).
    "SQLite format 3",
];

#[test]
fn the_deployed_function_links_no_simulator_and_no_web_console() {
    let function = std::fs::read(env!("CARGO_BIN_EXE_voiceops-lambda")).unwrap();
    let tool = std::fs::read(env!("CARGO_BIN_EXE_voiceops-skill")).unwrap();
    for mark in SIMULATOR_MARKS {
        assert!(contains(&tool, mark), "the tool should contain {mark:?}");
        assert!(
            !contains(&function, mark),
            "the deployed function contains {mark:?}"
        );
    }
    assert!(
        contains(&function, "lambda_runtime"),
        "it is a Lambda function"
    );
}

/// This machine's glibc, as `(major, minor)`, from `getconf GNU_LIBC_VERSION`.
fn glibc() -> Option<(u32, u32)> {
    let out = std::process::Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let (major, minor) = text.trim().strip_prefix("glibc ")?.split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

#[test]
fn the_tool_packs_its_relocations_where_glibc_applies_them_and_the_function_does_not() {
    // The loader reads every plain relocation at each start: packed, a cold `invoke` pages
    // in 0.8 MB less. Only glibc 2.36 and later can apply them; Lambda's is older.
    let tool = std::fs::read(env!("CARGO_BIN_EXE_voiceops-skill")).unwrap();
    let function = std::fs::read(env!("CARGO_BIN_EXE_voiceops-lambda")).unwrap();
    let packs = glibc().is_some_and(|version| version >= (2, 36));
    assert_eq!(contains(&tool, ".relr.dyn"), packs, "glibc {:?}", glibc());
    assert!(!contains(&function, ".relr.dyn"));
}

#[test]
fn the_functions_an_invoke_runs_are_placed_together_in_the_tool_only() {
    // build.rs hands the linker invoke-first.ld; the section it makes holds what a cold
    // `invoke` runs. Missing, the script matched nothing: regenerate it (scripts/order-invoke).
    let tool = std::fs::read(env!("CARGO_BIN_EXE_voiceops-skill")).unwrap();
    let function = std::fs::read(env!("CARGO_BIN_EXE_voiceops-lambda")).unwrap();
    assert!(contains(&tool, ".text.invoke"));
    assert!(!contains(&function, ".text.invoke"));
}
