//! The layer that picks each request's messages, and the `Messages` extractor.

use super::{Catalog, Messages};
use crate::extract::{FromRequest, Missing};
use crate::intercept::{RequestService, SharedRequest};
use crate::model::RequestEnvelope;
use std::sync::Arc;
use tower::{service_fn, Layer, ServiceExt};

/// Attaches the request's [`Messages`] (locale from the request, `en-US` without one).
/// Added by [`SkillBuilder::localisation`](crate::SkillBuilder::localisation).
#[derive(Debug, Clone)]
pub struct LocalisationLayer {
    catalog: Arc<Catalog>,
}

impl LocalisationLayer {
    /// A layer over `catalog`.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        Self { catalog }
    }
}

impl Layer<RequestService> for LocalisationLayer {
    type Service = RequestService;
    fn layer(&self, inner: RequestService) -> RequestService {
        let catalog = Arc::clone(&self.catalog);
        RequestService::new(service_fn(move |turn: SharedRequest| {
            let locale = turn.locale().unwrap_or("en-US");
            turn.extensions.insert(catalog.messages(locale));
            inner.clone().oneshot(turn)
        }))
    }
}

impl<S> FromRequest<S> for Messages {
    type Rejection = Missing;
    fn from_request(req: &Arc<RequestEnvelope>, _: &S) -> Result<Self, Missing> {
        req.extensions
            .get::<Messages>()
            .map(|m| (*m).clone())
            .ok_or(Missing(
                "message catalogue (add one with SkillBuilder::localisation)",
            ))
    }
}
