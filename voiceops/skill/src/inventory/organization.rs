//! The accounts of an AWS Organization, each asked through a role assumed in it.
//!
//! The account list (Organizations `ListAccounts`, or `VOICEOPS_ACCOUNTS`) is read on first
//! use and again after [`REFRESH_AFTER`]; each member account's inventory keeps its
//! assume-role credentials in the SDK's identity cache, which refreshes them before they
//! expire, so a warm function calls STS about once an hour per account, not per question.

use super::aws::AwsInventory;
use super::estate::{Account, Member, Organization};
use super::{Inventory, InventoryError};
use alexa_core::handler::BoxFuture;
use aws_config::sts::AssumeRoleProvider;
use aws_sdk_ec2::error::ProvideErrorMetadata;
use aws_sdk_sts::config::SharedCredentialsProvider;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long an account list is trusted before it is read again (accounts join and leave).
pub const REFRESH_AFTER: Duration = Duration::from_secs(15 * 60);

/// Where the account list comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountSource {
    /// Organizations `ListAccounts` (active accounts only).
    Organization,
    /// `VOICEOPS_ACCOUNTS`: these accounts, each `(name, id)`.
    Listed(Vec<(Option<String>, String)>),
}

/// Every account of the organization, through `role_name` in each.
pub struct AwsOrganization {
    home: Arc<AwsInventory>,
    role_name: String,
    source: AccountSource,
    /// The member list and when it was read.
    members: tokio::sync::Mutex<Option<(Instant, Arc<Vec<Member>>)>>,
    /// Inventories built so far, by account ID, kept across list refreshes so their cached
    /// credentials survive.
    inventories: Mutex<HashMap<String, Arc<dyn Inventory>>>,
}

impl std::fmt::Debug for AwsOrganization {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AwsOrganization")
            .field("role_name", &self.role_name)
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

impl AwsOrganization {
    /// The organization seen from `home` (the skill's own account and credentials).
    pub fn new(home: Arc<AwsInventory>, role_name: String, source: AccountSource) -> Self {
        Self {
            home,
            role_name,
            source,
            members: tokio::sync::Mutex::new(None),
            inventories: Mutex::new(HashMap::new()),
        }
    }

    /// The home account's ID and partition, from `GetCallerIdentity`.
    async fn whoami(&self) -> Result<(String, String), InventoryError> {
        let sts = aws_sdk_sts::Client::new(self.home.sdk_config().await);
        let me = sts
            .get_caller_identity()
            .send()
            .await
            .map_err(|e| classify(e.code(), e.to_string(), "sts:GetCallerIdentity"))?;
        let id = me.account().unwrap_or_default().to_owned();
        let partition = me
            .arn()
            .and_then(|arn| arn.split(':').nth(1))
            .unwrap_or("aws")
            .to_owned();
        Ok((id, partition))
    }

    /// Every active account of the organization, paged, as `(name, id)`.
    async fn list_accounts(&self) -> Result<Vec<(Option<String>, String)>, InventoryError> {
        let client = aws_sdk_organizations::Client::new(self.home.sdk_config().await);
        let mut pages = client.list_accounts().into_paginator().send();
        let mut accounts = Vec::new();
        while let Some(page) = pages.next().await {
            let page =
                page.map_err(|e| classify(e.code(), e.to_string(), "organizations:ListAccounts"))?;
            for account in page.accounts() {
                let active = account
                    .state()
                    .map(|s| s.as_str() == "ACTIVE")
                    .or_else(|| account.status().map(|s| s.as_str() == "ACTIVE"))
                    .unwrap_or(true);
                if let (true, Some(id)) = (active, account.id()) {
                    accounts.push((account.name().map(str::to_owned), id.to_owned()));
                }
            }
        }
        Ok(accounts)
    }

    async fn read_members(&self) -> Result<Arc<Vec<Member>>, InventoryError> {
        let (home_id, partition) = self.whoami().await?;
        let listed = match &self.source {
            AccountSource::Organization => self.list_accounts().await?,
            AccountSource::Listed(accounts) => accounts.clone(),
        };
        let home_name = listed
            .iter()
            .find(|(_, id)| *id == home_id)
            .and_then(|(name, _)| name.clone());
        let mut members = vec![Member {
            account: Account {
                id: home_id.clone(),
                name: home_name,
                home: true,
            },
            inventory: Arc::new(Arc::clone(&self.home)),
        }];
        for (name, id) in listed {
            if id == home_id || members.iter().any(|m| m.account.id == id) {
                continue;
            }
            let inventory = self.member_inventory(&partition, &id).await;
            members.push(Member {
                account: Account {
                    id,
                    name,
                    home: false,
                },
                inventory,
            });
        }
        tracing::info!(accounts = members.len(), "read the organization's accounts");
        Ok(Arc::new(members))
    }

    /// The inventory of account `id`, through the role assumed there (built once).
    async fn member_inventory(&self, partition: &str, id: &str) -> Arc<dyn Inventory> {
        if let Some(known) = self.lock_inventories().get(id) {
            return Arc::clone(known);
        }
        let role = format!("arn:{partition}:iam::{id}:role/{}", self.role_name);
        let base = self.home.sdk_config().await;
        let provider = AssumeRoleProvider::builder(role)
            .session_name("voiceops")
            .configure(base)
            .build()
            .await;
        let config = base
            .to_builder()
            .credentials_provider(SharedCredentialsProvider::new(provider))
            .build();
        let inventory: Arc<dyn Inventory> = Arc::new(Arc::new(self.home.sibling(config)));
        self.lock_inventories()
            .insert(id.to_owned(), Arc::clone(&inventory));
        inventory
    }

    fn lock_inventories(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<dyn Inventory>>> {
        self.inventories
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Organization for Arc<AwsOrganization> {
    fn members(&self) -> BoxFuture<Result<Arc<Vec<Member>>, InventoryError>> {
        let this = Arc::clone(self);
        Box::pin(async move {
            let mut cached = this.members.lock().await;
            if let Some((read_at, members)) = cached.as_ref() {
                if read_at.elapsed() < REFRESH_AFTER {
                    return Ok(Arc::clone(members));
                }
            }
            match this.read_members().await {
                Ok(members) => {
                    *cached = Some((Instant::now(), Arc::clone(&members)));
                    Ok(members)
                }
                // A list that could not be re-read is still better than none.
                Err(error) => match cached.as_ref() {
                    Some((_, members)) => {
                        tracing::warn!(%error, "kept the previous account list");
                        Ok(Arc::clone(members))
                    }
                    None => Err(error),
                },
            }
        })
    }
}

/// An Organizations or STS error as the skill says it.
fn classify(code: Option<&str>, text: String, permission: &'static str) -> InventoryError {
    tracing::warn!(error = %text, permission, "AWS call failed");
    match code.unwrap_or_default() {
        "AccessDenied" | "AccessDeniedException" | "AWSOrganizationsNotInUseException" => {
            InventoryError::AccessDenied { permission }
        }
        "TooManyRequestsException" | "Throttling" | "ThrottlingException" => {
            InventoryError::Throttled
        }
        "" if text.to_ascii_lowercase().contains("credentials") => InventoryError::NoCredentials,
        "" => InventoryError::Unreachable(text),
        other => InventoryError::Failed(other.to_owned()),
    }
}

/// Reads `VOICEOPS_ACCOUNTS`: comma-separated `id` or `name=id`. Anything that is not a
/// 12-digit ID is refused with the entry named.
pub fn parse_accounts(value: &str) -> Result<Vec<(Option<String>, String)>, String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            let (name, id) = match entry.split_once('=') {
                Some((name, id)) => (Some(name.trim().to_owned()), id.trim()),
                None => (None, entry),
            };
            let valid = id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit());
            match (valid, &name) {
                (true, Some(n)) if n.is_empty() => Err(format!(
                    "VOICEOPS_ACCOUNTS entry {entry:?} has an empty name"
                )),
                (true, _) => Ok((name, id.to_owned())),
                (false, _) => Err(format!(
                    "VOICEOPS_ACCOUNTS entry {entry:?} is not an account: use a 12-digit ID or name=ID"
                )),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_accounts_take_ids_and_names() {
        assert_eq!(
            parse_accounts("production=111111111111, 222222222222,").unwrap(),
            vec![
                (Some("production".to_owned()), "111111111111".to_owned()),
                (None, "222222222222".to_owned())
            ]
        );
    }

    #[test]
    fn a_bad_entry_is_named() {
        let err = parse_accounts("prod=1234").unwrap_err();
        assert!(err.contains("\"prod=1234\""), "{err}");
        assert!(parse_accounts("=111111111111")
            .unwrap_err()
            .contains("empty name"));
    }

    #[test]
    fn organization_errors_become_spoken_kinds() {
        assert_eq!(
            classify(
                Some("AccessDeniedException"),
                String::new(),
                "organizations:ListAccounts"
            ),
            InventoryError::AccessDenied {
                permission: "organizations:ListAccounts"
            }
        );
        assert_eq!(
            classify(
                Some("TooManyRequestsException"),
                String::new(),
                "organizations:ListAccounts"
            ),
            InventoryError::Throttled
        );
    }
}
