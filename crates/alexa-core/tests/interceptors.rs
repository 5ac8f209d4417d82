//! Request and response interceptors: they see every request, can refuse one, can change
//! every answer, run in the order added, and their failures are answered like a handler's.

use alexa_core::intercept::{RequestService, SharedRequest};
use alexa_core::testing::{ResponseExt, TestRequest};
use alexa_core::{Failure, Response, Skill, SkillError};
use std::sync::{Arc, Mutex};
use tower::{service_fn, Layer, ServiceExt};

fn base() -> alexa_core::SkillBuilder<()> {
    Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .launch(|| async { Response::ask("Welcome.", "Ask me.") })
        .on_error(|failure, _| match failure {
            Failure::HandlerError(e) => Response::tell(format!("Refused: {e}.")),
            Failure::HandlerPanicked { .. } => Response::tell("A layer panicked."),
            _ => Response::tell("Other failure."),
        })
}

#[tokio::test]
async fn every_request_is_seen_in_order_and_answers_can_be_changed() {
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let (first, second) = (Arc::clone(&log), Arc::clone(&log));
    let skill = base()
        .request_interceptor(move |r| {
            first
                .lock()
                .unwrap()
                .push(format!("1:{}", r.request.type_name()));
            Ok(())
        })
        .request_interceptor(move |r| {
            second
                .lock()
                .unwrap()
                .push(format!("2:{}", r.request.type_name()));
            Ok(())
        })
        .response_interceptor(|_, response| {
            *response = std::mem::take(response).simple_card("Voice Ops", "seen");
        })
        .build()
        .unwrap();
    let launch = skill.handle(TestRequest::launch().build()).await.unwrap();
    assert_eq!(launch.speech_text(), "Welcome.");
    assert_eq!(launch.card_text(), Some(("Voice Ops", "seen")));
    // No handler for this intent: the default answer passes through the interceptors too.
    let other = skill
        .handle(TestRequest::intent("Unknown").build())
        .await
        .unwrap();
    assert_eq!(other.speech_text(), alexa_core::CANNOT_HELP);
    assert_eq!(
        *log.lock().unwrap(),
        [
            "1:LaunchRequest",
            "2:LaunchRequest",
            "1:IntentRequest",
            "2:IntentRequest"
        ]
    );
}

#[tokio::test]
async fn a_refusing_interceptor_keeps_the_handler_from_running() {
    let skill = base()
        .request_interceptor(|r| match r.locale() {
            Some("fr-FR") => Err(SkillError::msg("unsupported locale")),
            _ => Ok(()),
        })
        .build()
        .unwrap();
    let refused = skill
        .handle(TestRequest::launch().locale("fr-FR").build())
        .await
        .unwrap();
    assert_eq!(refused.speech_text(), "Refused: unsupported locale.");
    let fine = skill.handle(TestRequest::launch().build()).await.unwrap();
    assert_eq!(fine.speech_text(), "Welcome.");
}

#[tokio::test]
async fn a_panicking_layer_is_answered_not_propagated() {
    let skill = base()
        .response_interceptor(|_, _| panic!("metrics backend exploded"))
        .build()
        .unwrap();
    let answer = skill.handle(TestRequest::launch().build()).await.unwrap();
    assert_eq!(answer.speech_text(), "A layer panicked.");
}

/// A hand-written tower layer: puts a value in the request's extensions for the handler.
#[derive(Clone)]
struct Tenant(&'static str);

impl Layer<RequestService> for Tenant {
    type Service = RequestService;
    fn layer(&self, inner: RequestService) -> RequestService {
        let tenant = self.0;
        RequestService::new(service_fn(move |turn: SharedRequest| {
            turn.extensions.insert(tenant);
            inner.clone().oneshot(turn)
        }))
    }
}

#[tokio::test]
async fn any_tower_layer_can_hand_values_to_handlers() {
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .layer(Tenant("acme"))
        .launch(|alexa_core::extract::Envelope(env)| async move {
            let tenant = env.extensions.get::<&'static str>().map(|t| *t);
            Response::tell(format!("Hello {}.", tenant.unwrap_or("nobody")))
        })
        .build()
        .unwrap();
    let answer = skill.handle(TestRequest::launch().build()).await.unwrap();
    assert_eq!(answer.speech_text(), "Hello acme.");
}
