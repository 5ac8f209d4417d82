//! Whose numbers a question asks for: this account, one named account, or every account
//! of the organization.

use crate::accounts::{self, AccountName};
use crate::inventory::{Account, Inventory, Member};
use crate::speech::{self, estate};
use crate::state::VoiceOps;
use alexa_core::extract::Envelope;
use alexa_core::l10n::Messages;
use alexa_core::Response;
use std::sync::Arc;

/// The accounts a question covers.
#[derive(Clone)]
pub enum AskedAccounts {
    /// The skill's own account, the only one it asks (no organization configured, or an
    /// organization of one).
    Home(Arc<dyn Inventory>),
    /// The account the user named.
    Account(Member),
    /// Every account.
    Estate(Arc<Vec<Member>>),
}

/// One account's inventory, and the account when the user named it.
pub type OneAccount<'a> = (&'a Arc<dyn Inventory>, Option<&'a Account>);

impl std::fmt::Debug for AskedAccounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AskedAccounts::Home(_) => f.write_str("Home"),
            AskedAccounts::Account(member) => f.debug_tuple("Account").field(member).finish(),
            AskedAccounts::Estate(members) => {
                f.debug_tuple("Estate").field(&members.len()).finish()
            }
        }
    }
}

impl AskedAccounts {
    /// The history key's suffix, so counts of different accounts are never compared.
    pub fn memory_key(&self) -> String {
        match self {
            AskedAccounts::Home(_) => String::new(),
            AskedAccounts::Account(member) => format!("@{}", member.account.id),
            AskedAccounts::Estate(_) => "@all-accounts".to_owned(),
        }
    }

    /// One account's inventory and, when it was named, the account; or every account.
    pub fn parts(&self) -> Result<OneAccount<'_>, &Arc<Vec<Member>>> {
        match self {
            AskedAccounts::Home(inventory) => Ok((inventory, None)),
            AskedAccounts::Account(member) => Ok((&member.inventory, Some(&member.account))),
            AskedAccounts::Estate(members) => Err(members),
        }
    }
}

/// Finds the accounts a question covers, or the answer that ends it early: the account list
/// could not be read, or the named account is unknown (named back and asked for again).
pub async fn asked_accounts(
    app: &VoiceOps,
    t: &Messages,
    named: Option<AccountName>,
    asked: &Envelope,
) -> Result<AskedAccounts, Response> {
    let Some(organization) = &app.organization else {
        return match named {
            Some(named) => Err(Response::ask(
                t.text(
                    "one-account-only",
                    &[("spoken", speech::said_back(&named.spoken).into())],
                ),
                t.text("what-now", &[]),
            )),
            None => Ok(AskedAccounts::Home(Arc::clone(&app.inventory))),
        };
    };
    let members = match tokio::time::timeout(app.timing.per_region, organization.members()).await {
        Ok(Ok(members)) => members,
        Ok(Err(error)) => return Err(Response::tell(speech::failure(t, &error))),
        Err(_) => return Err(Response::tell(t.text("aws-timeout", &[]))),
    };
    match named {
        Some(named) => match accounts::find(&members, &named) {
            Some(member) => Ok(AskedAccounts::Account(member.clone())),
            None => Err(unknown_account(t, &named.spoken, &members, asked)),
        },
        None if members.len() == 1 => Ok(AskedAccounts::Home(Arc::clone(&members[0].inventory))),
        None => Ok(AskedAccounts::Estate(members)),
    }
}

/// "I don't know an account called marketing. Your accounts are ..." and the account slot
/// asked for again, the question's other slots kept.
fn unknown_account(t: &Messages, spoken: &str, members: &[Member], asked: &Envelope) -> Response {
    let names: Vec<String> = members
        .iter()
        .filter(|m| m.account.name.is_some())
        .map(|m| estate::account_label(t, &m.account))
        .collect();
    let (id, shown) = match names.len() > 5 {
        true => ("unknown-account-many", &names[..3]),
        false => ("unknown-account", &names[..]),
    };
    let text = t.text(
        id,
        &[
            ("spoken", speech::said_back(spoken).into()),
            ("names", speech::list(t, shown).into()),
        ],
    );
    let answer = Response::ask(text, t.text("which-account", &[]));
    super::elicit::ask_again(answer, asked, "account")
}

/// The accounts when there are several, or `None` (one account, or the list could not be
/// read in time: then the skill speaks as for one account).
async fn several(app: &VoiceOps) -> Option<Arc<Vec<Member>>> {
    let organization = app.organization.as_ref()?;
    let members = tokio::time::timeout(app.timing.per_region, organization.members())
        .await
        .ok()?
        .inspect_err(|error| tracing::warn!(%error, "could not list the accounts"))
        .ok()?;
    (members.len() > 1).then_some(members)
}

/// The launch's directive teaching Alexa the account names, when there are several.
pub async fn launch_entities(app: &VoiceOps) -> Option<alexa_core::model::Directive> {
    accounts::dynamic_entities(&several(app).await?)
}

/// A member account's name to offer in help ("name an account like production").
pub async fn an_account_name(app: &VoiceOps, t: &Messages) -> Option<String> {
    let members = several(app).await?;
    let named = members
        .iter()
        .find(|m| !m.account.home && m.account.name.is_some())?;
    Some(estate::account_label(t, &named.account))
}
