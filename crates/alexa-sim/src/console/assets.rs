//! The page, its script, its APL renderer and its style, compiled into the binary so the
//! console needs no files at run time.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

const PAGE: &str = include_str!("index.html");
const APP: &str = include_str!("app.js");
const APL: &str = include_str!("apl.js");
const STYLE: &str = include_str!("style.css");

/// Scripts and styles only from the console itself; card and APL images from anywhere.
const POLICY: &str = "default-src 'self'; img-src 'self' https: data:; style-src 'self'";

fn asset(body: &'static str, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

pub(super) fn page() -> Response {
    asset(PAGE, "text/html; charset=utf-8")
}

pub(super) fn file(name: &str) -> Response {
    match name {
        "app.js" => asset(APP, "text/javascript; charset=utf-8"),
        "apl.js" => asset(APL, "text/javascript; charset=utf-8"),
        "style.css" => asset(STYLE, "text/css; charset=utf-8"),
        _ => (StatusCode::NOT_FOUND, "no such file").into_response(),
    }
}
