//! `Persistent<T>`: the extractor, and the per-request record cache behind it.

use super::{AttributeStore, StoreError, Stored};
use crate::extract::{FromRequest, Missing};
use crate::model::RequestEnvelope;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex, PoisonError};

/// A type a skill keeps between sessions, under a name of its own in the user's record.
///
/// ```
/// use alexa_core::persist::PersistentAttributes;
/// #[derive(Default, serde::Serialize, serde::Deserialize)]
/// struct Preferences { units: Option<String> }
/// impl PersistentAttributes for Preferences {
///     const NAME: &'static str = "preferences";
///     // Kept for each recognised voice when Alexa knows who is speaking.
///     const PER_PERSON: bool = true;
/// }
/// ```
pub trait PersistentAttributes: Serialize + DeserializeOwned + Default + Send + 'static {
    /// The name in the record; renaming it forgets what was stored under the old one.
    const NAME: &'static str;
    /// `true`: kept per recognised person (`context.System.person`) when the request has
    /// one, per user otherwise. `false` (the default): per user (the Amazon account).
    const PER_PERSON: bool = false;
}

type Update = Box<dyn Fn(&mut Map<String, Value>) -> Result<(), StoreError> + Send + Sync>;

/// One request's view of the store: records read so far and updates to write.
pub(crate) struct TurnAttributes {
    pub(crate) store: Arc<dyn AttributeStore>,
    pub(crate) user: Option<String>,
    pub(crate) person: Option<String>,
    read: Mutex<HashMap<String, Option<Stored>>>,
    pending: Mutex<Vec<(String, Update)>>,
}

impl TurnAttributes {
    pub(crate) fn new(store: Arc<dyn AttributeStore>, request: &RequestEnvelope) -> Self {
        let system = &request.context.system;
        Self {
            store,
            user: system.user.as_ref().map(|u| format!("user/{}", u.user_id)),
            person: system
                .person
                .as_ref()
                .map(|p| format!("person/{}", p.person_id)),
            read: Mutex::default(),
            pending: Mutex::default(),
        }
    }

    /// The record under `key`, read once per request.
    async fn record(&self, key: &str) -> Result<Option<Stored>, StoreError> {
        if let Some(found) = lock(&self.read).get(key) {
            return Ok(found.clone());
        }
        let found = self.store.load(key).await?;
        lock(&self.read).insert(key.to_owned(), found.clone());
        Ok(found)
    }

    /// Writes every pending update, each record at most once, unchanged records never.
    pub(crate) async fn commit(&self) -> Result<(), StoreError> {
        let pending = std::mem::take(&mut *lock(&self.pending));
        let mut keys: Vec<&str> = pending.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            let updates: Vec<&Update> = pending
                .iter()
                .filter(|(k, _)| k == key)
                .map(|(_, u)| u)
                .collect();
            self.commit_one(key, &updates).await?;
        }
        Ok(())
    }

    /// Applies `updates` to the record and writes it if it changed; on a conflict reads the
    /// record again and reapplies them, a few times before giving up.
    async fn commit_one(&self, key: &str, updates: &[&Update]) -> Result<(), StoreError> {
        const ATTEMPTS: usize = 5;
        let mut base = self.record(key).await?;
        for _ in 0..ATTEMPTS {
            let before = base.as_ref().map(|s| &s.attributes);
            let mut attributes = before.cloned().unwrap_or_default();
            for update in updates {
                update(&mut attributes)?;
            }
            if Some(&attributes) == before || (before.is_none() && attributes.is_empty()) {
                return Ok(());
            }
            let expected = base.as_ref().map(|s| s.version);
            match self.store.save(key, &attributes, expected).await {
                Ok(_) => return Ok(()),
                Err(StoreError::Conflict) => {
                    tracing::debug!(key, "attributes changed meanwhile; applying again");
                    base = self.store.load(key).await?;
                }
                Err(other) => return Err(other),
            }
        }
        Err(StoreError::Conflict)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The user's (or person's) `T`, read on demand and written after the handler answers.
///
/// Needs the skill's [`persistence`](crate::SkillBuilder::persistence) store; without it
/// extraction fails as a wiring error. Without a user in the request (some test tools) it
/// fails too: take `Option<Persistent<T>>` to answer anyway.
pub struct Persistent<T> {
    turn: Arc<TurnAttributes>,
    key: String,
    _type: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for Persistent<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The key holds the user's id: not for logs.
        f.debug_struct("Persistent")
            .field("name", &std::any::type_name::<T>())
            .finish_non_exhaustive()
    }
}

impl<T: PersistentAttributes> Persistent<T> {
    /// The stored value, or `T::default()` when nothing is stored yet. Reads the store once
    /// per request however often it is called.
    pub async fn load(&self) -> Result<T, StoreError> {
        let record = self.turn.record(&self.key).await?;
        match record.as_ref().and_then(|r| r.attributes.get(T::NAME)) {
            Some(value) => read::<T>(value),
            None => Ok(T::default()),
        }
    }

    /// Changes the stored value after the handler answers: `change` runs on the newest
    /// stored value (again, if another turn wrote meanwhile). Nothing is written if the
    /// handler fails or nothing changed.
    pub fn update<F>(&self, change: F)
    where
        F: Fn(&mut T) + Send + Sync + 'static,
    {
        let apply: Update = Box::new(move |attributes: &mut Map<String, Value>| {
            let mut value = match attributes.get(T::NAME) {
                Some(stored) => read::<T>(stored)?,
                None => T::default(),
            };
            change(&mut value);
            let written = serde_json::to_value(&value).map_err(|e| StoreError::Unreadable {
                name: T::NAME.to_owned(),
                reason: e.to_string(),
            })?;
            let untouched_default = !attributes.contains_key(T::NAME)
                && serde_json::to_value(T::default()).ok().as_ref() == Some(&written);
            if !untouched_default {
                attributes.insert(T::NAME.to_owned(), written);
            }
            Ok(())
        });
        lock(&self.turn.pending).push((self.key.clone(), apply));
    }

    /// Replaces the stored value after the handler answers.
    pub fn set(&self, value: T)
    where
        T: Clone + Sync,
    {
        self.update(move |stored| *stored = value.clone());
    }
}

fn read<T: DeserializeOwned>(value: &Value) -> Result<T, StoreError> {
    T::deserialize(value).map_err(|e| StoreError::Unreadable {
        name: std::any::type_name::<T>().to_owned(),
        reason: e.to_string(),
    })
}

impl<S, T: PersistentAttributes> FromRequest<S> for Persistent<T> {
    type Rejection = Missing;
    fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Missing> {
        let turn = req.extensions.get::<TurnAttributes>().ok_or(Missing(
            "attribute store (add one with SkillBuilder::persistence)",
        ))?;
        let person = if T::PER_PERSON {
            turn.person.clone()
        } else {
            None
        };
        let key = person
            .or_else(|| turn.user.clone())
            .ok_or(Missing("user"))?;
        Ok(Self {
            turn,
            key,
            _type: PhantomData,
        })
    }
}
