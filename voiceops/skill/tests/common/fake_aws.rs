//! A fleet in memory, for tests that need AWS to answer in microseconds.

use alexa_core::handler::BoxFuture;
use std::collections::HashMap;
use std::time::Duration;
use voiceops_skill::inventory::{Database, Inventory, InventoryError, StateCounts};

/// A fleet in memory. Regions listed in `hang` never answer; `fail` answers with an error.
#[derive(Default)]
pub struct FakeAws {
    pub regions: Vec<String>,
    pub instances: HashMap<String, StateCounts>,
    pub databases: HashMap<String, Vec<Database>>,
    pub hang: Vec<String>,
    pub fail: HashMap<String, InventoryError>,
    pub regions_error: Option<InventoryError>,
    /// Asking for the regions panics: a bug in the skill's code, as the user would meet it.
    pub panics: bool,
}

impl FakeAws {
    fn answer<T: Clone + Send + 'static>(
        &self,
        region: &str,
        value: T,
    ) -> BoxFuture<Result<T, InventoryError>> {
        if self.hang.iter().any(|r| r == region) {
            return Box::pin(async {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                Err(InventoryError::Timeout)
            });
        }
        let result = match self.fail.get(region) {
            Some(err) => Err(err.clone()),
            None => Ok(value),
        };
        Box::pin(async move { result })
    }
}

impl Inventory for FakeAws {
    fn regions(&self) -> BoxFuture<Result<Vec<String>, InventoryError>> {
        assert!(!self.panics, "the fake inventory was told to panic");
        let result = match &self.regions_error {
            Some(err) => Err(err.clone()),
            None => Ok(self.regions.clone()),
        };
        Box::pin(async move { result })
    }
    fn count_instances(&self, region: String) -> BoxFuture<Result<StateCounts, InventoryError>> {
        let counts = self.instances.get(&region).copied().unwrap_or_default();
        self.answer(&region, counts)
    }
    fn list_databases(&self, region: String) -> BoxFuture<Result<Vec<Database>, InventoryError>> {
        let dbs = self.databases.get(&region).cloned().unwrap_or_default();
        self.answer(&region, dbs)
    }
}

pub fn counts(running: u64, stopped: u64) -> StateCounts {
    StateCounts {
        running,
        stopped,
        other: 0,
    }
}

pub fn db(name: &str, engine: &str, status: &str, is_cluster: bool) -> Database {
    Database {
        name: name.into(),
        engine: engine.into(),
        status: status.into(),
        is_cluster,
    }
}

/// 87 running across four regions, 4 stopped in Frankfurt, databases in two regions.
pub fn fleet() -> FakeAws {
    let mut aws = FakeAws {
        regions: [
            "us-east-1",
            "eu-west-1",
            "eu-central-1",
            "ap-northeast-1",
            "eu-west-2",
        ]
        .map(String::from)
        .to_vec(),
        ..FakeAws::default()
    };
    aws.instances.insert("us-east-1".into(), counts(73, 0));
    aws.instances.insert("eu-west-1".into(), counts(10, 0));
    aws.instances.insert("eu-central-1".into(), counts(3, 4));
    aws.instances.insert("ap-northeast-1".into(), counts(1, 0));
    aws.instances.insert("eu-west-2".into(), counts(0, 0));
    aws.databases.insert(
        "eu-west-1".into(),
        vec![
            db("billing", "postgres", "available", false),
            db("reports", "aurora-postgresql", "available", true),
        ],
    );
    aws.databases.insert(
        "us-east-1".into(),
        vec![db("orders", "mysql", "stopped", false)],
    );
    aws
}
