//! Opening the store VoiceOps remembers users' last counts in (`VOICEOPS_STORE`).
//!
//! The embedded store (SQLite) is passed in by the binary that wants it, as a
//! [`LocalStore`]: the command-line tool does, the deployed `voiceops-lambda` does not, so the
//! function carries no SQLite (on Lambda the store is DynamoDB).

use crate::config::StoreSetting;
use alexa_core::persist::AttributeStore;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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

/// Opens the configured store. `Ok(None)` when the default data folder cannot be found or
/// opened (VoiceOps then answers without comparing with last time, and says so in the log);
/// `Err` for a setting that is wrong or a store that was asked for by name and cannot be
/// opened, which should stop the program.
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
            match open(&path) {
                Ok(store) => Ok(Some(store)),
                Err(err) => {
                    tracing::warn!(%err, "answering without remembering last counts");
                    Ok(None)
                }
            }
        }
    }
}

/// The embedded store: SQLite at `path` (what the command-line tool passes as [`LocalStore`]).
pub fn sqlite(path: &Path) -> Result<Arc<dyn AttributeStore>, String> {
    alexa_store_sqlite::SqliteStore::open(path)
        .map(|store| Arc::new(store) as Arc<dyn AttributeStore>)
        .map_err(|err| err.to_string())
}
