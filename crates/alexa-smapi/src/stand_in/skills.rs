//! Skills as Amazon keeps them: vendors, package uploads and imports, the manifest, each
//! locale's model and its build, the build status, and enablement.

use super::world::{Pending, World};
use super::Shared;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use serde_json::{json, Value};
use std::io::Read;
use std::sync::Arc;

type Answer = Result<Response, Response>;

pub(super) fn routes() -> axum::Router<Arc<Shared>> {
    axum::Router::new()
        .route("/v1/vendors", get(vendors))
        .route("/v1/skills/uploads", post(create_upload))
        .route("/upload/{id}", put(receive_upload))
        .route("/v1/skills/imports", post(import_new))
        .route("/v1/skills/imports/{import_id}", get(import_status))
        .route("/v1/skills/{skill_id}/imports", post(import_into))
        .route(
            "/v1/skills/{skill_id}/stages/{stage}/manifest",
            get(read_manifest).put(update_manifest),
        )
        .route(
            "/v1/skills/{skill_id}/stages/{stage}/interactionModel/locales/{locale}",
            get(read_model).put(update_model),
        )
        .route("/v1/skills/{skill_id}/status", get(status))
        .route(
            "/v1/skills/{skill_id}/stages/{stage}/enablement",
            get(read_enablement).put(enable),
        )
}

/// The body as JSON, or Amazon's 400.
pub(super) fn parse(world: &mut World, body: &[u8]) -> Result<Value, Response> {
    serde_json::from_slice(body).map_err(|e| {
        world.bad_request(
            "Invalid request payload.",
            &[format!("The body is not JSON: {e}")],
        )
    })
}

/// The skill in the development stage, or Amazon's 404.
pub(super) fn known(world: &mut World, skill_id: &str, stage: &str) -> Result<(), Response> {
    if stage != "development" {
        return Err(world.error(
            StatusCode::NOT_FOUND,
            "v1.Error",
            &format!("Stage {stage} not found for skill {skill_id}."),
        ));
    }
    if !world.skills.contains_key(skill_id) {
        return Err(world.error(
            StatusCode::NOT_FOUND,
            "v1.Error",
            &format!("Skill {skill_id} not found."),
        ));
    }
    Ok(())
}

pub(super) fn with_location(mut response: Response, location: &str) -> Response {
    if let Ok(value) = location.parse() {
        response.headers_mut().insert("location", value);
    }
    response
}

async fn vendors(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Answer {
    shared.admit("GET /v1/vendors", &headers, None)?;
    let mut world = shared.world();
    let body = json!({"vendors": [{"name": "Stand-in Developer", "id": world.vendor_id, "roles": ["ROLE_ADMINISTRATOR"]}]});
    Ok(world.answer(StatusCode::OK, "v1.vendorManagement.Vendors", body))
}

async fn create_upload(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Answer {
    shared.admit("POST /v1/skills/uploads", &headers, None)?;
    let mut world = shared.world();
    let id = world.id("upload-");
    world.uploads.insert(id.clone(), None);
    let body = json!({"uploadUrl": format!("{}/upload/{id}", shared.base_url), "expiresAt": "2099-01-01T00:00:00.000Z"});
    Ok(world.answer(StatusCode::CREATED, "v1.skill.UploadResponse", body))
}

/// The pre-signed upload URL: takes the zip as it is, with no SMAPI token.
async fn receive_upload(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let mut world = shared.world();
    world.calls.push("PUT <upload URL>".into());
    match world.uploads.get_mut(&id) {
        Some(slot) => {
            *slot = Some(body.to_vec());
            StatusCode::OK.into_response()
        }
        None => (
            StatusCode::FORBIDDEN,
            "<Error><Code>AccessDenied</Code></Error>",
        )
            .into_response(),
    }
}

/// The package's files: `skill.json` and each `interactionModels/custom/<locale>.json`.
struct Package {
    manifest: Option<Value>,
    models: Vec<(String, Value)>,
}

fn unpack(zip_bytes: &[u8]) -> Result<Package, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes))
        .map_err(|e| format!("The skill package is not a zip file: {e}"))?;
    let mut package = Package {
        manifest: None,
        models: Vec::new(),
    };
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).map_err(|e| e.to_string())?;
        let name = file.name().map_err(|e| e.to_string())?.into_owned();
        let mut text = String::new();
        if file.is_dir() || file.read_to_string(&mut text).is_err() {
            continue;
        }
        let parsed = || {
            serde_json::from_str::<Value>(&text)
                .map_err(|e| format!("{name} is not valid JSON: {e}"))
        };
        if name == "skill.json" {
            package.manifest = parsed()?.get("manifest").cloned();
        } else if let Some(locale) = name
            .strip_prefix("interactionModels/custom/")
            .and_then(|n| n.strip_suffix(".json"))
        {
            let model = parsed()?
                .get("interactionModel")
                .cloned()
                .ok_or(format!("{name} has no interactionModel"))?;
            package.models.push((locale.to_owned(), model));
        }
    }
    Ok(package)
}

fn lambda_endpoint(manifest: &Value) -> Option<&str> {
    manifest
        .pointer("/apis/custom/endpoint/uri")
        .and_then(Value::as_str)
        .filter(|uri| uri.starts_with("arn:aws:lambda:"))
}

/// Imports the package uploaded at `location` into `skill_id`, or as a new skill.
fn import(world: &mut World, skill_id: Option<String>, location: &str) -> Result<String, Response> {
    let upload_id = location
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let Some(Some(bytes)) = world.uploads.get(&upload_id).cloned() else {
        return Err(world.bad_request(
            "Invalid request payload.",
            &[format!("Nothing was uploaded to location {location}.")],
        ));
    };
    let import_id = world.id("import-");
    let creating = skill_id.is_none();
    let fail = |world: &mut World,
                id: &str,
                skill: Option<&str>,
                errors: Vec<Value>,
                resources: Vec<Value>| {
        let mut about = json!({"resources": resources});
        if let Some(skill) = skill {
            about["skillId"] = json!(skill);
        }
        let body = json!({"status": "FAILED", "errors": errors, "warnings": [], "skill": about});
        let pending = world.pending(body);
        world.imports.insert(id.to_owned(), pending);
    };
    let package = match unpack(&bytes) {
        Ok(p) => p,
        Err(message) => {
            fail(
                world,
                &import_id,
                skill_id.as_deref(),
                vec![json!({"message": message})],
                vec![],
            );
            return Ok(import_id);
        }
    };
    let Some(manifest) = package.manifest else {
        fail(
            world,
            &import_id,
            skill_id.as_deref(),
            vec![json!({"message": "skill.json is missing from the skill package."})],
            vec![],
        );
        return Ok(import_id);
    };
    // A Lambda endpoint is refused until the function has an Alexa trigger for the skill's
    // ID, which a skill being created cannot have yet (alexa/ask-cli#365).
    if let (true, Some(arn)) = (creating, lambda_endpoint(&manifest)) {
        let error = json!({"code": "INVALID_LAMBDA_TRIGGER", "message": format!("The trigger setting for the Lambda {arn} is invalid. Error code: SkillManifestError")});
        let resource = json!({"name": "Manifest", "status": "FAILED", "action": "CREATE", "errors": [error.clone()]});
        fail(world, &import_id, None, vec![error], vec![resource]);
        return Ok(import_id);
    }
    let skill_id = match skill_id {
        Some(id) => {
            if let Some(skill) = world.skills.get_mut(&id) {
                skill.manifest = manifest;
            }
            id
        }
        None => {
            let serial = world.id("");
            let id = format!("amzn1.ask.skill.00000000-0000-4000-8000-0000{serial}");
            world.add_skill(&id, manifest);
            id
        }
    };
    let action = if creating { "CREATE" } else { "UPDATE" };
    let mut resources = vec![json!({"name": "Manifest", "status": "SUCCEEDED", "action": action})];
    let mut failed = false;
    for (locale, model) in package.models {
        let errors = world.build(&skill_id, &locale, model);
        let name = format!("InteractionModel.{locale}");
        resources.push(if errors.is_empty() {
            json!({"name": name, "status": "SUCCEEDED", "action": action})
        } else {
            failed = true;
            let errors: Vec<Value> = errors.iter().map(|m| json!({"message": m})).collect();
            json!({"name": name, "status": "FAILED", "action": action, "errors": errors})
        });
    }
    let etag = world.skills.get(&skill_id).map(|s| s.etag.to_string());
    let status = if failed { "FAILED" } else { "SUCCEEDED" };
    let body = json!({"status": status, "errors": [], "warnings": [], "skill": {"skillId": skill_id, "eTag": etag, "resources": resources}});
    let pending = world.pending(body);
    world.imports.insert(import_id.clone(), pending);
    Ok(import_id)
}

async fn import_new(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Answer {
    let request = shared.admit_json(
        "POST /v1/skills/imports",
        &headers,
        "v1.skill.createSkillWithPackageRequest",
        &body,
    )?;
    let mut world = shared.world();
    let vendor = request
        .get("vendorId")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let location = request
        .get("location")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if vendor != world.vendor_id {
        return Err(world.error(
            StatusCode::FORBIDDEN,
            "v1.Error",
            &format!("You are not a member of vendor {vendor:?}."),
        ));
    }
    let id = import(&mut world, None, &location)?;
    Ok(with_location(
        StatusCode::ACCEPTED.into_response(),
        &format!("/v1/skills/imports/{id}"),
    ))
}

async fn import_into(
    State(shared): State<Arc<Shared>>,
    Path(skill_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let request = shared.admit_json(
        "POST /v1/skills/{skillId}/imports",
        &headers,
        "v1.skill.updateSkillWithPackageRequest",
        &body,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, "development")?;
    let location = request
        .get("location")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let id = import(&mut world, Some(skill_id), &location)?;
    Ok(with_location(
        StatusCode::ACCEPTED.into_response(),
        &format!("/v1/skills/imports/{id}"),
    ))
}

async fn import_status(
    State(shared): State<Arc<Shared>>,
    Path(import_id): Path<String>,
    headers: HeaderMap,
) -> Answer {
    shared.admit("GET /v1/skills/imports/{importId}", &headers, None)?;
    let mut world = shared.world();
    let Some(pending) = world.imports.get_mut(&import_id) else {
        return Err(world.error(
            StatusCode::NOT_FOUND,
            "v1.Error",
            &format!("Import {import_id} not found."),
        ));
    };
    let body = if pending.look() {
        let mut body = pending.value.clone();
        body["status"] = json!("IN_PROGRESS");
        body
    } else {
        pending.value.clone()
    };
    Ok(world.answer(StatusCode::OK, "v1.skill.ImportResponse", body))
}

async fn read_manifest(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, stage)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    shared.admit(
        "GET /v1/skills/{skillId}/stages/{stage}/manifest",
        &headers,
        None,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, &stage)?;
    let skill = &world.skills[&skill_id];
    let (manifest, etag) = (skill.manifest.clone(), skill.etag);
    let mut response = world.answer(
        StatusCode::OK,
        "v1.skill.Manifest.SkillManifestEnvelope",
        json!({"manifest": manifest}),
    );
    if let Ok(value) = format!("\"{etag}\"").parse() {
        response.headers_mut().insert("etag", value);
    }
    Ok(response)
}

async fn update_manifest(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, stage)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let request = shared.admit_json(
        "PUT /v1/skills/{skillId}/stages/{stage}/manifest",
        &headers,
        "v1.skill.Manifest.SkillManifestEnvelope",
        &body,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, &stage)?;
    let Some(manifest) = request.get("manifest").filter(|m| m.is_object()).cloned() else {
        return Err(world.bad_request("Invalid request payload.", &["manifest is required".into()]));
    };
    let update = world.pending(json!({"status": "SUCCEEDED"}));
    if let Some(skill) = world.skills.get_mut(&skill_id) {
        skill.manifest = manifest;
        skill.manifest_update = update;
        skill.etag += 1;
    }
    Ok(with_location(
        StatusCode::ACCEPTED.into_response(),
        &format!("/v1/skills/{skill_id}/status?resource=manifest"),
    ))
}

async fn read_model(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, stage, locale)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Answer {
    shared.admit(
        "GET /v1/skills/{skillId}/stages/{stage}/interactionModel/locales/{locale}",
        &headers,
        None,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, &stage)?;
    let Some(model) = world.skills[&skill_id].models.get(&locale).cloned() else {
        return Err(world.error(
            StatusCode::NOT_FOUND,
            "v1.Error",
            &format!("No interaction model for locale {locale}."),
        ));
    };
    Ok(world.answer(
        StatusCode::OK,
        "v1.skill.interactionModel.InteractionModelData",
        json!({"version": "1", "interactionModel": model}),
    ))
}

async fn update_model(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, stage, locale)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let request = shared.admit_json(
        "PUT /v1/skills/{skillId}/stages/{stage}/interactionModel/locales/{locale}",
        &headers,
        "v1.skill.interactionModel.InteractionModelData",
        &body,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, &stage)?;
    let Some(model) = request
        .get("interactionModel")
        .filter(|m| m.is_object())
        .cloned()
    else {
        return Err(world.bad_request(
            "Invalid request payload.",
            &["interactionModel is required".into()],
        ));
    };
    if model
        .pointer("/languageModel/invocationName")
        .and_then(Value::as_str)
        .is_none_or(|n| n.trim().is_empty())
    {
        return Err(world.bad_request(
            "Interaction model is invalid.",
            &["languageModel.invocationName must not be empty".into()],
        ));
    }
    world.build(&skill_id, &locale, model);
    Ok(with_location(
        StatusCode::ACCEPTED.into_response(),
        &format!("/v1/skills/{skill_id}/status?resource=interactionModel"),
    ))
}

fn report(pending: &mut Pending<Value>) -> Value {
    if pending.look() {
        json!({"status": "IN_PROGRESS"})
    } else {
        pending.value.clone()
    }
}

async fn status(
    State(shared): State<Arc<Shared>>,
    Path(skill_id): Path<String>,
    headers: HeaderMap,
) -> Answer {
    shared.admit("GET /v1/skills/{skillId}/status", &headers, None)?;
    let mut world = shared.world();
    known(&mut world, &skill_id, "development")?;
    let skill = world
        .skills
        .get_mut(&skill_id)
        .ok_or_else(|| StatusCode::NOT_FOUND.into_response())?;
    let manifest = json!({"lastUpdateRequest": report(&mut skill.manifest_update), "eTag": skill.etag.to_string()});
    let models: serde_json::Map<String, Value> = skill
        .builds
        .iter_mut()
        .map(|(locale, build)| {
            (
                locale.clone(),
                json!({"lastUpdateRequest": report(build), "eTag": "1", "version": "1"}),
            )
        })
        .collect();
    Ok(world.answer(
        StatusCode::OK,
        "v1.skill.SkillStatus",
        json!({"manifest": manifest, "interactionModel": models}),
    ))
}

async fn read_enablement(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, stage)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    shared.admit(
        "GET /v1/skills/{skillId}/stages/{stage}/enablement",
        &headers,
        None,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, &stage)?;
    if world.skills[&skill_id].enabled {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(world.error(StatusCode::NOT_FOUND, "v1.Error", "Enablement not found."))
    }
}

async fn enable(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, stage)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    shared.admit(
        "PUT /v1/skills/{skillId}/stages/{stage}/enablement",
        &headers,
        None,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, &stage)?;
    if let Some(skill) = world.skills.get_mut(&skill_id) {
        skill.enabled = true;
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
