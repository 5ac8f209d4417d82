//! How an answer about the estate is presented besides its numbers: headed by the account
//! it is about, and shown as a table on a device with a screen.

use crate::inventory::{Account, Survey};
use crate::screen::{self, Board};
use crate::speech::{self, estate};
use alexa_core::extract::AplScreen;
use alexa_core::l10n::Messages;
use alexa_core::Response;

/// An answer about a named account starts by naming it.
pub(super) fn headed(t: &Messages, answer: Response, account: Option<&Account>) -> Response {
    match account {
        Some(account) => speech::with_heading(answer, &estate::heading(t, account)),
        None => answer,
    }
}

/// On a screen, an answer that found anything also shows it as a table.
pub(super) fn on_screen<T>(
    answer: Response,
    screen: Option<&AplScreen>,
    survey: &Survey<T>,
    board: impl FnOnce() -> Board,
) -> Response {
    match screen {
        Some(_) if !survey.found.is_empty() => screen::show(answer, board()),
        _ => answer,
    }
}
