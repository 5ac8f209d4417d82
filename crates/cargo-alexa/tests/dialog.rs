//! `cargo alexa dialog` and `nlu` against Amazon's stand-in: transcripts replayed on the
//! simulator with each difference reported, turns it cannot play skipped, the ASK CLI's
//! replay files, and Amazon's NLU side by side with the offline resolver.

mod common;

use common::{amazon, cargo_alexa, deployed};
use serde_json::{json, Value};

#[tokio::test]
async fn the_new_projects_transcripts_hold_on_amazon() {
    let amazon = amazon().await;
    let (project, _) = deployed(&amazon).await;
    let run = cargo_alexa(
        &amazon,
        &project,
        &[
            "dialog",
            "--replay",
            "tests/transcripts",
            "--poll-interval-ms",
            "5",
        ],
    )
    .await;
    run.ok();
    assert!(run.stdout.contains("  > i feel great\n  Alexa: Glad to hear it. Have a great day!\n    considered: MoodIntent mood=HAPPY"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("On Amazon: 11 expectations held, 0 did not, 0 skipped (1 transcripts)"),
        "{}",
        run.stdout
    );
}

#[tokio::test]
async fn differences_are_reported_by_line_and_unplayable_turns_are_skipped() {
    let amazon = amazon().await;
    let (project, _) = deployed(&amazon).await;
    let dir = project.join("tests/more");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a-wrong.txt"), "> open mood diary\n[listening]\n> i am tired\n<= Glad to hear it.\n[intent MoodIntent mood=HAPPY]\n[ended]\n").unwrap();
    std::fs::write(
        dir.join("b-silence.txt"),
        "> open mood diary\n[listening]\n> \n< How do you feel\n> i am happy\n[ended]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("c-screen.txt"),
        "device: echo-show\n> open mood diary\n< Welcome\n",
    )
    .unwrap();
    let run = cargo_alexa(
        &amazon,
        &project,
        &[
            "dialog",
            "--replay",
            "tests/more",
            "--poll-interval-ms",
            "5",
            "--json",
        ],
    )
    .await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    let out: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(out["failed"], 2);
    assert_eq!(
        out["transcripts"][0]["failed"],
        json!([
            "4: heard \"Take a short break; a walk helps.\", expected \"Glad to hear it.\"",
            "5: NLU gave MoodIntent mood=TIRED, expected MoodIntent mood=HAPPY"
        ])
    );
    assert_eq!(
        out["transcripts"][1]["passed"], 2,
        "the silence's own expectation is skipped, not passed"
    );
    assert_eq!(
        out["transcripts"][1]["skipped"].as_array().unwrap().len(),
        2
    );
    assert_eq!(out["transcripts"][2]["passed"], 0);
    assert!(out["transcripts"][2]["skipped"][0]
        .as_str()
        .unwrap()
        .contains("no screen"));
}

#[tokio::test]
async fn ask_cli_replay_files_are_read_and_written() {
    let amazon = amazon().await;
    let (project, skill_id) = deployed(&amazon).await;
    let file = project.join("replay.json");
    std::fs::write(&file, json!({"skillId": skill_id, "locale": "en-US", "type": "text", "userInput": ["open mood diary", "i feel good", ".quit", "never sent"]}).to_string()).unwrap();
    let run = cargo_alexa(
        &amazon,
        &project,
        &[
            "dialog",
            "--replay",
            "replay.json",
            "--record",
            "again.json",
            "--poll-interval-ms",
            "5",
        ],
    )
    .await;
    run.ok();
    assert!(
        run.stdout
            .contains("> i feel good\n  Alexa: Glad to hear it."),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("never sent"));
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(project.join("again.json")).unwrap())
            .unwrap();
    assert_eq!(
        written,
        json!({"skillId": skill_id, "locale": "en-US", "type": "text", "userInput": ["open mood diary", "i feel good"]})
    );
    std::fs::write(&file, json!({"skillId": skill_id, "locale": "en-US", "type": "text", "userInput": ["open mood diary", " "]}).to_string()).unwrap();
    let blank = cargo_alexa(&amazon, &project, &["dialog", "--replay", "replay.json"]).await;
    assert_eq!(blank.code, 2);
    assert!(
        blank.stderr.contains("a userInput is blank"),
        "{}",
        blank.stderr
    );
}

#[tokio::test]
async fn nlu_shows_where_amazon_and_the_offline_resolver_differ() {
    let amazon = amazon().await;
    let (project, _) = deployed(&amazon).await;
    std::fs::write(project.join("phrasings.txt"), "# how users say it\ni am happy => MoodIntent mood=HAPPY\nfeeling sleepy => MoodIntent mood=TIRED\nhelp me => AMAZON.HelpIntent\n").unwrap();
    let run = cargo_alexa(
        &amazon,
        &project,
        &["nlu", "phrasings.txt", "--poll-interval-ms", "5"],
    )
    .await;
    run.ok();
    assert!(
        run.stdout.contains(
            "3 phrasings in en-US: 3 agreed, 0 Amazon only, 0 offline only, 0 both wrong"
        ),
        "{}",
        run.stdout
    );

    amazon.nlu_answers(
        "feeling sleepy",
        json!({"name": "AMAZON.FallbackIntent", "confirmationStatus": "NONE"}),
    );
    let run = cargo_alexa(&amazon, &project, &["nlu", "phrasings.txt", "--json"]).await;
    assert_eq!(run.code, 1, "Amazon missed one");
    let out: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(out["offlineOnly"], 1);
    assert_eq!(out["phrasings"][1]["amazon"], "AMAZON.FallbackIntent");
    assert_eq!(out["phrasings"][1]["offline"], "MoodIntent mood=TIRED");
    assert_eq!(out["phrasings"][1]["agreement"], "offline-only");
}
