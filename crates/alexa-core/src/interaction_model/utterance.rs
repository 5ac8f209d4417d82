//! Sample utterances as token patterns, and matching spoken words against them.

/// One piece of a sample utterance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A literal word, lower-cased.
    Word(String),
    /// `{name}`: a slot, filled by one or more words.
    Slot(String),
}

/// Splits a sample into words and `{slot}` references. Words are lower-cased.
///
/// ```
/// use alexa_core::interaction_model::utterance::{tokens, Token};
/// assert_eq!(tokens("How many {state} in {region}"), vec![
///     Token::Word("how".into()), Token::Word("many".into()), Token::Slot("state".into()),
///     Token::Word("in".into()), Token::Slot("region".into()),
/// ]);
/// ```
pub fn tokens(sample: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = sample;
    while !rest.is_empty() {
        if let Some(start) = rest.find('{') {
            words_into(&rest[..start], &mut out);
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end) => {
                    out.push(Token::Slot(after[..end].trim().to_owned()));
                    rest = &after[end + 1..];
                }
                None => {
                    words_into(after, &mut out);
                    rest = "";
                }
            }
        } else {
            words_into(rest, &mut out);
            rest = "";
        }
    }
    out
}

fn words_into(text: &str, out: &mut Vec<Token>) {
    out.extend(
        text.split_whitespace()
            .map(|w| Token::Word(w.to_lowercase())),
    );
}

/// The slots a sample references.
pub fn slot_names(sample: &str) -> Vec<String> {
    tokens(sample)
        .into_iter()
        .filter_map(|t| match t {
            Token::Slot(name) => Some(name),
            Token::Word(_) => None,
        })
        .collect()
}

/// Normalises spoken text for matching: lower case, punctuation other than apostrophes and
/// initialism periods dropped, whitespace collapsed.
pub fn normalise(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '?' | '!' | ';' | ':' | '"'));
            let w = if w.len() > 2 && w.ends_with('.') {
                &w[..w.len() - 1]
            } else {
                w
            };
            w.to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Matches words against a pattern; every slot takes one or more words. On a match, returns
/// the words each slot took, in pattern order.
///
/// ```
/// use alexa_core::interaction_model::utterance::{matches, normalise, tokens};
/// let words = normalise("How many are stopped in North Virginia?");
/// let slots = matches(&tokens("how many are {state} in {region}"), &words).unwrap();
/// assert_eq!(slots, vec![("state".to_string(), "stopped".to_string()), ("region".to_string(), "north virginia".to_string())]);
/// ```
pub fn matches(pattern: &[Token], words: &[String]) -> Option<Vec<(String, String)>> {
    fn go(pattern: &[Token], words: &[String], taken: &mut Vec<(String, String)>) -> bool {
        match pattern.split_first() {
            None => words.is_empty(),
            Some((Token::Word(w), rest)) => {
                words.first() == Some(w) && go(rest, &words[1..], taken)
            }
            Some((Token::Slot(name), rest)) => {
                for end in 1..=words.len() {
                    taken.push((name.clone(), words[..end].join(" ")));
                    if go(rest, &words[end..], taken) {
                        return true;
                    }
                    taken.pop();
                }
                false
            }
        }
    }
    let mut taken = Vec::new();
    go(pattern, words, &mut taken).then_some(taken)
}
