//! The VoiceOps conversation: handlers wired to intents.

use crate::can_fulfill;
use crate::config::Config;
use crate::extras::Extras;
use crate::history;
use crate::inventory::{survey, AwsInventory, Inventory, StateCounts, Survey, Timing};
use crate::screen::{self, Board};
use crate::slots::{CountArgs, InstanceState, Region, RegionArgs};
use crate::speech::{self, Scope};
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
}

impl VoiceOps {
    /// VoiceOps over `inventory`, remembering nothing.
    pub fn new(inventory: Arc<dyn Inventory>, timing: Timing) -> Self {
        Self {
            inventory,
            timing,
            memory: None,
        }
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
        let aws = AwsInventory::from_env(config.regions.clone())
            .await
            .with_page_size(config.page_size);
        let memory = crate::memory::open(&config.store, aws.sdk_config(), local)?;
        Ok(Self {
            inventory: Arc::new(Arc::new(aws)),
            timing: config.timing,
            memory,
        })
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
        .launch(|t: Messages| async move { speech::welcome(&t) })
        .intent("CountInstancesIntent", count_instances)
        .intent("ListDatabasesIntent", list_databases)
        .intent("StatusReportIntent", status_report)
        .intent(builtin::HELP, |t: Messages| async move { speech::help(&t) })
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
            let answer = speech::unknown_region(t, &spoken);
            match &asked.0.request {
                Request::Intent(request) => {
                    let mut intent = request.intent.clone();
                    if let Some(slot) = intent.slots.get_mut("region") {
                        slot.value = None;
                        slot.resolutions = None;
                    }
                    answer.elicit_slot("region", Some(intent))
                }
                _ => answer,
            }
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
    extras: Extras,
) -> Response {
    either(
        async {
            let Slots(args) = args.map_err(|r| rejected(&t, r, &asked))?;
            let (scope, regions) = scope_of(&app, &t, args.region).await?;
            let (found, recalled) = extras
                .survey(&app, &t, &regions, |inv, r| inv.count_instances(r))
                .await;
            let answer = speech::instance_counts(&t, args.state, &scope, &found);
            let count = found.failed.is_empty().then(|| {
                let pick = |c: &StateCounts| match args.state {
                    Some(InstanceState::Running) => c.running,
                    Some(InstanceState::Stopped) => c.stopped,
                    None => c.total(),
                };
                found.found.iter().map(|(_, c)| pick(c)).sum()
            });
            let question = history::question("instances", args.state, &scope);
            let answer = extras.compared(answer, &t, recalled, question, count);
            Ok(on_screen(answer, screen, &found, || {
                screen::instances(&t, &found)
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
            let (scope, regions) = scope_of(&app, &t, args.region).await?;
            let (found, recalled) = extras
                .survey(&app, &t, &regions, |inv, r| inv.list_databases(r))
                .await;
            let answer = speech::databases(&t, &scope, &found);
            let count = found
                .failed
                .is_empty()
                .then(|| found.found.iter().map(|(_, d)| d.len() as u64).sum());
            let question = history::question("databases", None, &scope);
            let answer = extras.compared(answer, &t, recalled, question, count);
            Ok(on_screen(answer, screen, &found, || {
                screen::databases(&t, &found)
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
            let (scope, regions) = scope_of(&app, &t, args.region).await?;
            let both = async {
                tokio::join!(
                    survey(&app.inventory, &regions, app.timing, |inv, r| inv
                        .count_instances(r)),
                    survey(&app.inventory, &regions, app.timing, |inv, r| inv
                        .list_databases(r)),
                )
            };
            let (instances, dbs): (Survey<_>, Survey<_>) =
                extras.while_slow(&app, &t, regions.len(), both).await;
            let answer = speech::status_report(&t, &scope, &instances, &dbs);
            Ok(on_screen(answer, screen, &instances, || {
                screen::status(&t, &instances, &dbs)
            }))
        }
        .await,
    )
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
