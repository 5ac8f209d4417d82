//! The skill package as a whole: zip the `skill-package/` folder, upload it, import it as a
//! new skill or into an existing one, and wait for the import (as `ask deploy` does).

use crate::client::{Body, Reply};
use crate::common::{StandardizedError, Status};
use crate::poll::Polled;
use crate::{SmapiClient, SmapiError};
use reqwest::Method;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// `POST /v1/skills/uploads`: where to put the zip, and until when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UploadResponse {
    /// A pre-signed URL to `PUT` the zip to.
    pub upload_url: String,
    /// When the URL stops working.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

/// `POST /v1/skills/imports`: a new skill from an uploaded package.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateSkillWithPackageRequest {
    /// The developer account.
    pub vendor_id: String,
    /// The upload URL the package was put to.
    pub location: String,
}

/// `POST /v1/skills/{skillId}/imports`: a package into an existing skill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateSkillWithPackageRequest {
    /// The upload URL the package was put to.
    pub location: String,
}

/// How one resource of the package (`Manifest`, `InteractionModel.en-US`) was imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceImportStatus {
    /// The resource.
    pub name: String,
    /// How it stands.
    pub status: Status,
    /// `CREATE`, `UPDATE`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<StandardizedError>,
    /// What Amazon warns about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<StandardizedError>,
}

/// The skill an import made or changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportResponseSkill {
    /// Its ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill_id: Option<String>,
    /// The package's new eTag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_tag: Option<String>,
    /// Each resource's import.
    #[serde(default)]
    pub resources: Vec<ResourceImportStatus>,
}

/// `GET /v1/skills/imports/{importId}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportResponse {
    /// How the whole import stands.
    pub status: Status,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<StandardizedError>,
    /// What Amazon warns about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<StandardizedError>,
    /// The skill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<ImportResponseSkill>,
}

impl ImportResponse {
    /// Every error, each with the resource it is about (`Manifest: ...`,
    /// `InteractionModel.de-DE: ...`).
    pub fn failures(&self) -> Vec<String> {
        let mut out: Vec<String> = self.errors.iter().map(|e| e.message.clone()).collect();
        for resource in self.skill.iter().flat_map(|s| &s.resources) {
            out.extend(
                resource
                    .errors
                    .iter()
                    .map(|e| format!("{}: {}", resource.name, e.message)),
            );
        }
        out
    }

    /// True when the import finished and took.
    pub fn succeeded(&self) -> bool {
        self.status == Status::Succeeded
    }
}

/// The files of a `skill-package/` folder, each with its path inside the package (`/`
/// separated, sorted); hidden files are left out. It must have a `skill.json`.
pub fn package_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, SmapiError> {
    let fail = |what: String| SmapiError::Input(what);
    if !dir.join("skill.json").is_file() {
        return Err(fail(format!(
            "{} has no skill.json: not a skill package",
            dir.display()
        )));
    }
    let mut names = Vec::new();
    collect(dir, dir, &mut names)
        .map_err(|e| fail(format!("cannot read {}: {e}", dir.display())))?;
    names.sort();
    names
        .into_iter()
        .map(|relative| {
            let bytes = std::fs::read(dir.join(&relative))
                .map_err(|e| fail(format!("cannot read {relative}: {e}")))?;
            Ok((relative, bytes))
        })
        .collect()
}

/// A zip of `files` (path inside the zip, contents), deflated.
pub fn zip_files(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, SmapiError> {
    let fail = |e: zip::result::ZipError| SmapiError::Input(format!("cannot zip the package: {e}"));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options).map_err(fail)?;
        zip.write_all(bytes)
            .map_err(|e| SmapiError::Input(format!("cannot zip the package: {e}")))?;
    }
    Ok(zip.finish().map_err(fail)?.into_inner())
}

/// The contents of a `skill-package/` folder as a zip, with `skill.json` at its root (what
/// Amazon's import expects; the ASK CLI zips the same way).
pub fn zip_package(dir: &Path) -> Result<Vec<u8>, SmapiError> {
    zip_files(&package_files(dir)?)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// Where a package goes: a new skill of a vendor, or an existing skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportInto {
    /// A new skill of this vendor (developer account).
    NewSkill {
        /// The vendor ID.
        vendor_id: String,
    },
    /// This skill, only if its package is still at `if_match` when given.
    Skill {
        /// The skill ID.
        skill_id: String,
        /// The package's eTag, when the update must not overwrite another.
        if_match: Option<String>,
    },
}

impl SmapiClient {
    /// The whole of `ask deploy`'s package step: a new upload URL, the zip put there, the
    /// import started and waited for. The import's outcome is returned as Amazon gives it
    /// (check [`ImportResponse::succeeded`] and [`ImportResponse::failures`]).
    pub async fn import_package(
        &self,
        zip: Vec<u8>,
        into: &ImportInto,
    ) -> Result<ImportResponse, SmapiError> {
        let upload = self.create_upload_url().await?;
        self.upload_package(&upload.upload_url, zip).await?;
        let location = upload.upload_url;
        let import_id = match into {
            ImportInto::NewSkill { vendor_id } => {
                self.import_new_skill(&CreateSkillWithPackageRequest {
                    vendor_id: vendor_id.clone(),
                    location,
                })
                .await?
            }
            ImportInto::Skill { skill_id, if_match } => {
                self.import_into_skill(
                    skill_id,
                    &UpdateSkillWithPackageRequest { location },
                    if_match.as_deref(),
                )
                .await?
            }
        };
        self.wait_for_import(&import_id).await
    }

    /// `POST /v1/skills/uploads`: a URL to upload a package to.
    pub async fn create_upload_url(&self) -> Result<UploadResponse, SmapiError> {
        self.call(
            "create upload URL",
            Method::POST,
            "/v1/skills/uploads",
            Body::Empty,
            &[],
        )
        .await?
        .json("create upload URL")
    }

    /// `PUT`s the zip to the pre-signed URL, without the SMAPI token (it is not Amazon's API).
    pub async fn upload_package(&self, upload_url: &str, zip: Vec<u8>) -> Result<(), SmapiError> {
        let reply = self
            .http()
            .put(upload_url)
            .body(zip)
            .send()
            .await
            .map_err(|e| SmapiError::Transport(e.without_url().to_string()))?;
        let status = reply.status().as_u16();
        if status >= 300 {
            let body = reply.bytes().await.unwrap_or_default();
            return Err(SmapiError::from_status(status, &body, 1));
        }
        Ok(())
    }

    /// `POST /v1/skills/imports`: imports the uploaded package as a new skill. Returns the
    /// import's ID (from `Location`).
    pub async fn import_new_skill(
        &self,
        request: &CreateSkillWithPackageRequest,
    ) -> Result<String, SmapiError> {
        let reply = self
            .call(
                "import a new skill",
                Method::POST,
                "/v1/skills/imports",
                Body::json(request),
                &[],
            )
            .await?;
        reply.location_id("import a new skill")
    }

    /// `POST /v1/skills/{skillId}/imports`: imports the uploaded package into `skill_id`,
    /// only if its package is still at `if_match` when given.
    pub async fn import_into_skill(
        &self,
        skill_id: &str,
        request: &UpdateSkillWithPackageRequest,
        if_match: Option<&str>,
    ) -> Result<String, SmapiError> {
        let headers: Vec<(&str, &str)> = if_match.map(|e| ("if-match", e)).into_iter().collect();
        let reply: Reply = self
            .call(
                "import into the skill",
                Method::POST,
                &format!("/v1/skills/{skill_id}/imports"),
                Body::json(request),
                &headers,
            )
            .await?;
        reply.location_id("import into the skill")
    }

    /// `GET /v1/skills/imports/{importId}`.
    pub async fn import_status(&self, import_id: &str) -> Result<ImportResponse, SmapiError> {
        self.get_json(
            "read the import",
            &format!("/v1/skills/imports/{import_id}"),
        )
        .await
    }

    /// Polls the import until it is no longer in progress; a failed import is returned, not
    /// an error, so its messages per resource can be shown.
    pub async fn wait_for_import(&self, import_id: &str) -> Result<ImportResponse, SmapiError> {
        self.poll("the package import", || async {
            let status = self.import_status(import_id).await?;
            Ok(match status.status {
                Status::InProgress => Polled::Pending(status.status.to_string()),
                _ => Polled::Done(status),
            })
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_package_zips_with_skill_json_at_the_root() {
        let dir = std::env::temp_dir().join(format!("alexa-smapi-zip-{}", std::process::id()));
        let models = dir.join("interactionModels/custom");
        std::fs::create_dir_all(&models).unwrap();
        std::fs::write(dir.join("skill.json"), "{}").unwrap();
        std::fs::write(models.join("en-US.json"), "{\"interactionModel\":{}}").unwrap();
        std::fs::write(dir.join(".DS_Store"), "x").unwrap();
        let bytes = zip_package(&dir).unwrap();
        let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut names: Vec<String> = archive
            .file_names()
            .map(|n| n.unwrap().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["interactionModels/custom/en-US.json", "skill.json"]);
        assert!(
            zip_package(&models).is_err(),
            "a folder without skill.json is refused"
        );
    }

    #[test]
    fn failures_name_their_resource() {
        let text = r#"{"status":"FAILED","skill":{"skillId":"s","resources":[
            {"name":"Manifest","status":"SUCCEEDED"},
            {"name":"InteractionModel.de-DE","status":"FAILED","errors":[{"message":"Sample utterance is invalid"}]}]}}"#;
        let import: ImportResponse = serde_json::from_str(text).unwrap();
        assert!(!import.succeeded());
        assert_eq!(
            import.failures(),
            ["InteractionModel.de-DE: Sample utterance is invalid"]
        );
    }
}
