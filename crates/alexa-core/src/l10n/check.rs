//! The completeness check: every locale has every message of the default locale, with the
//! same variables.

use super::Catalog;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

/// What one locale lacks (or has too much of) against the default locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incomplete {
    /// The locale.
    pub locale: String,
    /// The message id.
    pub message: String,
    /// What is wrong: a missing message, or the variables that differ.
    pub problem: String,
}

impl std::fmt::Display for Incomplete {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.locale, self.message, self.problem)
    }
}

impl Catalog {
    /// Every gap between each locale and the default: messages it lacks, variables a
    /// message lacks or uses that the default's does not (the code passes only what the
    /// default needs). Empty when complete.
    pub fn incomplete(&self) -> Vec<Incomplete> {
        let default = messages(&self.entries[self.default].resource);
        let mut found = Vec::new();
        for entry in &self.entries {
            let locale = entry.locale.to_string();
            let own = messages(&entry.resource);
            for (id, wanted) in &default {
                let problem = match own.get(id) {
                    None => "missing".to_owned(),
                    Some(vars) if vars != wanted => format!(
                        "variables {:?}, the default uses {:?}",
                        vars.iter().collect::<Vec<_>>(),
                        wanted.iter().collect::<Vec<_>>()
                    ),
                    Some(_) => continue,
                };
                found.push(Incomplete {
                    locale: locale.clone(),
                    message: id.clone(),
                    problem,
                });
            }
            for id in own.keys().filter(|id| !default.contains_key(*id)) {
                found.push(Incomplete {
                    locale: locale.clone(),
                    message: id.clone(),
                    problem: "not in the default locale".to_owned(),
                });
            }
        }
        found
    }
}

/// Panics, listing every gap, unless `catalog` is complete. For a skill's own tests.
///
/// ```should_panic
/// let catalog = alexa_core::l10n::Catalog::builder("en")
///     .add("en", "hello = Hello, { $name }.")
///     .add("de", "hello = Hallo.")
///     .build()
///     .unwrap();
/// alexa_core::l10n::assert_complete(&catalog); // de: hello: variables [], the default uses ["name"]
/// ```
pub fn assert_complete(catalog: &Catalog) {
    let gaps = catalog.incomplete();
    if !gaps.is_empty() {
        let list: Vec<String> = gaps.iter().map(ToString::to_string).collect();
        panic!(
            "the message catalogue is incomplete:\n  {}",
            list.join("\n  ")
        );
    }
}

/// What one message uses directly: variables, and the messages it references (which see
/// the same arguments).
#[derive(Default)]
struct Uses {
    vars: BTreeSet<String>,
    refs: BTreeSet<String>,
}

/// Each message (and term) id with the variables it needs, including those of the messages
/// it references.
fn messages(resource: &fluent_bundle::FluentResource) -> BTreeMap<String, BTreeSet<String>> {
    let mut direct = BTreeMap::new();
    for entry in resource.entries() {
        let (id, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref(), &m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let mut uses = Uses::default();
        value.into_iter().for_each(|p| pattern(p, &mut uses));
        attributes.iter().for_each(|a| pattern(&a.value, &mut uses));
        direct.insert(id, uses);
    }
    direct
        .keys()
        .map(|id| {
            let mut vars = BTreeSet::new();
            let mut seen = BTreeSet::new();
            collect(id, &direct, &mut vars, &mut seen);
            (id.clone(), vars)
        })
        .collect()
}

fn collect(
    id: &str,
    direct: &BTreeMap<String, Uses>,
    vars: &mut BTreeSet<String>,
    seen: &mut BTreeSet<String>,
) {
    if !seen.insert(id.to_owned()) {
        return;
    }
    if let Some(uses) = direct.get(id) {
        vars.extend(uses.vars.iter().cloned());
        for referenced in &uses.refs {
            collect(referenced, direct, vars, seen);
        }
    }
}

fn pattern(p: &Pattern<&str>, uses: &mut Uses) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            self::expression(expression, uses);
        }
    }
}

fn expression(e: &Expression<&str>, uses: &mut Uses) {
    match e {
        Expression::Select { selector, variants } => {
            inline(selector, uses);
            variants.iter().for_each(|v| pattern(&v.value, uses));
        }
        Expression::Inline(i) => inline(i, uses),
    }
}

fn inline(i: &InlineExpression<&str>, uses: &mut Uses) {
    match i {
        InlineExpression::VariableReference { id } => {
            uses.vars.insert(id.name.to_owned());
        }
        InlineExpression::MessageReference { id, .. } => {
            uses.refs.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            arguments.positional.iter().for_each(|a| inline(a, uses));
            arguments.named.iter().for_each(|a| inline(&a.value, uses));
        }
        InlineExpression::Placeable { expression } => self::expression(expression, uses),
        _ => {}
    }
}
