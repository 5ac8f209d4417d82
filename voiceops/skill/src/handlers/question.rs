//! What a question about the estate covers, read from its slots: the accounts (this one, a
//! named one, or all) and the regions (one, or all). An unknown region is named back and
//! asked for again.

use super::asked_accounts::AskedAccounts;
use super::elicit::ask_again;
use crate::slots::{
    AccountName, CountArgs, Region, RegionArgs, WhichAccountsArgs, WhichRegionsArgs,
};
use crate::speech::{self, Scope};
use crate::state::VoiceOps;
use alexa_core::extract::{Envelope, SlotError, SlotRejection};
use alexa_core::l10n::Messages;
use alexa_core::Response;

/// What a question covers, once its slots are read.
pub(super) struct Question {
    /// Whose numbers: this account, a named one, or every account.
    pub accounts: AskedAccounts,
    /// How the answer names the place asked about.
    pub scope: Scope,
    /// The regions to ask.
    pub regions: Vec<String>,
}

/// A question's slots that say what it covers; each is taken once.
pub(super) trait Covers {
    /// The account the user named, if any.
    fn account(&mut self) -> Option<AccountName>;
    /// The region the user named, if any.
    fn region(&mut self) -> Option<Region>;
}

impl Covers for CountArgs {
    fn account(&mut self) -> Option<AccountName> {
        self.account.take()
    }
    fn region(&mut self) -> Option<Region> {
        self.region.take()
    }
}

impl Covers for RegionArgs {
    fn account(&mut self) -> Option<AccountName> {
        self.account.take()
    }
    fn region(&mut self) -> Option<Region> {
        self.region.take()
    }
}

/// "Which regions...": every region, of one account or all.
impl Covers for WhichRegionsArgs {
    fn account(&mut self) -> Option<AccountName> {
        self.account.take()
    }
    fn region(&mut self) -> Option<Region> {
        None
    }
}

/// "Which accounts...": every account, in one region or all.
impl Covers for WhichAccountsArgs {
    fn account(&mut self) -> Option<AccountName> {
        None
    }
    fn region(&mut self) -> Option<Region> {
        self.region.take()
    }
}

/// A slot rejection as VoiceOps answers it: an unknown region is named back, and the
/// region is asked for again (`Dialog.ElicitSlot`), so "Frankfurt" alone answers the same
/// question with its other slots kept.
pub(super) fn rejected(t: &Messages, rejection: SlotRejection, asked: &Envelope) -> Response {
    match rejection.error {
        SlotError::Unresolved { spoken } | SlotError::Invalid { spoken, .. }
            if rejection.slot == "region" =>
        {
            ask_again(speech::unknown_region(t, &spoken), asked, "region")
        }
        _ => speech::fallback(t),
    }
}

/// The regions a question covers, or the answer that ends it early (AWS would not list
/// the regions).
pub(super) async fn scope_of(
    app: &VoiceOps,
    t: &Messages,
    region: Option<Region>,
) -> Result<(Scope, Vec<String>), Response> {
    match region {
        Some(Region(code)) => Ok((Scope::Region(code.clone()), vec![code])),
        None => match app.inventory.regions().await {
            Ok(regions) => Ok((Scope::AllRegions, regions)),
            Err(error) => Err(Response::tell(speech::failure(t, &error))),
        },
    }
}
