//! Who asked to hear about stopped instances: one record in the store VoiceOps already uses
//! (`VOICEOPS_STORE`), holding each subscriber's user ID, locale and Alexa API host, and
//! nothing else.

use alexa_core::persist::{AttributeStore, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The store key of the subscriptions record (per-user records are `user/...`).
pub const SUBSCRIPTIONS_KEY: &str = "voiceops/subscriptions";

/// How often a write that raced another is tried again.
const ATTEMPTS: usize = 8;

/// One subscriber.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscriber {
    /// The locale the notification is written in.
    pub locale: String,
    /// The Alexa API host of the user's region (the request's `apiEndpoint`).
    pub api_endpoint: String,
}

/// The subscriptions, kept in an [`AttributeStore`] under [`SUBSCRIPTIONS_KEY`]. Writes are
/// versioned: two users subscribing at once both end up in the record.
#[derive(Clone)]
pub struct Subscriptions {
    store: Arc<dyn AttributeStore>,
}

impl std::fmt::Debug for Subscriptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscriptions").finish_non_exhaustive()
    }
}

/// What a change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// The record changed.
    Yes,
    /// It already was so.
    AlreadySo,
}

impl Subscriptions {
    /// The subscriptions in `store`.
    pub fn new(store: Arc<dyn AttributeStore>) -> Self {
        Subscriptions { store }
    }

    /// Every subscriber, by user ID.
    pub async fn all(&self) -> Result<BTreeMap<String, Subscriber>, StoreError> {
        Ok(self.read().await?.0)
    }

    /// Whether `user_id` is subscribed.
    pub async fn contains(&self, user_id: &str) -> Result<bool, StoreError> {
        Ok(self.all().await?.contains_key(user_id))
    }

    /// Subscribes `user_id` (again: the locale and host are updated).
    pub async fn subscribe(
        &self,
        user_id: &str,
        subscriber: Subscriber,
    ) -> Result<Changed, StoreError> {
        self.change(
            |all| match all.insert(user_id.to_owned(), subscriber.clone()) {
                Some(before) if before == subscriber => Changed::AlreadySo,
                _ => Changed::Yes,
            },
        )
        .await
    }

    /// Ends `user_id`'s subscription.
    pub async fn unsubscribe(&self, user_id: &str) -> Result<Changed, StoreError> {
        self.change(|all| match all.remove(user_id) {
            Some(_) => Changed::Yes,
            None => Changed::AlreadySo,
        })
        .await
    }

    async fn read(&self) -> Result<(BTreeMap<String, Subscriber>, Option<u64>), StoreError> {
        let Some(stored) = self.store.load(SUBSCRIPTIONS_KEY).await? else {
            return Ok((BTreeMap::new(), None));
        };
        let users = stored
            .attributes
            .get("users")
            .cloned()
            .unwrap_or(Value::Null);
        let all = match users {
            Value::Null => BTreeMap::new(),
            users => serde_json::from_value(users).map_err(|err| StoreError::Unreadable {
                name: SUBSCRIPTIONS_KEY.to_owned(),
                reason: err.to_string(),
            })?,
        };
        Ok((all, Some(stored.version)))
    }

    /// Reads, edits and writes the record at the version read, again when another write got
    /// there first.
    async fn change(
        &self,
        edit: impl Fn(&mut BTreeMap<String, Subscriber>) -> Changed,
    ) -> Result<Changed, StoreError> {
        for _ in 0..ATTEMPTS {
            let (mut all, version) = self.read().await?;
            if edit(&mut all) == Changed::AlreadySo {
                return Ok(Changed::AlreadySo);
            }
            let mut attributes = Map::new();
            let users =
                serde_json::to_value(&all).map_err(|err| StoreError::Unavailable(err.into()))?;
            attributes.insert("users".into(), users);
            match self
                .store
                .save(SUBSCRIPTIONS_KEY, &attributes, version)
                .await
            {
                Ok(_) => return Ok(Changed::Yes),
                Err(StoreError::Conflict) => continue,
                Err(err) => return Err(err),
            }
        }
        Err(StoreError::Conflict)
    }
}
