//! Opening the store VoiceOps remembers users' last counts in (`VOICEOPS_STORE`).
//!
//! The embedded store (SQLite) is passed in by the binary that wants it, as a
//! [`LocalStore`]: the command-line tool does, the deployed `voiceops-lambda` does not, so the
//! function carries no SQLite (on Lambda the store is DynamoDB).

use crate::config::StoreSetting;
use alexa_core::persist::{AttributeStore, StoreError, StoreFuture, Stored};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The file the embedded store uses when `VOICEOPS_STORE` is unset:
/// `<data folder>/voiceops/attributes.sqlite3`, the data folder being `$XDG_DATA_HOME` or
/// `~/.local/share` on Linux and `~/Library/Application Support` on macOS.
pub fn data_folder_store() -> Option<PathBuf> {
    Some(
        dirs::data_dir()?
            .join("voiceops")
            .join("attributes.sqlite3"),
    )
}

/// Opens an embedded store at a path.
pub type LocalStore = fn(&Path) -> Result<Arc<dyn AttributeStore>, String>;

/// Opens the configured store. `Ok(None)` when there is no default data folder (VoiceOps then
/// answers without comparing with last time, and says so in the log); the data folder's
/// store is opened by the first turn that uses it ([`OpenedOnFirstUse`]). `Err` for a
/// setting that is wrong or a store that was asked for by name and cannot be opened, which
/// should stop the program.
/// `local` opens the embedded store; without one, a `local:PATH` setting is refused and the
/// default data folder is skipped with a warning. The AWS configuration is loaded only for
/// a DynamoDB store.
pub async fn open(
    setting: &StoreSetting,
    aws: &crate::inventory::AwsInventory,
    local: Option<LocalStore>,
) -> Result<Option<Arc<dyn AttributeStore>>, String> {
    match setting {
        StoreSetting::Invalid(why) => Err(why.clone()),
        StoreSetting::DynamoDb(table) => {
            let client = aws_sdk_dynamodb::Client::new(aws.sdk_config().await);
            Ok(Some(Arc::new(alexa_store_dynamodb::DynamoDbStore::new(
                client, table,
            ))))
        }
        StoreSetting::Local(path) => match local {
            Some(open) => open(path).map(Some),
            None => Err(format!(
                "VOICEOPS_STORE=local:{} needs the embedded store, which this build does not have: use dynamodb:TABLE",
                path.display()
            )),
        },
        StoreSetting::DataFolder => {
            let (Some(open), Some(path)) = (local, data_folder_store()) else {
                tracing::warn!("no embedded store or data folder: answering without remembering last counts");
                return Ok(None);
            };
            Ok(Some(Arc::new(OpenedOnFirstUse::new(path, open))))
        }
    }
}

/// The data folder's store, opened when a turn first reads or writes it. A launch, a help
/// or a goodbye never does, so a one-turn `invoke` of them neither creates the file nor pays
/// for starting SQLite (0.95 MB of a cold `invoke`'s peak memory, docs/performance.md).
/// The store was optional already: if it cannot be opened, the turn that needed it is
/// answered without last counts (and a subscription is refused), as when there is none.
/// A store named with `local:PATH` is still opened at start, so a wrong path stops the
/// program at once.
struct OpenedOnFirstUse {
    path: PathBuf,
    open: LocalStore,
    store: OnceLock<Result<Arc<dyn AttributeStore>, String>>,
}

/// Why the data folder's store is not there, for every call after opening it failed.
#[derive(Debug, thiserror::Error)]
#[error("the store at {path} could not be opened: {why}")]
struct NotOpened {
    path: PathBuf,
    why: String,
}

impl OpenedOnFirstUse {
    fn new(path: PathBuf, open: LocalStore) -> Self {
        Self {
            path,
            open,
            store: OnceLock::new(),
        }
    }

    fn store(&self) -> Result<&Arc<dyn AttributeStore>, StoreError> {
        let opened = self.store.get_or_init(|| {
            (self.open)(&self.path).inspect_err(|err| {
                tracing::warn!(%err, "answering without remembering last counts");
            })
        });
        opened.as_ref().map_err(|why| {
            StoreError::Unavailable(Box::new(NotOpened {
                path: self.path.clone(),
                why: why.clone(),
            }))
        })
    }
}

impl AttributeStore for OpenedOnFirstUse {
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Result<Option<Stored>, StoreError>> {
        match self.store() {
            Ok(store) => store.load(key),
            Err(err) => Box::pin(std::future::ready(Err(err))),
        }
    }

    fn save<'a>(
        &'a self,
        key: &'a str,
        attributes: &'a Map<String, Value>,
        expected: Option<u64>,
    ) -> StoreFuture<'a, Result<u64, StoreError>> {
        match self.store() {
            Ok(store) => store.save(key, attributes, expected),
            Err(err) => Box::pin(std::future::ready(Err(err))),
        }
    }
}

/// The embedded store: SQLite at `path` (what the command-line tool passes as [`LocalStore`]).
pub fn sqlite(path: &Path) -> Result<Arc<dyn AttributeStore>, String> {
    alexa_store_sqlite::SqliteStore::open(path)
        .map(|store| Arc::new(store) as Arc<dyn AttributeStore>)
        .map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("voiceops-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[tokio::test]
    async fn the_data_folder_store_is_made_by_its_first_use_and_then_kept() {
        let dir = scratch("first-use");
        let path = dir.join("voiceops").join("attributes.sqlite3");
        let store = OpenedOnFirstUse::new(path.clone(), sqlite);
        assert!(
            !dir.exists(),
            "nothing is made before a turn uses the store"
        );

        assert_eq!(store.load("user/ada").await.unwrap(), None);
        assert!(path.exists());
        let mut attributes = Map::new();
        attributes.insert("history".into(), Value::from(3));
        assert_eq!(store.save("user/ada", &attributes, None).await.unwrap(), 1);
        let stored = store.load("user/ada").await.unwrap().unwrap();
        assert_eq!(stored.attributes, attributes);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn a_data_folder_that_cannot_hold_the_store_fails_each_use_and_names_it() {
        let dir = scratch("blocked");
        std::fs::create_dir_all(&dir).unwrap();
        // A file where the store's folder would be: it can never be created.
        std::fs::write(dir.join("voiceops"), b"not a folder").unwrap();
        let path = dir.join("voiceops").join("attributes.sqlite3");
        let store = OpenedOnFirstUse::new(path, sqlite);

        let err = store.load("user/ada").await.unwrap_err();
        assert!(matches!(err, StoreError::Unavailable(_)), "{err}");
        let why = std::error::Error::source(&err).unwrap().to_string();
        assert!(why.contains("attributes.sqlite3"), "{why}");
        let err = store.save("user/ada", &Map::new(), None).await.unwrap_err();
        assert!(matches!(err, StoreError::Unavailable(_)), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
