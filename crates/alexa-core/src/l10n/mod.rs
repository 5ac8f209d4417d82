//! Localisation with [Project Fluent](https://projectfluent.org): each request's messages in
//! its locale (feature `fluent`).
//!
//! A [`Catalog`] holds one Fluent resource per locale and a default locale. For a request it
//! gives [`Messages`] whose lookups walk a fallback chain: the exact locale (`de-AT`), then
//! the language (`de`, then any `de-*`), then the default. Plural selection follows CLDR
//! (`[one]`, `[few]`, `[other]`), numbers are written the locale's way, and no Unicode
//! isolation marks are inserted (they would be read out). [`assert_complete`] fails a test
//! when a locale lacks a message, or a message lacks a variable the default uses.
//!
//! ```
//! use alexa_core::l10n::{Catalog, Messages};
//! use alexa_core::{Response, Skill};
//!
//! let catalog = Catalog::builder("en-US")
//!     .add("en-US", "running = { $count ->\n [one] One instance is running.\n *[other] { $count } instances are running.\n}")
//!     .add("de", "running = { $count ->\n [one] Eine Instanz läuft.\n *[other] { $count } Instanzen laufen.\n}")
//!     .build()
//!     .unwrap();
//! alexa_core::l10n::assert_complete(&catalog);
//! assert_eq!(catalog.messages("de-AT").text("running", &[("count", 1234.into())]),
//!            "1.234 Instanzen laufen.");
//!
//! let skill = Skill::builder()
//!     .accept_any_skill_id()
//!     .skip_builtin_check()
//!     .localisation(catalog)
//!     .launch(|t: Messages| async move { t.text("running", &[("count", 1.into())]) })
//!     .build()
//!     .unwrap();
//! # let _ = skill;
//! ```

mod check;
mod layer;
mod numbers;

pub use check::{assert_complete, Incomplete};
pub use layer::LocalisationLayer;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::Arc;
use unic_langid::LanguageIdentifier;

type Bundle = FluentBundle<Arc<FluentResource>>;

struct Entry {
    locale: LanguageIdentifier,
    resource: Arc<FluentResource>,
    bundle: Bundle,
}

/// Every locale's messages, built once per process.
pub struct Catalog {
    entries: Vec<Entry>,
    default: usize,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let locales: Vec<String> = self.entries.iter().map(|e| e.locale.to_string()).collect();
        f.debug_struct("Catalog")
            .field("locales", &locales)
            .field("default", &locales[self.default])
            .finish()
    }
}

/// Why a catalogue could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// A locale tag that is not BCP 47.
    #[error("{0:?} is not a locale tag")]
    BadLocale(String),
    /// A resource that is not valid Fluent, with the parser's findings.
    #[error("the {locale} messages are not valid Fluent: {errors}")]
    Syntax {
        /// Whose resource.
        locale: String,
        /// What the parser found.
        errors: String,
    },
    /// A message defined twice in one locale.
    #[error("the {locale} messages define something twice: {errors}")]
    Duplicate {
        /// Whose resource.
        locale: String,
        /// What Fluent reported.
        errors: String,
    },
    /// The default locale has no resource.
    #[error("no messages for the default locale {0}")]
    NoDefault(String),
}

/// Collects resources for a [`Catalog`].
#[derive(Debug)]
pub struct CatalogBuilder {
    default: String,
    sources: Vec<(String, String)>,
}

impl Catalog {
    /// Starts a catalogue whose last resort is `default_locale`.
    pub fn builder(default_locale: &str) -> CatalogBuilder {
        CatalogBuilder {
            default: default_locale.to_owned(),
            sources: Vec::new(),
        }
    }

    /// The messages for `locale`, with its fallback chain.
    pub fn messages(self: &Arc<Self>, locale: &str) -> Messages {
        Messages {
            chain: self.chain(locale),
            catalog: Arc::clone(self),
            locale: locale.to_owned(),
        }
    }

    /// The locales with resources, as given.
    pub fn locales(&self) -> impl Iterator<Item = String> + '_ {
        self.entries.iter().map(|e| e.locale.to_string())
    }

    /// Indexes of the resources to try for `locale`, best first.
    fn chain(&self, locale: &str) -> Vec<usize> {
        let wanted: Option<LanguageIdentifier> = locale.parse().ok();
        let mut chain = Vec::with_capacity(3);
        let push = |i: usize, chain: &mut Vec<usize>| {
            if !chain.contains(&i) {
                chain.push(i);
            }
        };
        if let Some(wanted) = &wanted {
            let same_language = |e: &Entry| e.locale.language == wanted.language;
            for (i, e) in self.entries.iter().enumerate() {
                if e.locale == *wanted {
                    push(i, &mut chain);
                }
            }
            for (i, e) in self.entries.iter().enumerate() {
                if same_language(e) && e.locale.region.is_none() {
                    push(i, &mut chain);
                }
            }
            for (i, e) in self.entries.iter().enumerate() {
                if same_language(e) {
                    push(i, &mut chain);
                }
            }
        }
        push(self.default, &mut chain);
        chain
    }
}

impl CatalogBuilder {
    /// Adds the Fluent source for `locale` (e.g. `include_str!("../locales/de.ftl")`).
    pub fn add(mut self, locale: &str, ftl: &str) -> Self {
        self.sources.push((locale.to_owned(), ftl.to_owned()));
        self
    }

    /// Parses every resource; any syntax error fails the build, so a broken catalogue is
    /// found at start-up (and in tests), not mid-conversation.
    pub fn build(self) -> Result<Arc<Catalog>, CatalogError> {
        let mut entries = Vec::with_capacity(self.sources.len());
        for (tag, source) in self.sources {
            let locale: LanguageIdentifier = tag
                .parse()
                .map_err(|_| CatalogError::BadLocale(tag.clone()))?;
            let resource =
                FluentResource::try_new(source).map_err(|(_, errors)| CatalogError::Syntax {
                    locale: tag.clone(),
                    errors: format!("{errors:?}"),
                })?;
            let resource = Arc::new(resource);
            let mut bundle = Bundle::new_concurrent(vec![locale.clone()]);
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(numbers::formatter_for(locale.language.as_str())));
            bundle
                .add_resource(Arc::clone(&resource))
                .map_err(|errors| CatalogError::Duplicate {
                    locale: tag.clone(),
                    errors: format!("{errors:?}"),
                })?;
            entries.push(Entry {
                locale,
                resource,
                bundle,
            });
        }
        let default: LanguageIdentifier = self
            .default
            .parse()
            .map_err(|_| CatalogError::BadLocale(self.default.clone()))?;
        let default = entries
            .iter()
            .position(|e| e.locale == default)
            .or_else(|| {
                entries
                    .iter()
                    .position(|e| e.locale.language == default.language)
            })
            .ok_or_else(|| CatalogError::NoDefault(self.default.clone()))?;
        Ok(Arc::new(Catalog { entries, default }))
    }
}

/// A message argument: a number (plural rules and locale formatting apply) or text.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg(FluentValue<'static>);

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg(FluentValue::from(n as f64))
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg(FluentValue::String(Cow::Owned(s.to_owned())))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg(FluentValue::String(Cow::Owned(s)))
    }
}

/// One request's messages: lookups in its locale, falling back along the chain.
/// An extractor when the skill has a [`LocalisationLayer`]
/// ([`SkillBuilder::localisation`](crate::SkillBuilder::localisation)).
#[derive(Clone)]
pub struct Messages {
    catalog: Arc<Catalog>,
    chain: Vec<usize>,
    locale: String,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

/// A message that no locale in the chain has, or one that failed to format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("message {id:?} for {locale}: {reason}")]
pub struct MessageError {
    /// The message id.
    pub id: String,
    /// The request's locale.
    pub locale: String,
    /// What went wrong.
    pub reason: String,
}

impl Messages {
    /// The request's locale, e.g. `de-AT`.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The language part, e.g. `de`.
    pub fn language(&self) -> &str {
        self.locale.split(['-', '_']).next().unwrap_or(&self.locale)
    }

    /// True when the catalogue (or its fallback) has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.chain
            .iter()
            .any(|&i| self.catalog.entries[i].bundle.has_message(id))
    }

    /// The message `id` with `args`, from the first locale in the chain that has it.
    pub fn try_text(&self, id: &str, args: &[(&str, Arg)]) -> Result<String, MessageError> {
        let fail = |reason: String| MessageError {
            id: id.to_owned(),
            locale: self.locale.clone(),
            reason,
        };
        let (bundle, pattern) = self
            .chain
            .iter()
            .map(|&i| &self.catalog.entries[i].bundle)
            .find_map(|b| Some((b, b.get_message(id)?.value()?)))
            .ok_or_else(|| fail("no locale in the chain has it".to_owned()))?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, Arg(value)) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        match errors.is_empty() {
            true => Ok(text.into_owned()),
            false => Err(fail(format!("{errors:?}"))),
        }
    }

    /// [`try_text`](Self::try_text), logging a failure and answering with the message id
    /// instead, so a gap never silences the skill.
    /// [`assert_complete`] in a test keeps such gaps out of a release.
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.try_text(id, args).unwrap_or_else(|err| {
            tracing::error!(%err, "message missing or broken");
            id.to_owned()
        })
    }
}
