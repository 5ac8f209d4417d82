//! NLU evaluations: annotation sets filled with expected intents and slots, evaluated
//! against the last built model of their locale.

use super::skills::{known, with_location};
use super::Shared;
use alexa_core::interaction_model::InteractionModel;
use alexa_sim::{Resolved, Resolver};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{json, Value};
use std::sync::Arc;

type Answer = Result<Response, Response>;

pub(super) fn routes() -> axum::Router<Arc<Shared>> {
    axum::Router::new()
        .route("/v1/skills/{skill_id}/nluAnnotationSets", post(create_set))
        .route(
            "/v1/skills/{skill_id}/nluAnnotationSets/{set_id}/annotations",
            post(fill_set),
        )
        .route("/v1/skills/{skill_id}/nluEvaluations", post(evaluate))
        .route(
            "/v1/skills/{skill_id}/nluEvaluations/{evaluation_id}",
            get(evaluation),
        )
        .route(
            "/v1/skills/{skill_id}/nluEvaluations/{evaluation_id}/results",
            get(results),
        )
}

async fn create_set(
    State(shared): State<Arc<Shared>>,
    Path(skill_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let request = shared.admit_json(
        "POST /v1/skills/{skillId}/nluAnnotationSets",
        &headers,
        "v1.skill.nlu.annotationSets.CreateNLUAnnotationSetRequest",
        &body,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, "development")?;
    let (Some(locale), Some(_name)) = (
        request.get("locale").and_then(Value::as_str),
        request.get("name").and_then(Value::as_str),
    ) else {
        return Err(world.bad_request(
            "Invalid request payload.",
            &["locale and name are required".into()],
        ));
    };
    let id = world.id("annotation-set-");
    world
        .annotation_sets
        .insert(id.clone(), (skill_id.clone(), locale.to_owned(), json!([])));
    let answer = world.answer(
        StatusCode::CREATED,
        "v1.skill.nlu.annotationSets.CreateNLUAnnotationSetResponse",
        json!({"id": id}),
    );
    Ok(with_location(
        answer,
        &format!("/v1/skills/{skill_id}/nluAnnotationSets/{id}"),
    ))
}

async fn fill_set(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, set_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let request = shared.admit_json(
        "POST /v1/skills/{skillId}/nluAnnotationSets/{annotationId}/annotations",
        &headers,
        "v1.skill.nlu.annotationSets.UpdateNLUAnnotationSetAnnotationsRequest",
        &body,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, "development")?;
    let json_body = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("application/json"));
    let data = request.get("data").filter(|d| d.is_array()).cloned();
    let (true, Some(data)) = (json_body, data) else {
        return Err(world.bad_request(
            "Invalid request payload.",
            &["Content-Type application/json with a data array is required".into()],
        ));
    };
    match world.annotation_sets.get_mut(&set_id) {
        Some(set) => set.2 = data,
        None => {
            return Err(world.error(
                StatusCode::NOT_FOUND,
                "v1.Error",
                &format!("Annotation set {set_id} not found."),
            ))
        }
    }
    Ok(StatusCode::OK.into_response())
}

/// One case: what NLU picks for the utterance, against what was expected (intent name, and
/// each expected slot's spoken value).
fn test_case(resolver: &Resolver, annotation: &Value) -> (bool, Value) {
    let utterance = annotation
        .pointer("/inputs/utterance")
        .and_then(Value::as_str)
        .unwrap_or("");
    let actual = match resolver.resolve(utterance, true) {
        Resolved::Intent { intent, .. } => Some(intent),
        _ => None,
    };
    let expected = annotation.get("expected").cloned().unwrap_or(json!([]));
    let passed = expected.as_array().into_iter().flatten().any(|want| {
        let Some(actual) = &actual else { return false };
        let name_ok =
            want.pointer("/intent/name").and_then(Value::as_str) == Some(actual.name.as_str());
        let slots = want
            .pointer("/intent/slots")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        name_ok
            && slots.iter().all(|(slot, value)| {
                let heard = actual
                    .slot(slot)
                    .and_then(|s| s.value.as_deref())
                    .unwrap_or("");
                value
                    .get("value")
                    .and_then(Value::as_str)
                    .is_some_and(|v| v.eq_ignore_ascii_case(heard))
            })
    });
    let actual_intent = actual.as_ref().map(|i| {
        let slots: serde_json::Map<String, Value> = i
            .slots
            .iter()
            .filter_map(|(name, s)| Some((name.clone(), json!({"value": s.value.clone()?}))))
            .collect();
        json!({"name": i.name, "confirmationStatus": "NONE", "slots": slots})
    });
    let status = if passed { "PASSED" } else { "FAILED" };
    (
        passed,
        json!({"status": status, "inputs": annotation.get("inputs"), "actual": {"domain": "custom", "intent": actual_intent}, "expected": expected}),
    )
}

async fn evaluate(
    State(shared): State<Arc<Shared>>,
    Path(skill_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let request = shared.admit_json(
        "POST /v1/skills/{skillId}/nluEvaluations",
        &headers,
        "v1.skill.nlu.evaluations.EvaluateNLURequest",
        &body,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, "development")?;
    let set_id = request
        .pointer("/source/annotationId")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let Some((owner, locale, data)) = world
        .annotation_sets
        .get(&set_id)
        .cloned()
        .filter(|s| s.0 == skill_id)
    else {
        return Err(world.error(
            StatusCode::NOT_FOUND,
            "v1.Error",
            &format!("Annotation set {set_id:?} not found."),
        ));
    };
    let model = world.skills[&owner]
        .models
        .get(&locale)
        .cloned()
        .and_then(|m| serde_json::from_value::<InteractionModel>(m).ok());
    let Some(model) = model else {
        return Err(world.bad_request(
            "Invalid request payload.",
            &[format!("The skill has no built model for {locale}.")],
        ));
    };
    let resolver = Resolver::new(&model.language_model, &locale, &skill_id);
    let cases: Vec<(bool, Value)> = data
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| test_case(&resolver, a))
        .collect();
    let failed = cases.iter().filter(|(passed, _)| !passed).count();
    let status = if failed == 0 { "PASSED" } else { "FAILED" };
    let id = world.id("evaluation-");
    let summary = json!({"status": status, "startTimestamp": "2026-01-01T00:00:00Z", "endTimestamp": "2026-01-01T00:00:01Z",
        "inputs": {"locale": locale, "stage": "development", "source": {"annotationId": set_id}}});
    let results = json!({"totalFailed": failed, "testCases": cases.into_iter().map(|(_, c)| c).collect::<Vec<_>>(),
        "paginationContext": {"totalCount": data.as_array().map_or(0, Vec::len).to_string()}});
    let pending = world.pending((summary, results));
    world.evaluations.insert(id.clone(), pending);
    let answer = world.answer(
        StatusCode::OK,
        "v1.skill.nlu.evaluations.EvaluateResponse",
        json!({"id": id}),
    );
    Ok(with_location(
        answer,
        &format!("/v1/skills/{skill_id}/nluEvaluations/{id}"),
    ))
}

async fn evaluation(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    shared.admit(
        "GET /v1/skills/{skillId}/nluEvaluations/{evaluationId}",
        &headers,
        None,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, "development")?;
    let Some(pending) = world.evaluations.get_mut(&id) else {
        return Err(world.error(
            StatusCode::NOT_FOUND,
            "v1.Error",
            &format!("Evaluation {id} not found."),
        ));
    };
    let mut body = pending.value.0.clone();
    if pending.look() {
        body["status"] = json!("IN_PROGRESS");
    }
    Ok(world.answer(
        StatusCode::OK,
        "v1.skill.nlu.evaluations.GetNLUEvaluationResponse",
        body,
    ))
}

async fn results(
    State(shared): State<Arc<Shared>>,
    Path((skill_id, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    shared.admit(
        "GET /v1/skills/{skillId}/nluEvaluations/{evaluationId}/results",
        &headers,
        None,
    )?;
    let mut world = shared.world();
    known(&mut world, &skill_id, "development")?;
    let Some(results) = world
        .evaluations
        .get(&id)
        .filter(|p| p.polls_left == 0)
        .map(|p| p.value.1.clone())
    else {
        return Err(world.error(
            StatusCode::NOT_FOUND,
            "v1.Error",
            &format!("Results of evaluation {id} are not ready."),
        ));
    };
    Ok(world.answer(
        StatusCode::OK,
        "v1.skill.nlu.evaluations.GetNLUEvaluationResultsResponse",
        results,
    ))
}
