//! What an answer uses besides AWS: the Alexa APIs (a progressive response while AWS is
//! slow, the device's time zone) and the user's last counts. One extractor, so each handler
//! asks for it once and the three counting answers share the same steps.

use super::progress::say_if_slow;
use crate::history::{self, History};
use crate::inventory::{
    survey, survey_estate, EstateSurvey, Inventory, InventoryError, Member, Survey,
};
use crate::speech;
use crate::state::VoiceOps;
use alexa_core::extract::FromRequest;
use alexa_core::handler::BoxFuture;
use alexa_core::l10n::Messages;
use alexa_core::model::RequestEnvelope;
use alexa_core::persist::Persistent;
use alexa_core::Response;
use alexa_services::Alexa;
use std::future::Future;
use std::sync::Arc;

/// The Alexa API client and the user's history, each absent when the request or the skill
/// has none (a test tool's request, a skill without a store).
pub struct AnswerContext {
    alexa: Option<Alexa>,
    memory: Option<Persistent<History>>,
    /// The request's time, in seconds since the epoch.
    now: Option<i64>,
}

impl std::fmt::Debug for AnswerContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnswerContext")
            .field("alexa", &self.alexa.is_some())
            .field("memory", &self.memory.is_some())
            .finish()
    }
}

impl<S> FromRequest<S> for AnswerContext {
    type Rejection = std::convert::Infallible;
    fn from_request(req: &Arc<RequestEnvelope>, state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self {
            alexa: Alexa::for_request(req).ok(),
            memory: Persistent::<History>::from_request(req, state).ok(),
            now: req.request.timestamp().map(|t| t.unix_millis() / 1000),
        })
    }
}

/// The user's history, and the device's time zone when there is something to compare.
#[derive(Debug)]
pub struct Recalled {
    history: History,
    zone: Option<String>,
}

impl AnswerContext {
    /// Runs `work` over `accounts` accounts and `regions` regions, saying "Checking N
    /// regions..." once if it is slow.
    pub async fn while_slow<F: Future>(
        &self,
        app: &VoiceOps,
        t: &Messages,
        (accounts, regions): (usize, usize),
        work: F,
    ) -> F::Output {
        let checking = || speech::checking(t, accounts, regions);
        say_if_slow(
            work,
            self.alexa.as_ref(),
            app.timing.progressive_after,
            checking,
        )
        .await
    }

    /// Asks every region of one account (see [`survey`]) while reading the user's history.
    pub async fn survey<T, F>(
        &self,
        app: &VoiceOps,
        t: &Messages,
        (inventory, regions): (&Arc<dyn Inventory>, &[String]),
        ask: F,
    ) -> (Survey<T>, Option<Recalled>)
    where
        T: Send + 'static,
        F: Fn(&dyn Inventory, String) -> BoxFuture<Result<T, InventoryError>>,
    {
        let work = survey(inventory, regions, app.timing, ask);
        let shape = (1, regions.len());
        tokio::join!(self.while_slow(app, t, shape, work), self.recall())
    }

    /// Asks every region of every account (see [`survey_estate`]) while reading the
    /// user's history.
    pub async fn survey_estate<T, F>(
        &self,
        app: &VoiceOps,
        t: &Messages,
        (members, regions): (&[Member], &[String]),
        ask: F,
    ) -> (EstateSurvey<T>, Option<Recalled>)
    where
        T: Send + 'static,
        F: Fn(&dyn Inventory, String) -> BoxFuture<Result<T, InventoryError>>,
    {
        let work = survey_estate(members, regions, app.timing, app.max_in_flight, ask);
        let shape = (members.len(), regions.len());
        tokio::join!(self.while_slow(app, t, shape, work), self.recall())
    }

    async fn recall(&self) -> Option<Recalled> {
        let history = match self.memory.as_ref()?.load().await {
            Ok(history) => history,
            Err(err) => {
                tracing::warn!(%err, "could not read the user's last counts");
                return None;
            }
        };
        let zone = match (&self.alexa, history.asked.is_empty()) {
            (Some(alexa), false) => alexa
                .time_zone()
                .await
                .inspect_err(|err| tracing::info!(%err, "no device time zone"))
                .ok(),
            _ => None,
        };
        Some(Recalled { history, zone })
    }

    /// `answer`, with the difference to the last complete answer to `question` added, and
    /// the new count remembered. A partial count (`None`) is neither compared nor kept.
    pub fn compared(
        &self,
        answer: Response,
        t: &Messages,
        recalled: Option<Recalled>,
        question: String,
        count: Option<u64>,
    ) -> Response {
        let (Some(memory), Some(now), Some(count), Some(recalled)) =
            (&self.memory, self.now, count, recalled)
        else {
            return answer;
        };
        let previous = recalled.history.asked.get(&question).copied();
        let twelve_hour = history::says_twelve_hour(t.locale());
        let zone = recalled.zone.as_deref();
        let change = history::change(previous, count, now, zone, twelve_hour);
        history::remember(memory, question, count, now);
        match change {
            Some(change) => speech::with_sentence(answer, &speech::change(t, &change)),
            None => answer,
        }
    }
}
