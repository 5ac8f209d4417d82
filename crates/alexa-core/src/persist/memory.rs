//! An in-process store for tests and examples.

use super::{AttributeStore, StoreError, StoreFuture, Stored};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

/// Keeps records in memory, with the same conditional writes as a real store. For tests:
/// everything is gone when the process ends.
///
/// ```
/// use alexa_core::persist::{AttributeStore, MemoryStore, StoreError};
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let store = MemoryStore::default();
/// let attrs = serde_json::Map::new();
/// assert_eq!(store.save("user/1", &attrs, None).await.unwrap(), 1);
/// assert!(matches!(store.save("user/1", &attrs, None).await, Err(StoreError::Conflict)));
/// assert_eq!(store.load("user/1").await.unwrap().unwrap().version, 1);
/// # });
/// ```
#[derive(Debug, Default)]
pub struct MemoryStore {
    records: Mutex<HashMap<String, Stored>>,
}

impl MemoryStore {
    /// How many records are stored.
    pub fn len(&self) -> usize {
        self.records
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// True when nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl AttributeStore for MemoryStore {
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Result<Option<Stored>, StoreError>> {
        let found = self
            .records
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .cloned();
        Box::pin(std::future::ready(Ok(found)))
    }

    fn save<'a>(
        &'a self,
        key: &'a str,
        attributes: &'a Map<String, Value>,
        expected: Option<u64>,
    ) -> StoreFuture<'a, Result<u64, StoreError>> {
        let mut records = self.records.lock().unwrap_or_else(PoisonError::into_inner);
        let current = records.get(key).map(|r| r.version);
        let outcome = if current == expected {
            let version = expected.unwrap_or(0) + 1;
            records.insert(
                key.to_owned(),
                Stored {
                    attributes: attributes.clone(),
                    version,
                },
            );
            Ok(version)
        } else {
            Err(StoreError::Conflict)
        };
        Box::pin(std::future::ready(outcome))
    }
}
