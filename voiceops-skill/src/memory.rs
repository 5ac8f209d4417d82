//! Opening the store VoiceOps remembers users' last counts in (`VOICEOPS_STORE`).

use crate::config::StoreSetting;
use alexa_core::persist::AttributeStore;
use std::path::PathBuf;
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

/// Opens the configured store. `Ok(None)` when the default data folder cannot be found or
/// opened (VoiceOps then answers without comparing with last time, and says so in the log);
/// `Err` for a setting that is wrong or a store that was asked for by name and cannot be
/// opened, which should stop the program.
pub fn open(
    setting: &StoreSetting,
    aws: &aws_config::SdkConfig,
) -> Result<Option<Arc<dyn AttributeStore>>, String> {
    match setting {
        StoreSetting::Invalid(why) => Err(why.clone()),
        StoreSetting::DynamoDb(table) => {
            let client = aws_sdk_dynamodb::Client::new(aws);
            Ok(Some(Arc::new(alexa_store_dynamodb::DynamoDbStore::new(
                client, table,
            ))))
        }
        StoreSetting::Local(path) => alexa_store_sqlite::SqliteStore::open(path)
            .map(|store| Some(Arc::new(store) as Arc<dyn AttributeStore>))
            .map_err(|err| err.to_string()),
        StoreSetting::DataFolder => {
            let Some(path) = data_folder_store() else {
                tracing::warn!("no data folder: answering without remembering last counts");
                return Ok(None);
            };
            match alexa_store_sqlite::SqliteStore::open(&path) {
                Ok(store) => Ok(Some(Arc::new(store))),
                Err(err) => {
                    tracing::warn!(%err, "answering without remembering last counts");
                    Ok(None)
                }
            }
        }
    }
}
