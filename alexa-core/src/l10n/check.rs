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

/// Each message (and term) id with the variables its value and attributes use.
fn messages(resource: &fluent_bundle::FluentResource) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        let (id, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref(), &m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let mut vars = BTreeSet::new();
        value.into_iter().for_each(|p| pattern(p, &mut vars));
        attributes.iter().for_each(|a| pattern(&a.value, &mut vars));
        out.insert(id, vars);
    }
    out
}

fn pattern(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            self::expression(expression, vars);
        }
    }
}

fn expression(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline(selector, vars);
            variants.iter().for_each(|v| pattern(&v.value, vars));
        }
        Expression::Inline(i) => inline(i, vars),
    }
}

fn inline(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            arguments.positional.iter().for_each(|a| inline(a, vars));
            arguments.named.iter().for_each(|a| inline(&a.value, vars));
        }
        InlineExpression::Placeable { expression } => self::expression(expression, vars),
        _ => {}
    }
}
