//! The SQLite store: the shared contract, data that outlives the process, and two stores on
//! one file (two processes) racing for the same record.

use alexa_core::persist::{AttributeStore, StoreError};
use alexa_core::testing::check_store_contract;
use alexa_store_sqlite::SqliteStore;
use serde_json::{json, Map};

fn attrs(count: u32) -> Map<String, serde_json::Value> {
    let mut m = Map::new();
    m.insert("visits".into(), json!({ "count": count }));
    m
}

#[tokio::test]
async fn meets_the_store_contract() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path().join("a.sqlite3")).unwrap();
    check_store_contract(&store, "").await;
}

#[tokio::test]
async fn what_was_saved_is_there_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/a.sqlite3");
    {
        let store = SqliteStore::open(&path).unwrap();
        store.save("user/u1", &attrs(3), None).await.unwrap();
    }
    let reopened = SqliteStore::open(&path).unwrap();
    let stored = reopened.load("user/u1").await.unwrap().unwrap();
    assert_eq!((stored.attributes, stored.version), (attrs(3), 1));
}

#[tokio::test]
async fn two_stores_on_one_file_never_both_win() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite3");
    let (a, b) = (
        SqliteStore::open(&path).unwrap(),
        SqliteStore::open(&path).unwrap(),
    );
    a.save("user/u1", &attrs(1), None).await.unwrap();
    let (two, three) = (attrs(2), attrs(3));
    let (ra, rb) = tokio::join!(
        a.save("user/u1", &two, Some(1)),
        b.save("user/u1", &three, Some(1))
    );
    let wins = [&ra, &rb].iter().filter(|r| r.is_ok()).count();
    assert_eq!(wins, 1, "{ra:?} {rb:?}");
    assert!([ra, rb]
        .into_iter()
        .any(|r| matches!(r, Err(StoreError::Conflict))));
    assert_eq!(b.load("user/u1").await.unwrap().unwrap().version, 2);
}

#[test]
fn a_path_that_cannot_be_a_database_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = SqliteStore::open(dir.path()).unwrap_err().to_string();
    assert!(err.contains("could not open the attribute store"), "{err}");
}
