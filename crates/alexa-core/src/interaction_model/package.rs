//! Reading a skill package from disk.

use super::dialog::{DialogModel, Prompt};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A skill package: the manifest and one interaction model per locale.
#[derive(Debug, Clone)]
pub struct SkillPackage {
    /// `skill.json`, as JSON (its schema is large; the check reads what it needs).
    pub manifest: Option<(PathBuf, Value)>,
    /// Models by locale, sorted by locale.
    pub models: Vec<LocaleModel>,
}

/// One locale's model and where it came from.
#[derive(Debug, Clone)]
pub struct LocaleModel {
    /// e.g. `en-US`.
    pub locale: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// Its content.
    pub model: InteractionModel,
}

/// Why a package could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file is not valid JSON of the expected shape.
    #[error("{path}: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// Why.
        source: serde_json::Error,
    },
}

/// `{ "interactionModel": { "languageModel": ..., "dialog"?, "prompts"? } }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InteractionModel {
    /// Invocation name, intents and slot types.
    pub language_model: LanguageModel,
    /// The dialog model, if any.
    #[serde(default)]
    pub dialog: Option<DialogModel>,
    /// Prompts for the dialog model.
    #[serde(default)]
    pub prompts: Vec<Prompt>,
}

impl InteractionModel {
    /// The first variation of the prompt `id`, its `{slot}` placeholders replaced by
    /// `value_of(slot)` (left as they are when it has none).
    ///
    /// ```
    /// use alexa_core::interaction_model::InteractionModel;
    /// let model: InteractionModel = serde_json::from_value(serde_json::json!({
    ///     "languageModel": {"invocationName": "coffee shop"},
    ///     "prompts": [{"id": "Confirm.Size", "variations": [{"type": "PlainText", "value": "A {size} one?"}]}]
    /// })).unwrap();
    /// let said = model.prompt("Confirm.Size", |slot| (slot == "size").then(|| "large".to_string()));
    /// assert_eq!(said.as_deref(), Some("A large one?"));
    /// ```
    pub fn prompt(&self, id: &str, value_of: impl Fn(&str) -> Option<String>) -> Option<String> {
        let variation = self
            .prompts
            .iter()
            .find(|p| p.id == id)?
            .variations
            .first()?;
        let mut out = String::with_capacity(variation.value.len());
        let mut rest = variation.value.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    match value_of(name) {
                        Some(value) => out.push_str(&value),
                        None => out.push_str(&rest[open..open + close + 2]),
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        Some(out)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ModelFile {
    interaction_model: InteractionModel,
}

/// `languageModel`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LanguageModel {
    /// What users say to open the skill, e.g. `coffee shop`.
    pub invocation_name: String,
    /// Intents with their slots and sample utterances.
    #[serde(default)]
    pub intents: Vec<IntentDef>,
    /// Custom slot types.
    #[serde(default)]
    pub types: Vec<SlotTypeDef>,
}

/// An intent of the model.
#[derive(Debug, Clone, Deserialize)]
pub struct IntentDef {
    /// Its name.
    pub name: String,
    /// Declared slots.
    #[serde(default)]
    pub slots: Vec<SlotDef>,
    /// Sample utterances, slots as `{name}`.
    #[serde(default)]
    pub samples: Vec<String>,
}

/// A declared slot.
#[derive(Debug, Clone, Deserialize)]
pub struct SlotDef {
    /// Its name.
    pub name: String,
    /// Its type: `AMAZON.*` or a custom type of the model.
    #[serde(rename = "type")]
    pub slot_type: String,
    /// Utterances that fill it during a dialog.
    #[serde(default)]
    pub samples: Vec<String>,
}

/// A custom slot type.
#[derive(Debug, Clone, Deserialize)]
pub struct SlotTypeDef {
    /// Its name.
    pub name: String,
    /// Its values.
    #[serde(default)]
    pub values: Vec<SlotTypeValue>,
}

/// A value of a custom slot type.
#[derive(Debug, Clone, Deserialize)]
pub struct SlotTypeValue {
    /// The id entity resolution reports, e.g. `eu-central-1`.
    #[serde(default)]
    pub id: Option<String>,
    /// The canonical value and its synonyms.
    pub name: SlotValueName,
}

/// `{ value, synonyms }`.
#[derive(Debug, Clone, Deserialize)]
pub struct SlotValueName {
    /// The canonical value.
    pub value: String,
    /// Other ways to say it.
    #[serde(default)]
    pub synonyms: Vec<String>,
}

impl LanguageModel {
    /// The intent of this name.
    pub fn intent(&self, name: &str) -> Option<&IntentDef> {
        self.intents.iter().find(|i| i.name == name)
    }

    /// The custom slot type of this name.
    pub fn slot_type(&self, name: &str) -> Option<&SlotTypeDef> {
        self.types.iter().find(|t| t.name == name)
    }
}

impl SlotTypeDef {
    /// The value whose name or one of whose synonyms is `spoken`, compared as Alexa hears
    /// them (case, punctuation and spacing aside): entity resolution against this type.
    ///
    /// ```
    /// use alexa_core::interaction_model::SlotTypeDef;
    /// let sizes: SlotTypeDef = serde_json::from_value(serde_json::json!({"name": "SizeType",
    ///     "values": [{"id": "LARGE", "name": {"value": "large", "synonyms": ["big", "grande"]}}]})).unwrap();
    /// assert_eq!(sizes.find("Big").map(|v| v.id()), Some("LARGE"));
    /// assert!(sizes.find("medium").is_none());
    /// ```
    pub fn find(&self, spoken: &str) -> Option<&SlotTypeValue> {
        let spoken = super::utterance::normalise(spoken).join(" ");
        self.values.iter().find(|v| {
            std::iter::once(&v.name.value)
                .chain(&v.name.synonyms)
                .any(|s| super::utterance::normalise(s).join(" ") == spoken)
        })
    }
}

impl SlotTypeValue {
    /// The id entity resolution reports: the value's `id`, or its name when it has none.
    pub fn id(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.name.value)
    }
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, PackageError> {
    let text = std::fs::read_to_string(path).map_err(|source| PackageError::Io {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| PackageError::Json {
        path: path.to_owned(),
        source,
    })
}

impl InteractionModel {
    /// Reads one model file.
    pub fn load(path: &Path) -> Result<Self, PackageError> {
        read_json::<ModelFile>(path).map(|f| f.interaction_model)
    }
}

impl SkillPackage {
    /// Reads `dir/skill.json` (if present) and every `dir/interactionModels/custom/*.json`.
    ///
    /// ```no_run
    /// let package = alexa_core::interaction_model::SkillPackage::load("interaction-model/skill-package".as_ref())?;
    /// # Ok::<(), alexa_core::interaction_model::PackageError>(())
    /// ```
    pub fn load(dir: &Path) -> Result<Self, PackageError> {
        let manifest_path = dir.join("skill.json");
        let manifest = if manifest_path.exists() {
            Some((manifest_path.clone(), read_json::<Value>(&manifest_path)?))
        } else {
            None
        };
        let models_dir = dir.join("interactionModels/custom");
        let entries = std::fs::read_dir(&models_dir).map_err(|source| PackageError::Io {
            path: models_dir.clone(),
            source,
        })?;
        let mut models = BTreeMap::new();
        for entry in entries {
            let path = entry
                .map_err(|source| PackageError::Io {
                    path: models_dir.clone(),
                    source,
                })?
                .path();
            if path.extension().is_some_and(|e| e == "json") {
                let locale = path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                let model = InteractionModel::load(&path)?;
                models.insert(
                    locale.clone(),
                    LocaleModel {
                        locale,
                        path,
                        model,
                    },
                );
            }
        }
        Ok(Self {
            manifest,
            models: models.into_values().collect(),
        })
    }

    /// The model of one locale.
    pub fn locale(&self, locale: &str) -> Option<&LocaleModel> {
        self.models.iter().find(|m| m.locale == locale)
    }
}
