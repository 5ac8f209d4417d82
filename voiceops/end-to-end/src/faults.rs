//! A fault proxy in front of the AWS emulator: every AWS call of the skill goes through it
//! (`AWS_ENDPOINT_URL` points here), and per region, per service and per account it can
//! throttle, fail with a 500, reset the connection, answer late, deny access or answer with
//! broken XML, the ways AWS really fails.
//!
//! The region, service and access key come from the SigV4 `Authorization` header; which
//! account an access key belongs to is learnt from the `AssumeRole` answers passing through.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Method, Request, Response, StatusCode, Uri};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One way a call fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// `RequestLimitExceeded` (EC2) / `Throttling` (others), HTTP 400, every attempt.
    Throttle,
    /// HTTP 500 `InternalError`, every attempt.
    ServerError,
    /// The connection is cut while the answer is on its way.
    Reset,
    /// The real answer, after this long.
    Slow(Duration),
    /// `UnauthorizedOperation` (EC2) / `AccessDenied` (others), HTTP 403.
    AccessDenied,
    /// HTTP 200 with XML that breaks off.
    MalformedXml,
}

/// Which calls a fault applies to; `None` matches any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Target {
    /// e.g. `eu-central-1`.
    pub region: Option<String>,
    /// e.g. `ec2`, `rds`, `sts`.
    pub service: Option<String>,
    /// A 12-digit account ID (the emulator's default account is `123456789012`).
    pub account: Option<String>,
    /// The API action, e.g. `AssumeRole`, `DescribeInstances`.
    pub action: Option<String>,
}

/// Faults by target; the first matching rule applies.
#[derive(Debug, Clone, Default)]
pub struct Rules(Arc<Mutex<Vec<(Target, Fault)>>>);

impl Rules {
    /// Adds a rule.
    pub fn add(&self, target: Target, fault: Fault) {
        self.lock().push((target, fault));
    }

    /// Removes every rule.
    pub fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(Target, Fault)>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn find(&self, call: &Call) -> Option<Fault> {
        let matches = |want: &Option<String>, got: &Option<String>| {
            want.as_ref().is_none_or(|w| got.as_ref() == Some(w))
        };
        self.lock()
            .iter()
            .find(|(t, _)| {
                matches(&t.region, &call.region)
                    && matches(&t.service, &call.service)
                    && matches(&t.account, &call.account)
                    && matches(&t.action, &call.action)
            })
            .map(|(_, f)| f.clone())
    }
}

/// What the proxy knows about one call.
#[derive(Debug, Default)]
struct Call {
    region: Option<String>,
    service: Option<String>,
    account: Option<String>,
    action: Option<String>,
}

/// The emulator's account for any key it did not hand out through `AssumeRole`.
pub const DEFAULT_ACCOUNT: &str = "123456789012";

#[derive(Clone)]
struct Proxy {
    upstream: String,
    client: reqwest::Client,
    rules: Rules,
    /// Access key ID → account, from `AssumeRole` answers.
    accounts: Arc<Mutex<HashMap<String, String>>>,
}

/// A running fault proxy; stops when dropped.
#[derive(Debug)]
pub struct FaultProxy {
    /// `http://127.0.0.1:PORT`, for `AWS_ENDPOINT_URL`.
    pub endpoint: String,
    /// Change the faults while it runs.
    pub rules: Rules,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FaultProxy {
    /// Starts a proxy to `upstream` (the emulator's endpoint) on a free loopback port.
    pub async fn start(upstream: &str) -> Self {
        let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .expect("a free loopback port");
        let endpoint = format!("http://{}", listener.local_addr().expect("bound"));
        let rules = Rules::default();
        let proxy = Proxy {
            upstream: upstream.trim_end_matches('/').to_owned(),
            client: reqwest::Client::new(),
            rules: rules.clone(),
            accounts: Arc::default(),
        };
        let app = axum::Router::new().fallback(forward).with_state(proxy);
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self {
            endpoint,
            rules,
            task,
        }
    }
}

/// Region, service and access key from `Credential=KEY/DATE/REGION/SERVICE/aws4_request`.
fn credential(headers: &HeaderMap) -> (Option<String>, Option<String>, Option<String>) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let Some(scope) = auth
        .split("Credential=")
        .nth(1)
        .and_then(|rest| rest.split([',', ' ']).next())
    else {
        return (None, None, None);
    };
    let parts: Vec<&str> = scope.split('/').collect();
    let get = |i: usize| parts.get(i).map(|s| (*s).to_owned());
    (get(2), get(3), get(0))
}

async fn forward(State(proxy): State<Proxy>, request: Request<Body>) -> Response<Body> {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 16 << 20)
        .await
        .unwrap_or_default();
    let (region, service, key) = credential(&parts.headers);
    let account = key.as_ref().map(|k| {
        proxy
            .accounts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(k)
            .cloned()
            .unwrap_or_else(|| DEFAULT_ACCOUNT.to_owned())
    });
    let action = String::from_utf8_lossy(&body)
        .split('&')
        .find_map(|p| p.strip_prefix("Action="))
        .map(str::to_owned);
    let call = Call {
        region,
        service: service.clone(),
        account,
        action,
    };
    let fault = proxy.rules.find(&call);
    if let Some(Fault::Slow(delay)) = &fault {
        tokio::time::sleep(*delay).await;
    }
    match fault {
        Some(Fault::Throttle) => return error(&service, StatusCode::BAD_REQUEST, "throttle"),
        Some(Fault::ServerError) => {
            return error(&service, StatusCode::INTERNAL_SERVER_ERROR, "internal")
        }
        Some(Fault::AccessDenied) => return error(&service, StatusCode::FORBIDDEN, "denied"),
        Some(Fault::MalformedXml) => {
            return xml(
                StatusCode::OK,
                "<DescribeInstancesResponse><reservationSet><item><instancesSet><item><instanceState><na".into(),
            )
        }
        _ => {}
    }
    let answer = proxy
        .upstream_call(parts.method, &parts.uri, parts.headers, body.clone())
        .await;
    let Ok((status, headers, answer)) = answer else {
        return xml(
            StatusCode::BAD_GATEWAY,
            "<Error>upstream unreachable</Error>".into(),
        );
    };
    proxy.learn_account(&body, &answer);
    if fault == Some(Fault::Reset) {
        // The status line goes out, then the body stream fails: the client sees the
        // connection end in the middle of the answer.
        let broken = futures_util::stream::iter([
            Ok(answer.slice(..answer.len() / 2)),
            Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionReset,
                "reset by the fault proxy",
            )),
        ]);
        let mut response = Response::new(Body::from_stream(broken));
        *response.status_mut() = status;
        if let Some(kind) = headers.get("content-type") {
            response.headers_mut().insert("content-type", kind.clone());
        }
        response
            .headers_mut()
            .insert("content-length", answer.len().into());
        return response;
    }
    let mut response = Response::new(Body::from(answer));
    *response.status_mut() = status;
    for (name, value) in &headers {
        if name != "content-length" && name != "transfer-encoding" && name != "connection" {
            response.headers_mut().append(name, value.clone());
        }
    }
    response
}

impl Proxy {
    async fn upstream_call(
        &self,
        method: Method,
        uri: &Uri,
        headers: HeaderMap,
        body: Bytes,
    ) -> Result<(StatusCode, HeaderMap, Bytes), reqwest::Error> {
        let path = uri.path_and_query().map_or("/", |p| p.as_str());
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.upstream))
            .body(body);
        for (name, value) in &headers {
            if name != "host" && name != "content-length" {
                request = request.header(name, value);
            }
        }
        let answer = request.send().await?;
        let status = answer.status();
        let headers = answer.headers().clone();
        Ok((status, headers, answer.bytes().await?))
    }

    /// Remembers which account an `AssumeRole` answer's access key belongs to.
    fn learn_account(&self, request: &[u8], answer: &[u8]) {
        let request = String::from_utf8_lossy(request);
        if !request.contains("Action=AssumeRole") {
            return;
        }
        let role = request
            .split('&')
            .find_map(|p| p.strip_prefix("RoleArn="))
            .map(|arn| arn.replace("%3A", ":").replace("%2F", "/"))
            .unwrap_or_default();
        let account = role.split(':').nth(4).unwrap_or_default().to_owned();
        let answer = String::from_utf8_lossy(answer);
        let key = answer
            .split("<AccessKeyId>")
            .nth(1)
            .and_then(|rest| rest.split("</AccessKeyId>").next());
        if let (Some(key), false) = (key, account.is_empty()) {
            self.accounts
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(key.to_owned(), account);
        }
    }
}

/// An AWS error answer in the service's own XML shape.
fn error(service: &Option<String>, status: StatusCode, kind: &str) -> Response<Body> {
    let ec2 = service.as_deref() == Some("ec2");
    let code = match (kind, ec2) {
        ("throttle", true) => "RequestLimitExceeded",
        ("throttle", false) => "Throttling",
        ("denied", true) => "UnauthorizedOperation",
        ("denied", false) => "AccessDenied",
        _ => "InternalError",
    };
    let body = if ec2 {
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>{code}</Code><Message>injected by the fault proxy</Message></Error></Errors><RequestID>fault</RequestID></Response>")
    } else {
        format!("<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>injected by the fault proxy</Message></Error><RequestId>fault</RequestId></ErrorResponse>")
    };
    xml(status, body)
}

fn xml(status: StatusCode, body: String) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert("content-type", "text/xml".parse().expect("a header value"));
    response
}
