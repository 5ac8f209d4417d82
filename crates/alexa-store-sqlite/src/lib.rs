#![doc = include_str!("../README.md")]

use alexa_core::persist::{AttributeStore, StoreError, StoreFuture, Stored};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// How long a write waits for another process's transaction before failing.
const BUSY_WAIT: Duration = Duration::from_secs(5);

/// Attributes in a SQLite file, one row per user or person. Cheap to clone.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    path: PathBuf,
    connection: Arc<Mutex<Connection>>,
}

/// Why the file could not be opened.
#[derive(Debug, thiserror::Error)]
#[error("could not open the attribute store {path}: {source}")]
pub struct OpenError {
    path: PathBuf,
    #[source]
    source: Box<dyn std::error::Error + Send + Sync>,
}

impl SqliteStore {
    /// Opens (or creates, with its folder) the store at `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, OpenError> {
        let path = path.as_ref().to_owned();
        let fail = |source: Box<dyn std::error::Error + Send + Sync>| OpenError {
            path: path.clone(),
            source,
        };
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|e| fail(e.into()))?;
        }
        let connection = Connection::open(&path).map_err(|e| fail(e.into()))?;
        connection
            .busy_timeout(BUSY_WAIT)
            .and_then(|_| connection.pragma_update(None, "journal_mode", "WAL"))
            .and_then(|_| {
                connection.execute_batch(
                    "CREATE TABLE IF NOT EXISTS attributes (
                         key TEXT PRIMARY KEY,
                         attributes TEXT NOT NULL,
                         version INTEGER NOT NULL,
                         updated_at INTEGER NOT NULL
                     )",
                )
            })
            .map_err(|e| fail(e.into()))?;
        Ok(Self {
            path,
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `work` on the connection off the async threads.
    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let connection = Arc::clone(&self.connection);
        tokio::task::spawn_blocking(move || {
            let connection = connection.lock().unwrap_or_else(PoisonError::into_inner);
            work(&connection)
        })
        .await
        .map_err(StoreError::unavailable)?
    }
}

fn unavailable(err: rusqlite::Error) -> StoreError {
    StoreError::unavailable(err)
}

fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl AttributeStore for SqliteStore {
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Result<Option<Stored>, StoreError>> {
        let key = key.to_owned();
        Box::pin(self.blocking(move |db| {
            let row: Option<(String, i64)> = db
                .query_row(
                    "SELECT attributes, version FROM attributes WHERE key = ?1",
                    params![key],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()
                .map_err(unavailable)?;
            row.map(|(json, version)| {
                let attributes: Map<String, Value> =
                    serde_json::from_str(&json).map_err(|e| StoreError::Unreadable {
                        name: key.clone(),
                        reason: e.to_string(),
                    })?;
                Ok(Stored {
                    attributes,
                    version: version as u64,
                })
            })
            .transpose()
        }))
    }

    fn save<'a>(
        &'a self,
        key: &'a str,
        attributes: &'a Map<String, Value>,
        expected: Option<u64>,
    ) -> StoreFuture<'a, Result<u64, StoreError>> {
        let key = key.to_owned();
        let json = Value::Object(attributes.clone()).to_string();
        Box::pin(self.blocking(move |db| {
            let version = expected.unwrap_or(0) + 1;
            let changed = match expected {
                None => db.execute(
                    "INSERT INTO attributes (key, attributes, version, updated_at)
                     VALUES (?1, ?2, 1, ?3) ON CONFLICT (key) DO NOTHING",
                    params![key, json, now_seconds()],
                ),
                Some(read) => db.execute(
                    "UPDATE attributes SET attributes = ?2, version = ?3, updated_at = ?4
                     WHERE key = ?1 AND version = ?5",
                    params![key, json, version as i64, now_seconds(), read as i64],
                ),
            }
            .map_err(unavailable)?;
            match changed {
                1 => Ok(version),
                _ => Err(StoreError::Conflict),
            }
        }))
    }
}
