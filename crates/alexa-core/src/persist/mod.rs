//! Persistent attributes: what a skill remembers about a user between sessions.
//!
//! A handler asks for [`Persistent<T>`]; `load` reads the user's `T` (its `Default` when
//! there is none yet); `update` changes it. After the handler answers, the
//! [`PersistenceLayer`] writes what changed, and nothing when nothing did. Writes are
//! conditional on the version that was read, and a conflict (two turns of the same user at
//! once) reloads and applies the update again, so neither turn's write is lost. A write that
//! still fails is a [`Failure::AttributesNotSaved`](crate::Failure::AttributesNotSaved): the
//! user is not told something was kept when it was not.
//!
//! The store is a trait, [`AttributeStore`]. This crate has [`MemoryStore`] for tests; the
//! `alexa-store-sqlite` crate keeps attributes in an embedded database file, and
//! `alexa-store-dynamodb` in a DynamoDB table.
//!
//! ```
//! use alexa_core::persist::{MemoryStore, Persistent, PersistentAttributes};
//! use alexa_core::{Response, Skill, SkillError};
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Default, Clone, Serialize, Deserialize)]
//! struct Visits { count: u32 }
//! impl PersistentAttributes for Visits { const NAME: &'static str = "visits"; }
//!
//! async fn launch(visits: Persistent<Visits>) -> Result<Response, SkillError> {
//!     let seen = visits.load().await?.count;
//!     visits.update(|v| v.count += 1);
//!     Ok(Response::tell(format!("Visit number {}.", seen + 1)))
//! }
//!
//! let skill = Skill::builder()
//!     .accept_any_skill_id()
//!     .skip_builtin_check()
//!     .persistence(MemoryStore::default())
//!     .launch(launch)
//!     .build()
//!     .unwrap();
//! # let _ = skill;
//! ```

mod extract;
mod layer;
mod memory;

pub use extract::{Persistent, PersistentAttributes};
pub use layer::PersistenceLayer;
pub use memory::MemoryStore;

use serde_json::{Map, Value};
use std::future::Future;
use std::pin::Pin;

/// A boxed future borrowing from the store, as [`AttributeStore`] methods return.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One record: all of a user's (or a person's) attributes by name, and the version the
/// store gave the last write.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stored {
    /// Attributes by [`PersistentAttributes::NAME`].
    pub attributes: Map<String, Value>,
    /// Starts at 1 with the first write and grows by one with each.
    pub version: u64,
}

/// Where persistent attributes live. Keys are opaque strings made by the layer (`user/…`,
/// `person/…`).
pub trait AttributeStore: Send + Sync + 'static {
    /// The record under `key`, if there is one.
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Result<Option<Stored>, StoreError>>;

    /// Writes `attributes` under `key` if the record is still at version `expected` (`None`:
    /// if there is no record yet); answers the new version, or [`StoreError::Conflict`].
    fn save<'a>(
        &'a self,
        key: &'a str,
        attributes: &'a Map<String, Value>,
        expected: Option<u64>,
    ) -> StoreFuture<'a, Result<u64, StoreError>>;
}

impl<T: AttributeStore + ?Sized> AttributeStore for std::sync::Arc<T> {
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Result<Option<Stored>, StoreError>> {
        (**self).load(key)
    }
    fn save<'a>(
        &'a self,
        key: &'a str,
        attributes: &'a Map<String, Value>,
        expected: Option<u64>,
    ) -> StoreFuture<'a, Result<u64, StoreError>> {
        (**self).save(key, attributes, expected)
    }
}

/// Why attributes could not be read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Someone else wrote the record since it was read.
    #[error("the record changed since it was read")]
    Conflict,
    /// The store could not be reached or refused the call.
    #[error("the attribute store failed: {0}")]
    Unavailable(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// What is stored cannot be read as the type asked for; it is left as it is.
    #[error("stored attributes {name:?} do not fit the type asked for: {reason}")]
    Unreadable {
        /// The attribute name.
        name: String,
        /// What serde said.
        reason: String,
    },
}

impl StoreError {
    /// Wraps a store's own error.
    pub fn unavailable(err: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self::Unavailable(err.into())
    }
}
