//! "Give me a status report": instances and databases at once, asked side by side, for one
//! account or every account.

use super::answering::{Answering, Asked};
use super::presentation::{headed, on_screen};
use super::question::Question;
use crate::inventory::{survey, survey_estate, Survey};
use crate::screen;
use crate::slots::RegionArgs;
use crate::speech::{self, estate};
use alexa_core::Response;

/// "Give me a status report (for production, in Ireland)."
pub(crate) async fn status_report(args: Asked<RegionArgs>, answering: Answering) -> Response {
    match answering.start(args).await {
        Ok((question, _)) => answering.status(question).await,
        Err(early) => early,
    }
}

impl Answering {
    /// Counts the instances and lists the databases of every region `question` covers, the
    /// two at once (sharing the estate's limit on calls in flight).
    async fn status(&self, question: Question) -> Response {
        let (app, t, context) = (&self.app, &self.t, &self.context);
        let screen = self.screen.as_ref();
        let (scope, regions) = (&question.scope, &question.regions);
        let members = match question.accounts.parts() {
            Err(members) => members,
            Ok((inventory, account)) => {
                let both = async {
                    tokio::join!(
                        survey(inventory, regions, app.timing, |inv, r| inv
                            .count_instances(r)),
                        survey(inventory, regions, app.timing, |inv, r| inv
                            .list_databases(r)),
                    )
                };
                let (instances, dbs): (Survey<_>, Survey<_>) =
                    context.while_slow(app, t, (1, regions.len()), both).await;
                let answer = speech::status_report(t, scope, &instances, &dbs);
                let answer = headed(t, answer, account);
                return on_screen(answer, screen, &instances, || {
                    screen::status(t, &instances, &dbs)
                });
            }
        };
        let limit = app.max_in_flight.div_ceil(2);
        let both = async {
            tokio::join!(
                survey_estate(members, regions, app.timing, limit, |inv, r| inv
                    .count_instances(r)),
                survey_estate(members, regions, app.timing, limit, |inv, r| inv
                    .list_databases(r)),
            )
        };
        let (instances, dbs) = context
            .while_slow(app, t, (members.len(), regions.len()), both)
            .await;
        let answer = estate::status_report(t, scope, &instances, &dbs);
        let counts = instances.counts_by_region();
        let merged_dbs = dbs.databases_by_region();
        on_screen(answer, screen, &counts, || {
            screen::status(t, &counts, &merged_dbs)
        })
    }
}
