//! The simulator's terminal front end: type what you would say to an Echo.
//!
//! From a terminal it keeps a line history (rustyline); with piped input it reads one
//! utterance per line and prints one `Alexa: ...` line per answer, so conversations can be
//! scripted. An empty line is silence (the reprompt); `#` starts a comment.

use super::{Simulator, Target, Turn};
use std::io::{BufRead, IsTerminal, Write};

/// How the terminal front end prints and speaks.
#[derive(Debug, Clone, Default)]
pub struct ReplOptions {
    /// The skill's name as the user should read it ("Voice Ops").
    pub skill_name: String,
    /// Also print each request and response envelope as JSON.
    pub json: bool,
    /// With piped input, echo each utterance as `You: ...` and show cards (a readable
    /// transcript); without it, only the `Alexa:` lines.
    pub transcript: bool,
    /// Speak each answer aloud with espeak-ng, when it is installed.
    pub speak: bool,
}

/// Runs the front end on standard input and output until the input ends.
///
/// ```no_run
/// # async fn demo<T: alexa_sim::Target>(mut sim: alexa_sim::Simulator<T>) {
/// use alexa_sim::repl::{run, ReplOptions};
/// let options = ReplOptions { skill_name: "Coffee Shop".into(), ..Default::default() };
/// run(&mut sim, &options).await.unwrap();
/// # }
/// ```
pub async fn run<T: Target>(sim: &mut Simulator<T>, options: &ReplOptions) -> std::io::Result<()> {
    let speaker = if options.speak {
        let speaker = super::speak::Speaker::find(sim.locale());
        if speaker.is_none() {
            eprintln!("(espeak-ng is not installed: answers are printed, not spoken)");
        }
        speaker
    } else {
        None
    };
    if std::io::stdin().is_terminal() {
        interactive(sim, options, speaker.as_ref()).await
    } else {
        piped(sim, options, speaker.as_ref()).await
    }
}

async fn piped<T: Target>(
    sim: &mut Simulator<T>,
    options: &ReplOptions,
    speaker: Option<&super::speak::Speaker>,
) -> std::io::Result<()> {
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        if options.transcript {
            let shown = if line.is_empty() { "(silence)" } else { line };
            writeln!(std::io::stdout(), "You:   {shown}")?;
        }
        if let Some(command) = line.strip_prefix('.') {
            run_command(sim, command, &mut std::io::stdout().lock()).await?;
            continue;
        }
        let turn = take_turn(sim, line).await;
        show(line, &turn, options, options.transcript)?;
        if options.transcript {
            writeln!(std::io::stdout())?;
        }
        if let Some(speaker) = speaker {
            speaker.say(&turn.speech).await;
        }
    }
    Ok(())
}

async fn interactive<T: Target>(
    sim: &mut Simulator<T>,
    options: &ReplOptions,
    speaker: Option<&super::speak::Speaker>,
) -> std::io::Result<()> {
    let invocation = sim.resolver().invocation_name().to_owned();
    println!(
        "{} simulator ({}). Say \"open {invocation}\" to start; an empty line is silence; Ctrl-D quits.",
        options.skill_name,
        sim.locale()
    );
    let mut editor = rustyline::DefaultEditor::new().map_err(std::io::Error::other)?;
    loop {
        let prompt = if sim.listening() {
            "You (listening): "
        } else {
            "You: "
        };
        let Ok(line) = editor.readline(prompt) else {
            return Ok(());
        };
        let line = line.trim().to_owned();
        if !line.is_empty() {
            let _ = editor.add_history_entry(&line);
        }
        if let Some(command) = line.strip_prefix('.') {
            run_command(sim, command, &mut std::io::stdout().lock()).await?;
            continue;
        }
        let turn = take_turn(sim, &line).await;
        show(&line, &turn, options, true)?;
        if let Some(speaker) = speaker {
            speaker.say(&turn.speech).await;
        }
    }
}

/// A line starting with `.`: `.grant SCOPE` (the user grants a permission in the Alexa
/// app) or `.event FILE` (the JSON event in FILE goes to the skill's event handler, and the
/// notifications it sent are shown, one `Notification:` line each).
pub async fn run_command<T: Target>(
    sim: &mut Simulator<T>,
    command: &str,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let (name, argument) = command
        .trim()
        .split_once(' ')
        .unwrap_or((command.trim(), ""));
    let argument = argument.trim();
    match name {
        "grant" if !argument.is_empty() => {
            sim.grant(argument);
            writeln!(out, "(granted {argument})")
        }
        "event" if !argument.is_empty() => {
            let event = match std::fs::read(argument)
                .map_err(|e| e.to_string())
                .and_then(|bytes| serde_json::from_slice(&bytes).map_err(|e| e.to_string()))
            {
                Ok(event) => event,
                Err(err) => return writeln!(out, "(cannot read {argument}: {err})"),
            };
            let outcome = sim.event(event).await;
            if let Err(err) = &outcome.answer {
                writeln!(out, "(the skill refused the event: {err})")?;
            }
            if outcome.notifications.is_empty() {
                writeln!(out, "(no notification)")?;
            }
            for text in &outcome.notifications {
                writeln!(out, "Notification: {text}")?;
            }
            Ok(())
        }
        _ => writeln!(out, "(commands: .grant SCOPE, .event FILE)"),
    }
}

/// An utterance, or silence for an empty line.
async fn take_turn<T: Target>(sim: &mut Simulator<T>, line: &str) -> Turn {
    if line.is_empty() {
        sim.silence().await
    } else {
        sim.say(line).await
    }
}

/// Prints the turn after `line`; silence with no session open is simply nothing.
fn show(line: &str, turn: &Turn, options: &ReplOptions, verbose: bool) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    if line.is_empty() && turn.not_for_skill() {
        return writeln!(out, "Alexa: (nothing: no session is listening)");
    }
    print_turn(&mut out, turn, options, verbose)
}

/// Prints one turn: the JSON on request, `Alexa: ...`, and with `verbose` the card and the
/// end of the session.
///
/// ```
/// use alexa_sim::{repl::{print_turn, ReplOptions}, Turn};
/// let turn = Turn { request: None, response: None, speech: String::new(),
///     session_open: false, listening: false, error: None,
///     progressive: vec![] };
/// let options = ReplOptions { skill_name: "Coffee Shop".into(), ..Default::default() };
/// let mut out = Vec::new();
/// print_turn(&mut out, &turn, &options, false).unwrap();
/// assert!(String::from_utf8(out).unwrap().contains("that was not for Coffee Shop"));
/// ```
pub fn print_turn(
    out: &mut impl Write,
    turn: &Turn,
    options: &ReplOptions,
    verbose: bool,
) -> std::io::Result<()> {
    if options.json {
        if let Some(request) = &turn.request {
            writeln!(out, "-> {}", serde_json::to_string(request)?)?;
        }
        if let Some(response) = &turn.response {
            writeln!(out, "<- {}", serde_json::to_string(response)?)?;
        }
    }
    for said in &turn.progressive {
        writeln!(out, "Alexa (while working): {said}")?;
    }
    if let Some(error) = &turn.error {
        return writeln!(out, "Alexa: (the skill failed: {error})");
    }
    if turn.not_for_skill() {
        return writeln!(
            out,
            "Alexa: (that was not for {}; start with \"open ...\" or \"ask ...\")",
            options.skill_name
        );
    }
    if turn.session_ended() {
        return writeln!(out, "Alexa: (the session ended)");
    }
    writeln!(out, "Alexa: {}", turn.speech)?;
    if verbose {
        if let Some(card) = turn.card() {
            writeln!(out, "       [card: {}]", card.title)?;
            for line in card.text.lines() {
                writeln!(out, "         {line}")?;
            }
        }
        if turn.screen().is_some() {
            writeln!(
                out,
                "       [screen: an APL document; see it in the web console]"
            )?;
        }
        if !turn.session_open {
            writeln!(out, "       (session ended)")?;
        }
    }
    Ok(())
}
