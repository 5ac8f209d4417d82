//! The layer that gives handlers their store and writes what they changed.

use super::extract::TurnAttributes;
use super::AttributeStore;
use crate::intercept::{RequestService, SharedRequest};
use crate::Failure;
use std::sync::Arc;
use tower::{service_fn, Layer, ServiceExt};

/// Makes [`Persistent<T>`](super::Persistent) available to handlers and, after a handler
/// answers, writes the attributes it updated. Added by
/// [`SkillBuilder::persistence`](crate::SkillBuilder::persistence).
#[derive(Clone)]
pub struct PersistenceLayer {
    store: Arc<dyn AttributeStore>,
}

impl PersistenceLayer {
    /// A layer over `store`.
    pub fn new(store: impl AttributeStore) -> Self {
        Self {
            store: Arc::new(store),
        }
    }
}

impl std::fmt::Debug for PersistenceLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersistenceLayer")
    }
}

impl Layer<RequestService> for PersistenceLayer {
    type Service = RequestService;
    fn layer(&self, inner: RequestService) -> RequestService {
        let store = Arc::clone(&self.store);
        RequestService::new(service_fn(move |turn: SharedRequest| {
            let attributes = Arc::new(TurnAttributes::new(Arc::clone(&store), &turn));
            turn.extensions.insert_arc(Arc::clone(&attributes));
            let inner = inner.clone();
            async move {
                let response = inner.oneshot(turn).await?;
                attributes
                    .commit()
                    .await
                    .map_err(Failure::AttributesNotSaved)?;
                Ok(response)
            }
        }))
    }
}
