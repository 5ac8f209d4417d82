//! "Tell me when an instance stops", "stop telling me", "what do you tell me about?": the
//! subscription's three questions, and Alexa's events that end it.

use crate::state::VoiceOps;
use crate::subscriptions::{Changed, Subscriber, Subscriptions};
use alexa_core::extract::{Envelope, State};
use alexa_core::l10n::Messages;
use alexa_core::Response;
use alexa_services::NOTIFICATIONS;

/// Whether the request says the user granted the notifications permission.
fn may_notify(asked: &Envelope) -> bool {
    let user = asked.0.context.system.user.as_ref();
    let scopes = user
        .and_then(|u| u.permissions.as_ref())
        .and_then(|p| p.scopes.as_ref());
    scopes
        .and_then(|s| s.get(NOTIFICATIONS))
        .and_then(|scope| scope.get("status"))
        .and_then(|status| status.as_str())
        == Some("GRANTED")
}

fn user_id(asked: &Envelope) -> Option<String> {
    let user = asked.0.context.system.user.as_ref()?;
    (!user.user_id.is_empty()).then(|| user.user_id.clone())
}

/// The subscriptions and the asking user; none without a store or a user.
fn subscriptions_of(app: &VoiceOps, asked: &Envelope) -> Option<(Subscriptions, String)> {
    Some((app.subscriptions()?, user_id(asked)?))
}

/// What is said when there can be no subscription.
fn unavailable(t: &Messages) -> Response {
    Response::tell(t.text("notify-unavailable", &[]))
}

/// The store failed: logged with what was being done, and said plainly.
fn store_failed(t: &Messages, err: impl std::fmt::Display, doing: &str) -> Response {
    tracing::warn!(%err, "{doing}");
    Response::tell(t.text("notify-failed", &[]))
}

/// "Tell me when an instance stops": asks for the permission (its consent card) when it is
/// missing, else keeps the subscription.
pub async fn subscribe(t: Messages, asked: Envelope, State(app): State<VoiceOps>) -> Response {
    let Some((subscriptions, user)) = subscriptions_of(&app, &asked) else {
        return unavailable(&t);
    };
    if !may_notify(&asked) {
        return Response::tell(t.text("notify-needs-permission", &[]))
            .permissions_card([NOTIFICATIONS]);
    }
    let subscriber = Subscriber {
        locale: t.locale().to_owned(),
        api_endpoint: asked
            .0
            .context
            .system
            .api_endpoint
            .clone()
            .unwrap_or_default(),
    };
    match subscriptions.subscribe(&user, subscriber).await {
        Ok(Changed::Yes) => Response::tell(t.text("notify-on", &[])),
        Ok(Changed::AlreadySo) => Response::tell(t.text("notify-already", &[])),
        Err(err) => store_failed(&t, err, "the subscription was not saved"),
    }
}

/// "Stop telling me".
pub async fn unsubscribe(t: Messages, asked: Envelope, State(app): State<VoiceOps>) -> Response {
    let Some((subscriptions, user)) = subscriptions_of(&app, &asked) else {
        return unavailable(&t);
    };
    match subscriptions.unsubscribe(&user).await {
        Ok(Changed::Yes) => Response::tell(t.text("notify-off", &[])),
        Ok(Changed::AlreadySo) => Response::tell(t.text("notify-was-off", &[])),
        Err(err) => store_failed(&t, err, "the subscription was not removed"),
    }
}

/// "What do you tell me about?"
pub async fn status(t: Messages, asked: Envelope, State(app): State<VoiceOps>) -> Response {
    let Some((subscriptions, user)) = subscriptions_of(&app, &asked) else {
        return unavailable(&t);
    };
    match subscriptions.contains(&user).await {
        Ok(true) => Response::tell(t.text("notify-status-on", &[])),
        Ok(false) => Response::tell(t.text("notify-status-off", &[])),
        Err(err) => store_failed(&t, err, "the subscriptions could not be read"),
    }
}

/// The user disabled the skill, or turned its notifications off in the Alexa app: the
/// subscription ends (the answer to such an event is empty).
pub async fn ended_elsewhere(asked: Envelope, State(app): State<VoiceOps>) -> Response {
    let unsubscribe = match (&asked.0.request, app.subscriptions(), user_id(&asked)) {
        (request, Some(subscriptions), Some(user)) => {
            let body = serde_json::to_value(request).unwrap_or_default();
            let still_subscribed = body["body"]["subscriptions"]
                .as_array()
                .is_some_and(|events| !events.is_empty());
            let disabled = request.type_name() == "AlexaSkillEvent.SkillDisabled";
            (disabled || !still_subscribed).then_some((subscriptions, user))
        }
        _ => None,
    };
    if let Some((subscriptions, user)) = unsubscribe {
        if let Err(err) = subscriptions.unsubscribe(&user).await {
            tracing::warn!(%err, "the subscription could not be removed");
        }
    }
    Response::empty()
}
