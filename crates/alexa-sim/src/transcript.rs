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
//! > a small espresso
//! <* One # * espresso.        (a pattern: `*` any words, `#` a number)
//! [intent OrderIntent size=SMALL]   (the intent and slots NLU picked, slots by resolved id)
//! [grant alexa::devices:all:notifications:write]   (the user grants it in the Alexa app)
//! [event events/stopped.json]   (an event for the skill's handler, path from this file's folder)
//! Notification: 1 instance stopped in Frankfurt   (the next notification the user got)
//! ```
//!
//! Patterns and intent lines are what a replay on Amazon's simulator (`cargo alexa dialog
//! --replay`) checks where the skill reads live data and exact words cannot hold.
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
    folder: Option<PathBuf>,
}

/// One line of a transcript: something said, or something expected of the answer to it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Step {
    /// `> utterance`; empty for silence.
    Say(String),
    /// `< text`: the answer starts with it.
    StartsWith(String),
    /// `<= text`: the answer is exactly it.
    Equals(String),
    /// `<~ text`: the answer contains it.
    Contains(String),
    /// `<* pattern`: the answer matches it, `*` standing for any text and `#` for a number.
    Matches(String),
    /// `[intent Name slot=id ...]`: the request's intent, and slots by resolved id (else by
    /// the value heard).
    Intent {
        /// The intent's name.
        name: String,
        /// Slot names and ids.
        slots: Vec<(String, String)>,
    },
    /// `[listening]`.
    Listening,
    /// `[open]`.
    Open,
    /// `[ended]`.
    Ended,
    /// `[grant SCOPE]`: the user grants a permission in the Alexa app.
    Grant(String),
    /// `[event FILE]`: the JSON in FILE goes to the skill's event handler.
    Event(String),
    /// `Notification: text`: the next notification the user got, exactly.
    Notification(String),
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
            folder: None,
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
            } else if let Some(text) = line.strip_prefix("Notification:") {
                Step::Notification(text.trim().to_owned())
            } else if let Some(scope) = line
                .strip_prefix("[grant ")
                .and_then(|l| l.strip_suffix(']'))
            {
                Step::Grant(scope.trim().to_owned())
            } else if let Some(file) = line
                .strip_prefix("[event ")
                .and_then(|l| l.strip_suffix(']'))
            {
                Step::Event(file.trim().to_owned())
            } else if let Some(said) = line.strip_prefix('>') {
                Step::Say(said.trim().to_owned())
            } else if let Some(want) = line.strip_prefix("<=") {
                Step::Equals(want.trim().to_owned())
            } else if let Some(want) = line.strip_prefix("<~") {
                Step::Contains(want.trim().to_owned())
            } else if let Some(want) = line.strip_prefix("<*") {
                Step::Matches(want.trim().to_owned())
            } else if let Some(want) = line.strip_prefix('<') {
                Step::StartsWith(want.trim().to_owned())
            } else {
                match line {
                    "[listening]" => Step::Listening,
                    "[open]" => Step::Open,
                    "[ended]" => Step::Ended,
                    _ => parse_intent(line).ok_or_else(syntax)?,
                }
            };
            transcript.steps.push((number, step));
        }
        Ok(transcript)
    }

    /// Its lines, each with its line number (from 1).
    pub fn steps(&self) -> &[(usize, Step)] {
        &self.steps
    }

    /// How many expectations (answers, session states, notifications) it checks.
    pub fn checks(&self) -> usize {
        self.steps
            .iter()
            .filter(|(_, step)| step.is_expectation())
            .count()
    }

    /// Holds the conversation with `sim`, checking every expectation against the turn
    /// before it. Returns the number of checks made.
    pub async fn replay<T: Target>(
        &self,
        sim: &mut Simulator<T>,
    ) -> Result<usize, TranscriptError> {
        let mut last: Option<Turn> = None;
        let mut notifications = std::collections::VecDeque::new();
        for (line, step) in &self.steps {
            let mismatch = |message: String| TranscriptError::Mismatch {
                name: self.name.clone(),
                line: *line,
                message,
            };
            match step {
                Step::Say(utterance) => {
                    last = Some(if utterance.is_empty() {
                        sim.silence().await
                    } else {
                        sim.say(utterance).await
                    });
                    continue;
                }
                Step::Grant(scope) => {
                    sim.grant(scope);
                    continue;
                }
                Step::Event(file) => {
                    let path = self.folder.as_deref().unwrap_or(Path::new(".")).join(file);
                    let event = std::fs::read(&path)
                        .map_err(|e| e.to_string())
                        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
                        .map_err(|e| {
                            mismatch(format!("cannot read the event {}: {e}", path.display()))
                        })?;
                    let outcome = sim.event(event).await;
                    if let Err(err) = outcome.answer {
                        return Err(mismatch(format!("the skill refused the event: {err}")));
                    }
                    notifications.extend(outcome.notifications);
                    continue;
                }
                Step::Notification(want) => match notifications.pop_front() {
                    Some(got) if &got == want => continue,
                    Some(got) => {
                        return Err(mismatch(format!(
                            "the notification was {got:?}, expected {want:?}"
                        )))
                    }
                    None => return Err(mismatch(format!("no notification, expected {want:?}"))),
                },
                _ => {}
            }
            let turn = last
                .as_ref()
                .ok_or_else(|| mismatch("an expectation before anything was said".into()))?;
            if let Some(message) = step.differs(turn) {
                return Err(mismatch(message));
            }
        }
        Ok(self.checks())
    }
}

/// `[intent Name slot=id ...]`.
fn parse_intent(line: &str) -> Option<Step> {
    let inner = line.strip_prefix("[intent ")?.strip_suffix(']')?;
    let mut words = inner.split_whitespace();
    let name = words.next()?.to_owned();
    let slots = words
        .map(|w| w.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())))
        .collect::<Option<Vec<_>>>()?;
    Some(Step::Intent { name, slots })
}

/// True when `text` matches `pattern`: `*` is any text (none included), `#` a number (digits,
/// with `,` or `.` inside), everything else itself.
///
/// ```
/// use alexa_sim::transcript::matches_pattern;
/// assert!(matches_pattern("# instances are running across # regions: *",
///     "1,087 instances are running across 4 regions: 73 in North Virginia."));
/// assert!(!matches_pattern("# instances are running", "no instances are running"));
/// ```
pub fn matches_pattern(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    fn go(p: &[char], t: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some(('*', rest)) => (0..=t.len()).any(|i| go(rest, &t[i..])),
            Some(('#', rest)) => {
                let digits = t
                    .iter()
                    .take_while(|c| c.is_ascii_digit() || **c == ',' || **c == '.')
                    .count();
                (1..=digits)
                    .filter(|&i| t[i - 1].is_ascii_digit())
                    .any(|i| go(rest, &t[i..]))
            }
            Some((c, rest)) => t.first() == Some(c) && go(rest, &t[1..]),
        }
    }
    go(&p, &t)
}

/// A slot's resolved id, else the value heard.
fn slot_reading(intent: &alexa_core::model::Intent, slot: &str) -> Option<String> {
    let slot = intent.slots.get(slot)?;
    let resolved = slot.resolutions.as_ref().and_then(|r| {
        r.resolutions_per_authority
            .iter()
            .find(|a| a.status.code == alexa_core::model::ResolutionStatusCode::ErSuccessMatch)
            .and_then(|a| a.values.first())
            .map(|v| v.value.id.clone())
    });
    resolved.or_else(|| slot.value.clone())
}

impl Step {
    /// True for an expectation, false for something said or done (a grant, an event).
    pub fn is_expectation(&self) -> bool {
        !matches!(self, Step::Say(_) | Step::Grant(_) | Step::Event(_))
    }

    /// What is wrong with `turn` for this expectation, or `None` when it holds.
    pub fn differs(&self, turn: &Turn) -> Option<String> {
        let step = self;
        let said = &turn.speech;
        let intent = match turn.request.as_ref().map(|r| &r.request) {
            Some(alexa_core::model::Request::Intent(i)) => Some(&i.intent),
            _ => None,
        };
        let ok = match step {
            Step::Say(_) | Step::Grant(_) | Step::Event(_) | Step::Notification(_) => true,
            Step::Equals(want) => said == want,
            Step::StartsWith(want) => said.starts_with(want.as_str()),
            Step::Contains(want) => said.contains(want.as_str()),
            Step::Matches(pattern) => matches_pattern(pattern, said),
            Step::Intent { name, slots } => intent.is_some_and(|i| {
                &i.name == name
                    && slots
                        .iter()
                        .all(|(slot, id)| slot_reading(i, slot).as_deref() == Some(id.as_str()))
            }),
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
            Step::Matches(pattern) => {
                format!("heard {said:?}, expected it to match {pattern:?}{failed}")
            }
            Step::Intent { name, slots } => {
                let got = match intent {
                    Some(i) => {
                        let filled: Vec<String> = i
                            .slots
                            .keys()
                            .filter_map(|s| slot_reading(i, s).map(|v| format!(" {s}={v}")))
                            .collect();
                        format!("{}{}", i.name, filled.concat())
                    }
                    None => "no intent".to_owned(),
                };
                let want: Vec<String> = slots.iter().map(|(k, v)| format!(" {k}={v}")).collect();
                format!("NLU gave {got}, expected {name}{}{failed}", want.concat())
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
            let mut transcript = Transcript::parse(&name, &text)?;
            transcript.folder = path.parent().map(Path::to_path_buf);
            Ok(transcript)
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
