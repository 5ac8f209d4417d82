//! "How many instances are running in Frankfurt?" and "what databases do I have?": one path
//! for both. Each asks every region of the accounts the question covers, answers in words
//! (with the change since the user last asked), and on a screen as a table too. What differs
//! between them is a [`Tally`].

use super::answering::{Answering, Asked};
use super::presentation::{headed, on_screen};
use super::question::Question;
use crate::history;
use crate::inventory::{Database, EstateSurvey, Inventory, InventoryError, StateCounts, Survey};
use crate::screen::{self, Board};
use crate::slots::{CountArgs, InstanceState, RegionArgs};
use crate::speech::{self, estate, Scope};
use alexa_core::handler::BoxFuture;
use alexa_core::l10n::Messages;
use alexa_core::Response;

/// "How many instances (running, stopped) are there?"
pub(crate) async fn count_instances(args: Asked<CountArgs>, answering: Answering) -> Response {
    match answering.start(args).await {
        Ok((question, args)) => answering.tally(Instances(args.state), question).await,
        Err(early) => early,
    }
}

/// "What databases do I have?"
pub(crate) async fn list_databases(args: Asked<RegionArgs>, answering: Answering) -> Response {
    match answering.start(args).await {
        Ok((question, _)) => answering.tally(Databases, question).await,
        Err(early) => early,
    }
}

/// What a counting question asks of each region, and how its answer is said and shown.
pub(super) trait Tally {
    /// One region's answer.
    type Found: Send + 'static;
    /// The question's name in the user's history (see [`history::question`]).
    fn question(&self, scope: &Scope) -> String;
    /// Asks one region of one account.
    fn ask(
        inventory: &dyn Inventory,
        region: String,
    ) -> BoxFuture<Result<Self::Found, InventoryError>>;
    /// The number compared with the last answer.
    fn count(&self, found: &Self::Found) -> u64;
    /// The answer for one account.
    fn say(&self, t: &Messages, scope: &Scope, found: &Survey<Self::Found>) -> Response;
    /// The answer for every account.
    fn say_estate(
        &self,
        t: &Messages,
        scope: &Scope,
        found: &EstateSurvey<Self::Found>,
    ) -> Response;
    /// Every account's answers added up by region.
    fn by_region(found: &EstateSurvey<Self::Found>) -> Survey<Self::Found>;
    /// The table for one account.
    fn board(t: &Messages, found: &Survey<Self::Found>) -> Board;
    /// The table for every account (`merged` is [`Tally::by_region`] of `found`).
    fn board_estate(
        t: &Messages,
        found: &EstateSurvey<Self::Found>,
        merged: &Survey<Self::Found>,
    ) -> Board;
}

/// Instances, in one state or any.
pub(super) struct Instances(pub Option<InstanceState>);

impl Tally for Instances {
    type Found = StateCounts;
    fn question(&self, scope: &Scope) -> String {
        history::question("instances", self.0, scope)
    }
    fn ask(
        inventory: &dyn Inventory,
        region: String,
    ) -> BoxFuture<Result<StateCounts, InventoryError>> {
        inventory.count_instances(region)
    }
    fn count(&self, found: &StateCounts) -> u64 {
        found.in_state(self.0)
    }
    fn say(&self, t: &Messages, scope: &Scope, found: &Survey<StateCounts>) -> Response {
        speech::instance_counts(t, self.0, scope, found)
    }
    fn say_estate(
        &self,
        t: &Messages,
        scope: &Scope,
        found: &EstateSurvey<StateCounts>,
    ) -> Response {
        estate::instance_counts(t, self.0, scope, found)
    }
    fn by_region(found: &EstateSurvey<StateCounts>) -> Survey<StateCounts> {
        found.counts_by_region()
    }
    fn board(t: &Messages, found: &Survey<StateCounts>) -> Board {
        screen::instances(t, found)
    }
    fn board_estate(
        t: &Messages,
        found: &EstateSurvey<StateCounts>,
        _: &Survey<StateCounts>,
    ) -> Board {
        screen::accounts(t, found)
    }
}

/// Databases: RDS instances and Aurora clusters.
pub(super) struct Databases;

impl Tally for Databases {
    type Found = Vec<Database>;
    fn question(&self, scope: &Scope) -> String {
        history::question("databases", None, scope)
    }
    fn ask(
        inventory: &dyn Inventory,
        region: String,
    ) -> BoxFuture<Result<Vec<Database>, InventoryError>> {
        inventory.list_databases(region)
    }
    fn count(&self, found: &Vec<Database>) -> u64 {
        found.len() as u64
    }
    fn say(&self, t: &Messages, scope: &Scope, found: &Survey<Vec<Database>>) -> Response {
        speech::databases(t, scope, found)
    }
    fn say_estate(
        &self,
        t: &Messages,
        scope: &Scope,
        found: &EstateSurvey<Vec<Database>>,
    ) -> Response {
        estate::databases(t, scope, found)
    }
    fn by_region(found: &EstateSurvey<Vec<Database>>) -> Survey<Vec<Database>> {
        found.databases_by_region()
    }
    fn board(t: &Messages, found: &Survey<Vec<Database>>) -> Board {
        screen::databases(t, found)
    }
    fn board_estate(
        t: &Messages,
        _: &EstateSurvey<Vec<Database>>,
        merged: &Survey<Vec<Database>>,
    ) -> Board {
        screen::databases(t, merged)
    }
}

impl Answering {
    /// Asks every region of the accounts `question` covers, and answers with `tally`.
    async fn tally<Q: Tally>(&self, tally: Q, question: Question) -> Response {
        let (app, t, context) = (&self.app, &self.t, &self.context);
        let screen = self.screen.as_ref();
        let (scope, regions) = (&question.scope, &question.regions);
        let remembered_as = tally.question(scope) + &question.accounts.memory_key();
        let members = match question.accounts.parts() {
            Err(members) => members,
            Ok((inventory, account)) => {
                let (found, recalled) = context.survey(app, t, (inventory, regions), Q::ask).await;
                let answer = tally.say(t, scope, &found);
                let count = found.complete_total(|found| tally.count(found));
                let answer = context.compared(answer, t, recalled, remembered_as, count);
                let answer = headed(t, answer, account);
                return on_screen(answer, screen, &found, || Q::board(t, &found));
            }
        };
        let (found, recalled) = context
            .survey_estate(app, t, (members, regions), Q::ask)
            .await;
        let answer = tally.say_estate(t, scope, &found);
        let count = found.complete_total(|found| tally.count(found));
        let answer = context.compared(answer, t, recalled, remembered_as, count);
        let merged = Q::by_region(&found);
        on_screen(answer, screen, &merged, || {
            Q::board_estate(t, &found, &merged)
        })
    }
}
