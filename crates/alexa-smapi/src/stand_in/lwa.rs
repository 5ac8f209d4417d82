//! Login with Amazon: the token service (`/auth/o2/token`, both grants) and the consent page
//! (`/ap/oa`), which signs in at once and redirects with a code, as a developer would.

use super::Shared;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

pub(super) fn routes() -> axum::Router<Arc<Shared>> {
    axum::Router::new()
        .route("/auth/o2/token", post(token))
        .route("/ap/oa", get(consent))
}

fn refuse(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        axum::Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

async fn token(
    State(shared): State<Arc<Shared>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let mut world = shared.world();
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or("");
    if field("client_id") != world.client_id || field("client_secret") != world.client_secret {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed",
        );
    }
    let refresh = match field("grant_type") {
        "refresh_token" => {
            if world.refresh_revoked || field("refresh_token") != world.refresh_token {
                return refuse(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "The request has an invalid grant parameter : refresh_token",
                );
            }
            None
        }
        "authorization_code" => {
            let Some(redirect) = world.codes.remove(field("code")) else {
                return refuse(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "The request has an invalid grant parameter : code",
                );
            };
            if redirect != field("redirect_uri") {
                return refuse(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "redirect_uri does not match the authorization request",
                );
            }
            world.refresh_revoked = false;
            Some(world.refresh_token.clone())
        }
        _ => {
            return refuse(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "grant_type is not supported",
            )
        }
    };
    let (access, expires_in) = world.issue_token();
    let mut body =
        json!({"access_token": access, "token_type": "bearer", "expires_in": expires_in});
    if let Some(refresh) = refresh {
        body["refresh_token"] = Value::String(refresh);
    }
    axum::Json(body).into_response()
}

/// The consent page: the developer is signed in and agrees, so Amazon redirects to the
/// client's `redirect_uri` with a one-time code and the client's `state`.
async fn consent(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let mut world = shared.world();
    let field = |k: &str| query.get(k).cloned().unwrap_or_default();
    if field("client_id") != world.client_id || field("response_type") != "code" {
        return (StatusCode::BAD_REQUEST, "unknown client or response type").into_response();
    }
    let redirect = field("redirect_uri");
    let code = world.id("ANstandincode");
    world.codes.insert(code.clone(), redirect.clone());
    let state = field("state");
    let separator = if redirect.contains('?') { '&' } else { '?' };
    let to = format!(
        "{redirect}{separator}code={code}&scope={}&state={}",
        form_urlencoded::byte_serialize(field("scope").as_bytes()).collect::<String>(),
        form_urlencoded::byte_serialize(state.as_bytes()).collect::<String>()
    );
    Redirect::to(&to).into_response()
}
