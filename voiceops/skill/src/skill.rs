//! The VoiceOps skill: which handler answers each request. The handlers are in
//! [`handlers`](crate::handlers), the state they share in [`state`](crate::state).

use crate::config::SkillIds;
use crate::handlers::conversation::{self, apology, fallback, goodbye};
use crate::handlers::notifications;
use crate::handlers::status::status_report;
use crate::handlers::tally::{count_instances, list_databases};
use crate::handlers::which::{which_accounts, which_regions};
use crate::speech;
use crate::state::VoiceOps;
use alexa_core::{builtin, BuildError, Skill};

/// Builds the skill over `state`, answering only the skills `ids` names.
pub fn build(state: VoiceOps, ids: SkillIds) -> Result<Skill<VoiceOps>, BuildError> {
    let memory = state.memory.clone();
    let mut builder = Skill::with_state(state).localisation(speech::catalog());
    if let Some(store) = memory {
        builder = builder.persistence(store);
    }
    let builder = builder
        .launch(conversation::launch)
        .intent("CountInstancesIntent", count_instances)
        .intent("ListDatabasesIntent", list_databases)
        .intent("StatusReportIntent", status_report)
        .intent("WhichRegionsIntent", which_regions)
        .intent("WhichAccountsIntent", which_accounts)
        .intent("NotifyStopsIntent", notifications::subscribe)
        .intent("StopNotifyingIntent", notifications::unsubscribe)
        .intent("NotificationsStatusIntent", notifications::status)
        .on_request(
            "AlexaSkillEvent.SkillDisabled",
            notifications::ended_elsewhere,
        )
        .on_request(
            "AlexaSkillEvent.ProactiveSubscriptionChanged",
            notifications::ended_elsewhere,
        )
        .intent(builtin::HELP, conversation::help)
        .intent(builtin::STOP, goodbye)
        .intent(builtin::CANCEL, goodbye)
        .intent(builtin::NAVIGATE_HOME, goodbye)
        .intent(builtin::FALLBACK, fallback)
        .fallback(fallback)
        .session_ended(conversation::session_ended)
        .can_fulfill(conversation::can_fulfill)
        .on_error(apology);
    match ids {
        SkillIds::Only(ids) => builder.skill_ids(ids),
        SkillIds::Any => builder.accept_any_skill_id(),
    }
    .build()
}
