//! The skill's state, shared by every request: where the numbers come from (the AWS
//! inventory, and the organization's accounts), how long AWS may take, and the store the
//! users' last counts and subscriptions live in. Built once from the settings; the handlers
//! only read it.

use crate::config::Config;
use crate::inventory::estate::DEFAULT_MAX_IN_FLIGHT;
use crate::inventory::{AwsInventory, AwsOrganization, Inventory, Organization, Timing};
use crate::subscriptions::Subscriptions;
use alexa_core::persist::AttributeStore;
use std::sync::Arc;

/// Shared by every request: the AWS inventory, the time budget, and where users' last
/// counts are kept.
#[derive(Clone)]
pub struct VoiceOps {
    /// Where the numbers come from.
    pub inventory: Arc<dyn Inventory>,
    /// How long AWS may take.
    pub timing: Timing,
    /// Where each user's last counts are kept; without one, answers make no comparison.
    pub memory: Option<Arc<dyn AttributeStore>>,
    /// The accounts to ask besides this one (`VOICEOPS_ROLE_NAME`); without, only this.
    pub organization: Option<Arc<dyn Organization>>,
    /// AWS calls in flight at once when several accounts are asked.
    pub max_in_flight: usize,
}

impl VoiceOps {
    /// VoiceOps over `inventory`, remembering nothing.
    pub fn new(inventory: Arc<dyn Inventory>, timing: Timing) -> Self {
        Self {
            inventory,
            timing,
            memory: None,
            organization: None,
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
        }
    }

    /// Answers for every account `organization` lists, not only this one.
    pub fn with_organization(mut self, organization: Arc<dyn Organization>) -> Self {
        self.organization = Some(organization);
        self
    }

    /// Who asked to hear about stopped instances: kept in the same store as the last
    /// counts; without a store, nobody can subscribe.
    pub fn subscriptions(&self) -> Option<Subscriptions> {
        self.memory.clone().map(Subscriptions::new)
    }

    /// Remembers users' last counts in `store`.
    pub fn with_memory(mut self, store: Arc<dyn AttributeStore>) -> Self {
        self.memory = Some(store);
        self
    }

    /// The skill's state from the environment: the AWS SDK's default configuration (with
    /// `AWS_ENDPOINT_URL` honoured), the configured regions, page size, timing and store.
    /// Fails only for a store setting that is wrong or cannot be opened.
    /// `local` opens the embedded store (see [`store`](crate::store)); the deployed
    /// function passes none.
    pub async fn from_config(
        config: &Config,
        local: Option<crate::store::LocalStore>,
    ) -> Result<Self, String> {
        let aws = AwsInventory::from_env(config.regions.clone()).with_page_size(config.page_size);
        let memory = crate::store::open(&config.store, &aws, local).await?;
        let accounts = match (config.account_source()?, &config.role_name) {
            (Some(source), Some(role)) => Some((role.clone(), source)),
            _ => None,
        };
        let mut state = Self::over_aws(Arc::new(aws), config.timing, accounts);
        state.memory = memory;
        state.max_in_flight = config.max_in_flight;
        Ok(state)
    }

    /// VoiceOps over the real AWS inventory of the account it runs in and, with `accounts`
    /// (the role to assume and where the account list comes from), every account of the
    /// organization.
    pub fn over_aws(
        aws: Arc<AwsInventory>,
        timing: Timing,
        accounts: Option<(String, crate::inventory::AccountSource)>,
    ) -> Self {
        let organization = accounts.map(|(role, source)| {
            let org = AwsOrganization::new(Arc::clone(&aws), role, source);
            Arc::new(Arc::new(org)) as Arc<dyn Organization>
        });
        let mut state = Self::new(Arc::new(aws), timing);
        state.organization = organization;
        state
    }
}

impl std::fmt::Debug for VoiceOps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VoiceOps")
            .field("timing", &self.timing)
            .finish_non_exhaustive()
    }
}
