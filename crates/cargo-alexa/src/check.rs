//! `cargo alexa check`: the skill package against Alexa's rules (invocation name, required
//! built-in intents, samples and their slots, locales that agree, example phrases), and,
//! in a crate made by `cargo alexa new`, against the skill's handlers through the crate's
//! own `interaction_model` test (only the crate's code knows its router).

use crate::cli::CheckArgs;
use crate::project::Project;
use crate::report::{print_json, CliError};
use alexa_core::interaction_model::{check, ModelIssue, SkillPackage};
use alexa_core::{Response, Skill};
use std::collections::BTreeSet;

/// The issues of Alexa's own rules: the package checked against a router that handles
/// exactly the intents its models name, so only the models themselves can be at fault.
pub fn rule_issues(package: &SkillPackage) -> Vec<ModelIssue> {
    let intents: BTreeSet<&str> = package
        .models
        .iter()
        .flat_map(|m| {
            m.model
                .language_model
                .intents
                .iter()
                .map(|i| i.name.as_str())
        })
        .collect();
    let mut builder = Skill::builder().accept_any_skill_id().skip_builtin_check();
    for intent in intents {
        builder = builder.intent(intent, || async { Response::end_turn("") });
    }
    let Ok(skill) = builder.build() else {
        return Vec::new();
    };
    check(package, &skill)
        .into_iter()
        // A locale without an intent another locale has is reported by the locale rule.
        .filter(|issue| !issue.message.starts_with("the skill handles this intent"))
        .collect()
}

/// Runs the check.
pub fn run(args: CheckArgs) -> Result<(), CliError> {
    let project = Project::find(args.package.as_deref(), "default")?;
    let package =
        SkillPackage::load(&project.package).map_err(|e| CliError::Input(e.to_string()))?;
    let issues = rule_issues(&package);
    if args.json {
        let list: Vec<_> = issues
            .iter()
            .map(|i| serde_json::json!({"file": i.file, "item": i.item, "message": i.message}))
            .collect();
        print_json(&serde_json::json!({"package": project.package, "issues": list}));
    } else {
        for issue in &issues {
            println!("{issue}");
        }
    }
    let mut failed = !issues.is_empty();
    let code_test = project.root.join("tests/interaction_model.rs");
    if !args.no_code && project.root.join("Cargo.toml").is_file() && code_test.is_file() {
        eprintln!("==> the model against the handlers: cargo test --test interaction_model");
        let status =
            std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
                .args(["test", "--quiet", "--test", "interaction_model"])
                .current_dir(&project.root)
                .stdout(std::process::Stdio::inherit())
                .status()
                .map_err(|e| CliError::Input(format!("cannot run cargo: {e}")))?;
        failed |= !status.success();
    }
    let locales = package
        .models
        .iter()
        .map(|m| m.locale.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if failed {
        return Err(CliError::Failed(format!(
            "{} issue(s) in {} ({locales})",
            issues.len().max(1),
            project.package.display()
        )));
    }
    if !args.json {
        println!("{}: {locales}: no issues", project.package.display());
    }
    Ok(())
}
