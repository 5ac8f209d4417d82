//! Golden responses: one file per directive type and per special case under
//! `tests/fixtures/responses/`, written from the typed builders and compared on every run. The
//! end-to-end crate loads each with Amazon's own model (`ask-sdk-model`) and fails on any field
//! it drops, renames or changes, so these files are what Amazon's SDK agrees with.
//!
//! After a deliberate change to the wire format: `UPDATE_GOLDEN=1 cargo test -p alexa-core
//! --test golden`, then review the diff.

use alexa_core::model::{
    AudioItem, AudioItemMetadata, AudioStream, CanFulfill, CanFulfillIntent, CanFulfillSlotValue,
    CardImage, ClearBehavior, ConfirmationStatus, ConnectionsOnCompletion, ConnectionsStatus,
    DelegationPeriod, Directive, DisplayImage, Entity, EntityListItem, EntityName, EventFilter,
    Expiration, HintText, HtmlConfiguration, HtmlStartRequest, HtmlTransformer, Intent,
    InterfaceEndpoint, InterfaceHeader, PlayBehavior, ProgressiveResponse, Slot, TargetProfile,
    TaskStatus, UpdateBehavior, VideoItem, VideoMetadata,
};
use alexa_core::ssml::Ssml;
use alexa_core::{Response, Speech};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/responses")
}

/// An intent with one filled, confirmed slot, as a dialog directive carries it forward.
fn order_intent() -> Intent {
    let mut intent = Intent {
        name: "OrderIntent".into(),
        confirmation_status: ConfirmationStatus::None,
        ..Intent::default()
    };
    intent.slots.insert(
        "size".into(),
        Slot {
            name: "size".into(),
            value: Some("large".into()),
            confirmation_status: ConfirmationStatus::Confirmed,
            ..Slot::default()
        },
    );
    intent
}

fn object(json: Value) -> serde_json::Map<String, Value> {
    match json {
        Value::Object(map) => map,
        _ => unreachable!("payloads are objects"),
    }
}

fn other(json: Value) -> Directive {
    match json {
        Value::Object(map) => Directive::Other(map),
        _ => unreachable!("directives are objects"),
    }
}

/// Every golden file: its name and its JSON, from the typed builders.
fn goldens() -> Vec<(&'static str, Value)> {
    fn wire(response: Response) -> Value {
        serde_json::to_value(response.into_envelope(None)).unwrap()
    }
    fn body<T: Serialize>(value: &T) -> Value {
        serde_json::to_value(value).unwrap()
    }
    let ssml = Ssml::builder().text("Fish & chips").pause_ms(300).build();
    let dynamic_types = vec![EntityListItem {
        name: "DrinkType".into(),
        values: vec![Entity {
            id: Some("MOCHA".into()),
            name: EntityName {
                value: "mocha".into(),
                synonyms: vec!["mocha latte".into()],
            },
        }],
    }];
    let mut sources = BTreeMap::new();
    sources.insert(
        "chime".to_string(),
        json!({"type": "APLA", "version": "0.91", "mainTemplate": {"item": {"type": "Audio", "source": "soundbank://soundlibrary/ui/gameshow/amzn_ui_sfx_gameshow_intro_01"}}}),
    );
    let mut datasources = BTreeMap::new();
    datasources.insert(
        "board".to_string(),
        json!({"title": "Orders", "rows": [1, 2]}),
    );
    vec![
        ("speech-plain-text-tell", wire(Response::tell("Goodbye."))),
        (
            "speech-ssml-ask-play-behavior",
            wire(Response::ask(
                Speech::ssml(ssml.clone()).play_behavior(PlayBehavior::ReplaceAll),
                "Anything else?",
            )),
        ),
        ("speech-end-turn", wire(Response::end_turn("Here you are."))),
        (
            "session-attributes",
            wire(
                Response::ask("Noted.", "Anything else?")
                    .session_attributes(&json!({"orders": 2, "last": "latte"}))
                    .unwrap(),
            ),
        ),
        ("card-simple", wire(Response::tell("x").simple_card("Orders", "Two lattes"))),
        (
            "card-standard",
            wire(Response::tell("x").standard_card(
                "Orders",
                "Two lattes",
                Some(CardImage {
                    small_image_url: Some("https://example.com/s.png".into()),
                    large_image_url: Some("https://example.com/l.png".into()),
                }),
            )),
        ),
        ("card-link-account", wire(Response::tell("x").link_account_card())),
        (
            "card-ask-for-permissions-consent",
            wire(Response::tell("x").permissions_card(["alexa::profile:given_name:read"])),
        ),
        (
            "reprompt-with-directives",
            wire(Response::ask("Which size?", "Which size?").reprompt_directive(other(
                json!({"type": "Alexa.Presentation.APLA.RenderDocument", "token": "chime", "document": {"type": "APLA", "version": "0.91", "mainTemplate": {"item": {"type": "Speech", "content": "Which size?"}}}}),
            ))),
        ),
        (
            "api-response",
            wire(Response::empty().api_response(json!({"orderId": "o-17", "drinks": 2}))),
        ),
        (
            "experimentation",
            wire(Response::tell("x").triggered_experiments(["welcome-v2"])),
        ),
        (
            "can-fulfill-intent",
            wire(Response::can_fulfill(
                CanFulfillIntent::new(CanFulfill::Yes)
                    .slot("size", CanFulfill::Yes, CanFulfillSlotValue::Yes)
                    .slot("drink", CanFulfill::Maybe, CanFulfillSlotValue::No),
            )),
        ),
        ("dialog-delegate", wire(Response::empty().delegate(Some(order_intent())))),
        (
            "dialog-elicit-slot",
            wire(Response::ask("Which drink?", "Which drink?").elicit_slot("drink", Some(order_intent()))),
        ),
        (
            "dialog-confirm-slot",
            wire(Response::ask("Large, right?", "Large?").confirm_slot("size", Some(order_intent()))),
        ),
        (
            "dialog-confirm-intent",
            wire(Response::ask("A large latte?", "Shall I?").confirm_intent(Some(order_intent()))),
        ),
        (
            "dialog-update-dynamic-entities",
            wire(Response::tell("x").directive(Directive::DialogUpdateDynamicEntities {
                update_behavior: UpdateBehavior::Replace,
                types: dynamic_types,
            })),
        ),
        (
            "apl-render-document",
            wire(Response::end_turn("Your orders.").directive(Directive::AplRenderDocument {
                token: "board".into(),
                document: json!({"type": "APL", "version": "2023.3", "mainTemplate": {"parameters": ["board"], "items": [{"type": "Text", "text": "${board.title}"}]}}),
                datasources,
                sources,
                packages: vec![json!({"name": "alexa-layouts", "version": "1.7.0"})],
            })),
        ),
        (
            "dialog-delegate-request",
            wire(Response::empty().directive(Directive::DialogDelegateRequest {
                target: "AMAZON.Conversations".into(),
                period: Some(DelegationPeriod {
                    until: "EXPLICIT_RETURN".into(),
                }),
                updated_request: Some(json!({"type": "Dialog.InputRequest", "input": {"name": "OrderDrink", "slots": {}}})),
            })),
        ),
        (
            "audio-player-play",
            wire(Response::tell("Playing.").directive(Directive::AudioPlayerPlay {
                play_behavior: PlayBehavior::ReplaceAll,
                audio_item: AudioItem {
                    stream: AudioStream {
                        url: "https://example.com/jazz.mp3".into(),
                        token: "jazz-1".into(),
                        expected_previous_token: None,
                        offset_in_milliseconds: 1500,
                        caption_data: None,
                    },
                    metadata: Some(AudioItemMetadata {
                        title: Some("Coffee house jazz".into()),
                        subtitle: Some("Track 1".into()),
                        art: Some(DisplayImage {
                            content_description: Some("A cup".into()),
                            sources: vec![json!({"url": "https://example.com/art.png"})],
                        }),
                        background_image: None,
                    }),
                },
            })),
        ),
        ("audio-player-stop", wire(Response::empty().directive(Directive::AudioPlayerStop {}))),
        (
            "audio-player-clear-queue",
            wire(Response::empty().directive(Directive::AudioPlayerClearQueue {
                clear_behavior: ClearBehavior::ClearEnqueued,
            })),
        ),
        (
            "video-app-launch",
            wire(Response::tell("Here it is.").directive(Directive::VideoAppLaunch {
                video_item: VideoItem {
                    source: "https://example.com/latte-art.mp4".into(),
                    metadata: Some(VideoMetadata {
                        title: Some("Latte art".into()),
                        subtitle: None,
                    }),
                },
            })),
        ),
        (
            "apl-execute-commands",
            wire(Response::empty().directive(Directive::AplExecuteCommands {
                token: "board".into(),
                commands: vec![json!({"type": "SpeakItem", "componentId": "title"})],
            })),
        ),
        (
            "apl-send-index-list-data",
            wire(Response::empty().directive(Directive::AplSendIndexListData {
                correlation_token: Some("c-1".into()),
                list_id: "orders".into(),
                list_version: Some(2),
                start_index: 10,
                minimum_inclusive_index: Some(0),
                maximum_exclusive_index: Some(20),
                items: vec![json!({"primaryText": "Latte"})],
            })),
        ),
        (
            "apl-send-token-list-data",
            wire(Response::empty().directive(Directive::AplSendTokenListData {
                correlation_token: Some("c-2".into()),
                list_id: "orders".into(),
                page_token: "p1".into(),
                next_page_token: Some("p2".into()),
                items: vec![json!({"primaryText": "Mocha"})],
            })),
        ),
        (
            "apl-update-index-list-data",
            wire(Response::empty().directive(Directive::AplUpdateIndexListData {
                token: "board".into(),
                list_id: "orders".into(),
                list_version: 3,
                operations: vec![json!({"type": "InsertItem", "index": 0, "item": {"primaryText": "Chai"}})],
            })),
        ),
        (
            "apla-render-document",
            wire(Response::empty().directive(Directive::AplaRenderDocument {
                token: "chime".into(),
                document: json!({"type": "APLA", "version": "0.91", "mainTemplate": {"item": {"type": "Speech", "contentType": "PlainText", "content": "Ready."}}}),
                datasources: BTreeMap::new(),
            })),
        ),
        (
            "aplt-render-document",
            wire(Response::empty().directive(Directive::ApltRenderDocument {
                token: "clock".into(),
                target_profile: Some(TargetProfile::FourCharacterClock),
                document: json!({"type": "APLT", "version": "1.0", "mainTemplate": {"item": {"type": "Text", "text": "BREW"}}}),
                datasources: BTreeMap::new(),
            })),
        ),
        (
            "aplt-execute-commands",
            wire(Response::empty().directive(Directive::AplExecuteTextCommands {
                token: "clock".into(),
                commands: vec![json!({"type": "SetValue", "componentId": "t", "property": "text", "value": "DONE"})],
            })),
        ),
        (
            "html-start",
            wire(Response::empty().directive(Directive::HtmlStart {
                data: Some(json!({"menu": ["latte", "mocha"]})),
                transformers: vec![HtmlTransformer {
                    transformer: "textToSpeech".into(),
                    input_path: "greeting".into(),
                    output_name: Some("greetingSpeech".into()),
                }],
                request: HtmlStartRequest {
                    method: "GET".into(),
                    uri: "https://example.com/menu.html".into(),
                    headers: None,
                },
                configuration: HtmlConfiguration {
                    timeout_in_seconds: 300,
                },
            })),
        ),
        (
            "html-handle-message",
            wire(Response::empty().directive(Directive::HtmlHandleMessage {
                message: json!({"selected": "latte"}),
                transformers: vec![],
            })),
        ),
        (
            "connections-send-request",
            wire(Response::empty().directive(Directive::ConnectionsSendRequest {
                name: "Buy".into(),
                payload: object(json!({"InSkillProduct": {"productId": "amzn1.adg.product.1"}})),
                token: "buy-1".into(),
            })),
        ),
        (
            "connections-send-response",
            wire(Response::empty().directive(Directive::ConnectionsSendResponse {
                status: ConnectionsStatus {
                    code: "200".into(),
                    message: "OK".into(),
                },
                payload: object(json!({"orderId": "o-1"})),
            })),
        ),
        (
            "connections-start-connection",
            wire(Response::empty().directive(Directive::ConnectionsStartConnection {
                uri: "connection://AMAZON.AskForPermissionsConsent/2".into(),
                on_completion: Some(ConnectionsOnCompletion::ResumeSession),
                input: object(json!({"@type": "AskForPermissionsConsentRequest", "@version": "2",
                    "permissionScopes": [{"permissionScope": "alexa::alerts:reminders:skill:readwrite", "consentLevel": "ACCOUNT"}]})),
                token: Some("consent-1".into()),
            })),
        ),
        (
            "conversations-reset-context",
            wire(Response::empty().directive(Directive::ConversationsResetContext {})),
        ),
        (
            "custom-interface-send-directive",
            wire(Response::empty().directive(Directive::CustomInterfaceSendDirective {
                header: InterfaceHeader {
                    namespace: "Custom.CoffeeMachine".into(),
                    name: "Brew".into(),
                },
                payload: json!({"cups": 2}),
                endpoint: InterfaceEndpoint {
                    endpoint_id: "amzn1.ask.endpoint.machine".into(),
                },
            })),
        ),
        (
            "custom-interface-start-event-handler",
            wire(Response::empty().directive(Directive::CustomInterfaceStartEventHandler {
                token: "brew-events".into(),
                event_filter: Some(EventFilter {
                    filter_expression: json!({"==": [{"var": "header.namespace"}, "Custom.CoffeeMachine"]}),
                    filter_match_action: "SEND".into(),
                }),
                expiration: Expiration {
                    duration_in_milliseconds: 60000,
                    expiration_payload: Some(json!({"reason": "timeout"})),
                },
            })),
        ),
        (
            "custom-interface-stop-event-handler",
            wire(Response::empty().directive(Directive::CustomInterfaceStopEventHandler {
                token: "brew-events".into(),
            })),
        ),
        (
            "tasks-complete-task",
            wire(Response::empty().directive(Directive::TasksCompleteTask {
                status: TaskStatus {
                    code: "200".into(),
                    message: Some("OK".into()),
                },
                result: object(json!({"ordered": true})),
            })),
        ),
        (
            "hint",
            wire(Response::end_turn("Ready.").directive(Directive::Hint {
                hint: HintText::PlainText {
                    text: "order a large latte".into(),
                },
            })),
        ),
        (
            "progressive-voice-player-speak",
            body(&ProgressiveResponse::speak(
                "amzn1.echo-api.request.0000",
                ssml.as_str(),
            )),
        ),
    ]
}

#[test]
fn golden_responses_match_the_typed_builders() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let dir = dir();
    if update {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut mismatched = Vec::new();
    for (name, value) in goldens() {
        let path = dir.join(format!("{name}.json"));
        let text = serde_json::to_string_pretty(&value).unwrap() + "\n";
        if update {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(kept) if kept == text => {}
            Ok(_) => mismatched.push(format!("{name}: differs")),
            Err(_) => mismatched.push(format!("{name}: missing")),
        }
    }
    assert!(
        mismatched.is_empty(),
        "golden responses changed: {mismatched:?}; after a deliberate change run \
         UPDATE_GOLDEN=1 cargo test -p alexa-core --test golden and review the diff"
    );
}

#[test]
fn every_golden_file_is_written_by_a_builder() {
    let known: Vec<String> = goldens().iter().map(|(n, _)| format!("{n}.json")).collect();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            known.contains(&name),
            "{name} is not produced by the builders"
        );
    }
}
