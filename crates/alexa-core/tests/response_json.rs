//! The exact JSON Alexa receives for each kind of response.

use alexa_core::model::{
    CanFulfill, CanFulfillIntent, CanFulfillSlot, CardImage, Directive, Intent, PlayBehavior,
};
use alexa_core::ssml::Ssml;
use alexa_core::{Response, ShouldEndSession, Speech};
use serde_json::{json, Map};
use std::collections::BTreeMap;

fn wire(response: Response) -> serde_json::Value {
    serde_json::to_value(response.into_envelope(None)).unwrap()
}

#[test]
fn should_end_session_has_three_distinct_wire_forms() {
    assert_eq!(
        wire(Response::tell("Bye."))["response"]["shouldEndSession"],
        json!(true)
    );
    assert_eq!(
        wire(Response::ask("Which?", "Which one?"))["response"]["shouldEndSession"],
        json!(false)
    );
    let absent = wire(Response::end_turn("Here it is."));
    assert!(absent["response"].get("shouldEndSession").is_none());
    let explicit = wire(Response::tell("x").should_end(ShouldEndSession::Absent));
    assert!(explicit["response"].get("shouldEndSession").is_none());
}

#[test]
fn ask_with_card_and_ssml_reprompt() {
    let out = wire(
        Response::ask(
            Speech::ssml(
                Ssml::builder()
                    .text("R&D has ")
                    .say_as(alexa_core::ssml::SayAs::Cardinal, "3")
                    .text(" databases.")
                    .build(),
            )
            .play_behavior(PlayBehavior::ReplaceEnqueued),
            "Anything else?",
        )
        .standard_card(
            "Databases",
            "R&D: postgres",
            Some(CardImage {
                small_image_url: Some("https://example.com/s.png".into()),
                large_image_url: None,
            }),
        ),
    );
    assert_eq!(
        out,
        json!({
            "version": "1.0",
            "response": {
                "outputSpeech": {
                    "type": "SSML",
                    "ssml": "<speak>R&amp;D has <say-as interpret-as=\"cardinal\">3</say-as> databases.</speak>",
                    "playBehavior": "REPLACE_ENQUEUED"
                },
                "card": {"type": "Standard", "title": "Databases", "text": "R&D: postgres",
                         "image": {"smallImageUrl": "https://example.com/s.png"}},
                "reprompt": {"outputSpeech": {"type": "PlainText", "text": "Anything else?"}},
                "shouldEndSession": false
            }
        })
    );
}

#[test]
fn dialog_directives_carry_the_updated_intent() {
    let intent = Intent {
        name: "CountInstancesIntent".into(),
        ..Intent::default()
    };
    let out =
        wire(Response::ask("Which region?", "Which region?").elicit_slot("region", Some(intent)));
    assert_eq!(
        out["response"]["directives"],
        json!([{"type": "Dialog.ElicitSlot", "slotToElicit": "region",
                "updatedIntent": {"name": "CountInstancesIntent", "confirmationStatus": "NONE"}}])
    );
    let out = wire(
        Response::empty()
            .delegate(None)
            .confirm_slot("state", None)
            .confirm_intent(None),
    );
    let types: Vec<_> = out["response"]["directives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["type"].clone())
        .collect();
    assert_eq!(
        types,
        vec![
            json!("Dialog.Delegate"),
            json!("Dialog.ConfirmSlot"),
            json!("Dialog.ConfirmIntent")
        ]
    );
}

#[test]
fn apl_and_arbitrary_directives() {
    let mut sources = BTreeMap::new();
    sources.insert("fleet".to_string(), json!({"running": 3}));
    let mut other = Map::new();
    other.insert("type".into(), json!("AudioPlayer.Stop"));
    let out = wire(
        Response::end_turn("Here is your fleet.")
            .apl_document(
                "fleet",
                json!({"type": "APL", "version": "2023.3"}),
                sources,
            )
            .directive(Directive::Other(other)),
    );
    assert_eq!(
        out["response"]["directives"],
        json!([
            {"type": "Alexa.Presentation.APL.RenderDocument", "token": "fleet",
             "document": {"type": "APL", "version": "2023.3"}, "datasources": {"fleet": {"running": 3}}},
            {"type": "AudioPlayer.Stop"}
        ])
    );
    let back: alexa_core::model::ResponseEnvelope = serde_json::from_value(out).unwrap();
    assert_eq!(back.response.directives[1].type_name(), "AudioPlayer.Stop");
}

#[test]
fn cards_of_every_type() {
    assert_eq!(
        wire(Response::tell("x").simple_card("T", "C"))["response"]["card"],
        json!({"type": "Simple", "title": "T", "content": "C"})
    );
    assert_eq!(
        wire(Response::tell("x").link_account_card())["response"]["card"],
        json!({"type": "LinkAccount"})
    );
    assert_eq!(
        wire(Response::tell("x").permissions_card(["alexa::profile:email:read"]))["response"]
            ["card"],
        json!({"type": "AskForPermissionsConsent", "permissions": ["alexa::profile:email:read"]})
    );
}

#[test]
fn can_fulfill_answers_have_no_speech() {
    let mut slots = BTreeMap::new();
    slots.insert(
        "region".to_string(),
        CanFulfillSlot {
            can_understand: CanFulfill::Maybe,
            can_fulfill: alexa_core::model::CanFulfillSlotValue::No,
        },
    );
    let out = wire(Response::can_fulfill(CanFulfillIntent {
        can_fulfill: CanFulfill::Yes,
        slots,
    }));
    assert_eq!(
        out,
        json!({"version": "1.0", "response": {"canFulfillIntent": {"canFulfill": "YES",
               "slots": {"region": {"canUnderstand": "MAYBE", "canFulfill": "NO"}}}}})
    );
}

#[test]
fn session_attributes_must_be_an_object() {
    assert!(Response::ask("a", "b").session_attributes(&42).is_err());
    let out = Response::ask("a", "b")
        .session_attributes(&json!({"k": 1}))
        .unwrap()
        .into_envelope(None);
    assert_eq!(out.session_attributes.unwrap()["k"], 1);
}

/// `VoicePlayer.Speak` is the body of a progressive response, never a response directive:
/// the typed model has no way to put it into `response.directives`.
#[test]
fn voice_player_speak_travels_only_as_a_progressive_response() {
    use alexa_core::model::{ProgressiveDirective, ProgressiveResponse};
    let body = ProgressiveResponse::speak("amzn1.echo-api.request.7", "<speak>One moment</speak>");
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"header": {"requestId": "amzn1.echo-api.request.7"},
               "directive": {"type": "VoicePlayer.Speak", "speech": "<speak>One moment</speak>"}})
    );
    let back: ProgressiveResponse =
        serde_json::from_value(serde_json::to_value(&body).unwrap()).unwrap();
    assert!(
        matches!(back.directive, ProgressiveDirective::VoicePlayerSpeak { ref speech } if speech == "<speak>One moment</speak>")
    );
    // A response directive of that type can only be raw JSON, and reads back as such.
    let raw: Directive =
        serde_json::from_value(json!({"type": "VoicePlayer.Speak", "speech": "x"})).unwrap();
    assert!(matches!(raw, Directive::Other(_)));
}

/// Amazon's model makes both members of a reprompt optional: an APL-A document alone is a
/// valid reprompt, and speech with directives too.
#[test]
fn a_reprompt_can_be_directives_alone_or_speech_and_directives() {
    let mut apla = Map::new();
    apla.insert(
        "type".into(),
        json!("Alexa.Presentation.APLA.RenderDocument"),
    );
    apla.insert("token".into(), json!("chime"));
    let only =
        wire(Response::ask("Which size?", "x").reprompt_directive(Directive::Other(apla.clone())));
    assert_eq!(
        only["response"]["reprompt"],
        json!({"outputSpeech": {"type": "PlainText", "text": "x"},
               "directives": [{"type": "Alexa.Presentation.APLA.RenderDocument", "token": "chime"}]})
    );
    let back: alexa_core::model::ResponseEnvelope = serde_json::from_value(
        json!({"version": "1.0", "response": {"reprompt": {"directives": [
            {"type": "Alexa.Presentation.APLA.RenderDocument", "token": "chime"}]}}}),
    )
    .unwrap();
    let reprompt = back.response.reprompt.unwrap();
    assert!(reprompt.output_speech.is_none());
    assert_eq!(
        reprompt.directives[0].type_name(),
        "Alexa.Presentation.APLA.RenderDocument"
    );
}

#[test]
fn api_response_experimentation_and_render_document_sources_and_packages() {
    let out = wire(
        Response::end_turn("Booked.")
            .api_response(json!({"bookingId": "b-17", "seats": 2}))
            .triggered_experiments(["exp-1"])
            .directive(Directive::AplRenderDocument {
                token: "t".into(),
                document: json!({"type": "Link", "src": "doc://alexa/apl/documents/board"}),
                datasources: BTreeMap::new(),
                sources: BTreeMap::from([("chime".to_string(), json!({"type": "APLA"}))]),
                packages: vec![json!({"name": "alexa-layouts", "version": "1.7.0"})],
            }),
    );
    let body = &out["response"];
    assert_eq!(
        body["apiResponse"],
        json!({"bookingId": "b-17", "seats": 2})
    );
    assert_eq!(
        body["experimentation"],
        json!({"triggeredExperiments": ["exp-1"]})
    );
    assert_eq!(
        body["directives"][0]["sources"],
        json!({"chime": {"type": "APLA"}})
    );
    assert_eq!(
        body["directives"][0]["packages"],
        json!([{"name": "alexa-layouts", "version": "1.7.0"}])
    );
    let back: alexa_core::model::ResponseEnvelope = serde_json::from_value(out.clone()).unwrap();
    assert_eq!(
        serde_json::to_value(&back).unwrap(),
        out,
        "round trip keeps every field"
    );
}
