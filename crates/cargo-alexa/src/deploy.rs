//! `cargo alexa deploy`: the skill package to Amazon in the order Amazon accepts. A new
//! skill is imported without its endpoint (a Lambda endpoint is refused until the function
//! has an Alexa trigger for the skill's ID, which needs the ID first); the endpoint goes into
//! the manifest afterwards. Then every model's build is waited for and testing is enabled.

use crate::check::rule_issues;
use crate::cli::DeployArgs;
use crate::project::Project;
use crate::report::{print_json, CliError};
use alexa_core::interaction_model::SkillPackage;
use alexa_smapi::package::{package_files, zip_files, ImportInto, ImportResponse};
use alexa_smapi::{Stage, Status};
use serde_json::{json, Value};

/// A real endpoint: a Lambda ARN or an HTTPS URL; `None` for anything else, such as the
/// placeholder `arn:aws:lambda:REGION:ACCOUNT_ID:function:...` a package ships with.
pub fn usable_endpoint(uri: &str) -> Option<&str> {
    let placeholder = ["REGION", "ACCOUNT_ID", "STACK_NAME"]
        .iter()
        .any(|p| uri.contains(p));
    let lambda = uri.starts_with("arn:aws:lambda:") && uri.split(':').count() >= 7;
    (!placeholder && (lambda || uri.starts_with("https://"))).then_some(uri)
}

/// `manifest.apis.custom.endpoint` set to `uri`, or removed; a manifest that publishes or
/// subscribes to events gets the same endpoint for them (Amazon requires one), and without
/// an endpoint its `events` are left out.
pub fn set_endpoint(manifest: &mut Value, uri: Option<&str>) {
    if let Some(object) = manifest.as_object_mut() {
        match (uri, object.get_mut("events").and_then(Value::as_object_mut)) {
            (Some(uri), Some(events)) => {
                events.insert("endpoint".into(), json!({ "uri": uri }));
            }
            (None, Some(_)) => {
                object.remove("events");
            }
            _ => {}
        }
    }
    let Some(custom) = manifest
        .pointer_mut("/apis/custom")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    match uri {
        Some(uri) if uri.starts_with("https://") => {
            custom.insert(
                "endpoint".into(),
                json!({"uri": uri, "sslCertificateType": "Trusted"}),
            );
        }
        Some(uri) => {
            custom.insert("endpoint".into(), json!({"uri": uri}));
        }
        None => {
            custom.remove("endpoint");
        }
    }
}

fn endpoint_of(manifest: &Value) -> Option<String> {
    manifest
        .pointer("/apis/custom/endpoint/uri")
        .and_then(Value::as_str)
        .and_then(usable_endpoint)
        .map(str::to_owned)
}

/// The value of output `key` in `sam list stack-outputs --output json`.
///
/// ```
/// let out = r#"[{"OutputKey":"FunctionArn","OutputValue":"arn:aws:lambda:eu-west-1:1:function:f","Description":"d"}]"#;
/// assert_eq!(cargo_alexa::deploy::stack_output_value(out, "FunctionArn").unwrap(), "arn:aws:lambda:eu-west-1:1:function:f");
/// assert!(cargo_alexa::deploy::stack_output_value(out, "Other").is_err());
/// ```
pub fn stack_output_value(sam_json: &str, key: &str) -> Result<String, CliError> {
    let outputs: Vec<Value> = serde_json::from_str(sam_json).map_err(|e| {
        CliError::Input(format!(
            "`sam list stack-outputs` printed no JSON list: {e}"
        ))
    })?;
    outputs
        .iter()
        .find(|o| o.get("OutputKey").and_then(Value::as_str) == Some(key))
        .and_then(|o| o.get("OutputValue").and_then(Value::as_str))
        .map(str::to_owned)
        .ok_or_else(|| CliError::Input(format!("the stack has no output {key}")))
}

fn stack_output(stack: &str, key: &str) -> Result<String, CliError> {
    let out = std::process::Command::new("sam")
        .args(["list", "stack-outputs", "--stack-name", stack, "--output", "json"])
        .output()
        .map_err(|e| CliError::Input(format!("cannot run the SAM CLI (`sam`) to read stack {stack}: {e}; pass --endpoint instead")))?;
    if !out.status.success() {
        return Err(CliError::Input(format!(
            "`sam list stack-outputs --stack-name {stack}` failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    stack_output_value(&String::from_utf8_lossy(&out.stdout), key)
}

/// The plan `--dry-run` shows: each call in order.
fn plan(new: bool, skill: &str, endpoint: Option<&str>, files: usize, bytes: usize) -> Vec<String> {
    let dev = format!("/v1/skills/{skill}/stages/development");
    let mut calls = vec![
        "POST /v1/skills/uploads".to_owned(),
        format!("PUT <upload URL>  (zip: {files} files, {bytes} bytes)"),
    ];
    if new {
        calls.push(
            "POST /v1/skills/imports  {vendorId, location}  (skill.json without its endpoint)"
                .into(),
        );
    } else {
        calls.push(format!(
            "GET {dev}/manifest  (the endpoint Amazon has, kept unless one is given)"
        ));
        calls.push(format!("POST /v1/skills/{skill}/imports  {{location}}"));
    }
    calls.push("GET /v1/skills/imports/<import ID>  until it is no longer IN_PROGRESS".into());
    if let (true, Some(uri)) = (new, endpoint) {
        calls.push(format!("GET {dev}/manifest"));
        calls.push(format!("PUT {dev}/manifest  (endpoint {uri})"));
        calls.push(format!("GET /v1/skills/{skill}/status?resource=manifest&resource=interactionModel  until the manifest is updated"));
    }
    calls.push(format!("GET /v1/skills/{skill}/status?resource=manifest&resource=interactionModel  until every model is built"));
    calls.push(format!(
        "GET {dev}/enablement, then PUT {dev}/enablement if testing is not enabled"
    ));
    calls
}

fn report_import(import: &ImportResponse, changes: &mut Vec<String>) -> Result<(), CliError> {
    for resource in import.skill.iter().flat_map(|s| &s.resources) {
        let action = resource.action.as_deref().unwrap_or("IMPORT");
        changes.push(format!("{}: {action} {}", resource.name, resource.status));
    }
    if import.succeeded() {
        return Ok(());
    }
    for failure in import.failures() {
        eprintln!("  ✗ {failure}");
    }
    Err(CliError::Failed(format!(
        "Amazon refused the package ({})",
        import.status
    )))
}

fn with_manifest(files: &mut [(String, Vec<u8>)], skill_json: &Value) {
    for (name, bytes) in files.iter_mut() {
        if name == "skill.json" {
            *bytes = serde_json::to_vec_pretty(skill_json).unwrap_or_default();
        }
    }
}

/// Runs the deploy.
pub async fn run(args: DeployArgs) -> Result<(), CliError> {
    let project = Project::find(args.skill.package.as_deref(), &args.skill.profile)?;
    let package =
        SkillPackage::load(&project.package).map_err(|e| CliError::Input(e.to_string()))?;
    let issues = rule_issues(&package);
    if !issues.is_empty() {
        for issue in &issues {
            eprintln!("  ✗ {issue}");
        }
        return Err(CliError::Failed(format!(
            "the package breaks {} of Alexa's rules (see `cargo alexa check`); nothing was sent",
            issues.len()
        )));
    }
    let mut files = package_files(&project.package)?;
    let skill_json_bytes = files
        .iter()
        .find(|(n, _)| n == "skill.json")
        .map(|(_, b)| b.clone())
        .unwrap_or_default();
    let mut skill_json: Value = serde_json::from_slice(&skill_json_bytes)
        .map_err(|e| CliError::Input(format!("skill.json is not JSON: {e}")))?;
    let given = match (&args.endpoint, &args.stack) {
        (Some(uri), _) => Some(usable_endpoint(uri).map(str::to_owned).ok_or_else(|| {
            CliError::Input(format!(
                "--endpoint {uri} is neither a Lambda ARN nor an https:// URL"
            ))
        })?),
        (None, Some(stack)) => Some(stack_output(stack, &args.stack_output)?),
        (None, None) => endpoint_of(&skill_json["manifest"]),
    };
    let existing = project.skill_id(args.skill.skill_id.as_deref()).ok();
    let locales = project.locales()?;
    if args.dry_run {
        let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
        let skill = existing.clone().unwrap_or_else(|| "<new skill ID>".into());
        let calls = plan(
            existing.is_none(),
            &skill,
            given.as_deref(),
            files.len(),
            bytes,
        );
        if args.skill.json {
            print_json(
                &json!({"dryRun": true, "skillId": existing, "locales": locales, "endpoint": given, "calls": calls}),
            );
        } else {
            println!(
                "Would deploy {} ({}) {}; no call is made:",
                project.package.display(),
                locales.join(", "),
                if existing.is_some() {
                    "into the existing skill"
                } else {
                    "as a new skill"
                }
            );
            for call in calls {
                println!("  {call}");
            }
        }
        return Ok(());
    }

    let smapi = crate::client(&args.skill)?;
    let dev = Stage::Development;
    let mut changes = Vec::new();
    let skill_id = match existing {
        None => {
            set_endpoint(&mut skill_json["manifest"], None);
            with_manifest(&mut files, &skill_json);
            let vendor_id = match smapi
                .tokens()
                .credentials()
                .and_then(|c| c.vendor_id.clone())
            {
                Some(id) => id,
                None => smapi
                    .vendors()
                    .await?
                    .vendors
                    .into_iter()
                    .next()
                    .map(|v| v.id)
                    .ok_or_else(|| {
                        CliError::Input(
                            "the signed-in account has no vendor (developer account)".into(),
                        )
                    })?,
            };
            eprintln!("==> importing {} as a new skill", project.package.display());
            let into = ImportInto::NewSkill { vendor_id };
            let import = smapi.import_package(zip_files(&files)?, &into).await?;
            report_import(&import, &mut changes)?;
            let id = import
                .skill
                .and_then(|s| s.skill_id)
                .ok_or_else(|| CliError::Input("the import gave no skill ID".into()))?;
            project.save_skill_id(&id)?;
            changes.insert(
                0,
                format!(
                    "created skill {id} (kept in {})",
                    project.states_path().display()
                ),
            );
            if let Some(uri) = &given {
                let (mut manifest, etag) = smapi.manifest(&id, &dev).await?;
                set_endpoint(&mut manifest.manifest, Some(uri));
                smapi
                    .update_manifest(&id, &dev, &manifest, etag.as_deref())
                    .await?;
                let update = smapi.wait_for_manifest(&id).await?;
                if update.status != Status::Succeeded {
                    for e in &update.errors {
                        eprintln!("  ✗ Manifest: {}", e.message);
                    }
                    return Err(CliError::Failed("Amazon refused the endpoint; deploy the function with this skill ID (sam deploy --parameter-overrides SkillId=...) and run cargo alexa deploy again".into()));
                }
                changes.push(format!("endpoint: {uri}"));
            }
            id
        }
        Some(id) => {
            let (current, _) = smapi.manifest(&id, &dev).await?;
            let uri = given.or_else(|| endpoint_of(&current.manifest));
            set_endpoint(&mut skill_json["manifest"], uri.as_deref());
            with_manifest(&mut files, &skill_json);
            eprintln!("==> importing {} into {id}", project.package.display());
            let into = ImportInto::Skill {
                skill_id: id.clone(),
                if_match: None,
            };
            let import = smapi.import_package(zip_files(&files)?, &into).await?;
            changes.push(format!("updated skill {id}"));
            report_import(&import, &mut changes)?;
            if endpoint_of(&current.manifest) != uri {
                changes.push(format!("endpoint: {}", uri.as_deref().unwrap_or("none")));
            }
            id
        }
    };
    let builds = smapi.wait_for_builds(&skill_id, &locales).await?;
    let failed: Vec<_> = builds
        .iter()
        .filter(|b| b.status != Status::Succeeded)
        .collect();
    for build in &failed {
        for error in &build.errors {
            eprintln!("  ✗ {} model: {error}", build.locale);
        }
    }
    if !failed.is_empty() {
        let which: Vec<&str> = failed.iter().map(|b| b.locale.as_str()).collect();
        return Err(CliError::Failed(format!(
            "the model build failed for {} (skill {skill_id})",
            which.join(", ")
        )));
    }
    changes.push(format!("models built: {}", locales.join(", ")));
    if smapi.is_enabled(&skill_id, &dev).await? {
        changes.push("testing was already enabled (development)".into());
    } else {
        smapi.enable(&skill_id, &dev).await?;
        changes.push("testing enabled (development)".into());
    }
    if args.skill.json {
        print_json(&json!({"skillId": skill_id, "locales": locales, "changes": changes}));
    } else {
        println!("Skill ID: {skill_id}");
        for change in changes {
            println!("  {change}");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_not_endpoints() {
        assert_eq!(
            usable_endpoint("arn:aws:lambda:REGION:ACCOUNT_ID:function:STACK_NAME-voiceops"),
            None
        );
        assert_eq!(
            usable_endpoint("arn:aws:lambda:eu-west-1:123456789012:function:f"),
            Some("arn:aws:lambda:eu-west-1:123456789012:function:f")
        );
        assert_eq!(usable_endpoint("http://insecure.example.com/"), None);
        let mut manifest =
            json!({"apis": {"custom": {"endpoint": {"uri": "x"}, "interfaces": []}}});
        set_endpoint(&mut manifest, Some("https://skill.example.com/"));
        assert_eq!(
            manifest["apis"]["custom"]["endpoint"]["sslCertificateType"],
            "Trusted"
        );
        set_endpoint(&mut manifest, None);
        assert_eq!(manifest, json!({"apis": {"custom": {"interfaces": []}}}));
        let mut publishing = json!({"apis": {"custom": {}}, "events": {"publications": [],
            "endpoint": {"uri": "arn:aws:lambda:REGION:ACCOUNT_ID:function:STACK_NAME-voiceops"}}});
        set_endpoint(
            &mut publishing,
            Some("arn:aws:lambda:eu-west-1:1:function:f"),
        );
        assert_eq!(
            publishing["events"]["endpoint"]["uri"],
            "arn:aws:lambda:eu-west-1:1:function:f"
        );
        set_endpoint(&mut publishing, None);
        assert!(publishing.get("events").is_none(), "no endpoint, no events");
    }
}
