//! Spoken answers through espeak-ng, for the terminal front end.

use std::path::PathBuf;

/// espeak-ng, found on `PATH`, with a voice for the simulator's locale.
#[derive(Debug, Clone)]
pub struct Speaker {
    program: PathBuf,
    voice: &'static str,
}

impl Speaker {
    /// espeak-ng if it is installed, else `None`.
    pub fn find(locale: &str) -> Option<Self> {
        let path = std::env::var_os("PATH")?;
        let program = std::env::split_paths(&path)
            .map(|dir| dir.join("espeak-ng"))
            .find(|candidate| candidate.is_file())?;
        Some(Self {
            program,
            voice: voice_for(locale),
        })
    }

    /// Says `text` and waits until it has been said, so answers do not overlap. A failure
    /// to speak is reported once per answer on stderr; the conversation goes on.
    pub async fn say(&self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let status = tokio::process::Command::new(&self.program)
            .args(["-v", self.voice, "--", text])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .status()
            .await;
        match status {
            Ok(status) if status.success() => {}
            Ok(status) => eprintln!("(espeak-ng failed: {status})"),
            Err(err) => eprintln!("(espeak-ng could not run: {err})"),
        }
    }
}

/// espeak-ng's voice name for an Alexa locale.
fn voice_for(locale: &str) -> &'static str {
    match locale.to_ascii_lowercase().as_str() {
        "en-us" | "en-ca" => "en-us",
        l if l.starts_with("en") => "en-gb",
        l if l.starts_with("de") => "de",
        l if l.starts_with("fr") => "fr",
        l if l.starts_with("es") => "es",
        l if l.starts_with("it") => "it",
        l if l.starts_with("ja") => "ja",
        _ => "en-us",
    }
}

#[cfg(test)]
mod tests {
    use super::voice_for;

    #[test]
    fn each_locale_gets_its_own_accent() {
        assert_eq!(voice_for("en-US"), "en-us");
        assert_eq!(voice_for("en-GB"), "en-gb");
        assert_eq!(voice_for("en-IN"), "en-gb");
        assert_eq!(voice_for("de-DE"), "de");
    }
}
