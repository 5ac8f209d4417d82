//! The VoiceOps conversation: handlers wired to intents (the state they share is in
//! [`state`](crate::state)).

use crate::answer_context::AnswerContext;
use crate::asked_accounts::{self, asked_accounts};
use crate::can_fulfill;
use crate::config::SkillIds;
use crate::history;
use crate::inventory::{survey, survey_estate, Account, Inventory, Member, StateCounts, Survey};
use crate::notify;
use crate::screen::{self, Board};
use crate::slots::{CountArgs, Region, RegionArgs, WhichAccountsArgs, WhichRegionsArgs};
use crate::speech::{self, estate, Scope};
use crate::state::VoiceOps;
use alexa_core::extract::{AplScreen, Envelope, Locale, SlotError, SlotRejection, Slots, State};
use alexa_core::l10n::Messages;
use alexa_core::model::{Intent, Request, SessionEndedReason, SessionEndedRequest};
use alexa_core::{builtin, BuildError, Response, Skill};
use std::sync::Arc;

/// Builds the skill.
pub fn build(state: VoiceOps, ids: SkillIds) -> Result<Skill<VoiceOps>, BuildError> {
    let memory = state.memory.clone();
    let mut builder = Skill::with_state(state).localisation(speech::catalog());
    if let Some(store) = memory {
        builder = builder.persistence(store);
    }
    let builder = builder
        .launch(|t: Messages, State(app): State<VoiceOps>| async move {
            let welcome = speech::welcome(&t);
            match asked_accounts::launch_entities(&app).await {
                Some(entities) => welcome.directive(entities),
                None => welcome,
            }
        })
        .intent("CountInstancesIntent", count_instances)
        .intent("ListDatabasesIntent", list_databases)
        .intent("StatusReportIntent", status_report)
        .intent("WhichRegionsIntent", which_regions)
        .intent("WhichAccountsIntent", which_accounts)
        .intent("NotifyStopsIntent", notify::intents::subscribe)
        .intent("StopNotifyingIntent", notify::intents::unsubscribe)
        .intent("NotificationsStatusIntent", notify::intents::status)
        .on_request(
            "AlexaSkillEvent.SkillDisabled",
            notify::intents::ended_elsewhere,
        )
        .on_request(
            "AlexaSkillEvent.ProactiveSubscriptionChanged",
            notify::intents::ended_elsewhere,
        )
        .intent(
            builtin::HELP,
            |t: Messages, State(app): State<VoiceOps>| async move {
                let example = asked_accounts::an_account_name(&app, &t).await;
                speech::help(&t, example)
            },
        )
        .intent(builtin::STOP, goodbye)
        .intent(builtin::CANCEL, goodbye)
        .intent(builtin::NAVIGATE_HOME, goodbye)
        .intent(builtin::FALLBACK, fallback)
        .fallback(fallback)
        .session_ended(session_ended)
        .can_fulfill(|intent: Intent, locale: Locale| async move {
            Response::can_fulfill(can_fulfill::answer(&intent, &locale.0))
        })
        .on_error(|failure, request| {
            speech::apology(
                &speech::messages(request.locale().unwrap_or("en-US")),
                failure,
            )
        });
    match ids {
        SkillIds::Only(ids) => builder.skill_ids(ids),
        SkillIds::Any => builder.accept_any_skill_id(),
    }
    .build()
}

async fn goodbye(t: Messages) -> Response {
    speech::goodbye(&t)
}

async fn fallback(t: Messages) -> Response {
    speech::fallback(&t)
}

/// A slot rejection as VoiceOps answers it: an unknown region is named back, and the
/// region is asked for again (`Dialog.ElicitSlot`), so "Frankfurt" alone answers the same
/// question with its other slots kept.
fn rejected(t: &Messages, rejection: SlotRejection, asked: &Envelope) -> Response {
    match rejection.error {
        SlotError::Unresolved { spoken } | SlotError::Invalid { spoken, .. }
            if rejection.slot == "region" =>
        {
            crate::elicit::ask_again(speech::unknown_region(t, &spoken), asked, "region")
        }
        _ => speech::fallback(t),
    }
}

/// The regions a question covers, or the answer that ends it early (AWS would not list
/// the regions).
async fn scope_of(
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

/// Handlers are written with `?` over early answers; this gives the answer either way.
fn either(answer: Result<Response, Response>) -> Response {
    answer.unwrap_or_else(|early| early)
}

async fn count_instances(
    screen: Option<AplScreen>,
    args: Result<Slots<CountArgs>, SlotRejection>,
    State(app): State<VoiceOps>,
    t: Messages,
    asked: Envelope,
    context: AnswerContext,
) -> Response {
    either(
        async {
            let Slots(args) = args.map_err(|r| rejected(&t, r, &asked))?;
            let asked = asked_accounts(&app, &t, args.account, &asked).await?;
            let (scope, regions) = scope_of(&app, &t, args.region).await?;
            let question = history::question("instances", args.state, &scope) + &asked.memory_key();
            let pick = |c: &StateCounts| c.in_state(args.state);
            let ask = |inv: &dyn Inventory, r| inv.count_instances(r);
            let members = match asked.parts() {
                Err(members) => members,
                Ok((inventory, account)) => {
                    let (found, recalled) =
                        context.survey(&app, &t, (inventory, &regions), ask).await;
                    let answer = speech::instance_counts(&t, args.state, &scope, &found);
                    let count = found.complete_total(pick);
                    let answer = context.compared(answer, &t, recalled, question, count);
                    let answer = headed(&t, answer, account);
                    return Ok(on_screen(answer, screen, &found, || {
                        screen::instances(&t, &found)
                    }));
                }
            };
            let (found, recalled) = context
                .survey_estate(&app, &t, (members, &regions), ask)
                .await;
            let answer = estate::instance_counts(&t, args.state, &scope, &found);
            let count = found.complete_total(pick);
            let answer = context.compared(answer, &t, recalled, question, count);
            let merged = found.counts_by_region();
            Ok(on_screen(answer, screen, &merged, || {
                screen::accounts(&t, &found)
            }))
        }
        .await,
    )
}

async fn list_databases(
    screen: Option<AplScreen>,
    args: Result<Slots<RegionArgs>, SlotRejection>,
    State(app): State<VoiceOps>,
    t: Messages,
    asked: Envelope,
    context: AnswerContext,
) -> Response {
    either(
        async {
            let Slots(args) = args.map_err(|r| rejected(&t, r, &asked))?;
            let asked = asked_accounts(&app, &t, args.account, &asked).await?;
            let (scope, regions) = scope_of(&app, &t, args.region).await?;
            let question = history::question("databases", None, &scope) + &asked.memory_key();
            let ask = |inv: &dyn Inventory, r| inv.list_databases(r);
            let members = match asked.parts() {
                Err(members) => members,
                Ok((inventory, account)) => {
                    let (found, recalled) =
                        context.survey(&app, &t, (inventory, &regions), ask).await;
                    let answer = speech::databases(&t, &scope, &found);
                    let count = found.complete_total(|d| d.len() as u64);
                    let answer = context.compared(answer, &t, recalled, question, count);
                    let answer = headed(&t, answer, account);
                    return Ok(on_screen(answer, screen, &found, || {
                        screen::databases(&t, &found)
                    }));
                }
            };
            let (found, recalled) = context
                .survey_estate(&app, &t, (members, &regions), ask)
                .await;
            let answer = estate::databases(&t, &scope, &found);
            let count = found.complete_total(|d| d.len() as u64);
            let answer = context.compared(answer, &t, recalled, question, count);
            let merged = found.databases_by_region();
            Ok(on_screen(answer, screen, &merged, || {
                screen::databases(&t, &merged)
            }))
        }
        .await,
    )
}

async fn status_report(
    screen: Option<AplScreen>,
    args: Result<Slots<RegionArgs>, SlotRejection>,
    State(app): State<VoiceOps>,
    t: Messages,
    asked: Envelope,
    context: AnswerContext,
) -> Response {
    either(
        async {
            let Slots(args) = args.map_err(|r| rejected(&t, r, &asked))?;
            let asked = asked_accounts(&app, &t, args.account, &asked).await?;
            let (scope, regions) = scope_of(&app, &t, args.region).await?;
            let members = match asked.parts() {
                Err(members) => members,
                Ok((inventory, account)) => {
                    let both = async {
                        tokio::join!(
                            survey(inventory, &regions, app.timing, |inv, r| inv
                                .count_instances(r)),
                            survey(inventory, &regions, app.timing, |inv, r| inv
                                .list_databases(r)),
                        )
                    };
                    let (instances, dbs): (Survey<_>, Survey<_>) =
                        context.while_slow(&app, &t, (1, regions.len()), both).await;
                    let answer = speech::status_report(&t, &scope, &instances, &dbs);
                    let answer = headed(&t, answer, account);
                    return Ok(on_screen(answer, screen, &instances, || {
                        screen::status(&t, &instances, &dbs)
                    }));
                }
            };
            let limit = app.max_in_flight.div_ceil(2);
            let both = async {
                tokio::join!(
                    survey_estate(members, &regions, app.timing, limit, |inv, r| inv
                        .count_instances(r)),
                    survey_estate(members, &regions, app.timing, limit, |inv, r| inv
                        .list_databases(r)),
                )
            };
            let (instances, dbs) = context
                .while_slow(&app, &t, (members.len(), regions.len()), both)
                .await;
            let answer = estate::status_report(&t, &scope, &instances, &dbs);
            let counts = instances.counts_by_region();
            let merged_dbs = dbs.databases_by_region();
            Ok(on_screen(answer, screen, &counts, || {
                screen::status(&t, &counts, &merged_dbs)
            }))
        }
        .await,
    )
}

/// "Which regions have running instances?" (in one named account, or across all).
async fn which_regions(
    args: Result<Slots<WhichRegionsArgs>, SlotRejection>,
    State(app): State<VoiceOps>,
    t: Messages,
    asked: Envelope,
    context: AnswerContext,
) -> Response {
    either(
        async {
            let Slots(args) = args.map_err(|r| rejected(&t, r, &asked))?;
            let asked = asked_accounts(&app, &t, args.account, &asked).await?;
            let (_, regions) = scope_of(&app, &t, None).await?;
            let ask = |inv: &dyn Inventory, r| inv.count_instances(r);
            let members = match asked.parts() {
                Err(members) => members,
                Ok((inventory, account)) => {
                    let (found, _) = context.survey(&app, &t, (inventory, &regions), ask).await;
                    let place = account
                        .map(|a| format!(" {}", estate::in_account(&t, a)))
                        .unwrap_or_default();
                    return Ok(estate::which_regions(&t, args.state, place, &found));
                }
            };
            let (found, _) = context
                .survey_estate(&app, &t, (members, &regions), ask)
                .await;
            Ok(estate::which_regions_in_estate(&t, args.state, &found))
        }
        .await,
    )
}

/// "Which accounts have stopped instances?" (in one region, or all).
async fn which_accounts(
    args: Result<Slots<WhichAccountsArgs>, SlotRejection>,
    State(app): State<VoiceOps>,
    t: Messages,
    asked: Envelope,
    context: AnswerContext,
) -> Response {
    either(
        async {
            let Slots(args) = args.map_err(|r| rejected(&t, r, &asked))?;
            let (scope, regions) = scope_of(&app, &t, args.region).await?;
            let ask = |inv: &dyn Inventory, r| inv.count_instances(r);
            let asked = asked_accounts(&app, &t, None, &asked).await?;
            let members = match asked.parts() {
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
            let (found, _) = context
                .survey_estate(&app, &t, (&members, &regions), ask)
                .await;
            Ok(estate::which_accounts(&t, args.state, &scope, &found))
        }
        .await,
    )
}

/// An answer about a named account starts by naming it.
fn headed(t: &Messages, answer: Response, account: Option<&Account>) -> Response {
    match account {
        Some(account) => speech::with_heading(answer, &estate::heading(t, account)),
        None => answer,
    }
}

/// On a screen, an answer that found anything also shows it as a table.
fn on_screen<T>(
    answer: Response,
    screen: Option<AplScreen>,
    survey: &Survey<T>,
    board: impl FnOnce() -> Board,
) -> Response {
    match screen {
        Some(_) if !survey.found.is_empty() => screen::show(answer, board()),
        _ => answer,
    }
}

/// Logs why the session ended; Alexa ignores any answer, so there is none.
async fn session_ended(Envelope(envelope): Envelope) {
    if let Request::SessionEnded(ended) = &envelope.request {
        log_session_end(ended);
    }
}

fn log_session_end(request: &SessionEndedRequest) {
    let request_id = request.request_id.as_str();
    match &request.reason {
        Some(SessionEndedReason::Error) => {
            tracing::warn!(request_id, error = ?request.error, "session ended with an error")
        }
        reason => tracing::info!(request_id, ?reason, "session ended"),
    }
}
