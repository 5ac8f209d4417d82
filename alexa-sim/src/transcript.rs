//! Conversations written as text files and replayed through the simulator, so a skill's
//! tests read like what a user says and hears.
//!
//! ```text
//! # A comment. Optional header lines set the locale and the device:
//! locale: de-DE
//! device: echo-show
//! > open coffee shop          (what the user says; `>` alone is silence)
//! < Welcome                   (the answer starts with this)
//! [listening]                 (the microphone is open)
//! > a large latte
//! <= One large latte.         (the answer is exactly this; `<~` contains it)
//! [ended]                     (the session is over; `[open]`: open, not listening)
//! ```
//!
//! [`replay_dir`] replays every `.txt` file of a folder against a skill the caller builds
//! for each transcript's locale and device, and reports the first mismatch with its file
//! and line.

use crate::{DeviceProfile, Simulator, Target, Turn};
use std::path::{Path, PathBuf};

/// One conversation, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Transcript {
    /// Where it came from, for messages (a file name).
    pub name: String,
    /// The `locale:` header, if any.
    pub locale: Option<String>,
    /// The `device:` header; an Echo without one.
    pub device: DeviceProfile,
    steps: Vec<(usize, Step)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Say(String),
    StartsWith(String),
    Equals(String),
    Contains(String),
    Listening,
    Open,
    Ended,
}

/// A transcript that cannot be read, or a conversation that went otherwise.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranscriptError {
    /// The folder or a file could not be read.
    #[error("cannot read {path}: {message}")]
    Read {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        message: String,
    },
    /// A line is not one of the forms above.
    #[error("{name}:{line}: cannot read {text:?}")]
    Syntax {
        /// The transcript.
        name: String,
        /// The line number, from 1.
        line: usize,
        /// The line.
        text: String,
    },
    /// An answer or a session state is not what the transcript says.
    #[error("{name}:{line}: {message}")]
    Mismatch {
        /// The transcript.
        name: String,
        /// The line number of the expectation, from 1.
        line: usize,
        /// What differed.
        message: String,
    },
}

impl Transcript {
    /// Parses a transcript's text; `name` labels its errors.
    ///
    /// ```
    /// use alexa_sim::transcript::Transcript;
    /// let t = Transcript::parse("demo.txt", "locale: de-DE\n> hilfe\n< Du kannst\n").unwrap();
    /// assert_eq!(t.locale.as_deref(), Some("de-DE"));
    /// assert_eq!(t.checks(), 1);
    /// assert!(Transcript::parse("bad.txt", "? what").is_err());
    /// ```
    pub fn parse(name: &str, text: &str) -> Result<Self, TranscriptError> {
        let mut transcript = Transcript {
            name: name.to_owned(),
            locale: None,
            device: DeviceProfile::Echo,
            steps: Vec::new(),
        };
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim();
            let number = index + 1;
            let syntax = || TranscriptError::Syntax {
                name: name.to_owned(),
                line: number,
                text: raw.to_owned(),
            };
            let step = if line.is_empty() || line.starts_with('#') {
                continue;
            } else if let Some(locale) = line.strip_prefix("locale:") {
                transcript.locale = Some(locale.trim().to_owned());
                continue;
            } else if let Some(device) = line.strip_prefix("device:") {
                transcript.device = device.trim().parse().map_err(|_| syntax())?;
                continue;
            } else if let Some(said) = line.strip_prefix('>') {
                Step::Say(said.trim().to_owned())
            } else if let Some(want) = line.strip_prefix("<=") {
                Step::Equals(want.trim().to_owned())
            } else if let Some(want) = line.strip_prefix("<~") {
                Step::Contains(want.trim().to_owned())
            } else if let Some(want) = line.strip_prefix('<') {
                Step::StartsWith(want.trim().to_owned())
            } else {
                match line {
                    "[listening]" => Step::Listening,
                    "[open]" => Step::Open,
                    "[ended]" => Step::Ended,
                    _ => return Err(syntax()),
                }
            };
            transcript.steps.push((number, step));
        }
        Ok(transcript)
    }

    /// How many expectations (answers and session states) it checks.
    pub fn checks(&self) -> usize {
        self.steps
            .iter()
            .filter(|(_, step)| !matches!(step, Step::Say(_)))
            .count()
    }

    /// Holds the conversation with `sim`, checking every expectation against the turn
    /// before it. Returns the number of checks made.
    pub async fn replay<T: Target>(
        &self,
        sim: &mut Simulator<T>,
    ) -> Result<usize, TranscriptError> {
        let mut last: Option<Turn> = None;
        for (line, step) in &self.steps {
            if let Step::Say(utterance) = step {
                last = Some(if utterance.is_empty() {
                    sim.silence().await
                } else {
                    sim.say(utterance).await
                });
                continue;
            }
            let mismatch = |message: String| TranscriptError::Mismatch {
                name: self.name.clone(),
                line: *line,
                message,
            };
            let turn = last
                .as_ref()
                .ok_or_else(|| mismatch("an expectation before anything was said".into()))?;
            if let Some(message) = Self::differs(step, turn) {
                return Err(mismatch(message));
            }
        }
        Ok(self.checks())
    }

    /// What is wrong with `turn` for `step`, or `None`.
    fn differs(step: &Step, turn: &Turn) -> Option<String> {
        let said = &turn.speech;
        let ok = match step {
            Step::Say(_) => true,
            Step::Equals(want) => said == want,
            Step::StartsWith(want) => said.starts_with(want.as_str()),
            Step::Contains(want) => said.contains(want.as_str()),
            Step::Listening => turn.session_open && turn.listening,
            Step::Open => turn.session_open && !turn.listening,
            Step::Ended => !turn.session_open,
        };
        if ok {
            return None;
        }
        let failed = turn
            .error
            .as_ref()
            .map(|e| format!(" (the skill failed: {e})"))
            .unwrap_or_default();
        Some(match step {
            Step::Equals(want) => format!("heard {said:?}, expected {want:?}{failed}"),
            Step::StartsWith(want) => {
                format!("heard {said:?}, expected it to start with {want:?}{failed}")
            }
            Step::Contains(want) => {
                format!("heard {said:?}, expected it to contain {want:?}{failed}")
            }
            _ => format!(
                "after {said:?} the session is {}{failed}",
                match (turn.session_open, turn.listening) {
                    (false, _) => "over",
                    (true, true) => "open and listening",
                    (true, false) => "open, not listening",
                }
            ),
        })
    }
}

/// Every `.txt` transcript in `dir`, sorted by name.
pub fn load_dir(dir: &Path) -> Result<Vec<Transcript>, TranscriptError> {
    let read_error = |path: &Path, err: std::io::Error| TranscriptError::Read {
        path: path.to_owned(),
        message: err.to_string(),
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| read_error(dir, e))? {
        let path = entry.map_err(|e| read_error(dir, e))?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|e| read_error(path, e))?;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            Transcript::parse(&name, &text)
        })
        .collect()
}

/// Replays every transcript in `dir`, each with a fresh simulator from `simulator_for`
/// (which sees the transcript's locale and device). Returns each transcript's name and the
/// number of checks it made; the first failure ends the replay.
///
/// ```no_run
/// # async fn test(skill: alexa_core::Skill, resolver: alexa_sim::Resolver) {
/// use alexa_sim::{transcript, Simulator};
/// let replayed = transcript::replay_dir("tests/transcripts".as_ref(), |t| {
///     let locale = t.locale.clone().unwrap_or_else(|| "en-US".into());
///     Simulator::new(skill.clone(), resolver.clone(), &locale, "amzn1.ask.skill.test", t.device)
/// })
/// .await
/// .unwrap();
/// assert!(!replayed.is_empty());
/// # }
/// ```
pub async fn replay_dir<T, F>(
    dir: &Path,
    mut simulator_for: F,
) -> Result<Vec<(String, usize)>, TranscriptError>
where
    T: Target,
    F: FnMut(&Transcript) -> Simulator<T>,
{
    let mut replayed = Vec::new();
    for transcript in load_dir(dir)? {
        let mut sim = simulator_for(&transcript);
        let checks = transcript.replay(&mut sim).await?;
        replayed.push((transcript.name.clone(), checks));
    }
    Ok(replayed)
}
