//! The retired display templates (`Display.*`): a touched item, and the hint line. Kept
//! typed so old skills still route and answer them.

use crate::model::standard::request_struct;
use serde::{Deserialize, Serialize};

request_struct! {
    /// `Display.ElementSelected`: the user touched an item of a display template.
    DisplayElementSelectedRequest {
        /// The item's token.
        #[serde(default)]
        token: String,
    }
}

/// The text of a `Hint`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum HintText {
    /// Plain text.
    PlainText {
        /// "what's on the menu".
        text: String,
    },
}
