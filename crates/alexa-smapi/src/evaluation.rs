//! NLU evaluations: a set of annotated utterances, evaluated in batch against the built
//! model, with each test case's expected and actual intent.

use crate::client::Body;
use crate::common::{status_enum, Intent};
use crate::poll::Polled;
use crate::{SmapiClient, SmapiError, Stage};
use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

status_enum! {
    /// How an evaluation or a test case stands.
    EvaluationStatus {
        /// Every case passed.
        Passed = "PASSED",
        /// Some case failed.
        Failed = "FAILED",
        /// Still running.
        InProgress = "IN_PROGRESS",
        /// It could not run.
        Error = "ERROR",
    }
}

/// `POST /v1/skills/{skillId}/nluAnnotationSets`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateNluAnnotationSetRequest {
    /// The locale of its utterances.
    pub locale: String,
    /// A name for it.
    pub name: String,
}

/// The new set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateNluAnnotationSetResponse {
    /// Its ID.
    pub id: String,
}

/// What is said in one case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnnotationInputs {
    /// The utterance.
    pub utterance: String,
    /// The moment relative dates resolve against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_timestamp: Option<String>,
}

/// An intent with slot values by name, as expected (`slots: {name: {value}}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpectedIntent {
    /// The intent.
    pub name: String,
    /// `{slot: {"value": "..."}}`.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub slots: Map<String, Value>,
}

/// One expectation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expected {
    /// The intent expected.
    pub intent: ExpectedIntent,
}

/// One annotated utterance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// What is said.
    pub inputs: AnnotationInputs,
    /// What NLU must pick.
    pub expected: Vec<Expected>,
}

/// The JSON body that replaces a set's annotations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotations {
    /// The cases.
    pub data: Vec<Annotation>,
}

/// Where an evaluation's cases come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EvaluationSource {
    /// The annotation set.
    pub annotation_id: String,
}

/// `POST /v1/skills/{skillId}/nluEvaluations`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvaluateNluRequest {
    /// The stage whose model is evaluated.
    pub stage: Stage,
    /// The locale.
    pub locale: String,
    /// The annotation set.
    pub source: EvaluationSource,
}

/// The new evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvaluateResponse {
    /// Its ID.
    pub id: String,
}

/// `GET /v1/skills/{skillId}/nluEvaluations/{evaluationId}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetNluEvaluationResponse {
    /// How it stands.
    pub status: EvaluationStatus,
    /// When it started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_timestamp: Option<String>,
    /// When it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_timestamp: Option<String>,
    /// Why it could not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// What it was asked to evaluate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inputs: Option<Value>,
}

/// What NLU picked for a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actual {
    /// The domain (`custom`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// The intent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intent: Option<Intent>,
}

/// One evaluated case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestCase {
    /// PASSED or FAILED.
    pub status: EvaluationStatus,
    /// What was said.
    pub inputs: AnnotationInputs,
    /// What NLU picked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Actual>,
    /// What was expected.
    #[serde(default)]
    pub expected: Vec<Expected>,
}

/// Where the next page starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaginationContext {
    /// Pass as `nextToken`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Cases in all (a string in Amazon's model; a number is read too).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "count_as_text"
    )]
    pub total_count: Option<String>,
}

/// `GET …/nluEvaluations/{evaluationId}/results`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetNluEvaluationResultsResponse {
    /// Failed cases in all.
    #[serde(default)]
    pub total_failed: u64,
    /// This page's cases.
    #[serde(default)]
    pub test_cases: Vec<TestCase>,
    /// The next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination_context: Option<PaginationContext>,
}

/// A count Amazon's model types as a string, read from a string or a number.
fn count_as_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

impl SmapiClient {
    /// Creates an annotation set; returns its ID.
    pub async fn create_annotation_set(
        &self,
        skill_id: &str,
        request: &CreateNluAnnotationSetRequest,
    ) -> Result<String, SmapiError> {
        let created: CreateNluAnnotationSetResponse = self
            .call(
                "create an annotation set",
                Method::POST,
                &format!("/v1/skills/{skill_id}/nluAnnotationSets"),
                Body::json(request),
                &[],
            )
            .await?
            .json("create an annotation set")?;
        Ok(created.id)
    }

    /// Replaces the set's annotations.
    pub async fn put_annotations(
        &self,
        skill_id: &str,
        annotation_id: &str,
        annotations: &Annotations,
    ) -> Result<(), SmapiError> {
        self.call(
            "fill the annotation set",
            Method::POST,
            &format!("/v1/skills/{skill_id}/nluAnnotationSets/{annotation_id}/annotations"),
            Body::json(annotations),
            &[],
        )
        .await
        .map(drop)
    }

    /// Starts an evaluation; returns its ID.
    pub async fn start_nlu_evaluation(
        &self,
        skill_id: &str,
        request: &EvaluateNluRequest,
    ) -> Result<String, SmapiError> {
        let started: EvaluateResponse = self
            .call(
                "start an NLU evaluation",
                Method::POST,
                &format!("/v1/skills/{skill_id}/nluEvaluations"),
                Body::json(request),
                &[],
            )
            .await?
            .json("start an NLU evaluation")?;
        Ok(started.id)
    }

    /// Reads how an evaluation stands (the cheap call).
    pub async fn nlu_evaluation(
        &self,
        skill_id: &str,
        evaluation_id: &str,
    ) -> Result<GetNluEvaluationResponse, SmapiError> {
        self.get_json(
            "read an NLU evaluation",
            &format!("/v1/skills/{skill_id}/nluEvaluations/{evaluation_id}"),
        )
        .await
    }

    /// Polls an evaluation until it is no longer in progress.
    pub async fn wait_for_nlu_evaluation(
        &self,
        skill_id: &str,
        evaluation_id: &str,
    ) -> Result<GetNluEvaluationResponse, SmapiError> {
        self.poll("the NLU evaluation", || async {
            let current = self.nlu_evaluation(skill_id, evaluation_id).await?;
            Ok(match current.status {
                EvaluationStatus::InProgress => Polled::Pending(current.status.to_string()),
                _ => Polled::Done(current),
            })
        })
        .await
    }

    /// Every test case of an evaluation, page by page.
    pub async fn nlu_evaluation_results(
        &self,
        skill_id: &str,
        evaluation_id: &str,
    ) -> Result<Vec<TestCase>, SmapiError> {
        let mut cases = Vec::new();
        let mut next: Option<String> = None;
        loop {
            let mut path = format!(
                "/v1/skills/{skill_id}/nluEvaluations/{evaluation_id}/results?maxResults=1000"
            );
            if let Some(token) = &next {
                path.push_str("&nextToken=");
                path.extend(form_urlencoded::byte_serialize(token.as_bytes()));
            }
            let page: GetNluEvaluationResultsResponse =
                self.get_json("read NLU evaluation results", &path).await?;
            cases.extend(page.test_cases);
            next = page
                .pagination_context
                .and_then(|p| p.next_token)
                .filter(|t| !t.is_empty());
            if next.is_none() {
                return Ok(cases);
            }
        }
    }
}
