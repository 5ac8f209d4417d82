//! `cargo alexa dialog`: the deployed skill through Amazon's simulator. Interactively from
//! the terminal, or replaying our transcripts (the files `alexa-sim` replays offline) and
//! the ASK CLI's replay files. As the ASK CLI does, the first turn and every turn after the
//! skill ended its session start a new session; one simulation is in flight at a time.

use crate::cli::DialogArgs;
use crate::project::Project;
use crate::report::{print_json, CliError};
use alexa_core::model::{Request, RequestEnvelope, ResponseEnvelope};
use alexa_sim::transcript::{self, Step, Transcript};
use alexa_sim::{DeviceProfile, Turn};
use alexa_smapi::{Intent, SimulationsApiRequest, SimulationsApiResponse, SmapiClient, Stage};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::path::Path;
use tokio::io::AsyncBufReadExt;

/// The ASK CLI's replay file (`ask dialog --replay`, `.record`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplayFile {
    /// The skill.
    pub skill_id: String,
    /// The locale.
    pub locale: String,
    /// Always `text`.
    #[serde(rename = "type")]
    pub kind: String,
    /// What is said, in order; `.quit` ends the dialog.
    pub user_input: Vec<String>,
}

impl ReplayFile {
    /// Reads and checks one: the skill ID and locale present, no blank input (as the ASK CLI
    /// requires).
    pub fn read(path: &Path) -> Result<Self, CliError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CliError::Input(format!("cannot read {}: {e}", path.display())))?;
        let file: ReplayFile = serde_json::from_str(&text).map_err(|e| {
            CliError::Input(format!(
                "{} is not an ASK CLI replay file: {e}",
                path.display()
            ))
        })?;
        if file.skill_id.is_empty() || file.locale.is_empty() {
            return Err(CliError::Input(format!(
                "{}: skillId and locale are required",
                path.display()
            )));
        }
        if file.user_input.iter().any(|u| u.trim().is_empty()) {
            return Err(CliError::Input(format!(
                "{}: a userInput is blank",
                path.display()
            )));
        }
        Ok(file)
    }
}

/// The simulator's answer as a turn of the offline Echo, so a transcript's expectations
/// read it as they read an offline one.
pub fn turn_of(sim: &SimulationsApiResponse) -> Turn {
    let last = sim.invocations().last();
    let request: Option<RequestEnvelope> = last
        .and_then(|i| i.invocation_request.as_ref())
        .and_then(|r| serde_json::from_value(r.body.clone()).ok());
    let response: Option<ResponseEnvelope> = last
        .and_then(|i| i.invocation_response.as_ref())
        .and_then(|r| serde_json::from_value(r.body.clone()).ok());
    let ended = matches!(
        request.as_ref().map(|r| &r.request),
        Some(Request::SessionEnded(_))
    );
    let end = sim.should_end_session();
    Turn {
        session_open: matches!(end, Some(Some(false)) | Some(None)) && !ended,
        listening: end == Some(Some(false)) && !ended,
        speech: sim.caption(),
        error: sim.error().map(str::to_owned),
        request,
        response,
        progressive: Vec::new(),
    }
}

/// `Name slot=id ...`.
pub fn describe(intent: &Intent) -> String {
    let slots: String = intent
        .filled_slots()
        .iter()
        .map(|(k, v)| format!(" {k}={v}"))
        .collect();
    format!("{}{slots}", intent.name)
}

/// One conversation with Amazon: forces a new session when the last turn left none.
struct Conversation<'a> {
    smapi: &'a SmapiClient,
    skill_id: String,
    locale: String,
    new_session: bool,
    said: Vec<String>,
}

impl Conversation<'_> {
    async fn say(&mut self, utterance: &str) -> Result<(SimulationsApiResponse, Turn), CliError> {
        let request = SimulationsApiRequest::new(utterance, &self.locale, self.new_session);
        let sim = self
            .smapi
            .simulate(&self.skill_id, &Stage::Development, &request)
            .await?;
        let turn = turn_of(&sim);
        self.new_session = !turn.session_open;
        self.said.push(utterance.to_owned());
        Ok((sim, turn))
    }
}

fn print_answer(sim: &SimulationsApiResponse, turn: &Turn) {
    match &turn.error {
        Some(error) => println!("  Amazon: {error}"),
        None => println!(
            "  Alexa: {}",
            if turn.speech.is_empty() {
                "(nothing)"
            } else {
                &turn.speech
            }
        ),
    }
    let considered: Vec<String> = sim.considered_intents().iter().map(describe).collect();
    if !considered.is_empty() {
        println!("    considered: {}", considered.join("; "));
    }
}

/// How one transcript went on Amazon.
#[derive(Debug, Default, Serialize)]
pub struct Replayed {
    /// The transcript's file name.
    pub name: String,
    /// Expectations that held.
    pub passed: usize,
    /// Expectations that did not, each `line: what differed`.
    pub failed: Vec<String>,
    /// Turns and expectations Amazon's simulator cannot play (a screen, silence).
    pub skipped: Vec<String>,
}

/// Replays one transcript against the skill on Amazon, reporting each turn's differences.
async fn replay_transcript(
    smapi: &SmapiClient,
    skill_id: &str,
    locale: Option<&str>,
    transcript: &Transcript,
    json: bool,
) -> Result<Replayed, CliError> {
    let locale = transcript
        .locale
        .as_deref()
        .or(locale)
        .unwrap_or("en-US")
        .to_owned();
    let mut out = Replayed {
        name: transcript.name.clone(),
        ..Default::default()
    };
    if !json {
        println!("{} ({locale})", transcript.name);
    }
    if transcript.device == DeviceProfile::EchoShow {
        out.skipped.push(format!(
            "{}: every turn (Amazon's simulator has no screen)",
            transcript.name
        ));
        if !json {
            println!(
                "  skipped: the transcript is for an Echo Show; Amazon's simulator has no screen"
            );
        }
        return Ok(out);
    }
    let mut conversation = Conversation {
        smapi,
        skill_id: skill_id.to_owned(),
        locale,
        new_session: true,
        said: Vec::new(),
    };
    let mut last: Option<Turn> = None;
    let mut skipping = false;
    for (line, step) in transcript.steps() {
        match step {
            Step::Say(utterance) if utterance.is_empty() => {
                skipping = true;
                out.skipped
                    .push(format!("{line}: silence (the simulation API needs words)"));
                if !json {
                    println!("  > (silence)\n    skipped: Amazon's simulator cannot stay silent");
                }
            }
            Step::Say(utterance) => {
                skipping = false;
                if !json {
                    println!("  > {utterance}");
                }
                let (sim, turn) = conversation.say(utterance).await?;
                if !json {
                    print_answer(&sim, &turn);
                }
                last = Some(turn);
            }
            Step::Grant(_) | Step::Event(_) | Step::Notification(_) => out.skipped.push(format!(
                "{line}: {step:?} (Amazon's simulator takes no events or grants)"
            )),
            expectation if skipping => out
                .skipped
                .push(format!("{line}: {expectation:?} (after a skipped turn)")),
            expectation => {
                let Some(turn) = &last else {
                    out.failed
                        .push(format!("{line}: an expectation before anything was said"));
                    continue;
                };
                match expectation.differs(turn) {
                    None => out.passed += 1,
                    Some(message) => {
                        if !json {
                            println!("    ✗ line {line}: {message}");
                        }
                        out.failed.push(format!("{line}: {message}"));
                    }
                }
            }
        }
    }
    Ok(out)
}

async fn replay_ask_file(
    smapi: &SmapiClient,
    file: ReplayFile,
    skill_id: Option<&str>,
) -> Result<Vec<String>, CliError> {
    let mut conversation = Conversation {
        smapi,
        skill_id: skill_id.unwrap_or(&file.skill_id).to_owned(),
        locale: file.locale.clone(),
        new_session: true,
        said: Vec::new(),
    };
    for utterance in &file.user_input {
        if utterance.trim() == ".quit" {
            break;
        }
        println!("> {utterance}");
        let (sim, turn) = conversation.say(utterance).await?;
        print_answer(&sim, &turn);
    }
    Ok(conversation.said)
}

fn write_replay(
    path: &Path,
    skill_id: &str,
    locale: &str,
    said: Vec<String>,
) -> Result<(), CliError> {
    let file = ReplayFile {
        skill_id: skill_id.to_owned(),
        locale: locale.to_owned(),
        kind: "text".into(),
        user_input: said,
    };
    std::fs::write(
        path,
        serde_json::to_string_pretty(&file).unwrap_or_default() + "\n",
    )
    .map_err(|e| CliError::Input(format!("cannot write {}: {e}", path.display())))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

/// Runs the dialog.
pub async fn run(args: DialogArgs) -> Result<(), CliError> {
    let ask_file = args
        .replay
        .as_deref()
        .filter(|p| p.extension().is_some_and(|e| e == "json"));
    if let Some(path) = ask_file {
        let file = ReplayFile::read(path)?;
        let smapi = crate::client(&args.skill)?;
        let (skill_id, locale) = (
            args.skill.skill_id.clone().unwrap_or(file.skill_id.clone()),
            file.locale.clone(),
        );
        let said = replay_ask_file(&smapi, file, Some(&skill_id)).await?;
        if let Some(out) = &args.record {
            write_replay(out, &skill_id, &locale, said)?;
        }
        return Ok(());
    }
    let project = Project::find(args.skill.package.as_deref(), &args.skill.profile)?;
    let skill_id = project.skill_id(args.skill.skill_id.as_deref())?;
    let smapi = crate::client(&args.skill)?;
    if let Some(path) = &args.replay {
        let transcripts = if path.is_dir() {
            transcript::load_dir(path)
        } else {
            let text = std::fs::read_to_string(path)
                .map_err(|e| CliError::Input(format!("cannot read {}: {e}", path.display())))?;
            Transcript::parse(
                &path.file_name().unwrap_or_default().to_string_lossy(),
                &text,
            )
            .map(|t| vec![t])
        }
        .map_err(|e| CliError::Input(e.to_string()))?;
        let mut results = Vec::new();
        for transcript in &transcripts {
            results.push(
                replay_transcript(
                    &smapi,
                    &skill_id,
                    args.locale.as_deref(),
                    transcript,
                    args.skill.json,
                )
                .await?,
            );
        }
        if let Some(out) = &args.record {
            let said: Vec<String> = transcripts
                .iter()
                .flat_map(|t| {
                    t.steps().iter().filter_map(|(_, s)| match s {
                        Step::Say(u) if !u.is_empty() => Some(u.clone()),
                        _ => None,
                    })
                })
                .collect();
            write_replay(
                out,
                &skill_id,
                args.locale.as_deref().unwrap_or("en-US"),
                said,
            )?;
        }
        let passed: usize = results.iter().map(|r| r.passed).sum();
        let failed: usize = results.iter().map(|r| r.failed.len()).sum();
        let skipped: usize = results.iter().map(|r| r.skipped.len()).sum();
        if args.skill.json {
            print_json(
                &json!({"skillId": skill_id, "transcripts": results, "passed": passed, "failed": failed, "skipped": skipped}),
            );
        } else {
            println!("On Amazon: {passed} expectations held, {failed} did not, {skipped} skipped ({} transcripts)", results.len());
        }
        return if failed == 0 {
            Ok(())
        } else {
            Err(CliError::Failed(format!(
                "{failed} expectation(s) did not hold on Amazon"
            )))
        };
    }
    interactive(
        &smapi,
        &skill_id,
        args.locale.as_deref().unwrap_or("en-US"),
        args.record.as_deref(),
    )
    .await
}

async fn interactive(
    smapi: &SmapiClient,
    skill_id: &str,
    locale: &str,
    record: Option<&Path>,
) -> Result<(), CliError> {
    eprintln!("Talking to {skill_id} ({locale}) through Amazon's simulator. `.quit` ends, `.new` starts a new session, `.record FILE` saves what you said.");
    let mut conversation = Conversation {
        smapi,
        skill_id: skill_id.to_owned(),
        locale: locale.to_owned(),
        new_session: true,
        said: Vec::new(),
    };
    let mut lines = tokio::io::BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines
        .next_line()
        .await
        .map_err(|e| CliError::Input(e.to_string()))?
    {
        let line = line.trim();
        match line {
            "" => continue,
            ".quit" | ".exit" => break,
            ".new" => conversation.new_session = true,
            _ if line.starts_with(".record ") => {
                write_replay(
                    Path::new(line[".record ".len()..].trim()),
                    skill_id,
                    locale,
                    conversation.said.clone(),
                )?;
            }
            utterance => match conversation.say(utterance).await {
                Ok((sim, turn)) => print_answer(&sim, &turn),
                Err(err) => eprintln!("error: {err}"),
            },
        }
    }
    if let Some(path) = record {
        write_replay(path, skill_id, locale, conversation.said)?;
    }
    Ok(())
}
