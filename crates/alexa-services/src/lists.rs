//! Household lists (`/v2/householdlists`): reading needs `read::alexa:household:list`,
//! writing `write::alexa:household:list`.

use crate::{Alexa, ApiError};
use reqwest::Method;
use serde::Deserialize;

const READ_LISTS: &str = "read::alexa:household:list";
const WRITE_LISTS: &str = "write::alexa:household:list";

/// A household list.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListInfo {
    /// Its id.
    pub list_id: String,
    /// e.g. `Alexa shopping list`.
    #[serde(default)]
    pub name: String,
    /// `active` or `archived`.
    #[serde(default)]
    pub state: Option<String>,
}

/// An item of a household list.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListItem {
    /// Its id.
    pub id: String,
    /// What it says.
    pub value: String,
    /// `active` or `completed`.
    pub status: String,
    /// Its version, for updates.
    #[serde(default)]
    pub version: Option<i64>,
}

#[derive(Deserialize)]
struct Lists {
    #[serde(default)]
    lists: Vec<ListInfo>,
}

#[derive(Deserialize)]
struct ItemsOf {
    #[serde(default)]
    items: Vec<ListItem>,
}

impl Alexa {
    /// The user's household lists.
    pub async fn lists(&self) -> Result<Vec<ListInfo>, ApiError> {
        let lists: Lists = self.get("/v2/householdlists/", Some(READ_LISTS)).await?;
        Ok(lists.lists)
    }

    /// The active items of a list.
    pub async fn list_items(&self, list_id: &str) -> Result<Vec<ListItem>, ApiError> {
        let path = format!("/v2/householdlists/{list_id}/active");
        let list: ItemsOf = self.get(&path, Some(READ_LISTS)).await?;
        Ok(list.items)
    }

    /// Adds an active item to a list.
    pub async fn add_list_item(&self, list_id: &str, value: &str) -> Result<ListItem, ApiError> {
        let path = format!("/v2/householdlists/{list_id}/items");
        let body = serde_json::json!({"value": value, "status": "active"});
        self.send(Method::POST, &path, &body, WRITE_LISTS).await
    }

    /// Marks an item completed (or active again), at its current `version`.
    pub async fn set_list_item_status(
        &self,
        list_id: &str,
        item: &ListItem,
        completed: bool,
    ) -> Result<ListItem, ApiError> {
        let path = format!("/v2/householdlists/{list_id}/items/{}", item.id);
        let status = if completed { "completed" } else { "active" };
        let body =
            serde_json::json!({"value": item.value, "status": status, "version": item.version});
        self.send(Method::PUT, &path, &body, WRITE_LISTS).await
    }

    /// Deletes an item.
    pub async fn delete_list_item(&self, list_id: &str, item_id: &str) -> Result<(), ApiError> {
        let path = format!("/v2/householdlists/{list_id}/items/{item_id}");
        self.delete(&path, WRITE_LISTS).await
    }
}
