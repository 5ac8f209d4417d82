//! The VoiceOps conversation: handlers wired to intents.

use crate::can_fulfill;
use crate::config::Config;
use crate::extras::Extras;
use crate::history;
use crate::inventory::estate::DEFAULT_MAX_IN_FLIGHT;
use crate::inventory::{
    survey, survey_estate, Account, AwsInventory, AwsOrganization, Inventory, Member, Organization,
    StateCounts, Survey, Timing,
};
use crate::notify;
use crate::screen::{self, Board};
use crate::slots::{CountArgs, Region, RegionArgs, WhichAccountsArgs, WhichRegionsArgs};
use crate::speech::{self, estate, Scope};
use crate::whose::{self, whose};
use alexa_core::extract::{AplScreen, Envelope, Locale, SlotError, SlotRejection, Slots, State};
use alexa_core::l10n::Messages;
use alexa_core::model::{Intent, Request, SessionEndedReason, SessionEndedRequest};
use alexa_core::persist::AttributeStore;
use alexa_core::{builtin, BuildError, Response, Skill};
use std::sync::Arc;

/// Shared by every request: the AWS inventory, the time budget, and where users' last
/// counts are kept.
#[derive(Clone)]
pub struct VoiceOps {
    /// Where the numbers come from.
    pub inventory: Arc<dyn Inventory>,
    /// How long AWS may take.
    pub timing: Timing,
    /// Where each user's last counts are kept; without one, answers make no comparison.
    pub memory: Option<Arc<dyn AttributeStore>>,
    /// The accounts to ask besides this one (`VOICEOPS_ROLE_NAME`); without, only this.
    pub organization: Option<Arc<dyn Organization>>,
    /// AWS calls in flight at once when several accounts are asked.
    pub max_in_flight: usize,
}

impl VoiceOps {
    /// VoiceOps over `inventory`, remembering nothing.
    pub fn new(inventory: Arc<dyn Inventory>, timing: Timing) -> Self {
        Self {
            inventory,
            timing,
            memory: None,
            organization: None,
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
        }
    }

    /// Answers for every account `organization` lists, not only this one.
    pub fn with_organization(mut self, organization: Arc<dyn Organization>) -> Self {
        self.organization = Some(organization);
        self
    }

    /// Who asked to hear about stopped instances: kept in the same store as the last
    /// counts; without a store, nobody can subscribe.
    pub fn subscriptions(&self) -> Option<crate::notify::Subscriptions> {
        self.memory.clone().map(crate::notify::Subscriptions::new)
    }

    /// Remembers users' last counts in `store`.
    pub fn with_memory(mut self, store: Arc<dyn AttributeStore>) -> Self {
        self.memory = Some(store);
        self
    }

    /// The skill's state from the environment: the AWS SDK's default configuration (with
    /// `AWS_ENDPOINT_URL` honoured), the configured regions, page size, timing and store.
    /// Fails only for a store setting that is wrong or cannot be opened.
    /// `local` opens the embedded store (see [`memory`](crate::memory)); the deployed
    /// function passes none.
    pub async fn from_config(
        config: &Config,
        local: Option<crate::memory::LocalStore>,
    ) -> Result<Self, String> {
        let aws = AwsInventory::from_env(config.regions.clone()).with_page_size(config.page_size);
        let memory = crate::memory::open(&config.store, &aws, local).await?;
        let accounts = match (config.account_source()?, &config.role_name) {
            (Some(source), Some(role)) => Some((role.clone(), source)),
            _ => None,
        };
        let mut state = Self::over_aws(Arc::new(aws), config.timing, accounts);
        state.memory = memory;
        state.max_in_flight = config.max_in_flight;
        Ok(state)
    }

    /// VoiceOps over the real AWS inventory of the account it runs in and, with `accounts`
    /// (the role to assume and where the account list comes from), every account of the
    /// organization.
    pub fn over_aws(
        aws: Arc<AwsInventory>,
        timing: Timing,
        accounts: Option<(String, crate::inventory::AccountSource)>,
    ) -> Self {
        let organization = accounts.map(|(role, source)| {
            let org = AwsOrganization::new(Arc::clone(&aws), role, source);
            Arc::new(Arc::new(org)) as Arc<dyn Organization>
        });
        let mut state = Self::new(Arc::new(aws), timing);
        state.organization = organization;
        state
    }
}

impl std::fmt::Debug for VoiceOps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VoiceOps")
            .field("timing", &self.timing)
            .finish_non_exhaustive()
    }
}

/// Which skill IDs to accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkillIds {
    /// Only these.
    Only(Vec<String>),
    /// Any (local tools only).
    Any,
}

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
            match whose::launch_entities(&app).await {
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
                let example = whose::an_account_name(&app, &t).await;
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
            ask_again(speech::unknown_region(t, &spoken), asked, "region")
        }
        _ => speech::fallback(t),
    }
}

/// `answer`, asking for `slot` again (`Dialog.ElicitSlot`) with the question's other slots
/// kept, so the next utterance ("Frankfurt", "production") completes the same question.
pub(crate) fn ask_again(answer: Response, asked: &Envelope, slot: &str) -> Response {
    match &asked.0.request {
        Request::Intent(request) => {
            let mut intent = request.intent.clone();
            if let Some(value) = intent.slots.get_mut(slot) {
                value.value = None;
                value.resolutions = None;
            }
            answer.elicit_slot(slot, Some(intent))
        }
        _ => answer,
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
    extras: Extras,
) -> Response {
    either(
        async {
            let Slots(args) = args.map_err(|r| rejected(&t, r, &asked))?;
            let whose = whose(&app, &t, args.account, &asked).await?;
            let (scope, regions) = scope_of(&app, &t, args.region).await?;
            let question = history::question("instances", args.state, &scope) + &whose.memory_key();
            let pick = |c: &StateCounts| c.in_state(args.state);
            let ask = |inv: &dyn Inventory, r| inv.count_instances(r);
            let members = match whose.parts() {
                Err(members) => members,
                Ok((inventory, account)) => {
                    let (found, recalled) =
                        extras.survey(&app, &t, (inventory, &regions), ask).await;
                    let answer = speech::instance_counts(&t, args.state, &scope, &found);
                    let count = found.complete_total(pick);
                    let answer = extras.compared(answer, &t, recalled, question, count);
                    let answer = headed(&t, answer, account);
                    return Ok(on_screen(answer, screen, &found, || {
                        screen::instances(&t, &found)
                    }));
                }
            };
            let (found, recalled) = extras
                .survey_estate(&app, &t, (members, &regions), ask)
                .await;
            let answer = estate::instance_counts(&t, args.state, &scope, &found);
            let count = found.complete_total(pick);
            let answer = extras.compared(answer, &t, recalled, question, count);
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
    extras: Extras,
) -> Response {
    either(
        async {
            let Slots(args) = args.map_err(|r| rejected(&t, r, &asked))?;
            let whose = whose(&app, &t, args.account, &asked).await?;
            let (scope, regions) = scope_of(&app, &t, args.region).await?;
            let question = history::question("databases", None, &scope) + &whose.memory_key();
            let ask = |inv: &dyn Inventory, r| inv.list_databases(r);
            let members = match whose.parts() {
                Err(members) => members,
                Ok((inventory, account)) => {
                    let (found, recalled) =
                        extras.survey(&app, &t, (inventory, &regions), ask).await;
                    let answer = speech::databases(&t, &scope, &found);
                    let count = found.complete_total(|d| d.len() as u64);
                    let answer = extras.compared(answer, &t, recalled, question, count);
                    let answer = headed(&t, answer, account);
                    return Ok(on_screen(answer, screen, &found, || {
                        screen::databases(&t, &found)
                    }));
                }
            };
            let (found, recalled) = extras
                .survey_estate(&app, &t, (members, &regions), ask)
                .await;
            let answer = estate::databases(&t, &scope, &found);
            let count = found.complete_total(|d| d.len() as u64);
            let answer = extras.compared(answer, &t, recalled, question, count);
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
    extras: Extras,
) -> Response {
    either(
        async {
            let Slots(args) = args.map_err(|r| rejected(&t, r, &asked))?;
            let whose = whose(&app, &t, args.account, &asked).await?;
            let (scope, regions) = scope_of(&app, &t, args.region).await?;
            let members = match whose.parts() {
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
                        extras.while_slow(&app, &t, (1, regions.len()), both).await;
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
            let (instances, dbs) = extras
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
    extras: Extras,
) -> Response {
    either(
        async {
            let Slots(args) = args.map_err(|r| rejected(&t, r, &asked))?;
            let whose = whose(&app, &t, args.account, &asked).await?;
            let (_, regions) = scope_of(&app, &t, None).await?;
            let ask = |inv: &dyn Inventory, r| inv.count_instances(r);
            let members = match whose.parts() {
                Err(members) => members,
                Ok((inventory, account)) => {
                    let (found, _) = extras.survey(&app, &t, (inventory, &regions), ask).await;
                    let place = account
                        .map(|a| format!(" {}", estate::in_account(&t, a)))
                        .unwrap_or_default();
                    return Ok(estate::which_regions(&t, args.state, place, &found));
                }
            };
            let (found, _) = extras
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
    extras: Extras,
) -> Response {
    either(
        async {
            let Slots(args) = args.map_err(|r| rejected(&t, r, &asked))?;
            let (scope, regions) = scope_of(&app, &t, args.region).await?;
            let ask = |inv: &dyn Inventory, r| inv.count_instances(r);
            let whose = whose(&app, &t, None, &asked).await?;
            let members = match whose.parts() {
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
            let (found, _) = extras
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
