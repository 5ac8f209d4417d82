//! What VoiceOps shows on a screen (Echo Show): the spoken answer, then one row per region or
//! database, through one APL document (`screen.json`) filled from a [`Board`].

use crate::inventory::{Database, StateCounts, Survey};
use crate::regions::{spoken_name_in, Lang};
use alexa_core::l10n::{Arg, Messages};
use alexa_core::model::OutputSpeech;
use alexa_core::Response;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The directive's token, naming the document for later commands.
pub const TOKEN: &str = "voiceops-board";

/// A screenful: a title, the answer, rows, and a footer (regions that did not answer).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Board {
    /// "EC2 instances".
    pub title: String,
    /// The answer as spoken.
    pub headline: String,
    /// One per region or database.
    pub rows: Vec<Row>,
    /// Empty, or what could not be counted.
    pub footer: String,
}

/// One line of the table.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Row {
    /// Left: a region or database name.
    pub label: String,
    /// Right: counts or status.
    pub value: String,
}

fn document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        serde_json::from_str(include_str!("screen.json")).expect("screen.json is valid JSON")
    })
}

/// `response` with `board` rendered on the screen; its headline is what the response says.
pub fn show(response: Response, mut board: Board) -> Response {
    board.headline = response
        .body()
        .output_speech
        .as_ref()
        .map(OutputSpeech::heard)
        .unwrap_or_default();
    let mut datasources = BTreeMap::new();
    datasources.insert(
        "board".to_owned(),
        serde_json::to_value(&board).unwrap_or(Value::Null),
    );
    response.apl_document(TOKEN, document().clone(), datasources)
}

fn region_label(code: &str, t: &Messages) -> String {
    format!(
        "{} ({code})",
        spoken_name_in(code, Lang::from_locale(t.locale()))
    )
}

fn footer<E>(t: &Messages, failed: &[(String, E)]) -> String {
    if failed.is_empty() {
        return String::new();
    }
    let names: Vec<String> = failed.iter().map(|(r, _)| region_label(r, t)).collect();
    t.text("board-not-reached", &[("names", names.join("; ").into())])
}

fn counts_text(t: &Messages, c: &StateCounts) -> String {
    let args = [
        ("running", c.running.into()),
        ("stopped", c.stopped.into()),
        ("other", c.other.into()),
    ];
    match c.other {
        0 => t.text("board-counts", &args[..2]),
        _ => t.text("board-counts-other", &args),
    }
}

/// Instances per region, busiest first.
pub fn instances(t: &Messages, survey: &Survey<StateCounts>) -> Board {
    let mut found: Vec<&(String, StateCounts)> = survey.found.iter().collect();
    found.sort_by(|a, b| b.1.total().cmp(&a.1.total()).then(a.0.cmp(&b.0)));
    Board {
        title: t.text("board-instances-title", &[]),
        headline: String::new(),
        rows: found
            .iter()
            .map(|(region, counts)| Row {
                label: region_label(region, t),
                value: counts_text(t, counts),
            })
            .collect(),
        footer: footer(t, &survey.failed),
    }
}

/// Databases by name, with engine, region and status.
pub fn databases(t: &Messages, survey: &Survey<Vec<Database>>) -> Board {
    let all = survey.databases_by_name();
    Board {
        title: t.text("board-databases-title", &[]),
        headline: String::new(),
        rows: all
            .iter()
            .map(|(region, d)| Row {
                label: d.name.clone(),
                value: format!("{} · {} · {}", d.engine, region, d.status),
            })
            .collect(),
        footer: footer(t, &survey.failed),
    }
}

/// Instances and databases per region.
pub fn status(t: &Messages, instances: &Survey<StateCounts>, dbs: &Survey<Vec<Database>>) -> Board {
    let mut regions: Vec<&String> = instances
        .found
        .iter()
        .map(|(r, _)| r)
        .chain(dbs.found.iter().map(|(r, _)| r))
        .collect();
    regions.sort();
    regions.dedup();
    let rows = regions
        .into_iter()
        .map(|region| {
            let counts = instances
                .found
                .iter()
                .find(|(r, _)| r == region)
                .map(|(_, c)| counts_text(t, c))
                .unwrap_or_else(|| "?".into());
            let databases: Arg = dbs
                .found
                .iter()
                .find(|(r, _)| r == region)
                .map_or_else(|| "?".into(), |(_, d)| d.len().into());
            let args = [("counts", counts.into()), ("databases", databases)];
            Row {
                label: region_label(region, t),
                value: t.text("board-region-status", &args),
            }
        })
        .collect();
    let mut failed = instances.failed_in_either(dbs);
    failed.sort_by(|a, b| a.0.cmp(&b.0));
    Board {
        title: t.text("board-status-title", &[]),
        headline: String::new(),
        rows,
        footer: footer(t, &failed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::InventoryError;

    /// The document is parsed at first use; a broken `screen.json` must fail here, not on an
    /// Echo Show.
    #[test]
    fn the_document_is_apl_bound_to_the_board() {
        let doc = document();
        assert_eq!(doc["type"], "APL");
        assert_eq!(doc["mainTemplate"]["parameters"][0], "payload");
        let text = doc.to_string();
        for field in [
            "board.title",
            "board.headline",
            "board.rows",
            "board.footer",
        ] {
            assert!(text.contains(&format!("payload.{field}")), "{field}");
        }
    }

    #[test]
    fn the_board_carries_the_spoken_answer_and_the_rows() {
        let survey = Survey {
            found: vec![
                (
                    "eu-west-1".to_owned(),
                    StateCounts {
                        running: 1,
                        stopped: 0,
                        other: 0,
                    },
                ),
                (
                    "us-east-1".to_owned(),
                    StateCounts {
                        running: 7,
                        stopped: 2,
                        other: 1,
                    },
                ),
            ],
            failed: vec![("ap-northeast-1".to_owned(), InventoryError::Timeout)],
        };
        let board = instances(&crate::speech::messages("en-US"), &survey);
        assert_eq!(
            board.rows[0].label, "North Virginia (us-east-1)",
            "busiest first"
        );
        assert_eq!(board.rows[0].value, "7 running · 2 stopped · 1 other");
        assert_eq!(board.footer, "Not reached: Tokyo (ap-northeast-1)");
        let german = instances(&crate::speech::messages("de-DE"), &survey);
        assert_eq!(german.title, "EC2-Instanzen");
        assert_eq!(german.rows[0].value, "7 laufen · 2 gestoppt · 1 andere");
        assert!(
            german.footer.starts_with("Nicht erreicht: "),
            "{}",
            german.footer
        );
        let response = show(Response::tell("Eight are running."), board);
        let json = serde_json::to_value(response.into_envelope(None)).unwrap();
        let directive = &json["response"]["directives"][0];
        assert_eq!(directive["type"], "Alexa.Presentation.APL.RenderDocument");
        assert_eq!(directive["token"], TOKEN);
        assert_eq!(
            directive["datasources"]["board"]["headline"],
            "Eight are running."
        );
    }
}
