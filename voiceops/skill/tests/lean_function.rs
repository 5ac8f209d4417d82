//! The deployed function (`voiceops-lambda`, what template.yaml builds) links neither the
//! simulator, the web console nor the web-service host; the `voiceops-skill` tool, built from the same package,
//! does, which shows the check would see them.

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
