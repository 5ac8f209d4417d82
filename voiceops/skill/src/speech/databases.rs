//! What VoiceOps says about databases, and the status report that combines them with
//! instances.

use super::{failure, lang, nothing_answered, place, spread, unreached, Scope};
use crate::inventory::{Database, InventoryError, StateCounts, Survey};
use crate::regions::spoken_name_in;
use crate::spoken::spoken_engine;
use alexa_core::l10n::Messages;
use alexa_core::ssml::Ssml;
use alexa_core::Response;

/// How many databases to name before "and N more".
pub const DATABASES_SPOKEN: usize = 3;

fn describe(t: &Messages, db: &Database) -> String {
    let id = if db.is_cluster {
        "db-cluster"
    } else {
        "db-instance"
    };
    let args = [
        ("name", db.name.as_str().into()),
        ("engine", spoken_engine(&db.engine).into()),
        ("status", db.status.replace('-', " ").into()),
    ];
    t.text(id, &args)
}

/// The answer to "what databases do I have": how many, the first few by name with engine
/// and status, and the full list in a card. Names are escaped into SSML.
pub fn databases(t: &Messages, scope: &Scope, survey: &Survey<Vec<Database>>) -> Response {
    if let Some(response) = nothing_answered(t, survey) {
        return response;
    }
    let all = survey.databases_by_name();
    let n = all.len();
    let regions_with_any = survey.found.iter().filter(|(_, d)| !d.is_empty()).count();
    let body = if n == 0 {
        t.text("db-none", &[("place", place(t, scope).into())])
    } else {
        let named: Vec<String> = all
            .iter()
            .take(DATABASES_SPOKEN)
            .map(|(_, d)| describe(t, d))
            .collect();
        let more = n.saturating_sub(DATABASES_SPOKEN);
        let args = [
            ("count", n.into()),
            ("place", spread(t, scope, regions_with_any).into()),
            ("named", named.join("; ").into()),
            ("more", more.into()),
        ];
        let id = if more == 0 { "db-some" } else { "db-some-more" };
        t.text(id, &args)
    };
    let ssml = Ssml::builder()
        .text(&body)
        .text(&unreached(t, &survey.failed))
        .build();
    let response = Response::tell(ssml);
    if n == 0 {
        return response;
    }
    let lines: Vec<String> = all
        .iter()
        .map(|(region, d)| {
            let id = if d.is_cluster {
                "db-card-cluster"
            } else {
                "db-card-instance"
            };
            let args = [
                ("name", d.name.as_str().into()),
                ("engine", d.engine.as_str().into()),
                ("status", d.status.as_str().into()),
                ("region", spoken_name_in(region, lang(t)).into()),
            ];
            t.text(id, &args)
        })
        .collect();
    let title = t.text("db-card-title", &[("count", n.into())]);
    response.standard_card(title, lines.join("\n"), None)
}

/// Instances and databases in one answer.
pub fn status_report(
    t: &Messages,
    scope: &Scope,
    instances: &Survey<StateCounts>,
    dbs: &Survey<Vec<Database>>,
) -> Response {
    if instances.found.is_empty() && dbs.found.is_empty() {
        return nothing_answered(t, instances)
            .unwrap_or_else(|| Response::tell(failure(t, &InventoryError::Timeout)));
    }
    let mut total = StateCounts::default();
    for (_, c) in &instances.found {
        total += *c;
    }
    let db_count: usize = dbs.found.iter().map(|(_, d)| d.len()).sum();
    let available = dbs
        .found
        .iter()
        .flat_map(|(_, d)| d)
        .filter(|d| d.status == "available")
        .count();
    let regions = instances.found.len().max(dbs.found.len());
    let failed = instances.failed_in_either(dbs);
    let at = match scope {
        Scope::Region(code) => {
            let name = spoken_name_in(code, lang(t));
            t.text("report-in-region", &[("region", name.into())])
        }
        Scope::AllRegions => t.text("report-across", &[("count", regions.into())]),
    };
    let args = [
        ("at", at.into()),
        ("running", total.running.into()),
        ("stopped", total.stopped.into()),
        ("databases", db_count.into()),
        ("available", available.into()),
    ];
    let text = t.text("report", &args);
    Response::tell(Ssml::from_text(&format!("{text}{}", unreached(t, &failed))))
}
