//! The ASK CLI v2 project layout, which `cargo alexa` shares with the ASK CLI: the project's
//! `ask-resources.json` names the `skill-package/` folder, and `.ask/ask-states.json` keeps
//! the skill ID per profile.

use crate::report::CliError;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// Where a skill's package and state are.
#[derive(Debug, Clone)]
pub struct Project {
    /// The folder with `ask-resources.json` (or the package's parent when there is none).
    pub root: PathBuf,
    /// The `skill-package/` folder (with `skill.json`).
    pub package: PathBuf,
    profile: String,
}

fn read_json(path: &Path) -> Result<Value, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::Input(format!("cannot read {}: {e}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| CliError::Input(format!("{} is not JSON: {e}", path.display())))
}

impl Project {
    /// The project at `explicit` (a project folder or a `skill-package/`), else the current
    /// folder or the nearest one above it with `ask-resources.json`.
    pub fn find(explicit: Option<&Path>, profile: &str) -> Result<Self, CliError> {
        let start = match explicit {
            Some(path) => path.to_owned(),
            None => std::env::current_dir().map_err(|e| CliError::Input(e.to_string()))?,
        };
        if start.join("skill.json").is_file() {
            let parent = start
                .parent()
                .map(Path::to_owned)
                .unwrap_or_else(|| start.clone());
            return Ok(Project {
                root: parent,
                package: start,
                profile: profile.to_owned(),
            });
        }
        let search: Vec<&Path> = if explicit.is_some() {
            vec![start.as_path()]
        } else {
            start.ancestors().collect()
        };
        for dir in search {
            let resources = dir.join("ask-resources.json");
            if resources.is_file() {
                let value = read_json(&resources)?;
                let src = value
                    .pointer(&format!("/profiles/{profile}/skillMetadata/src"))
                    .and_then(Value::as_str)
                    .unwrap_or("./skill-package");
                let package = dir.join(src);
                if !package.join("skill.json").is_file() {
                    return Err(CliError::Input(format!(
                        "{} names {src}, which has no skill.json",
                        resources.display()
                    )));
                }
                return Ok(Project {
                    root: dir.to_owned(),
                    package,
                    profile: profile.to_owned(),
                });
            }
        }
        Err(CliError::Input(format!(
            "no skill package: {} has no ask-resources.json or skill.json (nor does any folder above it); pass --package",
            start.display()
        )))
    }

    /// `.ask/ask-states.json`.
    pub fn states_path(&self) -> PathBuf {
        self.root.join(".ask/ask-states.json")
    }

    /// The skill ID the ASK CLI layout keeps for this profile.
    pub fn stored_skill_id(&self) -> Option<String> {
        let states = read_json(&self.states_path()).ok()?;
        states
            .pointer(&format!("/profiles/{}/skillId", self.profile))
            .and_then(Value::as_str)
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
    }

    /// `explicit`, else the stored skill ID.
    pub fn skill_id(&self, explicit: Option<&str>) -> Result<String, CliError> {
        explicit.map(str::to_owned).or_else(|| self.stored_skill_id()).ok_or_else(|| {
            CliError::Input(format!(
                "no skill ID: pass --skill-id, or run `cargo alexa deploy` first (it keeps the ID in {})",
                self.states_path().display()
            ))
        })
    }

    /// Keeps `skill_id` in `.ask/ask-states.json`, leaving everything else there as it is.
    pub fn save_skill_id(&self, skill_id: &str) -> Result<(), CliError> {
        let path = self.states_path();
        let mut states = read_json(&path)
            .unwrap_or_else(|_| json!({"askcliStatesVersion": "2020-03-31", "profiles": {}}));
        if !states["profiles"].is_object() {
            states["profiles"] = json!({});
        }
        if !states["profiles"][&self.profile].is_object() {
            states["profiles"][&self.profile] = json!({});
        }
        states["profiles"][&self.profile]["skillId"] = json!(skill_id);
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
            std::fs::write(
                &path,
                serde_json::to_string_pretty(&states).unwrap_or_default() + "\n",
            )
        };
        write().map_err(|e| CliError::Input(format!("cannot write {}: {e}", path.display())))
    }

    /// The locales of the package's models.
    pub fn locales(&self) -> Result<Vec<String>, CliError> {
        let dir = self.package.join("interactionModels/custom");
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| CliError::Input(format!("cannot read {}: {e}", dir.display())))?;
        let mut locales: Vec<String> = entries
            .filter_map(|e| {
                e.ok()?
                    .path()
                    .file_name()?
                    .to_str()?
                    .strip_suffix(".json")
                    .map(str::to_owned)
            })
            .collect();
        locales.sort();
        Ok(locales)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skill_id_is_kept_where_the_ask_cli_keeps_it() {
        let root = std::env::temp_dir().join(format!("cargo-alexa-project-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("skill-package/interactionModels/custom")).unwrap();
        std::fs::write(root.join("skill-package/skill.json"), "{}").unwrap();
        std::fs::write(
            root.join("skill-package/interactionModels/custom/de-DE.json"),
            "{}",
        )
        .unwrap();
        std::fs::write(root.join("ask-resources.json"), r#"{"askcliResourcesVersion":"2020-03-31","profiles":{"default":{"skillMetadata":{"src":"./skill-package"}}}}"#).unwrap();
        std::fs::create_dir_all(root.join(".ask")).unwrap();
        std::fs::write(root.join(".ask/ask-states.json"), r#"{"askcliStatesVersion":"2020-03-31","profiles":{"default":{"skillInfrastructure":{"kept":true}}}}"#).unwrap();
        let project = Project::find(Some(&root), "default").unwrap();
        assert!(project
            .skill_id(None)
            .unwrap_err()
            .to_string()
            .contains("--skill-id"));
        project.save_skill_id("amzn1.ask.skill.1").unwrap();
        assert_eq!(project.skill_id(None).unwrap(), "amzn1.ask.skill.1");
        let states = read_json(&project.states_path()).unwrap();
        assert_eq!(
            states["profiles"]["default"]["skillInfrastructure"]["kept"],
            true
        );
        assert_eq!(project.locales().unwrap(), ["de-DE"]);
        let by_package = Project::find(Some(&root.join("skill-package")), "default").unwrap();
        assert_eq!(by_package.root, root);
        assert!(Project::find(Some(&root.join(".ask")), "default").is_err());
    }
}
