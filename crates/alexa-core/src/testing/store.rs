//! [`check_store_contract`]: the rules every persistence store keeps, checked in one call.

use serde_json::Map;

/// Checks that an [`AttributeStore`](crate::persist::AttributeStore) keeps the contract the
/// persistence layer relies on: absent records read as `None`, the first write needs "no
/// record yet", each later write the version last read, and a stale version is a
/// [`Conflict`](crate::persist::StoreError::Conflict) that leaves the record as it was.
/// Every store crate runs it against its own store; `prefix` keeps runs apart in a shared
/// table. Panics, naming the broken rule.
pub async fn check_store_contract(store: &dyn crate::persist::AttributeStore, prefix: &str) {
    use crate::persist::StoreError;
    let key = format!("{prefix}user/contract");
    let mut first = Map::new();
    first.insert("visits".into(), serde_json::json!({"count": 1}));
    let mut second = first.clone();
    second.insert("visits".into(), serde_json::json!({"count": 2}));

    assert_eq!(
        store.load(&key).await.expect("load"),
        None,
        "a new key reads as None"
    );
    let v1 = store.save(&key, &first, None).await.expect("first write");
    assert!(
        matches!(
            store.save(&key, &second, None).await,
            Err(StoreError::Conflict)
        ),
        "a second \"no record yet\" write must conflict"
    );
    let read = store.load(&key).await.expect("load").expect("record");
    assert_eq!((read.attributes.clone(), read.version), (first.clone(), v1));
    let v2 = store
        .save(&key, &second, Some(v1))
        .await
        .expect("write at the read version");
    assert!(v2 > v1, "versions grow: {v1} then {v2}");
    assert!(
        matches!(
            store.save(&key, &first, Some(v1)).await,
            Err(StoreError::Conflict)
        ),
        "a write at a stale version must conflict"
    );
    let read = store.load(&key).await.expect("load").expect("record");
    assert_eq!(
        (read.attributes, read.version),
        (second, v2),
        "a conflict changes nothing"
    );
    let other = format!("{prefix}user/someone-else");
    assert_eq!(
        store.load(&other).await.expect("load"),
        None,
        "keys are separate"
    );
}
