//! Persistent attributes: remembered per user (or person), written only when changed, never
//! lost to a concurrent turn, never claimed when the write failed.

use alexa_core::persist::{
    AttributeStore, MemoryStore, Persistent, PersistentAttributes, StoreError, StoreFuture, Stored,
};
use alexa_core::testing::{check_store_contract, ResponseExt, TestRequest};
use alexa_core::{Failure, Response, Skill, SkillError};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Visits {
    count: u32,
}
impl PersistentAttributes for Visits {
    const NAME: &'static str = "visits";
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Nickname(Option<String>);
impl PersistentAttributes for Nickname {
    const NAME: &'static str = "nickname";
    const PER_PERSON: bool = true;
}

async fn visit(visits: Persistent<Visits>) -> Result<Response, SkillError> {
    let seen = visits.load().await?.count;
    visits.update(|v| v.count += 1);
    Ok(Response::tell(format!("Visit {}.", seen + 1)))
}

async fn peek(visits: Persistent<Visits>) -> Result<Response, SkillError> {
    Ok(Response::tell(format!(
        "{} visits.",
        visits.load().await?.count
    )))
}

async fn name_me(nick: Persistent<Nickname>) -> Result<Response, SkillError> {
    let before = nick.load().await?.0.unwrap_or_else(|| "nobody".into());
    nick.set(Nickname(Some("Sam".into())));
    Ok(Response::tell(format!("You were {before}.")))
}

async fn fails_after_update(visits: Persistent<Visits>) -> Result<Response, SkillError> {
    visits.update(|v| v.count += 100);
    Err(SkillError::msg("broke after asking to save"))
}

fn skill(store: impl AttributeStore) -> Skill {
    Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .persistence(store)
        .launch(visit)
        .intent("PeekIntent", peek)
        .intent("NameIntent", name_me)
        .intent("BrokenIntent", fails_after_update)
        .on_error(|failure, _| match failure {
            Failure::AttributesNotSaved(_) => Response::tell("I couldn't save that."),
            _ => Response::tell("Something went wrong."),
        })
        .build()
        .unwrap()
}

async fn say(skill: &Skill, request: TestRequest) -> String {
    skill.handle(request.build()).await.unwrap().speech_text()
}

#[tokio::test]
async fn the_store_meets_the_contract() {
    check_store_contract(&MemoryStore::default(), "").await;
}

#[tokio::test]
async fn each_user_is_remembered_separately() {
    let store = Arc::new(MemoryStore::default());
    let skill = skill(Arc::clone(&store));
    assert_eq!(say(&skill, TestRequest::launch()).await, "Visit 1.");
    assert_eq!(say(&skill, TestRequest::launch()).await, "Visit 2.");
    assert_eq!(
        say(
            &skill,
            TestRequest::launch().user("amzn1.ask.account.OTHER")
        )
        .await,
        "Visit 1."
    );
    assert_eq!(
        say(&skill, TestRequest::intent("PeekIntent")).await,
        "2 visits."
    );
}

#[tokio::test]
async fn nothing_is_written_when_nothing_changed() {
    let store = Arc::new(CountingStore::default());
    let skill = skill(Arc::clone(&store));
    assert_eq!(
        say(&skill, TestRequest::intent("PeekIntent")).await,
        "0 visits."
    );
    assert_eq!(
        store.saves.load(Ordering::SeqCst),
        0,
        "a read-only turn wrote"
    );
    say(&skill, TestRequest::launch()).await;
    assert_eq!(store.saves.load(Ordering::SeqCst), 1);
    assert_eq!(store.loads.load(Ordering::SeqCst), 2, "one read per turn");
}

#[tokio::test]
async fn a_failed_handler_writes_nothing() {
    let store = Arc::new(MemoryStore::default());
    let skill = skill(Arc::clone(&store));
    say(&skill, TestRequest::launch()).await;
    assert_eq!(
        say(&skill, TestRequest::intent("BrokenIntent")).await,
        "Something went wrong."
    );
    assert_eq!(
        say(&skill, TestRequest::intent("PeekIntent")).await,
        "1 visits."
    );
}

#[tokio::test]
async fn per_person_attributes_follow_the_voice_and_fall_back_to_the_user() {
    let store = Arc::new(MemoryStore::default());
    let skill = skill(Arc::clone(&store));
    let alex = || TestRequest::intent("NameIntent").person("amzn1.ask.person.ALEX");
    assert_eq!(say(&skill, alex()).await, "You were nobody.");
    assert_eq!(say(&skill, alex()).await, "You were Sam.");
    let kim = TestRequest::intent("NameIntent").person("amzn1.ask.person.KIM");
    assert_eq!(say(&skill, kim).await, "You were nobody.");
    // No recognised voice: the account's own record.
    assert_eq!(
        say(&skill, TestRequest::intent("NameIntent")).await,
        "You were nobody."
    );
    let user = store.load("user/amzn1.ask.account.TESTUSER").await.unwrap();
    assert_eq!(user.unwrap().attributes["nickname"], json!("Sam"));
}

#[tokio::test]
async fn two_turns_at_once_both_land() {
    // Both turns read version 1 before either writes; the second write conflicts, reads
    // again and applies its update to the first turn's result.
    let store = Arc::new(LockstepStore::new(2));
    let skill = skill(Arc::clone(&store));
    say(&skill, TestRequest::launch()).await; // count 1: the first read passes straight through
    let (a, b) = tokio::join!(
        say(&skill, TestRequest::launch()),
        say(&skill, TestRequest::launch())
    );
    let mut heard = [a, b];
    heard.sort();
    assert_eq!(heard, ["Visit 2.", "Visit 2."], "both read the same count");
    assert_eq!(
        say(&skill, TestRequest::intent("PeekIntent")).await,
        "3 visits."
    );
    assert!(
        store.conflicts.load(Ordering::SeqCst) >= 1,
        "the race did not happen"
    );
}

#[tokio::test]
async fn a_failed_write_is_not_answered_as_if_it_worked() {
    let skill = skill(BrokenStore);
    assert_eq!(
        say(&skill, TestRequest::launch()).await,
        "I couldn't save that."
    );
}

#[tokio::test]
async fn stored_data_of_another_shape_is_reported_and_kept() {
    let store = Arc::new(MemoryStore::default());
    let mut odd = Map::new();
    odd.insert("visits".into(), json!("not a number"));
    store
        .save("user/amzn1.ask.account.TESTUSER", &odd, None)
        .await
        .unwrap();
    let skill = skill(Arc::clone(&store));
    assert_eq!(
        say(&skill, TestRequest::launch()).await,
        "Something went wrong."
    );
    let kept = store
        .load("user/amzn1.ask.account.TESTUSER")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.attributes, odd);
}

#[tokio::test]
async fn without_a_store_the_wiring_error_is_answered() {
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .launch(visit)
        .build()
        .unwrap();
    let said = skill.handle(TestRequest::launch().build()).await.unwrap();
    assert_eq!(said.speech_text(), alexa_core::APOLOGY);
}

/// Counts calls into a memory store.
#[derive(Default)]
struct CountingStore {
    inner: MemoryStore,
    loads: AtomicUsize,
    saves: AtomicUsize,
}

impl AttributeStore for CountingStore {
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Result<Option<Stored>, StoreError>> {
        self.loads.fetch_add(1, Ordering::SeqCst);
        self.inner.load(key)
    }
    fn save<'a>(
        &'a self,
        key: &'a str,
        attributes: &'a Map<String, Value>,
        expected: Option<u64>,
    ) -> StoreFuture<'a, Result<u64, StoreError>> {
        self.saves.fetch_add(1, Ordering::SeqCst);
        self.inner.save(key, attributes, expected)
    }
}

/// Holds each first read at a barrier until `parties` turns have read, so concurrent turns
/// are sure to read the same version.
struct LockstepStore {
    inner: MemoryStore,
    barrier: tokio::sync::Barrier,
    reads: AtomicUsize,
    conflicts: AtomicUsize,
}

impl LockstepStore {
    fn new(parties: usize) -> Self {
        Self {
            inner: MemoryStore::default(),
            barrier: tokio::sync::Barrier::new(parties),
            reads: AtomicUsize::new(0),
            conflicts: AtomicUsize::new(0),
        }
    }
}

impl AttributeStore for LockstepStore {
    fn load<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Result<Option<Stored>, StoreError>> {
        Box::pin(async move {
            let found = self.inner.load(key).await;
            // Reads 2 and 3 are the concurrent turns' first reads; the very first read (the
            // warm-up turn) and the retry after a conflict pass straight through.
            let n = self.reads.fetch_add(1, Ordering::SeqCst);
            if n == 1 || n == 2 {
                self.barrier.wait().await;
            }
            found
        })
    }
    fn save<'a>(
        &'a self,
        key: &'a str,
        attributes: &'a Map<String, Value>,
        expected: Option<u64>,
    ) -> StoreFuture<'a, Result<u64, StoreError>> {
        Box::pin(async move {
            let saved = self.inner.save(key, attributes, expected).await;
            if matches!(saved, Err(StoreError::Conflict)) {
                self.conflicts.fetch_add(1, Ordering::SeqCst);
            }
            saved
        })
    }
}

/// A store whose writes always fail.
struct BrokenStore;

impl AttributeStore for BrokenStore {
    fn load<'a>(&'a self, _: &'a str) -> StoreFuture<'a, Result<Option<Stored>, StoreError>> {
        Box::pin(async { Ok(None) })
    }
    fn save<'a>(
        &'a self,
        _: &'a str,
        _: &'a Map<String, Value>,
        _: Option<u64>,
    ) -> StoreFuture<'a, Result<u64, StoreError>> {
        Box::pin(async { Err(StoreError::unavailable("disk full")) })
    }
}
