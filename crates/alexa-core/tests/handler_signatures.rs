//! A handler with an argument that is not an extractor, or a return value that is not a
//! response, must fail to compile with a message that says so.

#[test]
fn wrong_handler_signatures_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/compile_fail/*.rs");
}
