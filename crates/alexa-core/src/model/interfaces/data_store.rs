//! `Alexa.DataStore`: data a skill pushes to devices, and the packages it installs on them.

use crate::model::standard::request_struct;
use serde_json::Value;

request_struct! {
    /// `Alexa.DataStore.Error`: a DataStore command failed on a device.
    DataStoreErrorRequest {
        /// `{ type, content }`.
        #[serde(default)]
        error: Value,
    }
}

request_struct! {
    /// `Alexa.DataStore.PackageManager.*`: a DataStore package was installed, removed or
    /// failed, or asks to be updated. The full type is in `event`; the fields are those of
    /// its kind (`packageId`, `version`, `fromVersion`, `toVersion`, `error`, `payload`).
    PackageManagerRequest {
        /// Which event, e.g. `Alexa.DataStore.PackageManager.UsagesInstalled`.
        #[serde(skip)]
        event: String,
        /// The package.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        package_id: Option<String>,
        /// Its version (InstallationError).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        version: Option<String>,
        /// The installed version (UpdateRequest).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from_version: Option<String>,
        /// The version to update to (UpdateRequest).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to_version: Option<String>,
        /// What failed (InstallationError).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<Value>,
        /// The usages installed or removed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        payload: Option<Value>,
    }
}
