//! What the harnesses in `src/bin/` share.

use alexa_core::{builtin, Response, Skill};

/// A small skill that answers every fixture (any skill ID, a fallback for every intent): what
/// the Lambda host's harnesses run, so that their figures measure the host, not a handler.
pub fn any_fixture_skill() -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .launch(|| async { Response::ask("Welcome.", "What would you like?") })
        .intent(builtin::HELP, || async {
            Response::ask("Ask me.", "Ask me.")
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .fallback(|| async { Response::ask("Sorry?", "Sorry?") })
        .session_ended(|| async {})
        .build()
        .expect("a valid skill")
}
