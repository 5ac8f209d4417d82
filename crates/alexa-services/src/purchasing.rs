//! In-skill purchasing: the monetization API (`/v1/users/~current/skills/~current/...`, with
//! the request's token) and the `Connections.SendRequest` directives that start a purchase.
//! Field names are `ask-sdk-model`'s (`services.monetization`). What comes back from a
//! purchase is a `Connections.Response`, read by [`crate::PurchaseResult`].

use crate::{Alexa, ApiError};
use alexa_core::model::Directive;
use alexa_core::Response;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

crate::str_enum::str_enum! {
    /// `ProductType`.
    pub enum ProductType {
        /// A subscription, renewed each period.
        Subscription = "SUBSCRIPTION",
        /// Bought once, kept.
        Entitlement = "ENTITLEMENT",
        /// Bought, used up, bought again.
        Consumable = "CONSUMABLE",
    }
}

crate::str_enum::str_enum! {
    /// `PurchasableState`: may the user buy it now.
    pub enum PurchasableState {
        /// It can be offered.
        Purchasable = "PURCHASABLE",
        /// It cannot (already owned, or not sold here).
        NotPurchasable = "NOT_PURCHASABLE",
    }
}

crate::str_enum::str_enum! {
    /// `EntitledState`: does the user have it.
    pub enum EntitledState {
        /// The user has it.
        Entitled = "ENTITLED",
        /// The user does not.
        NotEntitled = "NOT_ENTITLED",
    }
}

crate::str_enum::str_enum! {
    /// `EntitlementReason`: why the user has it (or not).
    pub enum EntitlementReason {
        /// Bought.
        Purchased = "PURCHASED",
        /// Not bought.
        NotPurchased = "NOT_PURCHASED",
        /// Given by Amazon (e.g. a promotion).
        AutoEntitled = "AUTO_ENTITLED",
        /// Part of a bundle the user bought.
        BundleEntitled = "BUNDLE_ENTITLED",
    }
}

crate::str_enum::str_enum! {
    /// `PurchaseMode`: a test purchase (development) or a live one.
    pub enum PurchaseMode {
        /// Development stage: no money moves.
        Test = "TEST",
        /// Live.
        Live = "LIVE",
    }
}

crate::str_enum::str_enum! {
    /// A transaction's `Status` (voice purchases that need a parent's approval).
    pub enum TransactionStatus {
        /// Waiting for the parent.
        PendingApprovalByParent = "PENDING_APPROVAL_BY_PARENT",
        /// Approved.
        ApprovedByParent = "APPROVED_BY_PARENT",
        /// Denied.
        DeniedByParent = "DENIED_BY_PARENT",
        /// The parent did not answer in time.
        ExpiredNoActionByParent = "EXPIRED_NO_ACTION_BY_PARENT",
        /// It failed.
        Error = "ERROR",
    }
}

/// One in-skill product as the user sees it: `InSkillProduct`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InSkillProduct {
    /// `amzn1.adg.product....`: what [`buy`] and the others take.
    pub product_id: String,
    /// The developer's name for it (`voiceops_pro`).
    pub reference_name: String,
    /// Its name in the user's locale.
    #[serde(default)]
    pub name: String,
    /// What kind of product.
    #[serde(rename = "type")]
    pub product_type: ProductType,
    /// Its summary in the user's locale.
    #[serde(default)]
    pub summary: String,
    /// May it be offered now.
    pub purchasable: PurchasableState,
    /// Does the user have it.
    pub entitled: EntitledState,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entitlement_reason: Option<EntitlementReason>,
    /// How many the user holds (consumables).
    #[serde(default)]
    pub active_entitlement_count: i64,
    /// Test or live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_mode: Option<PurchaseMode>,
}

impl InSkillProduct {
    /// The user has it and it is in force.
    pub fn is_entitled(&self) -> bool {
        self.entitled == EntitledState::Entitled
    }
}

/// One page of products: `InSkillProductsResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InSkillProducts {
    /// The products.
    #[serde(default)]
    pub in_skill_products: Vec<InSkillProduct>,
    /// More pages follow.
    #[serde(default)]
    pub is_truncated: bool,
    /// The next page's token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Which products to list; all of them by default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProductFilter {
    /// Only those that may (not) be bought now.
    pub purchasable: Option<PurchasableState>,
    /// Only those the user has (not).
    pub entitled: Option<EntitledState>,
    /// Only one kind.
    pub product_type: Option<ProductType>,
    /// The page after this token.
    pub next_token: Option<String>,
    /// At most this many (Amazon allows 1 to 100).
    pub max_results: Option<u32>,
}

/// One voice purchase that needed approval: `Transactions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    /// Where it stands.
    pub status: TransactionStatus,
    /// The product.
    pub product_id: String,
    /// When it was made (ISO-8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_time: Option<String>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<String>,
}

/// One page of transactions: `InSkillProductTransactionsResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transactions {
    /// The transactions.
    #[serde(default)]
    pub results: Vec<Transaction>,
    /// `{resultSet: {nextToken}}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
}

impl Transactions {
    /// The next page's token, if there is one.
    pub fn next_token(&self) -> Option<&str> {
        self.metadata
            .as_ref()?
            .get("resultSet")?
            .get("nextToken")?
            .as_str()
    }
}

impl Alexa {
    /// The skill's in-skill products with this user's entitlement, in the request's locale.
    pub async fn in_skill_products(
        &self,
        filter: &ProductFilter,
    ) -> Result<InSkillProducts, ApiError> {
        let max = filter.max_results.map(|n| n.to_string());
        let query: Vec<(&str, &str)> = [
            (
                "purchasable",
                filter.purchasable.map(PurchasableState::as_str),
            ),
            ("entitled", filter.entitled.map(EntitledState::as_str)),
            ("productType", filter.product_type.map(ProductType::as_str)),
            ("nextToken", filter.next_token.as_deref()),
            ("maxResults", max.as_deref()),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
        self.get_query(
            "/v1/users/~current/skills/~current/inSkillProducts",
            &query,
            None,
        )
        .await
    }

    /// One product; [`ApiError::NotFound`] for an ID the skill does not sell.
    pub async fn in_skill_product(&self, product_id: &str) -> Result<InSkillProduct, ApiError> {
        self.get(
            &format!("/v1/users/~current/skills/~current/inSkillProducts/{product_id}"),
            None,
        )
        .await
    }

    /// The last 30 days of voice purchases that needed a parent's approval (kid skills with
    /// the purchase-approval setting; Amazon answers 412 for other skills).
    pub async fn in_skill_product_transactions(
        &self,
        product_id: Option<&str>,
        status: Option<TransactionStatus>,
        next_token: Option<&str>,
    ) -> Result<Transactions, ApiError> {
        let query: Vec<(&str, &str)> = [
            ("productId", product_id),
            ("status", status.map(TransactionStatus::as_str)),
            ("nextToken", next_token),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
        self.get_query(
            "/v1/users/~current/skills/~current/inSkillProductsTransactions",
            &query,
            None,
        )
        .await
    }

    /// Whether the account allows purchases by voice: a skill offers a purchase only when it
    /// does.
    pub async fn voice_purchasing_enabled(&self) -> Result<bool, ApiError> {
        self.get(
            "/v1/users/~current/skills/~current/settings/voicePurchasing.enabled",
            None,
        )
        .await
    }
}

/// The directive that hands the user to Amazon's purchase flow for `product_id`. Alexa comes
/// back with a `Connections.Response` named `Buy` carrying `token`.
///
/// ```
/// let d = alexa_services::buy("amzn1.adg.product.1", "pro-from-count");
/// let json = serde_json::to_value(&d).unwrap();
/// assert_eq!(json["type"], "Connections.SendRequest");
/// assert_eq!(json["name"], "Buy");
/// assert_eq!(json["payload"]["InSkillProduct"]["productId"], "amzn1.adg.product.1");
/// assert_eq!(json["token"], "pro-from-count");
/// ```
pub fn buy(product_id: &str, token: &str) -> Directive {
    send_request("Buy", product_id, None, token)
}

/// Offers `product_id` with the skill's own `message` ("Pro counts every account. Want to
/// hear more?") before Amazon's offer.
pub fn upsell(product_id: &str, message: &str, token: &str) -> Directive {
    send_request("Upsell", product_id, Some(message), token)
}

/// Starts Amazon's cancel or refund flow for `product_id`.
pub fn cancel(product_id: &str, token: &str) -> Directive {
    send_request("Cancel", product_id, None, token)
}

fn send_request(name: &str, product_id: &str, message: Option<&str>, token: &str) -> Directive {
    let mut payload = Map::new();
    payload.insert("InSkillProduct".into(), json!({ "productId": product_id }));
    if let Some(message) = message {
        payload.insert("upsellMessage".into(), Value::String(message.to_owned()));
    }
    Directive::ConnectionsSendRequest {
        name: name.to_owned(),
        payload,
        token: token.to_owned(),
    }
}

/// The whole answer that starts a purchase flow: the directive and nothing spoken (Amazon
/// speaks the offer), the session ended as Amazon requires; Alexa resumes the skill with the
/// result.
///
/// ```
/// use alexa_services::{buy, start_purchase};
/// let answer = start_purchase(buy("amzn1.adg.product.1", "t"));
/// let json = serde_json::to_value(answer.body()).unwrap();
/// assert!(json.get("outputSpeech").is_none());
/// assert_eq!(json["directives"][0]["name"], "Buy");
/// ```
pub fn start_purchase(directive: Directive) -> Response {
    Response::empty()
        .directive(directive)
        .should_end(alexa_core::ShouldEndSession::True)
}
