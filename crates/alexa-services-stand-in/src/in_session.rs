//! The APIs a skill calls with the request's token: monetization and connected endpoints.

use crate::{Api, Shared, World};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

const PRODUCTS: &str = "/v1/users/~current/skills/~current/inSkillProducts";

/// The catalogue every stand-in starts with.
pub(super) fn seed(world: &mut World) {
    world.products = vec![
        json!({
            "productId": "amzn1.adg.product.voiceops-pro", "referenceName": "voiceops_pro",
            "name": "VoiceOps Pro", "type": "SUBSCRIPTION",
            "summary": "Counts every account of your organization.",
            "purchasable": "PURCHASABLE", "entitled": "NOT_ENTITLED",
            "entitlementReason": "NOT_PURCHASED", "activeEntitlementCount": 0, "purchaseMode": "TEST"
        }),
        json!({
            "productId": "amzn1.adg.product.history-pack", "referenceName": "history_pack",
            "name": "History Pack", "type": "ENTITLEMENT",
            "summary": "A year of answers, kept.",
            "purchasable": "NOT_PURCHASABLE", "entitled": "ENTITLED",
            "entitlementReason": "PURCHASED", "activeEntitlementCount": 1, "purchaseMode": "TEST"
        }),
    ];
    world.endpoints = vec![json!({
        "endpointId": "amzn1.ask.endpoint.stand-in-gadget",
        "friendlyName": "Status Light",
        "capabilities": [{ "interface": "Custom.StatusLight", "type": "AlexaInterface", "version": "1.0" }]
    })];
}

pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(PRODUCTS, get(products))
        .route(&format!("{PRODUCTS}/{{product}}"), get(product))
        .route(
            "/v1/users/~current/skills/~current/inSkillProductsTransactions",
            get(transactions),
        )
        .route(
            "/v1/users/~current/skills/~current/settings/voicePurchasing.enabled",
            get(voice_purchasing),
        )
        .route("/v1/endpoints", get(endpoints))
}

async fn products(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let api = Api::Monetization;
    let mut world = match shared.admit(api, format!("GET {PRODUCTS}"), &headers, None) {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    let wanted = |product: &Value, field: &str, param: &str| {
        query
            .get(param)
            .is_none_or(|want| product[field].as_str() == Some(want))
    };
    let products: Vec<Value> = world
        .products
        .iter()
        .filter(|p| {
            wanted(p, "purchasable", "purchasable")
                && wanted(p, "entitled", "entitled")
                && wanted(p, "type", "productType")
        })
        .cloned()
        .collect();
    let max = match query.get("maxResults").map(|m| m.parse::<usize>()) {
        None => 100,
        Some(Ok(max)) if (1..=100).contains(&max) => max,
        Some(_) => {
            return api.error(
                &mut world,
                StatusCode::BAD_REQUEST,
                "Invalid value for maxResults",
            )
        }
    };
    let start: usize = query
        .get("nextToken")
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let page: Vec<Value> = products.iter().skip(start).take(max).cloned().collect();
    let next = start + page.len();
    let mut body = json!({ "inSkillProducts": page, "isTruncated": next < products.len() });
    if next < products.len() {
        body["nextToken"] = json!(next.to_string());
    }
    world.answer(
        StatusCode::OK,
        "ask_sdk_model.services.monetization.in_skill_products_response.InSkillProductsResponse",
        body,
    )
}

async fn product(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let api = Api::Monetization;
    let mut world = match shared.admit(api, format!("GET {PRODUCTS}/{id}"), &headers, None) {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    match world
        .products
        .iter()
        .find(|p| p["productId"] == id.as_str())
        .cloned()
    {
        Some(product) => world.answer(
            StatusCode::OK,
            "ask_sdk_model.services.monetization.in_skill_product.InSkillProduct",
            product,
        ),
        None => api.error(
            &mut world,
            StatusCode::NOT_FOUND,
            "Requested resource not found.",
        ),
    }
}

async fn transactions(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let api = Api::Monetization;
    let call = "GET /v1/users/~current/skills/~current/inSkillProductsTransactions".to_owned();
    let mut world = match shared.admit(api, call, &headers, None) {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    let body = json!({
        "results": [{
            "status": "PENDING_APPROVAL_BY_PARENT", "productId": "amzn1.adg.product.voiceops-pro",
            "createdTime": "2026-12-01T09:00:00Z", "lastModifiedTime": "2026-12-01T09:00:00Z"
        }],
        "metadata": { "resultSet": {} }
    });
    world.answer(StatusCode::OK, "ask_sdk_model.services.monetization.in_skill_product_transactions_response.InSkillProductTransactionsResponse", body)
}

async fn voice_purchasing(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let call = "GET /v1/users/~current/skills/~current/settings/voicePurchasing.enabled".to_owned();
    let mut world = match shared.admit(Api::Monetization, call, &headers, None) {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    let enabled = world.voice_purchasing;
    world.answer(StatusCode::OK, "bool", json!(enabled))
}

async fn endpoints(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let mut world = match shared.admit(Api::Endpoints, "GET /v1/endpoints".into(), &headers, None) {
        Ok(world) => world,
        Err(refusal) => return refusal,
    };
    let body = json!({ "endpoints": world.endpoints });
    world.answer(StatusCode::OK, "ask_sdk_model.services.endpoint_enumeration.endpoint_enumeration_response.EndpointEnumerationResponse", body)
}
