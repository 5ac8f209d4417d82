//! Interface request types parse into their typed variants, and the rest stay raw.

use alexa_core::model::{AudioPlayerEvent, PlaybackCommand, Request, RequestEnvelope};
use serde_json::json;

fn parse(request: serde_json::Value) -> Request {
    let env: RequestEnvelope =
        serde_json::from_value(json!({"version": "1.0", "context": {}, "request": request}))
            .unwrap();
    env.request
}

#[test]
fn audio_player_and_playback_controller_events_are_typed() {
    match parse(
        json!({"type": "AudioPlayer.PlaybackFailed", "requestId": "r", "token": "t",
                       "error": {"type": "MEDIA_ERROR_UNKNOWN", "message": "boom"}}),
    ) {
        Request::AudioPlayer(r) => {
            assert_eq!(r.event, AudioPlayerEvent::PlaybackFailed);
            assert_eq!(r.error.unwrap().kind, "MEDIA_ERROR_UNKNOWN");
        }
        other => panic!("{other:?}"),
    }
    match parse(json!({"type": "PlaybackController.NextCommandIssued", "requestId": "r"})) {
        Request::PlaybackController(r) => assert_eq!(r.command, PlaybackCommand::Next),
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_documented_interface_type_has_a_typed_home() {
    for (kind, expect) in [
        ("System.ExceptionEncountered", "SystemException"),
        ("Display.ElementSelected", "DisplayElementSelected"),
        ("Alexa.Presentation.APL.UserEvent", "AplUserEvent"),
        (
            "Alexa.Presentation.APL.LoadIndexListData",
            "AplLoadIndexListData",
        ),
        (
            "Alexa.Presentation.APL.LoadTokenListData",
            "AplLoadTokenListData",
        ),
        ("Alexa.Presentation.APL.RuntimeError", "AplRuntimeError"),
        ("Connections.Response", "ConnectionsResponse"),
        ("Connections.Request", "ConnectionsRequest"),
        ("SessionResumedRequest", "SessionResumed"),
        ("Dialog.API.Invoked", "DialogApiInvoked"),
        ("Dialog.InputRequest", "DialogInput"),
        (
            "CustomInterfaceController.EventsReceived",
            "CustomInterface",
        ),
        ("CustomInterfaceController.Expired", "CustomInterface"),
        ("Messaging.MessageReceived", "MessageReceived"),
        ("Alexa.Authorization.Grant", "AuthorizationGrant"),
        ("AlexaSkillEvent.SkillPermissionAccepted", "SkillEvent"),
        ("Reminders.ReminderCreated", "SkillEvent"),
        ("AlexaHouseholdListEvent.ItemsCreated", "SkillEvent"),
    ] {
        let request = parse(json!({"type": kind, "requestId": "r"}));
        let debug = format!("{request:?}");
        assert!(debug.starts_with(expect), "{kind} parsed as {debug}");
        assert_eq!(request.type_name(), kind, "type name survives");
    }
}

#[test]
fn unknown_types_keep_their_json_and_common_fields() {
    let request = parse(
        json!({"type": "Alexa.Future.Thing", "requestId": "r9", "locale": "fr-FR",
                               "timestamp": "2026-11-25T18:00:00Z", "payload": {"x": [1, 2]}}),
    );
    assert_eq!(request.type_name(), "Alexa.Future.Thing");
    assert_eq!(request.request_id(), "r9");
    assert_eq!(request.locale(), Some("fr-FR"));
    assert!(request.timestamp().is_some());
    let Request::Other(other) = &request else {
        panic!()
    };
    assert_eq!(other.raw["payload"]["x"][1], 2);
    assert_eq!(
        serde_json::to_value(&request).unwrap()["payload"]["x"][0],
        1
    );
}

#[test]
fn malformed_known_types_are_errors_not_panics() {
    for bad in [
        json!({"type": "IntentRequest", "requestId": "r"}),
        json!({"type": "IntentRequest", "intent": {"name": 5}}),
        json!({"type": 7}),
        json!({"type": "LaunchRequest", "timestamp": "yesterday"}),
        json!("LaunchRequest"),
    ] {
        let result = serde_json::from_value::<RequestEnvelope>(
            json!({"version": "1.0", "context": {}, "request": bad}),
        );
        assert!(result.is_err(), "{bad} should be rejected");
    }
}

/// A value newer than this crate neither fails the parse nor changes on the way back: an
/// echoed intent (`updatedIntent`) carries exactly what Alexa sent.
#[test]
fn unknown_enum_values_parse_and_are_written_back_as_they_came() {
    let sent = json!({"type": "IntentRequest", "requestId": "r", "dialogState": "PAUSED",
        "intent": {"name": "X", "confirmationStatus": "MAYBE", "slots": {"s": {"name": "s", "value": "v",
        "confirmationStatus": "PENDING",
        "resolutions": {"resolutionsPerAuthority": [{"authority": "a", "status": {"code": "ER_NEW_CODE"}}]}}}}});
    let request = parse(sent.clone());
    let Request::Intent(intent) = &request else {
        panic!()
    };
    assert_eq!(
        intent.dialog_state,
        Some(alexa_core::model::DialogState::Other("PAUSED".into()))
    );
    let echoed = serde_json::to_value(&intent.intent).unwrap();
    assert_eq!(echoed["confirmationStatus"], "MAYBE");
    assert_eq!(echoed["slots"]["s"]["confirmationStatus"], "PENDING");
    assert_eq!(
        echoed["slots"]["s"]["resolutions"]["resolutionsPerAuthority"][0]["status"]["code"],
        "ER_NEW_CODE"
    );
    let back = serde_json::to_value(&request).unwrap();
    assert_eq!(back["dialogState"], "PAUSED");
    let ended =
        parse(json!({"type": "SessionEndedRequest", "requestId": "r", "reason": "SHUTDOWN"}));
    assert_eq!(serde_json::to_value(&ended).unwrap()["reason"], "SHUTDOWN");
}

/// An enum value reads the same from the request's bytes (where it may be borrowed, or
/// carry an escape) as from a JSON value: known values typed, unknown ones kept.
#[test]
fn enum_values_read_from_bytes_as_from_values() {
    use alexa_core::model::{ConfirmationStatus, DialogState};
    let body = br#"{"version": "1.0", "context": {}, "request": {"type": "IntentRequest",
        "requestId": "r", "dialogState": "IN_PROGRESS", "intent": {"name": "X",
        "confirmationStatus": "\u0044ENIED", "slots": {"s": {"name": "s",
        "confirmationStatus": "MAYBE"}}}}}"#;
    let envelope: RequestEnvelope = serde_json::from_slice(body).unwrap();
    let Request::Intent(intent) = &envelope.request else {
        panic!("{:?}", envelope.request)
    };
    assert_eq!(intent.dialog_state, Some(DialogState::InProgress));
    assert_eq!(
        intent.intent.confirmation_status,
        ConfirmationStatus::Denied
    );
    let slot = &intent.intent.slots["s"];
    assert_eq!(
        slot.confirmation_status,
        ConfirmationStatus::Other("MAYBE".into())
    );
    let wrong = br#"{"version": "1.0", "context": {}, "request": {"type": "IntentRequest",
        "requestId": "r", "intent": {"name": "X", "confirmationStatus": 7}}}"#;
    let err = serde_json::from_slice::<RequestEnvelope>(wrong).unwrap_err();
    assert!(err.to_string().contains("expected a string"), "{err}");
}

/// Viewport sizes are JSON numbers in Amazon's model: a fractional one (a scaled screen)
/// must not reject the whole request, and integers are written back as integers.
#[test]
fn fractional_viewport_numbers_parse_and_integers_round_trip() {
    let json = serde_json::json!({
        "version": "1.0",
        "context": {
            "System": {"application": {"applicationId": "amzn1.ask.skill.x"}},
            "Viewport": {"shape": "RECTANGLE", "pixelWidth": 1279.5, "pixelHeight": 800,
                         "dpi": 213.33, "currentPixelWidth": 1280, "currentPixelHeight": 800},
            "Viewports": [{"type": "APL", "id": "main", "shape": "RECTANGLE", "dpi": 160.5}]
        },
        "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-US"}
    });
    let envelope: alexa_core::model::RequestEnvelope =
        serde_json::from_value(json.clone()).expect("a fractional viewport parses");
    let viewport = envelope.context.viewport.as_ref().unwrap();
    assert_eq!(
        viewport.pixel_width.as_ref().and_then(|n| n.as_f64()),
        Some(1279.5)
    );
    assert_eq!(viewport.dpi.as_ref().and_then(|n| n.as_f64()), Some(213.33));
    let back = serde_json::to_value(&envelope).unwrap();
    assert_eq!(back["context"]["Viewport"], json["context"]["Viewport"]);
    assert_eq!(
        back["context"]["Viewports"][0]["dpi"],
        serde_json::json!(160.5)
    );
}

/// A field of the wrong type that Amazon's model makes optional is left out, and the turn is
/// answered; a required one is an error that names the field. Inside a member read lazily
/// (the viewport), the field is left out, and named, when the member is first read.
#[test]
fn wrongly_typed_optional_fields_are_left_out_and_required_ones_named() {
    use alexa_core::model::{EnvelopeError, RequestEnvelope};
    let odd = json!({
        "version": "1.0",
        "session": {"new": "yes", "sessionId": "s", "attributes": {"turn": 1}},
        "context": {"System": {"application": {"applicationId": "amzn1.ask.skill.x"},
                               "apiEndpoint": 42,
                               "device": {"deviceId": "d", "supportedInterfaces": {}}},
                    "Viewport": {"pixelWidth": "wide", "pixelHeight": 800}},
        "request": {"type": "IntentRequest", "requestId": "r", "locale": "en-US",
                    "dialogState": 3,
                    "intent": {"name": "OrderIntent", "slots": {
                        "object.byArtist.name": {"name": "object.byArtist.name", "value": 5}}}}
    });
    let read = RequestEnvelope::from_slice_lenient(odd.to_string().as_bytes()).unwrap();
    let mut dropped = read
        .dropped
        .iter()
        .map(|d| d.split(':').next().unwrap().to_owned())
        .collect::<Vec<_>>();
    dropped.sort();
    assert_eq!(
        dropped,
        [
            "context.System.apiEndpoint",
            "request.dialogState",
            "request.intent.slots.object.byArtist.name.value",
            "session.new",
        ]
    );
    let envelope = read.envelope;
    assert_eq!(
        envelope.session.as_ref().unwrap().session_id.as_deref(),
        Some("s")
    );
    assert!(!envelope.context.viewport.is_read());
    assert_eq!(
        envelope.context.viewport.as_ref().unwrap().pixel_height,
        Some(800.into())
    );
    let viewport_dropped = envelope.context.viewport.dropped();
    assert_eq!(viewport_dropped.len(), 1, "{viewport_dropped:?}");
    assert!(viewport_dropped[0].starts_with("pixelWidth: invalid type"));
    assert_eq!(
        envelope.context.viewport.as_ref().unwrap().pixel_width,
        None
    );
    let Request::Intent(intent) = &envelope.request else {
        panic!()
    };
    assert_eq!(intent.intent.name, "OrderIntent");
    assert!(intent
        .intent
        .slot("object.byArtist.name")
        .unwrap()
        .value
        .is_none());

    for (broken, field) in [
        (
            json!({"version": "1.0", "context": {}, "request": {"type": "IntentRequest", "requestId": "r", "intent": {"name": ["x"]}}}),
            "request.intent.name",
        ),
        (
            json!({"version": "1.0", "context": {}, "request": {"type": "IntentRequest", "requestId": "r"}}),
            "request.intent",
        ),
        (
            json!({"version": "1.0", "context": {}, "request": {"type": 7}}),
            "request.type",
        ),
    ] {
        let err = RequestEnvelope::from_slice_lenient(broken.to_string().as_bytes()).unwrap_err();
        assert!(
            matches!(&err, EnvelopeError::Field { path, .. } if path == field),
            "{field}: {err}"
        );
    }
    assert!(matches!(
        RequestEnvelope::from_slice_lenient(b"{not json"),
        Err(EnvelopeError::NotJson(_))
    ));
}

/// The lenient reader checks UTF-8 once for the whole body: text in any script and escaped
/// characters read as sent, and a body with a byte that is not UTF-8 is refused as not JSON.
#[test]
fn lenient_reader_keeps_unicode_and_refuses_invalid_utf8() {
    let body = r#"{"version": "1.0", "context": {}, "request": {"type": "IntentRequest",
        "requestId": "r", "locale": "de-DE", "intent": {"name": "CountIntent", "slots": {"region":
        {"name": "region", "value": "D\u00fcsseldorf \"Nord\" – 東京"}}}}}"#;
    let read = RequestEnvelope::from_slice_lenient(body.as_bytes()).unwrap();
    let Request::Intent(intent) = read.envelope.request else {
        panic!("not an intent: {:?}", read.envelope.request)
    };
    assert_eq!(
        intent.intent.slots["region"].value.as_deref(),
        Some("Düsseldorf \"Nord\" – 東京")
    );
    let mut broken = body.as_bytes().to_vec();
    let at = body.find("D\\u00fc").unwrap();
    broken[at] = 0xff;
    assert!(matches!(
        RequestEnvelope::from_slice_lenient(&broken),
        Err(alexa_core::model::EnvelopeError::NotJson(_))
    ));
}

/// The request's keys and type are read without copies when they can be; escaped ones (a
/// copy) still name the same fields, before and after `type`.
#[test]
fn escaped_request_keys_and_type_are_read_like_plain_ones() {
    let body = r#"{"version": "1.0", "context": {},
        "request": {"re\u0071uestId": "r1", "t\u0079pe": "Intent\u0052equest", "locale": "en-US",
        "intent": {"name": "HelloIntent"}}}"#;
    let read = RequestEnvelope::from_slice_lenient(body.as_bytes()).unwrap();
    assert_eq!(read.envelope.request.request_id(), "r1");
    assert_eq!(read.envelope.request.type_name(), "IntentRequest");
    assert_eq!(
        read.envelope.request.intent().map(|i| i.name.as_str()),
        Some("HelloIntent")
    );
}

/// Every member sent before `type` lands in its field (test tools send several first; they
/// are held until the type says what to read them as).
#[test]
fn members_sent_before_the_type_are_all_read() {
    let body = br#"{"version": "1.0", "context": {}, "request": {"requestId": "r1",
        "timestamp": "2026-11-25T18:00:00Z", "locale": "de-DE", "dialogState": "STARTED",
        "intent": {"name": "CountIntent", "slots": {"state": {"name": "state", "value": "stopped"}}},
        "unknownNewField": [1, 2], "type": "IntentRequest"}}"#;
    let read = RequestEnvelope::from_slice_lenient(body).unwrap();
    assert!(read.dropped.is_empty(), "{:?}", read.dropped);
    let Request::Intent(intent) = &read.envelope.request else {
        panic!("{:?}", read.envelope.request)
    };
    assert_eq!(intent.request_id, "r1");
    assert_eq!(intent.locale.as_deref(), Some("de-DE"));
    assert_eq!(
        intent.timestamp.as_ref().map(|t| t.to_string()).as_deref(),
        Some("2026-11-25T18:00:00Z")
    );
    assert_eq!(
        intent.dialog_state,
        Some(alexa_core::model::DialogState::Started)
    );
    assert_eq!(
        intent.intent.slots["state"].value.as_deref(),
        Some("stopped")
    );
}

/// Whatever kind of JSON a member sent before `type` holds (an escaped string that cannot be
/// borrowed, a number for the time, null, a bool, an object, an array), it reads as it does
/// after `type`, and a wrong one is refused or dropped the same way.
#[test]
fn members_before_the_type_read_as_they_do_after_it() {
    let members = [
        r#""requestId": "r\u0031""#,
        r#""timestamp": 1764093600000"#,
        r#""locale": null"#,
        r#""task": {"name": "AMAZON.PrintPDF", "input": {"copies": [1, 2.5, true]}}"#,
        r#""unknownNewFlag": false"#,
    ];
    let body = |before: &[&str], after: &[&str]| {
        let request = before
            .iter()
            .chain([r#""type": "LaunchRequest""#].iter())
            .chain(after)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        format!(r#"{{"version": "1.0", "context": {{}}, "request": {{{request}}}}}"#)
    };
    let read = |text: String| {
        let read = RequestEnvelope::from_slice_lenient(text.as_bytes()).expect("read");
        (read.envelope, read.dropped)
    };
    let (before, dropped_before) = read(body(&members, &[]));
    let (after, dropped_after) = read(body(&[], &members));
    assert_eq!(before, after);
    assert_eq!(dropped_before, dropped_after);
    assert_eq!(before.request.request_id(), "r1");
    let Request::Launch(launch) = &before.request else {
        panic!("{:?}", before.request)
    };
    assert_eq!(
        launch.timestamp.as_ref().map(|t| t.to_string()).as_deref(),
        Some("2025-11-25T18:00:00Z")
    );
    assert_eq!(launch.locale, None);

    // A member of the wrong type is dropped and named alike wherever it was sent.
    let wrong = [r#""requestId": "r2""#, r#""locale": 5"#];
    let (before, dropped_before) = read(body(&wrong, &[]));
    let (after, dropped_after) = read(body(&[], &wrong));
    assert_eq!(before, after);
    assert_eq!(dropped_before, dropped_after);
    assert_eq!(dropped_before.len(), 1, "{dropped_before:?}");
    assert!(
        dropped_before[0].starts_with("request.locale"),
        "{dropped_before:?}"
    );
}

/// Context members and supported interfaces of newer interfaces are typed and round-trip:
/// presentation contexts, the car, app links, experiments, DataStore packages, ads, navigation.
#[test]
fn newer_context_members_and_interfaces_round_trip() {
    let json = json!({
        "version": "1.0",
        "context": {
            "System": {"application": {"applicationId": "amzn1.ask.skill.x"},
                       "device": {"deviceId": "d", "supportedInterfaces": {
                           "Alexa.Advertisement": {}, "AppLink": {"version": "1.0"}, "Navigation": {}}}},
            "Alexa.Presentation": {"contexts": [{"type": "Alexa.Presentation.APL", "presentationUri": "doc://x"}]},
            "Automotive": {},
            "AppLink": {"supportedCatalogTypes": ["IOS_APP_STORE"], "directLaunch": {"IOS_APP_STORE": {}}},
            "Experimentation": {"activeExperiments": [{"id": "welcome-v2", "treatmentId": "T1"}]},
            "Alexa.DataStore.PackageManager": {"installedPackages": [{"packageId": "menu", "version": "2"}]}
        },
        "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-US"}
    });
    let envelope: alexa_core::model::RequestEnvelope =
        serde_json::from_value(json.clone()).unwrap();
    let context = &envelope.context;
    assert_eq!(
        context.experimentation.as_ref().unwrap().active_experiments[0]
            .treatment_id
            .as_deref(),
        Some("T1")
    );
    assert_eq!(
        context.app_link.as_ref().unwrap().supported_catalog_types,
        ["IOS_APP_STORE"]
    );
    assert!(context.automotive.is_some());
    let interfaces = &context.system.device.as_ref().unwrap().supported_interfaces;
    assert!(interfaces.advertisement.is_some() && interfaces.navigation.is_some());
    assert_eq!(
        serde_json::to_value(&envelope).unwrap()["context"],
        json["context"]
    );
}
