//! `voiceops-skill simulate`: the offline Echo in a terminal.

use alexa_core::model::Card;
use alexa_core::sim::{DeviceProfile, Resolver, Simulator, Turn};
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;
use voiceops_skill::config::Config;
use voiceops_skill::package;
use voiceops_skill::skill::{self, SkillIds};

const SIM_SKILL_ID: &str = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";

pub async fn run(locale: &str, device: &str, json: bool, transcript: bool) -> ExitCode {
    let device = match device {
        "echo" => DeviceProfile::Echo,
        "echo-show" | "show" => DeviceProfile::EchoShow,
        other => {
            eprintln!("voiceops-skill: unknown device {other:?}: use echo or echo-show");
            return ExitCode::from(2);
        }
    };
    let model = match package::model(locale) {
        Ok(model) => model,
        Err(err) => {
            eprintln!("voiceops-skill: {err}");
            return ExitCode::from(2);
        }
    };
    let config = Config::from_env();
    let skill_id = config
        .skill_ids
        .as_ref()
        .and_then(|ids| ids.first().cloned())
        .unwrap_or_else(|| SIM_SKILL_ID.to_owned());
    let skill = match skill::build(
        crate::state(&config).await,
        SkillIds::Only(vec![skill_id.clone()]),
    ) {
        Ok(skill) => skill,
        Err(err) => {
            eprintln!("voiceops-skill: {err}");
            return ExitCode::FAILURE;
        }
    };
    let resolver = Resolver::new(&model.language_model, locale, &skill_id);
    let mut sim = Simulator::new(skill, resolver, locale, &skill_id, device);
    if std::io::stdin().is_terminal() {
        interactive(&mut sim, json).await
    } else {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            let line = line.trim();
            if line.starts_with('#') {
                continue;
            }
            if transcript {
                println!(
                    "You:   {}",
                    if line.is_empty() { "(silence)" } else { line }
                );
            }
            let turn = if line.is_empty() {
                sim.silence().await
            } else {
                sim.say(line).await
            };
            show(&turn, json, transcript);
            if transcript {
                println!();
            }
        }
        ExitCode::SUCCESS
    }
}

async fn interactive<T: alexa_core::sim::Target>(sim: &mut Simulator<T>, json: bool) -> ExitCode {
    println!("VoiceOps simulator. Say \"open voice ops\" to start; an empty line is silence; Ctrl-D quits.");
    let mut editor = match rustyline::DefaultEditor::new() {
        Ok(editor) => editor,
        Err(err) => {
            eprintln!("voiceops-skill: cannot open the terminal: {err}");
            return ExitCode::FAILURE;
        }
    };
    loop {
        let prompt = if sim.in_session() {
            "You (listening): "
        } else {
            "You: "
        };
        match editor.readline(prompt) {
            Ok(line) => {
                let line = line.trim().to_owned();
                if !line.is_empty() {
                    let _ = editor.add_history_entry(&line);
                }
                let turn = if line.is_empty() {
                    sim.silence().await
                } else {
                    sim.say(&line).await
                };
                show(&turn, json, true);
            }
            Err(_) => break,
        }
    }
    ExitCode::SUCCESS
}

fn show(turn: &Turn, json: bool, verbose: bool) {
    let mut out = std::io::stdout().lock();
    if json {
        if let Some(request) = &turn.request {
            let _ = writeln!(
                out,
                "-> {}",
                serde_json::to_string(request).unwrap_or_default()
            );
        }
        if let Some(response) = &turn.response {
            let _ = writeln!(
                out,
                "<- {}",
                serde_json::to_string(response).unwrap_or_default()
            );
        }
    }
    if let Some(error) = &turn.error {
        let _ = writeln!(out, "Alexa: (the skill failed: {error})");
        return;
    }
    if turn.request.is_none() && turn.speech.is_empty() {
        let _ = writeln!(
            out,
            "Alexa: (that was not for Voice Ops; say \"open voice ops\")"
        );
        return;
    }
    let ended = matches!(
        turn.request.as_ref().map(|r| &r.request),
        Some(alexa_core::model::Request::SessionEnded(_))
    );
    if ended {
        let _ = writeln!(out, "Alexa: (the session ended)");
        return;
    }
    let _ = writeln!(out, "Alexa: {}", turn.speech);
    if verbose {
        if let Some(card) = turn
            .response
            .as_ref()
            .and_then(|r| r.response.card.as_ref())
        {
            let (title, text) = match card {
                Card::Simple { title, content } => (title.as_str(), content.as_str()),
                Card::Standard { title, text, .. } => (title.as_str(), text.as_str()),
                _ => ("", ""),
            };
            let _ = writeln!(out, "       [card: {title}]");
            for line in text.lines() {
                let _ = writeln!(out, "         {line}");
            }
        }
        if !turn.session_open {
            let _ = writeln!(out, "       (session ended)");
        }
    }
}
