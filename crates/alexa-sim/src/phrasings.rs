//! Phrasing lists: how users really ask, each with the intent and slots it must reach, one
//! `utterance => Intent slot=id ...` a line (`#` comments). The offline resolver is checked
//! against them in a skill's tests, and Amazon's NLU with `cargo alexa nlu`.

/// One line: what is said, the intent it must reach, and each slot's resolved id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrasing {
    /// The line number, from 1.
    pub line: usize,
    /// What is said.
    pub utterance: String,
    /// The intent it must reach.
    pub intent: String,
    /// Slot name and resolved id, for every slot that must be filled.
    pub slots: Vec<(String, String)>,
}

/// A line that is not `utterance => Intent slot=id ...`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}:{line}: expected `utterance => Intent slot=id ...`, found {text:?}")]
pub struct PhrasingError {
    /// The list's name (a file name).
    pub name: String,
    /// The line number, from 1.
    pub line: usize,
    /// The line.
    pub text: String,
}

/// Parses a phrasing list; `name` labels its errors.
///
/// ```
/// let list = alexa_sim::phrasings::parse("en.txt", "# how\nhow many stopped in frankfurt => CountIntent state=stopped region=eu-central-1\n").unwrap();
/// assert_eq!(list[0].intent, "CountIntent");
/// assert_eq!(list[0].slots[1], ("region".to_string(), "eu-central-1".to_string()));
/// assert!(alexa_sim::phrasings::parse("bad.txt", "no arrow here").is_err());
/// ```
pub fn parse(name: &str, text: &str) -> Result<Vec<Phrasing>, PhrasingError> {
    let mut out = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let error = || PhrasingError {
            name: name.to_owned(),
            line: index + 1,
            text: raw.to_owned(),
        };
        let (utterance, rest) = line.split_once("=>").ok_or_else(error)?;
        let mut parts = rest.split_whitespace();
        let intent = parts.next().ok_or_else(error)?.to_owned();
        let slots = parts
            .map(|p| p.split_once('=').map(|(k, v)| (k.to_owned(), v.to_owned())))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(error)?;
        if utterance.trim().is_empty() {
            return Err(error());
        }
        out.push(Phrasing {
            line: index + 1,
            utterance: utterance.trim().to_owned(),
            intent,
            slots,
        });
    }
    Ok(out)
}
