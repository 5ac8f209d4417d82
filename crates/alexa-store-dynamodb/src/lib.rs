#![doc = include_str!("../README.md")]

use alexa_core::persist::{AttributeStore, StoreError, StoreFuture, Stored};
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::types::AttributeValue;
use aws_sdk_dynamodb::Client;
use serde_json::{Map, Value};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The partition key's attribute name.
pub const KEY: &str = "id";
/// The attribute DynamoDB's time to live reads (epoch seconds).
pub const EXPIRES_AT: &str = "expires_at";

/// How long a record lives after its last write unless set otherwise: half a year.
pub const DEFAULT_TTL: Duration = Duration::from_secs(183 * 24 * 3600);

/// Attributes in a DynamoDB table. Cheap to clone (the SDK client is).
#[derive(Debug, Clone)]
pub struct DynamoDbStore {
    client: Client,
    table: String,
    ttl: Duration,
}

impl DynamoDbStore {
    /// A store over `table`, records expiring [`DEFAULT_TTL`] after their last write.
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
            ttl: DEFAULT_TTL,
        }
    }

    /// Records expire `ttl` after their last write.
    pub fn with_ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// The table's name.
    pub fn table(&self) -> &str {
        &self.table
    }

    fn expires_at(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
            .saturating_add(self.ttl.as_secs())
    }
}

fn unreadable(key: &str, reason: impl ToString) -> StoreError {
    StoreError::Unreadable {
        name: key.to_owned(),
        reason: reason.to_string(),
    }
}

/// Turns an SDK failure into a store error: a failed condition is a conflict.
fn failed<E, R>(err: SdkError<E, R>) -> StoreError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    if err.code() == Some("ConditionalCheckFailedException") {
        return StoreError::Conflict;
    }
    StoreError::unavailable(err)
}

impl AttributeStore for DynamoDbStore {
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Result<Option<Stored>, StoreError>> {
        Box::pin(async move {
            let item = self
                .client
                .get_item()
                .table_name(&self.table)
                .key(KEY, AttributeValue::S(key.to_owned()))
                .consistent_read(true)
                .send()
                .await
                .map_err(failed)?
                .item;
            let Some(item) = item else { return Ok(None) };
            let json = match item.get("attributes") {
                Some(AttributeValue::S(json)) => json,
                _ => return Err(unreadable(key, "no attributes text")),
            };
            let attributes: Map<String, Value> =
                serde_json::from_str(json).map_err(|e| unreadable(key, e))?;
            let version = match item.get("version") {
                Some(AttributeValue::N(n)) => n.parse().map_err(|e| unreadable(key, e))?,
                _ => return Err(unreadable(key, "no version")),
            };
            Ok(Some(Stored {
                attributes,
                version,
            }))
        })
    }

    fn save<'a>(
        &'a self,
        key: &'a str,
        attributes: &'a Map<String, Value>,
        expected: Option<u64>,
    ) -> StoreFuture<'a, Result<u64, StoreError>> {
        Box::pin(async move {
            let version = expected.unwrap_or(0) + 1;
            let put = self
                .client
                .put_item()
                .table_name(&self.table)
                .item(KEY, AttributeValue::S(key.to_owned()))
                .item(
                    "attributes",
                    AttributeValue::S(Value::Object(attributes.clone()).to_string()),
                )
                .item("version", AttributeValue::N(version.to_string()))
                .item(EXPIRES_AT, AttributeValue::N(self.expires_at().to_string()));
            let put = match expected {
                None => put.condition_expression("attribute_not_exists(#id)"),
                Some(read) => put
                    .condition_expression("#version = :read")
                    .expression_attribute_names("#version", "version")
                    .expression_attribute_values(":read", AttributeValue::N(read.to_string())),
            };
            let put = match expected {
                None => put.expression_attribute_names("#id", KEY),
                Some(_) => put,
            };
            put.send().await.map_err(failed)?;
            Ok(version)
        })
    }
}
