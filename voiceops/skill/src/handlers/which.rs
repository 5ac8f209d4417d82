//! "Which regions have running instances?" and "which accounts have stopped instances?":
//! where the instances are, rather than how many.

use super::answering::{Answering, Asked};
use super::question::Question;
use crate::inventory::{Account, Inventory, Member};
use crate::slots::{InstanceState, WhichAccountsArgs, WhichRegionsArgs};
use crate::speech::estate;
use alexa_core::Response;
use std::sync::Arc;

/// "Which regions have running instances?" (in one named account, or across all).
pub(crate) async fn which_regions(args: Asked<WhichRegionsArgs>, answering: Answering) -> Response {
    match answering.start(args).await {
        Ok((question, args)) => answering.which_regions(args.state, question).await,
        Err(early) => early,
    }
}

/// "Which accounts have stopped instances?" (in one region, or all).
pub(crate) async fn which_accounts(
    args: Asked<WhichAccountsArgs>,
    answering: Answering,
) -> Response {
    match answering.start(args).await {
        Ok((question, args)) => answering.which_accounts(args.state, question).await,
        Err(early) => early,
    }
}

impl Answering {
    /// The regions with instances in `state`, of the one account asked or of every account.
    async fn which_regions(&self, state: Option<InstanceState>, question: Question) -> Response {
        let (app, t, context) = (&self.app, &self.t, &self.context);
        let ask = |inv: &dyn Inventory, r| inv.count_instances(r);
        let regions = &question.regions;
        match question.accounts.parts() {
            Ok((inventory, account)) => {
                let (found, _) = context.survey(app, t, (inventory, regions), ask).await;
                let place = account
                    .map(|a| format!(" {}", estate::in_account(t, a)))
                    .unwrap_or_default();
                estate::which_regions(t, state, place, &found)
            }
            Err(members) => {
                let (found, _) = context.survey_estate(app, t, (members, regions), ask).await;
                estate::which_regions_in_estate(t, state, &found)
            }
        }
    }

    /// The accounts with instances in `state`; asked of the skill's own account alone, it
    /// answers about that one.
    async fn which_accounts(&self, state: Option<InstanceState>, question: Question) -> Response {
        let (app, t, context) = (&self.app, &self.t, &self.context);
        let members = match question.accounts.parts() {
            Err(members) => Arc::clone(members),
            Ok((inventory, _)) => {
                let account = Account {
                    id: String::new(),
                    name: None,
                    home: true,
                };
                let inventory = Arc::clone(inventory);
                Arc::new(vec![Member { account, inventory }])
            }
        };
        let ask = |inv: &dyn Inventory, r| inv.count_instances(r);
        let (found, _) = context
            .survey_estate(app, t, (&members, &question.regions), ask)
            .await;
        estate::which_accounts(t, state, &question.scope, &found)
    }
}
