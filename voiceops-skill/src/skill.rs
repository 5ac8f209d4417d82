//! The VoiceOps conversation: handlers wired to intents.

use crate::inventory::{survey, Inventory, InventoryError, Survey, Timing};
use crate::regions::Lang;
use crate::slots::{CountArgs, Region, RegionArgs};
use crate::speech::{self, Scope};
use alexa_core::extract::{Envelope, Locale, SlotError, SlotRejection, Slots, State};
use alexa_core::model::{Request, SessionEndedReason, SessionEndedRequest};
use alexa_core::{builtin, BuildError, Response, Skill};
use std::sync::Arc;

/// Shared by every request: the AWS inventory and the time budget.
#[derive(Clone)]
pub struct VoiceOps {
    /// Where the numbers come from.
    pub inventory: Arc<dyn Inventory>,
    /// How long AWS may take.
    pub timing: Timing,
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
    let builder = Skill::with_state(state)
        .launch(|Locale(l): Locale| async move { speech::welcome(Lang::from_locale(&l)) })
        .intent("CountInstancesIntent", count_instances)
        .intent("ListDatabasesIntent", list_databases)
        .intent("StatusReportIntent", status_report)
        .intent(builtin::HELP, |Locale(l): Locale| async move {
            speech::help(Lang::from_locale(&l))
        })
        .intent(builtin::STOP, goodbye)
        .intent(builtin::CANCEL, goodbye)
        .intent(builtin::NAVIGATE_HOME, goodbye)
        .intent(builtin::FALLBACK, fallback)
        .fallback(fallback)
        .session_ended(session_ended);
    match ids {
        SkillIds::Only(ids) => builder.skill_ids(ids),
        SkillIds::Any => builder.accept_any_skill_id(),
    }
    .build()
}

async fn goodbye(Locale(locale): Locale) -> Response {
    speech::goodbye(Lang::from_locale(&locale))
}

async fn fallback(Locale(locale): Locale) -> Response {
    speech::fallback(Lang::from_locale(&locale))
}

/// A slot rejection as VoiceOps answers it: an unknown region is named back.
fn rejected(lang: Lang, rejection: SlotRejection) -> Response {
    match rejection.error {
        SlotError::Unresolved { spoken } | SlotError::Invalid { spoken, .. }
            if rejection.slot == "region" =>
        {
            speech::unknown_region(lang, &spoken)
        }
        _ => speech::fallback(lang),
    }
}

/// The regions a question covers.
async fn regions_for(
    app: &VoiceOps,
    region: Option<Region>,
) -> Result<(Scope, Vec<String>), InventoryError> {
    match region {
        Some(Region(code)) => Ok((Scope::Region(code.clone()), vec![code])),
        None => Ok((Scope::AllRegions, app.inventory.regions().await?)),
    }
}

async fn count_instances(
    args: Result<Slots<CountArgs>, SlotRejection>,
    State(app): State<VoiceOps>,
    Locale(locale): Locale,
) -> Response {
    let lang = Lang::from_locale(&locale);
    let Slots(args) = match args {
        Ok(args) => args,
        Err(rejection) => return rejected(lang, rejection),
    };
    let (scope, regions) = match regions_for(&app, args.region).await {
        Ok(found) => found,
        Err(error) => return Response::tell(speech::failure(lang, &error)),
    };
    let found = survey(&app.inventory, &regions, app.timing, |inv, region| {
        inv.count_instances(region)
    })
    .await;
    speech::instance_counts(lang, args.state, &scope, &found)
}

async fn list_databases(
    args: Result<Slots<RegionArgs>, SlotRejection>,
    State(app): State<VoiceOps>,
    Locale(locale): Locale,
) -> Response {
    let lang = Lang::from_locale(&locale);
    let Slots(args) = match args {
        Ok(args) => args,
        Err(rejection) => return rejected(lang, rejection),
    };
    let (scope, regions) = match regions_for(&app, args.region).await {
        Ok(found) => found,
        Err(error) => return Response::tell(speech::failure(lang, &error)),
    };
    let found = survey(&app.inventory, &regions, app.timing, |inv, region| {
        inv.list_databases(region)
    })
    .await;
    speech::databases(lang, &scope, &found)
}

async fn status_report(
    args: Result<Slots<RegionArgs>, SlotRejection>,
    State(app): State<VoiceOps>,
    Locale(locale): Locale,
) -> Response {
    let lang = Lang::from_locale(&locale);
    let Slots(args) = match args {
        Ok(args) => args,
        Err(rejection) => return rejected(lang, rejection),
    };
    let (scope, regions) = match regions_for(&app, args.region).await {
        Ok(found) => found,
        Err(error) => return Response::tell(speech::failure(lang, &error)),
    };
    let (instances, dbs): (Survey<_>, Survey<_>) = tokio::join!(
        survey(&app.inventory, &regions, app.timing, |inv, region| inv
            .count_instances(region)),
        survey(&app.inventory, &regions, app.timing, |inv, region| inv
            .list_databases(region)),
    );
    speech::status_report(lang, &scope, &instances, &dbs)
}

/// Logs why the session ended; Alexa ignores any answer, so there is none.
async fn session_ended(Envelope(envelope): Envelope) {
    if let Request::SessionEnded(ended) = &envelope.request {
        log_session_end(ended);
    }
}

fn log_session_end(request: &SessionEndedRequest) {
    let request_id = request.request_id.as_str();
    match request.reason {
        Some(SessionEndedReason::Error) => {
            tracing::warn!(request_id, error = ?request.error, "session ended with an error")
        }
        reason => tracing::info!(request_id, ?reason, "session ended"),
    }
}
