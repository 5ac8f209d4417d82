//! What a purchase flow came back with: the `Connections.Response` Alexa sends after a
//! `Buy`, `Upsell` or `Cancel`, as a handler argument.

use alexa_core::extract::{FromRequest, Missing};
use alexa_core::model::{Request, RequestEnvelope};
use alexa_core::route::Condition;
use std::sync::Arc;

crate::str_enum::str_enum! {
    /// `payload.purchaseResult`.
    pub enum PurchaseOutcome {
        /// The user bought it (or, after `Cancel`, cancelled it).
        Accepted = "ACCEPTED",
        /// The user said no.
        Declined = "DECLINED",
        /// The user already has it.
        AlreadyPurchased = "ALREADY_PURCHASED",
        /// The flow failed (payment, device, network); `message` says why.
        Error = "ERROR",
    }
}

/// Which flow the result answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PurchaseFlow {
    /// `Buy`.
    Buy,
    /// `Upsell`.
    Upsell,
    /// `Cancel`.
    Cancel,
}

/// The result of a purchase flow, with the token the skill sent, so the handler resumes where
/// the purchase started. Route it with [`PurchaseResult::route`]; as an argument of any other
/// request it is rejected.
///
/// ```
/// use alexa_core::extract::FromRequest;
/// use alexa_services::{PurchaseFlow, PurchaseOutcome, PurchaseResult};
/// let json = r#"{"version":"1.0","context":{"System":{"application":{"applicationId":"a"}}},
///   "request":{"type":"Connections.Response","requestId":"r","timestamp":"2026-12-03T10:00:00Z",
///   "name":"Buy","status":{"code":"200","message":"OK"},"token":"pro-from-count",
///   "payload":{"purchaseResult":"ACCEPTED","productId":"amzn1.adg.product.1"}}}"#;
/// let req = std::sync::Arc::new(serde_json::from_str(json).unwrap());
/// let result = PurchaseResult::from_request(&req, &()).unwrap();
/// assert_eq!(result.flow, PurchaseFlow::Buy);
/// assert_eq!(result.outcome, PurchaseOutcome::Accepted);
/// assert_eq!(result.token.as_deref(), Some("pro-from-count"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PurchaseResult {
    /// The flow.
    pub flow: PurchaseFlow,
    /// What the user did; `Error` also when the status code is not 200.
    pub outcome: PurchaseOutcome,
    /// The product.
    pub product_id: Option<String>,
    /// Amazon's message, for an error.
    pub message: Option<String>,
    /// The token the directive carried.
    pub token: Option<String>,
    /// `status.code` as Alexa sent it (`"200"`, `"400"`, `"500"`).
    pub status_code: String,
}

impl<S> FromRequest<S> for PurchaseResult {
    type Rejection = Missing;
    fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Missing> {
        PurchaseResult::read(req).ok_or(Missing("a purchase result"))
    }
}

impl PurchaseResult {
    /// The route for purchase results, checked before the lookup by type, so a skill's other
    /// `Connections.Response` handler (tasks, consent) keeps the rest:
    /// `.when(PurchaseResult::route(), resume_after_purchase)`.
    pub fn route() -> Condition {
        Condition::new(|request| PurchaseResult::read(request).is_some())
    }

    /// The purchase result `request` carries, if it is one.
    pub fn read(request: &RequestEnvelope) -> Option<Self> {
        let Request::ConnectionsResponse(response) = &request.request else {
            return None;
        };
        let flow = match response.name.as_str() {
            "Buy" => PurchaseFlow::Buy,
            "Upsell" => PurchaseFlow::Upsell,
            "Cancel" => PurchaseFlow::Cancel,
            _ => return None,
        };
        let payload = response.payload.as_ref();
        let text = |key: &str| {
            payload
                .and_then(|p| p.get(key))
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let ok = response.status.code == "200";
        let outcome = match (ok, text("purchaseResult")) {
            (true, Some(result)) => {
                serde_json::from_value(result.into()).unwrap_or(PurchaseOutcome::Other)
            }
            _ => PurchaseOutcome::Error,
        };
        Some(PurchaseResult {
            flow,
            outcome,
            product_id: text("productId"),
            message: text("message").or_else(|| (!ok).then(|| response.status.message.clone())),
            token: response.token.clone(),
            status_code: response.status.code.clone(),
        })
    }
}
