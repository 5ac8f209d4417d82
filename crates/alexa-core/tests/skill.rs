//! The request path as a user of the framework sees it: routing, extractors, errors,
//! panics, the skill-ID check, session attributes and limits.

use alexa_core::extract::{
    ApiAccess, Envelope, Locale, SessionAttrs, SlotError, SlotRejection, Slots, State,
};
use alexa_core::model::{DialogState, Intent, SessionEndedReason};
use alexa_core::testing::{ResponseExt, TestRequest, TEST_SKILL_ID};
use alexa_core::{
    builtin, BuildError, FromSlot, FromSlots, InvocationError, Response, Skill, SkillError,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(FromSlot, Debug, Clone, Copy, PartialEq)]
enum InstanceState {
    #[slot(id = "running")]
    Running,
    #[slot(id = "stopped")]
    Stopped,
}

#[derive(FromSlots, Debug)]
struct CountArgs {
    state: Option<InstanceState>,
    #[slot(name = "Region")]
    region: Option<alexa_core::extract::ResolvedSlot>,
}

#[derive(FromSlots, Debug)]
struct NumberArgs {
    count: u32,
}

#[derive(FromSlots, Debug)]
struct ListArgs {
    engines: Vec<String>,
}

#[derive(Serialize, Deserialize, Default, Debug, PartialEq)]
#[serde(default)]
struct Turns {
    count: u32,
}

async fn count(Slots(args): Slots<CountArgs>) -> String {
    format!(
        "{:?} in {}",
        args.state,
        args.region
            .map(|r| r.name)
            .unwrap_or_else(|| "all regions".into())
    )
}

async fn turns(SessionAttrs(mut turns): SessionAttrs<Turns>) -> Result<Response, SkillError> {
    turns.count += 1;
    Response::ask(format!("Turn {}.", turns.count), "Go on.").session_attributes(&turns)
}

async fn fails() -> Result<Response, SkillError> {
    Err(SkillError::msg("AWS said no"))
}

async fn fails_with_speech() -> Result<Response, SkillError> {
    Err(SkillError::msg("throttled").with_speech("AWS is busy. Try again in a minute."))
}

async fn panics() -> Response {
    let items: Vec<u32> = Vec::new();
    Response::tell(format!("{}", items[3]))
}

fn skill() -> Skill<&'static str> {
    Skill::with_state("state-value")
        .skill_id(TEST_SKILL_ID)
        .launch(|| async { Response::ask("Welcome to voice ops.", "What would you like?") })
        .intent("CountIntent", count)
        .intent("TurnsIntent", turns)
        .intent("FailIntent", fails)
        .intent("FailSpokenIntent", fails_with_speech)
        .intent("PanicIntent", panics)
        .intent("NumberIntent", |Slots(n): Slots<NumberArgs>| async move {
            format!("{}", n.count * 2)
        })
        .intent("ListIntent", |Slots(l): Slots<ListArgs>| async move {
            l.engines.join(" and ")
        })
        .intent("StateIntent", |State(s): State<&'static str>| async move {
            s.to_string()
        })
        .intent("LocaleIntent", |Locale(l): Locale| async move { l })
        .intent("DialogIntent", |d: Option<DialogState>| async move {
            format!("{d:?}")
        })
        .intent(
            "ApiIntent",
            |api: ApiAccess, Envelope(env): Envelope| async move {
                format!("{} {}", api.endpoint, env.request.request_id())
            },
        )
        .intent(
            "ManualSlotIntent",
            |slots: Result<Slots<NumberArgs>, SlotRejection>| async move {
                match slots {
                    Ok(Slots(n)) => Response::tell(n.count.to_string()),
                    Err(SlotRejection {
                        error: SlotError::Missing,
                        ..
                    }) => Response::ask("How many?", "How many?"),
                    Err(other) => Response::tell(format!("{:?}", other.error)),
                }
            },
        )
        .intent(
            "WrongExtractorIntent",
            |_: alexa_core::model::IntentRequest| async { "ok" },
        )
        .on_request(
            "Alexa.Presentation.APLA.Future",
            |Envelope(e): Envelope| async move {
                Response::tell(format!("got {}", e.request.type_name()))
            },
        )
        .intent(builtin::HELP, || async {
            Response::ask(
                "Ask how many instances are running.",
                "What would you like?",
            )
        })
        .intent(builtin::STOP, || async { "Goodbye." })
        .intent(builtin::CANCEL, || async { "Goodbye." })
        .fallback(|intent: Option<Intent>| async move {
            Response::ask(
                format!(
                    "I can't do {} yet.",
                    intent.map(|i| i.name).unwrap_or_default()
                ),
                "What would you like?",
            )
        })
        .build()
        .expect("valid skill")
}

async fn ask(req: TestRequest) -> alexa_core::model::ResponseEnvelope {
    skill().handle(req.build()).await.expect("answered")
}

#[tokio::test]
async fn launch_welcomes_and_listens() {
    let r = ask(TestRequest::launch()).await;
    assert_eq!(r.speech_text(), "Welcome to voice ops.");
    assert_eq!(r.reprompt_text().as_deref(), Some("What would you like?"));
    assert!(r.keeps_session_open());
}

#[tokio::test]
async fn typed_slots_resolve_by_id_and_ignore_the_spoken_form() {
    let r = ask(TestRequest::intent("CountIntent")
        .resolved_slot(
            "state",
            "turned off",
            "InstanceStateType",
            "stopped",
            "stopped",
        )
        .resolved_slot(
            "Region",
            "frankfurt",
            "RegionType",
            "eu-central-1",
            "Frankfurt",
        ))
    .await;
    assert_eq!(r.speech_text(), "Some(Stopped) in Frankfurt");
    assert!(r.ends_session());
}

#[tokio::test]
async fn missing_optional_slots_are_none() {
    let r = ask(TestRequest::intent("CountIntent")
        .empty_slot("state")
        .empty_slot("Region"))
    .await;
    assert_eq!(r.speech_text(), "None in all regions");
}

#[tokio::test]
async fn unresolved_slot_is_named_back_and_reprompted_never_guessed() {
    let r =
        ask(TestRequest::intent("CountIntent").unresolved_slot("Region", "franfut", "RegionType"))
            .await;
    assert_eq!(
        r.speech_text(),
        "I don't know the region franfut. Which region do you mean?"
    );
    assert!(r.keeps_session_open());
    assert!(r.reprompt_text().is_some());
}

#[tokio::test]
async fn missing_required_slot_elicits_it() {
    let r = ask(TestRequest::intent("NumberIntent")).await;
    assert_eq!(r.directive_types(), vec!["Dialog.ElicitSlot"]);
    assert_eq!(r.speech_text(), "Which count?");
    assert!(r.keeps_session_open());
}

/// Dialog directives are only allowed in reply to an IntentRequest: a handler that needs a
/// slot on a launch or a CanFulfillIntentRequest asks plainly instead of eliciting it for an
/// intent with no name.
#[tokio::test]
async fn a_missing_slot_outside_an_intent_request_is_asked_without_a_dialog_directive() {
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .launch(|Slots(n): Slots<NumberArgs>| async move { n.count.to_string() })
        .can_fulfill(|Slots(n): Slots<NumberArgs>| async move { n.count.to_string() })
        .build()
        .unwrap();
    let r = skill.handle(TestRequest::launch().build()).await.unwrap();
    assert_eq!(r.speech_text(), "Which count?");
    assert!(r.directive_types().is_empty(), "{:?}", r.directive_types());
    assert!(r.keeps_session_open());
    let r = skill
        .handle(TestRequest::can_fulfill("NumberIntent").build())
        .await
        .unwrap();
    assert!(r.directive_types().is_empty(), "{:?}", r.directive_types());
}

#[tokio::test]
async fn a_number_slot_that_is_not_a_number_is_an_invalid_value() {
    let r = ask(TestRequest::intent("NumberIntent").slot("count", "?")).await;
    assert!(r
        .speech_text()
        .contains("I expected a number for the count, but heard ?"));
    let r = ask(TestRequest::intent("NumberIntent").slot("count", "21")).await;
    assert_eq!(r.speech_text(), "42");
}

#[tokio::test]
async fn a_handler_can_take_the_rejection_and_decide() {
    let r = ask(TestRequest::intent("ManualSlotIntent")).await;
    assert_eq!(r.speech_text(), "How many?");
    assert!(r.directive_types().is_empty());
}

#[tokio::test]
async fn multi_value_slots_keep_their_order() {
    let r =
        ask(TestRequest::intent("ListIntent").list_slot("engines", &["mysql", "postgres"])).await;
    assert_eq!(r.speech_text(), "mysql and postgres");
}

#[tokio::test]
async fn session_attributes_round_trip_typed() {
    let r = ask(TestRequest::intent("TurnsIntent").session_attributes(json!({"count": 2}))).await;
    assert_eq!(r.speech_text(), "Turn 3.");
    assert_eq!(r.session_attributes_as::<Turns>(), Some(Turns { count: 3 }));
}

#[tokio::test]
async fn attributes_are_carried_forward_when_a_handler_does_not_touch_them() {
    let r = ask(TestRequest::launch().session_attributes(json!({"region": "eu-west-1"}))).await;
    assert_eq!(r.session_attributes.unwrap()["region"], "eu-west-1");
    let r =
        ask(TestRequest::intent(builtin::STOP).session_attributes(json!({"region": "x"}))).await;
    assert!(
        r.session_attributes.is_none(),
        "an ended session carries nothing"
    );
}

#[tokio::test]
async fn handler_errors_become_an_apology_that_ends_the_session() {
    let r = ask(TestRequest::intent("FailIntent")).await;
    assert_eq!(r.speech_text(), alexa_core::APOLOGY);
    assert!(r.ends_session());
    let r = ask(TestRequest::intent("FailSpokenIntent")).await;
    assert_eq!(r.speech_text(), "AWS is busy. Try again in a minute.");
}

#[tokio::test]
async fn panics_never_escape() {
    let r = ask(TestRequest::intent("PanicIntent")).await;
    assert_eq!(r.speech_text(), alexa_core::APOLOGY);
    assert!(r.ends_session());
}

#[tokio::test]
async fn an_extractor_that_does_not_fit_the_request_is_an_error_not_a_panic() {
    let r = ask(TestRequest::launch()).await;
    assert!(!r.speech_text().is_empty());
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .launch(|i: Intent| async move { i.name })
        .build()
        .unwrap();
    let r = skill.handle(TestRequest::launch().build()).await.unwrap();
    assert_eq!(r.speech_text(), alexa_core::APOLOGY);
}

#[tokio::test]
async fn extractors_for_state_locale_dialog_and_api_access() {
    assert_eq!(
        ask(TestRequest::intent("StateIntent")).await.speech_text(),
        "state-value"
    );
    assert_eq!(
        ask(TestRequest::intent("LocaleIntent").locale("de-DE"))
            .await
            .speech_text(),
        "de-DE"
    );
    let r = ask(TestRequest::intent("DialogIntent").dialog_state(DialogState::InProgress)).await;
    assert_eq!(r.speech_text(), "Some(InProgress)");
    assert_eq!(
        ask(TestRequest::intent("DialogIntent")).await.speech_text(),
        "None"
    );
    let r = ask(TestRequest::intent("ApiIntent")).await;
    assert_eq!(
        r.speech_text(),
        "https://api.amazonalexa.com amzn1.echo-api.request.test"
    );
}

#[tokio::test]
async fn unknown_intents_go_to_the_fallback() {
    let r = ask(TestRequest::intent(
        "AMAZON.PlaybackAction<object@MusicCreativeWork>",
    ))
    .await;
    assert_eq!(
        r.speech_text(),
        "I can't do AMAZON.PlaybackAction<object@MusicCreativeWork> yet."
    );
}

#[tokio::test]
async fn unknown_request_types_are_routed_by_name_or_answered_empty() {
    let r = ask(TestRequest::other(
        json!({"type": "Alexa.Presentation.APLA.Future", "requestId": "x"}),
    ))
    .await;
    assert_eq!(r.speech_text(), "got Alexa.Presentation.APLA.Future");
    let r = ask(TestRequest::other(
        json!({"type": "Something.New", "requestId": "y", "extra": [1]}),
    ))
    .await;
    assert!(r.response.output_speech.is_none());
    assert_eq!(r.response.should_end_session, None);
}

#[tokio::test]
async fn session_ended_answers_carry_no_speech() {
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .session_ended(|| async { "this must not be spoken" })
        .build()
        .unwrap();
    let r = skill
        .handle(TestRequest::session_ended(SessionEndedReason::UserInitiated).build())
        .await
        .unwrap();
    assert_eq!(r.response, Default::default());
}

#[tokio::test]
async fn can_fulfill_defaults_to_no() {
    let r = ask(TestRequest::can_fulfill("CountIntent")).await;
    let answer = r.response.can_fulfill_intent.unwrap();
    assert_eq!(answer.can_fulfill, alexa_core::model::CanFulfill::No);
    assert!(r.response.output_speech.is_none());
}

#[tokio::test]
async fn another_skills_request_is_refused_before_any_handler() {
    let err = skill()
        .handle(
            TestRequest::launch()
                .skill_id("amzn1.ask.skill.someone-else")
                .build(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, InvocationError::SkillIdMismatch { got: Some(ref id) } if id == "amzn1.ask.skill.someone-else")
    );
}

#[tokio::test]
async fn skill_id_falls_back_to_the_session_application() {
    let mut req = TestRequest::launch().build();
    req.context.system.application = None;
    assert!(skill().handle(req).await.is_ok());
}

#[tokio::test]
async fn non_alexa_input_is_the_only_invocation_failure() {
    let s = skill();
    for bad in [
        &b"not json"[..],
        b"{}",
        b"[1,2]",
        b"{\"request\":{\"no\":\"type\"}}",
        b"",
    ] {
        assert!(
            matches!(
                s.handle_json(bad).await,
                Err(InvocationError::NotAnAlexaRequest(_))
            ),
            "{bad:?}"
        );
    }
}

#[tokio::test]
async fn over_limit_responses_are_replaced_by_an_apology() {
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .launch(|| async { Response::tell("word ".repeat(2000)) })
        .intent("Big", || async {
            Response::ask("ok", "ok").session_attributes(&json!({"blob": "x".repeat(130_000)}))
        })
        .intent("Roomy", || async {
            Response::ask("ok", "ok").session_attributes(&json!({"blob": "x".repeat(30_000)}))
        })
        .build()
        .unwrap();
    // 30 KB passes: Amazon's current limit is 120 KB, not the 24 KB of older pages.
    let r = skill
        .handle(TestRequest::intent("Roomy").build())
        .await
        .unwrap();
    assert_eq!(r.speech_text(), "ok");
    let bytes = skill
        .handle_json(&serde_json::to_vec(&TestRequest::intent("Roomy").build()).unwrap())
        .await
        .unwrap();
    assert!(bytes.len() > 30_000, "sent whole");
    let r = skill.handle(TestRequest::launch().build()).await.unwrap();
    assert_eq!(r.speech_text(), alexa_core::APOLOGY);
    let r = skill
        .handle(TestRequest::intent("Big").build())
        .await
        .unwrap();
    assert_eq!(r.speech_text(), alexa_core::APOLOGY);
    assert!(r.session_attributes.is_none());
}

#[test]
fn the_builder_refuses_wiring_mistakes() {
    let no_id = Skill::builder().skip_builtin_check().build().unwrap_err();
    assert_eq!(no_id, BuildError::NoSkillId);
    let no_help = Skill::builder().accept_any_skill_id().build().unwrap_err();
    assert_eq!(no_help, BuildError::MissingBuiltin(builtin::HELP));
    let twice = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .intent("A", || async { "a" })
        .intent("A", || async { "b" })
        .build()
        .unwrap_err();
    assert_eq!(twice, BuildError::Duplicate("A".into()));
}

#[test]
fn routes_report_the_slots_their_handlers_extract() {
    let s = skill();
    let routes = s.intent_routes();
    let count = routes.iter().find(|(n, _)| *n == "CountIntent").unwrap();
    assert_eq!(count.1, vec!["state", "Region"]);
}

#[tokio::test]
async fn the_deadline_layer_answers_before_alexa_gives_up() {
    use tower::{Layer, Service};
    let slow = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .launch(|| async {
            tokio::time::sleep(std::time::Duration::from_secs(30)).await;
            "late"
        })
        .build()
        .unwrap();
    let mut guarded =
        alexa_core::deadline::DeadlineLayer::new(std::time::Duration::from_millis(20)).layer(slow);
    let r = guarded.call(TestRequest::launch().build()).await.unwrap();
    assert_eq!(r.speech_text(), alexa_core::TOO_SLOW);
}

/// Every kind of failure reaches the one error handler, typed, with the request: a skill
/// answers each in the request's language. A broken error handler still leaves an apology.
#[tokio::test]
async fn every_failure_reaches_the_error_handler_with_the_request() {
    use alexa_core::deadline::DeadlineLayer;
    use alexa_core::Failure;
    use std::time::Duration;
    use tower::Layer;
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .intent("FailIntent", fails)
        .intent("PanicIntent", panics)
        .intent("HugeIntent", || async { "x".repeat(9000) })
        .intent("SlowIntent", || async {
            tokio::time::sleep(Duration::from_secs(30)).await;
            "late"
        })
        .intent("BrokenApologyIntent", || async {
            Err::<Response, _>(SkillError::msg("the apology itself breaks"))
        })
        .on_error(|failure: &Failure, request| {
            let kind = match failure {
                Failure::HandlerError(e) if e.to_string().contains("apology itself") => {
                    panic!("an error handler with a bug")
                }
                Failure::HandlerError(_) => "Fehler",
                Failure::HandlerPanicked { .. } => "Absturz",
                Failure::DeadlinePassed { .. } => "Zeit",
                Failure::LimitExceeded(_) => "Grenze",
                _ => "anders",
            };
            Response::tell(format!("{kind} ({})", request.locale().unwrap_or("?")))
        })
        .build()
        .unwrap();
    let guarded = DeadlineLayer::new(Duration::from_millis(20)).layer(skill);
    for (intent, heard) in [
        ("FailIntent", "Fehler (de-DE)"),
        ("PanicIntent", "Absturz (de-DE)"),
        ("HugeIntent", "Grenze (de-DE)"),
        ("SlowIntent", "Zeit (de-DE)"),
        ("BrokenApologyIntent", alexa_core::APOLOGY),
    ] {
        let request = TestRequest::intent(intent).locale("de-DE").build();
        let r = guarded.handle(request).await.unwrap();
        assert_eq!(r.speech_text(), heard, "{intent}");
        assert!(r.ends_session(), "{intent}");
    }
}

/// `on_request("IntentRequest", ..)` catches every intent without a handler of its own,
/// before the fallback.
#[tokio::test]
async fn a_handler_for_the_intent_request_type_runs_for_intents_without_their_own() {
    let skill = Skill::builder()
        .accept_any_skill_id()
        .skip_builtin_check()
        .intent("OwnIntent", || async { "own" })
        .on_request("IntentRequest", |i: Intent| async move {
            format!("any: {}", i.name)
        })
        .fallback(|| async { "fallback" })
        .build()
        .unwrap();
    let said = |name: &str| {
        let skill = skill.clone();
        let request = TestRequest::intent(name).build();
        async move { skill.handle(request).await.unwrap().speech_text() }
    };
    assert_eq!(said("OwnIntent").await, "own");
    assert_eq!(said("OtherIntent").await, "any: OtherIntent");
}
