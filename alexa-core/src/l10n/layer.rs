//! The layer that picks each request's messages, and the `Messages` extractor.

use super::{Catalog, Messages};
use crate::extract::{FromRequest, Missing};
use crate::intercept::{Turn, TurnService};
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

impl Layer<TurnService> for LocalisationLayer {
    type Service = TurnService;
    fn layer(&self, inner: TurnService) -> TurnService {
        let catalog = Arc::clone(&self.catalog);
        TurnService::new(service_fn(move |turn: Turn| {
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
