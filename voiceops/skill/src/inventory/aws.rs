//! The real inventory: EC2 and RDS through the AWS SDK, one client pair per region, built
//! once per process (one cold start) and shared by every request.

use super::{Database, Inventory, InventoryError, StateCounts};
use alexa_core::handler::BoxFuture;
use aws_config::{BehaviorVersion, SdkConfig};
use aws_credential_types::provider::error::CredentialsError;
use aws_sdk_ec2::error::{DisplayErrorContext, ProvideErrorMetadata};
use aws_sdk_ec2::operation::RequestId;
use aws_sdk_ec2::types::InstanceStateName;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::OnceCell;

/// Page size for `DescribeInstances` (the API's maximum is 1000).
pub const DEFAULT_PAGE_SIZE: i32 = 1000;

#[derive(Clone)]
struct RegionClients {
    ec2: aws_sdk_ec2::Client,
    rds: aws_sdk_rds::Client,
}

/// EC2 and RDS clients for every region the skill asks, sharing one credential chain.
pub struct AwsInventory {
    /// Loaded on first use: a launch or help never pays for it (the HTTPS client reads the
    /// whole system certificate store).
    config: OnceCell<SdkConfig>,
    configured_regions: Option<Vec<String>>,
    page_size: i32,
    regions: OnceCell<Vec<String>>,
    clients: Mutex<HashMap<String, RegionClients>>,
}

impl std::fmt::Debug for AwsInventory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AwsInventory")
            .field(
                "home_region",
                &self.config.get().and_then(SdkConfig::region),
            )
            .field("configured_regions", &self.configured_regions)
            .finish_non_exhaustive()
    }
}

impl AwsInventory {
    /// The default credential chain (environment, profile, SSO, the Lambda role), with
    /// `AWS_ENDPOINT_URL` honoured, loaded when AWS is first asked. `regions` overrides
    /// `DescribeRegions` (`VOICEOPS_REGIONS`).
    pub fn from_env(regions: Option<Vec<String>>) -> Self {
        Self::new_unloaded(regions, DEFAULT_PAGE_SIZE)
    }

    fn new_unloaded(regions: Option<Vec<String>>, page_size: i32) -> Self {
        Self {
            config: OnceCell::new(),
            configured_regions: regions.filter(|r| !r.is_empty()),
            page_size: page_size.clamp(5, 1000),
            regions: OnceCell::new(),
            clients: Mutex::new(HashMap::new()),
        }
    }

    /// From a loaded configuration, with a `DescribeInstances` page size (tests use small
    /// pages to exercise paging).
    pub fn new(config: SdkConfig, regions: Option<Vec<String>>, page_size: i32) -> Self {
        Self {
            config: OnceCell::new_with(Some(config)),
            ..Self::new_unloaded(regions, page_size)
        }
    }

    /// The AWS configuration the clients share (credentials, home region, endpoint),
    /// loaded on the first call.
    pub async fn sdk_config(&self) -> &SdkConfig {
        self.config
            .get_or_init(|| aws_config::defaults(BehaviorVersion::latest()).load())
            .await
    }

    /// The same regions and page size, with another configuration (another account's
    /// credentials).
    pub fn sibling(&self, config: SdkConfig) -> Self {
        Self::new(config, self.configured_regions.clone(), self.page_size)
    }

    /// Sets the `DescribeInstances` page size (5 to 1000).
    pub fn with_page_size(mut self, page_size: i32) -> Self {
        self.page_size = page_size.clamp(5, 1000);
        self
    }

    async fn clients(&self, region: &str) -> RegionClients {
        let config = self.sdk_config().await;
        let mut cache = self
            .clients
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        cache
            .entry(region.to_owned())
            .or_insert_with(|| {
                let region = aws_config::Region::new(region.to_owned());
                let ec2 = aws_sdk_ec2::config::Builder::from(config)
                    .region(region.clone())
                    .build();
                let rds = aws_sdk_rds::config::Builder::from(config)
                    .region(region)
                    .build();
                RegionClients {
                    ec2: aws_sdk_ec2::Client::from_conf(ec2),
                    rds: aws_sdk_rds::Client::from_conf(rds),
                }
            })
            .clone()
    }

    async fn enabled_regions(&self) -> Result<Vec<String>, InventoryError> {
        let Some(home) = self.sdk_config().await.region() else {
            return Err(InventoryError::NoRegion);
        };
        let client = self.clients(home.as_ref()).await.ec2;
        let output = client
            .describe_regions()
            .send()
            .await
            .map_err(|e| classify(e, "ec2:DescribeRegions"))?;
        let mut regions: Vec<String> = output
            .regions()
            .iter()
            .filter(|r| r.opt_in_status().is_none_or(|s| s != "not-opted-in"))
            .filter_map(|r| r.region_name().map(str::to_owned))
            .collect();
        regions.sort();
        Ok(regions)
    }

    async fn count(&self, region: String) -> Result<StateCounts, InventoryError> {
        let client = self.clients(&region).await.ec2;
        let mut pages = client
            .describe_instances()
            .max_results(self.page_size)
            .into_paginator()
            .send();
        let mut counts = StateCounts::default();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| classify(e, "ec2:DescribeInstances"))?;
            whole(page.request_id(), "ec2:DescribeInstances")?;
            for instance in page.reservations().iter().flat_map(|r| r.instances()) {
                match instance.state().and_then(|s| s.name()) {
                    Some(InstanceStateName::Running) => counts.running += 1,
                    Some(InstanceStateName::Stopped) => counts.stopped += 1,
                    Some(InstanceStateName::Terminated) => {}
                    _ => counts.other += 1,
                }
            }
        }
        Ok(counts)
    }

    async fn stopped(&self, region: String) -> Result<Vec<super::Stopped>, InventoryError> {
        let client = self.clients(&region).await.ec2;
        let stopped = aws_sdk_ec2::types::Filter::builder()
            .name("instance-state-name")
            .values("stopped")
            .build();
        let mut pages = client
            .describe_instances()
            .filters(stopped)
            .max_results(self.page_size)
            .into_paginator()
            .send();
        let mut found = Vec::new();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| classify(e, "ec2:DescribeInstances"))?;
            for instance in page.reservations().iter().flat_map(|r| r.instances()) {
                found.push(super::Stopped {
                    instance_id: instance.instance_id().unwrap_or_default().to_owned(),
                    at: instance
                        .state_transition_reason()
                        .and_then(super::stop_time),
                });
            }
        }
        Ok(found)
    }

    async fn databases(&self, region: String) -> Result<Vec<Database>, InventoryError> {
        let client = self.clients(&region).await.rds;
        let mut databases = Vec::new();
        let mut clusters = client.describe_db_clusters().into_paginator().send();
        while let Some(page) = clusters.next().await {
            let page = page.map_err(|e| classify(e, "rds:DescribeDBClusters"))?;
            whole(page.request_id(), "rds:DescribeDBClusters")?;
            for cluster in page.db_clusters() {
                databases.push(Database {
                    name: cluster
                        .db_cluster_identifier()
                        .unwrap_or_default()
                        .to_owned(),
                    engine: cluster.engine().unwrap_or_default().to_owned(),
                    status: cluster.status().unwrap_or_default().to_owned(),
                    is_cluster: true,
                });
            }
        }
        let mut instances = client.describe_db_instances().into_paginator().send();
        while let Some(page) = instances.next().await {
            let page = page.map_err(|e| classify(e, "rds:DescribeDBInstances"))?;
            whole(page.request_id(), "rds:DescribeDBInstances")?;
            // Instances inside an Aurora cluster are already counted as their cluster.
            for db in page
                .db_instances()
                .iter()
                .filter(|db| db.db_cluster_identifier().is_none())
            {
                databases.push(Database {
                    name: db.db_instance_identifier().unwrap_or_default().to_owned(),
                    engine: db.engine().unwrap_or_default().to_owned(),
                    status: db.db_instance_status().unwrap_or_default().to_owned(),
                    is_cluster: false,
                });
            }
        }
        databases.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(databases)
    }
}

/// Every answer AWS sends carries its request ID; one without it was cut off or garbled on
/// the way, and the SDK's lenient XML reader would make it look like an empty region. A
/// region that "has nothing" must really have nothing, so such an answer is a failure.
fn whole(request_id: Option<&str>, call: &'static str) -> Result<(), InventoryError> {
    match request_id {
        Some(id) if !id.is_empty() => Ok(()),
        _ => {
            tracing::warn!(
                call,
                "AWS answered without a request ID: treated as garbled"
            );
            Err(InventoryError::Failed(format!("{call}: garbled answer")))
        }
    }
}

/// The credentials error among `err`'s causes, when the call failed for want of
/// credentials (none found, a provider that failed or timed out, a bad profile).
fn credentials_cause<'a>(
    err: &'a (dyn std::error::Error + 'static),
) -> Option<&'a CredentialsError> {
    std::iter::successors(Some(err), |e| e.source())
        .find_map(|e| e.downcast_ref::<CredentialsError>())
}

/// Turns an SDK error into something the skill can say, by the SDK's error types: the
/// credentials error's variants, the timeout and dispatch kinds, the service error's code.
/// `permission` is the IAM action the call needs, named when access is denied.
fn classify<E, R>(
    err: aws_sdk_ec2::error::SdkError<E, R>,
    permission: &'static str,
) -> InventoryError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    use aws_sdk_ec2::error::SdkError;
    let text = DisplayErrorContext(&err).to_string();
    let kind = if let Some(cause) = credentials_cause(&err) {
        tracing::warn!(error = %DisplayErrorContext(cause), "no usable AWS credentials");
        InventoryError::NoCredentials
    } else {
        match &err {
            SdkError::TimeoutError(_) => InventoryError::Timeout,
            SdkError::DispatchFailure(f) if f.is_timeout() => InventoryError::Timeout,
            SdkError::DispatchFailure(f) if f.is_io() => InventoryError::Unreachable(text.clone()),
            _ => match err.code().unwrap_or_default() {
                "UnauthorizedOperation"
                | "AccessDenied"
                | "AccessDeniedException"
                | "AuthFailure" => InventoryError::AccessDenied { permission },
                "RequestLimitExceeded"
                | "Throttling"
                | "ThrottlingException"
                | "TooManyRequestsException" => InventoryError::Throttled,
                "OptInRequired" => InventoryError::NotEnabled,
                "" => InventoryError::Failed(text.clone()),
                code => InventoryError::Failed(code.to_owned()),
            },
        }
    };
    tracing::warn!(error = %text, ?kind, "AWS call failed");
    kind
}

impl Inventory for Arc<AwsInventory> {
    fn regions(&self) -> BoxFuture<Result<Vec<String>, InventoryError>> {
        let this = Arc::clone(self);
        Box::pin(async move {
            if let Some(regions) = &this.configured_regions {
                return Ok(regions.clone());
            }
            this.regions
                .get_or_try_init(|| this.enabled_regions())
                .await
                .cloned()
        })
    }

    fn count_instances(&self, region: String) -> BoxFuture<Result<StateCounts, InventoryError>> {
        let this = Arc::clone(self);
        Box::pin(async move { this.count(region).await })
    }

    fn list_databases(&self, region: String) -> BoxFuture<Result<Vec<Database>, InventoryError>> {
        let this = Arc::clone(self);
        Box::pin(async move { this.databases(region).await })
    }

    fn stopped_instances(
        &self,
        region: String,
    ) -> BoxFuture<Result<Vec<super::Stopped>, InventoryError>> {
        let this = Arc::clone(self);
        Box::pin(async move { this.stopped(region).await })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_ec2::error::{ErrorMetadata, SdkError};
    use aws_sdk_ec2::operation::describe_instances::DescribeInstancesError;
    use aws_sdk_rds::operation::describe_db_clusters::DescribeDBClustersError;

    fn ec2_error(code: &str) -> SdkError<DescribeInstancesError, ()> {
        let meta = ErrorMetadata::builder()
            .code(code)
            .message("from the service")
            .build();
        SdkError::service_error(DescribeInstancesError::generic(meta), ())
    }

    use aws_credential_types::provider::{future, ProvideCredentials};
    use aws_credential_types::Credentials;
    use aws_sdk_ec2::config::retry::RetryConfig;
    use aws_sdk_ec2::config::timeout::TimeoutConfig;
    use aws_sdk_ec2::config::{BehaviorVersion, Region};
    use std::time::Duration;

    /// A client whose calls go through the SDK's own orchestrator (credentials, signing,
    /// dispatch, timeouts) to `endpoint`, once, within 300 ms.
    fn ec2_client(
        credentials: impl ProvideCredentials + 'static,
        endpoint: &str,
    ) -> aws_sdk_ec2::Client {
        let config = aws_sdk_ec2::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new("eu-central-1"))
            .credentials_provider(credentials)
            .endpoint_url(endpoint)
            .retry_config(RetryConfig::disabled())
            .timeout_config(
                TimeoutConfig::builder()
                    .operation_timeout(Duration::from_millis(300))
                    .build(),
            )
            .build();
        aws_sdk_ec2::Client::from_conf(config)
    }

    /// A credential chain that fails the way `make` says.
    #[derive(Debug)]
    struct Failing(fn() -> CredentialsError);

    impl ProvideCredentials for Failing {
        fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
        where
            Self: 'a,
        {
            future::ProvideCredentials::ready(Err((self.0)()))
        }
    }

    #[tokio::test]
    async fn every_way_of_having_no_credentials_is_no_credentials() {
        // NotLoaded: nothing in the chain; ProviderError: what an empty ~/.aws/credentials
        // gives ("an error occurred while loading credentials"); the rest as the SDK has them.
        let failures: [fn() -> CredentialsError; 5] = [
            || CredentialsError::not_loaded("no providers in chain provided credentials"),
            || CredentialsError::provider_error("the credentials file has no profile"),
            || CredentialsError::provider_timed_out(Duration::from_secs(5)),
            || CredentialsError::invalid_configuration("profile default is incomplete"),
            || CredentialsError::unhandled("the SSO session has expired"),
        ];
        for failure in failures {
            let err = ec2_client(Failing(failure), "http://127.0.0.1:9")
                .describe_instances()
                .send()
                .await
                .unwrap_err();
            assert_eq!(
                classify(err, "ec2:DescribeInstances"),
                InventoryError::NoCredentials,
                "{:?}",
                failure()
            );
        }
    }

    #[tokio::test]
    async fn a_refused_connection_is_unreachable_and_an_endpoint_that_never_answers_times_out() {
        let keys = Credentials::new("AKIDEXAMPLE", "secret", None, None, "test");
        let err = ec2_client(keys.clone(), "http://127.0.0.1:9")
            .describe_instances()
            .send()
            .await
            .unwrap_err();
        assert!(matches!(
            classify(err, "ec2:DescribeInstances"),
            InventoryError::Unreachable(_)
        ));
        // Accepted by the kernel, never answered.
        let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let endpoint = format!("http://{}", silent.local_addr().unwrap());
        let err = ec2_client(keys, &endpoint)
            .describe_instances()
            .send()
            .await
            .unwrap_err();
        assert_eq!(
            classify(err, "ec2:DescribeInstances"),
            InventoryError::Timeout
        );
    }

    #[test]
    fn service_error_codes_become_spoken_kinds() {
        assert_eq!(
            classify(ec2_error("UnauthorizedOperation"), "ec2:DescribeInstances"),
            InventoryError::AccessDenied {
                permission: "ec2:DescribeInstances"
            }
        );
        assert_eq!(
            classify(ec2_error("RequestLimitExceeded"), "ec2:DescribeInstances"),
            InventoryError::Throttled
        );
        assert_eq!(
            classify(ec2_error("InternalError"), "ec2:DescribeInstances"),
            InventoryError::Failed("InternalError".into())
        );
    }

    #[test]
    fn an_answer_without_a_request_id_is_garbled_not_empty() {
        assert!(whole(Some("4f2a"), "ec2:DescribeInstances").is_ok());
        for missing in [None, Some("")] {
            assert_eq!(
                whole(missing, "ec2:DescribeInstances"),
                Err(InventoryError::Failed(
                    "ec2:DescribeInstances: garbled answer".into()
                ))
            );
        }
    }

    #[test]
    fn rds_access_denied_names_the_rds_permission() {
        let meta = ErrorMetadata::builder().code("AccessDenied").build();
        let err: SdkError<DescribeDBClustersError, ()> =
            SdkError::service_error(DescribeDBClustersError::generic(meta), ());
        assert_eq!(
            classify(err, "rds:DescribeDBClusters"),
            InventoryError::AccessDenied {
                permission: "rds:DescribeDBClusters"
            }
        );
        let meta = ErrorMetadata::builder().code("ThrottlingException").build();
        let err: SdkError<DescribeDBClustersError, ()> =
            SdkError::service_error(DescribeDBClustersError::generic(meta), ());
        assert_eq!(
            classify(err, "rds:DescribeDBClusters"),
            InventoryError::Throttled
        );
    }
}
