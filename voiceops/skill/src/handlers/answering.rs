//! [`Answering`]: what every question about the estate is answered with (the skill, the
//! user's language, the request, the Alexa APIs and history, the screen), extracted once, so
//! a handler takes its slots and this, and starts with [`Answering::start`].

use super::answer_context::AnswerContext;
use super::asked_accounts::asked_accounts;
use super::question::{rejected, scope_of, Covers, Question};
use crate::state::VoiceOps;
use alexa_core::extract::{AplScreen, Envelope, FromRequest, Missing, SlotRejection, Slots};
use alexa_core::l10n::Messages;
use alexa_core::model::RequestEnvelope;
use alexa_core::Response;
use std::sync::Arc;

/// A question's slots as extracted: read, or why not.
pub(crate) type Asked<A> = Result<Slots<A>, SlotRejection>;

/// Everything a question about the estate is answered with.
pub(crate) struct Answering {
    pub(super) app: VoiceOps,
    pub(super) t: Messages,
    pub(super) asked: Envelope,
    pub(super) context: AnswerContext,
    /// The device's screen, when it has one that shows APL.
    pub(super) screen: Option<AplScreen>,
}

impl FromRequest<VoiceOps> for Answering {
    type Rejection = Missing;
    fn from_request(req: &Arc<RequestEnvelope>, app: &VoiceOps) -> Result<Self, Missing> {
        let Ok(asked) = Envelope::from_request(req, app);
        let Ok(context) = AnswerContext::from_request(req, app);
        Ok(Self {
            app: app.clone(),
            t: Messages::from_request(req, app)?,
            asked,
            context,
            screen: AplScreen::from_request(req, app).ok(),
        })
    }
}

impl Answering {
    /// Reads the question's slots, then finds the accounts and the regions it covers; or
    /// the answer that ends it early (an unknown region or account asked for again, AWS not
    /// listing its regions or the organization its accounts).
    pub(super) async fn start<A: Covers>(&self, args: Asked<A>) -> Result<(Question, A), Response> {
        let (app, t) = (&self.app, &self.t);
        let Slots(mut args) = args.map_err(|rejection| rejected(t, rejection, &self.asked))?;
        let accounts = asked_accounts(app, t, args.account(), &self.asked).await?;
        let (scope, regions) = scope_of(app, t, args.region()).await?;
        let question = Question {
            accounts,
            scope,
            regions,
        };
        Ok((question, args))
    }
}
