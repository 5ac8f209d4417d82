//! What VoiceOps shows on a screen (Echo Show): the spoken answer, then one row per region or
//! database, through one APL document (`screen.json`) filled from a [`Board`].

use crate::inventory::{Database, EstateSurvey, StateCounts, Survey};
use crate::regions::spoken_name_in;
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
    /// The headline's font size: smaller for a long answer, so it is never cut off.
    pub headline_size: u32,
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

/// The headline's font size for `text`: 40 px fits about 110 characters in the lines the
/// document allows; a status report with unreachable regions can be three times that.
fn headline_size(text: &str) -> u32 {
    match text.chars().count() {
        0..=110 => 40,
        111..=180 => 32,
        181..=260 => 26,
        _ => 22,
    }
}

/// `response` with `board` rendered on the screen; its headline is what the response says.
pub fn show(response: Response, mut board: Board) -> Response {
    board.headline = response
        .body()
        .output_speech
        .as_ref()
        .map(OutputSpeech::heard)
        .unwrap_or_default();
    board.headline_size = headline_size(&board.headline);
    let mut datasources = BTreeMap::new();
    datasources.insert(
        "board".to_owned(),
        serde_json::to_value(&board).unwrap_or(Value::Null),
    );
    response.apl_document(TOKEN, document().clone(), datasources)
}

fn region_label(code: &str, t: &Messages) -> String {
    format!("{} ({code})", spoken_name_in(code, crate::speech::lang(t)))
}

fn footer<E>(t: &Messages, failed: &[(String, E)]) -> String {
    if failed.is_empty() {
        return String::new();
    }
    let names: Vec<String> = failed.iter().map(|(r, _)| region_label(r, t)).collect();
    t.text("board-not-reached", &[("names", names.join("; ").into())])
}

/// Rows largest first (then by name), regions with nothing folded into one last row
/// ("21 regions with nothing running"), so what matters is on the first screen.
fn largest_first(t: &Messages, mut rows: Vec<(u64, Row)>, empty: usize, folded: &str) -> Vec<Row> {
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.label.cmp(&b.1.label)));
    let mut rows: Vec<Row> = rows.into_iter().map(|(_, row)| row).collect();
    if empty > 0 {
        rows.push(Row {
            label: t.text(folded, &[("count", empty.into())]),
            value: String::new(),
        });
    }
    rows
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

/// Instances per region, busiest first, empty regions folded into one row.
pub fn instances(t: &Messages, survey: &Survey<StateCounts>) -> Board {
    let rows: Vec<(u64, Row)> = survey
        .found
        .iter()
        .filter(|(_, counts)| counts.total() > 0)
        .map(|(region, counts)| {
            let row = Row {
                label: region_label(region, t),
                value: counts_text(t, counts),
            };
            (counts.total(), row)
        })
        .collect();
    let empty = survey.found.len() - rows.len();
    Board {
        title: t.text("board-instances-title", &[]),
        headline: String::new(),
        headline_size: 40,
        rows: largest_first(t, rows, empty, "board-regions-without-instances"),
        footer: footer(t, &survey.failed),
    }
}

/// Instances per account, largest first, accounts with nothing folded into one row; the
/// footer names the accounts and regions that could not be reached.
pub fn accounts(t: &Messages, estate: &EstateSurvey<StateCounts>) -> Board {
    let mut empty = 0;
    let mut rows: Vec<(u64, Row)> = Vec::new();
    for (account, survey) in &estate.accounts {
        if survey.found.is_empty() {
            continue;
        }
        let mut total = StateCounts::default();
        for (_, counts) in &survey.found {
            total += *counts;
        }
        if total.total() == 0 {
            empty += 1;
            continue;
        }
        let row = Row {
            label: crate::speech::estate::account_label(t, account),
            value: counts_text(t, &total),
        };
        rows.push((total.total(), row));
    }
    let mut missing: Vec<String> = estate
        .unreached_accounts()
        .into_iter()
        .map(|a| crate::speech::estate::account_label(t, a))
        .collect();
    missing.extend(estate.unreached_regions().into_iter().map(|(a, r)| {
        format!(
            "{} ({})",
            region_label(r, t),
            crate::speech::estate::account_label(t, a)
        )
    }));
    let footer = match missing.is_empty() {
        true => String::new(),
        false => t.text("board-not-reached", &[("names", missing.join("; ").into())]),
    };
    Board {
        title: t.text("board-accounts-title", &[]),
        headline: String::new(),
        headline_size: 40,
        rows: largest_first(t, rows, empty, "board-accounts-without-instances"),
        footer,
    }
}

/// Databases by name, with engine, region and status.
pub fn databases(t: &Messages, survey: &Survey<Vec<Database>>) -> Board {
    let all = survey.databases_by_name();
    Board {
        title: t.text("board-databases-title", &[]),
        headline: String::new(),
        headline_size: 40,
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

/// Instances and databases per region, the busiest first, empty regions folded.
pub fn status(t: &Messages, instances: &Survey<StateCounts>, dbs: &Survey<Vec<Database>>) -> Board {
    let mut regions: Vec<&String> = instances
        .found
        .iter()
        .map(|(r, _)| r)
        .chain(dbs.found.iter().map(|(r, _)| r))
        .collect();
    regions.sort();
    regions.dedup();
    let mut rows = Vec::new();
    let mut empty = 0;
    for region in regions {
        let counts = instances
            .found
            .iter()
            .find(|(r, _)| r == region)
            .map(|(_, c)| c);
        let databases = dbs
            .found
            .iter()
            .find(|(r, _)| r == region)
            .map(|(_, d)| d.len());
        let weight = counts.map_or(0, StateCounts::total) + databases.unwrap_or(0) as u64;
        // Only a region both surveys saw with nothing in it is folded; one with a missing
        // survey shows its "?".
        if weight == 0 && counts.is_some() && databases.is_some() {
            empty += 1;
            continue;
        }
        let databases: Arg = databases.map_or_else(|| "?".into(), Arg::from);
        let counts = counts.map_or_else(|| "?".to_owned(), |c| counts_text(t, c));
        let args = [("counts", counts.into()), ("databases", databases)];
        let row = Row {
            label: region_label(region, t),
            value: t.text("board-region-status", &args),
        };
        rows.push((weight, row));
    }
    let mut failed = instances.failed_in_either(dbs);
    failed.sort_by(|a, b| a.0.cmp(&b.0));
    Board {
        title: t.text("board-status-title", &[]),
        headline: String::new(),
        headline_size: 40,
        rows: largest_first(t, rows, empty, "board-regions-with-nothing"),
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

    #[test]
    fn the_status_board_puts_the_busiest_first_and_folds_empty_regions() {
        let counts = |running, stopped| StateCounts {
            running,
            stopped,
            other: 0,
        };
        let empty_regions = [
            "af-south-1",
            "ap-northeast-2",
            "ap-northeast-1",
            "eu-north-1",
        ];
        let mut found: Vec<(String, StateCounts)> = empty_regions
            .iter()
            .map(|r| (r.to_string(), counts(0, 0)))
            .collect();
        found.push(("us-east-1".into(), counts(73, 2)));
        found.push(("eu-west-1".into(), counts(10, 0)));
        let instances = Survey {
            found,
            failed: vec![],
        };
        let mut db_found: Vec<(String, Vec<Database>)> = instances
            .found
            .iter()
            .map(|(r, _)| (r.clone(), vec![]))
            .collect();
        db_found.push(("ap-northeast-1".into(), vec![])); // a duplicate region is harmless
        let dbs = Survey {
            found: db_found,
            failed: vec![],
        };
        let en = crate::speech::messages("en-US");
        let board = status(&en, &instances, &dbs);
        let labels: Vec<&str> = board.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "North Virginia (us-east-1)",
                "Ireland (eu-west-1)",
                "4 regions with nothing in them"
            ]
        );
        let german = status(&crate::speech::messages("de-DE"), &instances, &dbs);
        assert_eq!(
            german.rows[2].label,
            "4 Regionen ohne Instanzen und Datenbanken"
        );
        let only = super::instances(&en, &instances);
        assert_eq!(
            only.rows.last().unwrap().label,
            "4 regions with no instances"
        );
    }

    #[test]
    fn a_long_headline_gets_a_smaller_font_instead_of_being_cut() {
        let long = "Across 17 regions, 131 instances are running and 7 are stopped, and you have 4 databases, 3 available. I couldn't reach 2 regions: Sao Paulo and Mumbai.";
        let board = Board {
            title: "Status report".into(),
            headline: String::new(),
            headline_size: 40,
            rows: vec![],
            footer: String::new(),
        };
        let response = show(Response::tell(long), board);
        let json = serde_json::to_value(response.into_envelope(None)).unwrap();
        let board = &json["response"]["directives"][0]["datasources"]["board"];
        assert_eq!(board["headline"], long);
        assert_eq!(board["headline_size"], 32);
        assert_eq!(headline_size("Eight are running."), 40);
        assert!(headline_size(&long.repeat(3)) < 26);
    }
}
