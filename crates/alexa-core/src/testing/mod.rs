//! Test kit (feature `test-util`): build requests in a line ([`TestRequest`]), read
//! responses in a line ([`ResponseExt`]), and check that a persistence store keeps its
//! contract ([`check_store_contract`]).
//!
//! ```
//! use alexa_core::testing::{TestRequest, ResponseExt};
//! use alexa_core::{builtin, Response, Skill};
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let skill = Skill::builder()
//!     .skill_id(alexa_core::testing::TEST_SKILL_ID)
//!     .skip_builtin_check()
//!     .intent(builtin::HELP, || async { Response::ask("Ask me how many.", "How many what?") })
//!     .build()
//!     .unwrap();
//! let response = skill.handle(TestRequest::intent(builtin::HELP).build()).await.unwrap();
//! assert_eq!(response.speech_text(), "Ask me how many.");
//! assert!(response.keeps_session_open());
//! # });
//! ```

mod request;
mod response;
mod store;

pub use request::TestRequest;
pub use response::ResponseExt;
pub use store::check_store_contract;

/// The skill ID every test request carries unless told otherwise.
pub const TEST_SKILL_ID: &str = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";
