//! One skill's resources: its manifest, each locale's interaction model and build, the
//! development stage's enablement, and the vendors (developer accounts) of the caller.

use crate::client::Body;
use crate::common::{StandardizedError, Status};
use crate::poll::Polled;
use crate::{SmapiClient, SmapiError, Stage};
use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `{manifest: {...}}`: the manifest travels whole; its schema is Amazon's and large.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillManifestEnvelope {
    /// The manifest (`manifestVersion`, `publishingInformation`, `apis`, ...).
    pub manifest: Value,
}

/// `{interactionModel: {languageModel, dialog?, prompts?}}`, as in a package's
/// `interactionModels/custom/<locale>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InteractionModelData {
    /// The model.
    pub interaction_model: Value,
    /// Amazon's version of it, on reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Its description, on reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The last update of the manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestLastUpdateRequest {
    /// How it stands.
    pub status: Status,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<StandardizedError>,
    /// What Amazon warns about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<StandardizedError>,
    /// The manifest's version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The manifest's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManifestStatus {
    /// The last update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_request: Option<ManifestLastUpdateRequest>,
    /// The manifest's eTag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_tag: Option<String>,
}

/// One step of a model build (`LANGUAGE_MODEL_QUICK_BUILD`, `LANGUAGE_MODEL_FULL_BUILD`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildStep {
    /// The step.
    pub name: String,
    /// How it stands.
    pub status: Status,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<StandardizedError>,
}

/// The steps of a build.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildDetails {
    /// In order.
    #[serde(default)]
    pub steps: Vec<BuildStep>,
}

/// The last build of one locale's model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InteractionModelLastUpdateRequest {
    /// How it stands.
    pub status: Status,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<StandardizedError>,
    /// What Amazon warns about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<StandardizedError>,
    /// The build's steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build_details: Option<BuildDetails>,
}

/// One locale's model status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkillInteractionModelStatus {
    /// The last build.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_request: Option<InteractionModelLastUpdateRequest>,
    /// The model's eTag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_tag: Option<String>,
    /// The model's version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// `GET /v1/skills/{skillId}/status`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkillStatus {
    /// The manifest's last update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manifest: Option<ManifestStatus>,
    /// Each locale's model build.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub interaction_model: BTreeMap<String, SkillInteractionModelStatus>,
}

/// A developer account the token may act for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vendor {
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// The vendor ID.
    pub id: String,
    /// The caller's roles in it.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// `GET /v1/vendors`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vendors {
    /// The accounts.
    #[serde(default)]
    pub vendors: Vec<Vendor>,
}

/// The outcome of one locale's build.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildOutcome {
    /// The locale.
    pub locale: String,
    /// `SUCCEEDED` or `FAILED` (or a status newer than this crate).
    pub status: Status,
    /// Amazon's messages when it failed.
    pub errors: Vec<String>,
}

impl SmapiClient {
    /// `GET /v1/vendors`.
    pub async fn vendors(&self) -> Result<Vendors, SmapiError> {
        self.get_json("list vendors", "/v1/vendors").await
    }

    /// `GET …/stages/{stage}/manifest`, with the manifest's eTag.
    pub async fn manifest(
        &self,
        skill_id: &str,
        stage: &Stage,
    ) -> Result<(SkillManifestEnvelope, Option<String>), SmapiError> {
        let reply = self
            .call(
                "read the manifest",
                Method::GET,
                &format!("/v1/skills/{skill_id}/stages/{stage}/manifest"),
                Body::Empty,
                &[],
            )
            .await?;
        let etag = reply.header("etag").map(str::to_owned);
        Ok((reply.json("read the manifest")?, etag))
    }

    /// `PUT …/stages/{stage}/manifest` (202: Amazon applies it in the background; see
    /// [`SmapiClient::wait_for_manifest`]).
    pub async fn update_manifest(
        &self,
        skill_id: &str,
        stage: &Stage,
        manifest: &SkillManifestEnvelope,
        if_match: Option<&str>,
    ) -> Result<(), SmapiError> {
        let headers: Vec<(&str, &str)> = if_match.map(|e| ("if-match", e)).into_iter().collect();
        self.call(
            "update the manifest",
            Method::PUT,
            &format!("/v1/skills/{skill_id}/stages/{stage}/manifest"),
            Body::json(manifest),
            &headers,
        )
        .await
        .map(drop)
    }

    /// `GET …/stages/{stage}/interactionModel/locales/{locale}`.
    pub async fn interaction_model(
        &self,
        skill_id: &str,
        stage: &Stage,
        locale: &str,
    ) -> Result<InteractionModelData, SmapiError> {
        self.get_json(
            "read the interaction model",
            &format!("/v1/skills/{skill_id}/stages/{stage}/interactionModel/locales/{locale}"),
        )
        .await
    }

    /// `PUT …/stages/{stage}/interactionModel/locales/{locale}`: uploads one locale's model
    /// and starts its build (202).
    pub async fn update_interaction_model(
        &self,
        skill_id: &str,
        stage: &Stage,
        locale: &str,
        model: &InteractionModelData,
    ) -> Result<(), SmapiError> {
        self.call(
            "update the interaction model",
            Method::PUT,
            &format!("/v1/skills/{skill_id}/stages/{stage}/interactionModel/locales/{locale}"),
            Body::json(model),
            &[],
        )
        .await
        .map(drop)
    }

    /// `GET /v1/skills/{skillId}/status?resource=manifest&resource=interactionModel`.
    pub async fn skill_status(&self, skill_id: &str) -> Result<SkillStatus, SmapiError> {
        self.get_json(
            "read the skill's status",
            &format!("/v1/skills/{skill_id}/status?resource=manifest&resource=interactionModel"),
        )
        .await
    }

    /// Polls until the manifest's last update is no longer in progress; returns it (a
    /// failed update is returned with Amazon's errors, not as an error).
    pub async fn wait_for_manifest(
        &self,
        skill_id: &str,
    ) -> Result<ManifestLastUpdateRequest, SmapiError> {
        self.poll("the manifest update", || async {
            let status = self.skill_status(skill_id).await?;
            let last = status.manifest.and_then(|m| m.last_update_request);
            Ok(match last {
                Some(last) if last.status != Status::InProgress => Polled::Done(last),
                Some(last) => Polled::Pending(last.status.to_string()),
                None => Polled::Pending("not started".into()),
            })
        })
        .await
    }

    /// Polls until every locale's build has finished; returns each locale's outcome.
    pub async fn wait_for_builds(
        &self,
        skill_id: &str,
        locales: &[String],
    ) -> Result<Vec<BuildOutcome>, SmapiError> {
        let what = format!("the model builds ({})", locales.join(", "));
        self.poll(&what, || async {
            let status = self.skill_status(skill_id).await?;
            let mut outcomes = Vec::new();
            let mut pending = Vec::new();
            for locale in locales {
                let last = status
                    .interaction_model
                    .get(locale)
                    .and_then(|m| m.last_update_request.clone());
                match last {
                    Some(last) if last.status != Status::InProgress => {
                        outcomes.push(BuildOutcome {
                            locale: locale.clone(),
                            errors: last.errors.iter().map(|e| e.message.clone()).collect(),
                            status: last.status,
                        })
                    }
                    _ => pending.push(locale.as_str()),
                }
            }
            Ok(if pending.is_empty() {
                Polled::Done(outcomes)
            } else {
                Polled::Pending(format!("IN_PROGRESS: {}", pending.join(", ")))
            })
        })
        .await
    }

    /// `GET …/stages/{stage}/enablement`: true when the caller may test the skill (204),
    /// false when not (404).
    pub async fn is_enabled(&self, skill_id: &str, stage: &Stage) -> Result<bool, SmapiError> {
        let path = format!("/v1/skills/{skill_id}/stages/{stage}/enablement");
        match self
            .call("read the enablement", Method::GET, &path, Body::Empty, &[])
            .await
        {
            Ok(_) => Ok(true),
            Err(SmapiError::NotFound { .. }) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// `PUT …/stages/{stage}/enablement`: lets the caller test the skill in this stage
    /// (on the developer console's simulator, through SMAPI, and on their Echo).
    pub async fn enable(&self, skill_id: &str, stage: &Stage) -> Result<(), SmapiError> {
        let path = format!("/v1/skills/{skill_id}/stages/{stage}/enablement");
        self.call("enable the skill", Method::PUT, &path, Body::Empty, &[])
            .await
            .map(drop)
    }
}
