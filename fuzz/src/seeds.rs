//! Seed inputs per target, from the project's own fixtures: recorded requests, interaction
//! models, phrasings, SSML the framework writes.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &str, extension: &str) -> Vec<Vec<u8>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    found.retain(|p| p.extension().is_some_and(|e| e == extension));
    found.sort();
    found.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn lines(path: &str) -> Vec<Vec<u8>> {
    std::fs::read_to_string(root().join(path))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split(" => ").next().unwrap_or(l).as_bytes().to_vec())
        .collect()
}

/// The seeds of `target`.
pub fn seeds(target: &str) -> Vec<Vec<u8>> {
    match target {
        "envelope_dispatch" => {
            let mut all = files("crates/alexa-core/tests/fixtures/requests", "json");
            all.extend(files("voiceops/recordings/requests", "json"));
            all.extend(files("measurements/peers/fixtures", "json"));
            all
        }
        "ssml" => [
            "<speak>Hello <break time=\"300ms\"/> world</speak>",
            "<speak><say-as interpret-as=\"cardinal\">12</say-as> &amp; <sub alias=\"x\">y</sub></speak>",
            "<speak><amazon:emotion name=\"excited\" intensity=\"high\">Yes</amazon:emotion></speak>",
            "<speak><prosody rate=\"slow\">a</prosody><p><s>b</s></p><audio src=\"https://x/y.mp3\"/></speak>",
            "Tom & Jerry <3 \"quotes\" 'apostrophes'",
        ]
        .map(|s| s.as_bytes().to_vec())
        .to_vec(),
        "interaction_model" => {
            let mut all = files("voiceops/interaction-model/skill-package/interactionModels/custom", "json");
            all.extend(files("crates/alexa-sim/tests/fixtures/coffee-shop/interactionModels/custom", "json"));
            all
        }
        "resolver" => {
            let mut all = lines("voiceops/recordings/phrasings/en.txt");
            all.extend(lines("voiceops/recordings/phrasings/de.txt"));
            all.push(b"open voice ops".to_vec());
            all.push(b"alexa, ask voice ops how many are stopped in frankfurt".to_vec());
            all
        }
        "verifier" => {
            let launch = files("crates/alexa-core/tests/fixtures/requests", "json")
                .into_iter()
                .next()
                .unwrap_or_default();
            let mut signed = b"URL\nSIGN\n".to_vec();
            signed.extend_from_slice(&launch);
            let mut unsigned = b"https://s3.amazonaws.com/echo.api/../echo.api/x.pem\nAAAA\n".to_vec();
            unsigned.extend_from_slice(&launch);
            vec![signed, unsigned]
        }
        "fluent_format" => ["Anna", "{ $x }", "\u{2068}isolated\u{2069}", "hello = { $name", "-1e308"]
            .map(|s| s.as_bytes().to_vec())
            .to_vec(),
        _ => Vec::new(),
    }
}

/// Inputs that once crashed `target` (`fuzz/regressions/<target>/`), kept so they never do again.
pub fn regressions(target: &str) -> Vec<Vec<u8>> {
    let dir = format!("fuzz/regressions/{target}");
    let mut found: Vec<PathBuf> = std::fs::read_dir(root().join(&dir))
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    found.sort();
    found.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}
