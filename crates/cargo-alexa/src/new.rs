//! `cargo alexa new NAME`: a skill crate that builds and passes its own tests at once — a
//! skill on alexa-core (launch, an intent with a custom slot, help, stop, cancel, fallback),
//! an en-US model in the ASK CLI v2 layout, a SAM template, recorded requests, a transcript
//! and the tests that replay them offline.

use crate::cli::NewArgs;
use crate::report::CliError;
use std::path::{Path, PathBuf};

/// Each file of the template: where it goes, and its text with `{{…}}` placeholders.
const FILES: &[(&str, &str)] = &[
    ("Cargo.toml", include_str!("../template/Cargo.toml.tmpl")),
    (".gitignore", include_str!("../template/gitignore")),
    ("README.md", include_str!("../template/README.md")),
    (
        "ask-resources.json",
        include_str!("../template/ask-resources.json"),
    ),
    ("template.yaml", include_str!("../template/template.yaml")),
    ("src/lib.rs", include_str!("../template/src/lib.rs")),
    ("src/main.rs", include_str!("../template/src/main.rs")),
    (
        "skill-package/skill.json",
        include_str!("../template/skill-package/skill.json"),
    ),
    (
        "skill-package/interactionModels/custom/en-US.json",
        include_str!("../template/skill-package/interactionModels/custom/en-US.json"),
    ),
    ("tests/skill.rs", include_str!("../template/tests/skill.rs")),
    (
        "tests/interaction_model.rs",
        include_str!("../template/tests/interaction_model.rs"),
    ),
    (
        "tests/fixtures/requests/launch.json",
        include_str!("../template/tests/fixtures/requests/launch.json"),
    ),
    (
        "tests/fixtures/requests/mood-happy.json",
        include_str!("../template/tests/fixtures/requests/mood-happy.json"),
    ),
    (
        "tests/transcripts/mood.txt",
        include_str!("../template/tests/transcripts/mood.txt"),
    ),
];

/// Words Alexa refuses in an invocation name, dropped from the crate's name.
const REFUSED: &[&str] = &[
    "ask", "tell", "open", "launch", "load", "begin", "start", "enable", "run", "resume", "play",
    "use", "alexa", "amazon", "echo", "computer", "skill", "app",
];

/// The names a crate name gives: the title ("Mood Diary") and an invocation name Alexa
/// accepts (two or more lower-case words, no digits, no launch words).
///
/// ```
/// assert_eq!(cargo_alexa::new::names("mood-diary"), ("Mood Diary".to_string(), "mood diary".to_string()));
/// assert_eq!(cargo_alexa::new::names("demo"), ("Demo".to_string(), "demo helper".to_string()));
/// assert_eq!(cargo_alexa::new::names("run_app2"), ("Run App2".to_string(), "my helper".to_string()));
/// ```
pub fn names(crate_name: &str) -> (String, String) {
    let words: Vec<&str> = crate_name
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .collect();
    let title = words
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut spoken: Vec<String> = words
        .iter()
        .map(|w| {
            w.to_lowercase()
                .chars()
                .filter(|c| c.is_ascii_alphabetic())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty() && !REFUSED.contains(&w.as_str()))
        .collect();
    if spoken.is_empty() {
        spoken.push("my".into());
    }
    if spoken.len() < 2 {
        spoken.push("helper".into());
    }
    (title, spoken.join(" "))
}

/// Where the framework crates are: `--framework`, else the checkout this binary was built
/// from, when it is still there.
fn framework(explicit: Option<&Path>) -> Option<PathBuf> {
    // This crate lies in `<checkout>/crates/cargo-alexa`.
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(Path::to_owned);
    let dir = explicit.map(Path::to_owned).or(built_from)?;
    let dir = dir.canonicalize().ok()?;
    dir.join("crates/alexa-core/Cargo.toml")
        .is_file()
        .then_some(dir)
}

fn dependency(name: &str, framework: Option<&Path>, features: &str) -> String {
    let features = if features.is_empty() {
        String::new()
    } else {
        format!(", features = [{features}]")
    };
    match framework {
        Some(dir) => format!(
            "{name} = {{ path = {:?}{features} }}",
            dir.join("crates").join(name).display().to_string()
        ),
        None => format!("{name} = {{ version = \"0.1\"{features} }}"),
    }
}

/// Runs `new`.
pub fn run(args: NewArgs) -> Result<(), CliError> {
    let name = args.name.trim_end_matches('/');
    let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return Err(CliError::Input(format!(
            "{name:?} is not a crate name: letters, digits, - and _, starting with a letter"
        )));
    }
    let dir = PathBuf::from(name);
    if dir.exists()
        && std::fs::read_dir(&dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(CliError::Input(format!(
            "{} exists and is not empty; nothing was written",
            dir.display()
        )));
    }
    if args
        .framework
        .as_deref()
        .is_some_and(|f| !f.join("crates/alexa-core/Cargo.toml").is_file())
    {
        return Err(CliError::Input(
            "--framework must be a checkout of the framework (with crates/alexa-core/Cargo.toml)"
                .into(),
        ));
    }
    let framework = framework(args.framework.as_deref());
    let (title, invocation) = names(name);
    let ident = name.replace('-', "_");
    let fw = framework.as_deref();
    let replacements = [
        ("{{crate_ident}}", ident),
        ("{{crate}}", name.to_owned()),
        ("{{title}}", title.clone()),
        ("{{invocation}}", invocation.clone()),
        ("{{alexa-core}}", dependency("alexa-core", fw, "")),
        ("{{alexa-lambda}}", dependency("alexa-lambda", fw, "")),
        (
            "{{alexa-core-test}}",
            dependency("alexa-core", fw, "\"test-util\""),
        ),
        ("{{alexa-sim}}", dependency("alexa-sim", fw, "")),
    ];
    for (path, template) in FILES {
        let mut text = template.to_string();
        for (from, to) in &replacements {
            text = text.replace(from, to);
        }
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| CliError::Input(format!("cannot create {}: {e}", parent.display())))?;
        }
        std::fs::write(&target, text)
            .map_err(|e| CliError::Input(format!("cannot write {}: {e}", target.display())))?;
    }
    // The dependency versions the framework is tested with, so the skill builds with them.
    if let Some(lock) = fw.map(|f| f.join("Cargo.lock")).filter(|l| l.is_file()) {
        let _ = std::fs::copy(lock, dir.join("Cargo.lock"));
    }
    println!(
        "Created {title} in {}/ (invocation name \"{invocation}\").",
        dir.display()
    );
    match fw {
        Some(f) => println!("  framework crates: {}", f.display()),
        None => println!("  framework crates: version 0.1 from the registry (pass --framework DIR for a checkout)"),
    }
    println!("Next: cd {name} && cargo test; then cargo alexa check, cargo alexa login and cargo alexa deploy.");
    Ok(())
}
