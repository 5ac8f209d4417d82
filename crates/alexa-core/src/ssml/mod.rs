//! A typed SSML writer: every supported tag as a method, every text node escaped.
//!
//! SSML is XML, so one raw `&` in a resource name ("R&D database") breaks the whole
//! response. The builder takes no markup as text: text goes through [`escape`], attribute
//! values too, and tags are only written by its methods. Markup written elsewhere enters
//! through [`Ssml::from_raw`], which refuses anything that is not well-formed `<speak>` XML.

mod raw;

pub use raw::SsmlError;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::time::Duration;

/// Escapes `& < > " '` for SSML text and attribute values.
///
/// ```
/// assert_eq!(alexa_core::ssml::escape("R&D <prod>"), "R&amp;D &lt;prod&gt;");
/// assert_eq!(alexa_core::ssml::escape("plain"), "plain");
/// ```
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Finished SSML, `<speak>` included. Build it with [`Ssml::builder`].
///
/// ```
/// use alexa_core::ssml::{Ssml, SayAs};
/// let ssml = Ssml::builder()
///     .text("Database ")
///     .say_as(SayAs::Characters, "R&D")
///     .pause_ms(300)
///     .text("is available.")
///     .build();
/// assert_eq!(
///     ssml.as_str(),
///     "<speak>Database <say-as interpret-as=\"characters\">R&amp;D</say-as><break time=\"300ms\"/>is available.</speak>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ssml(String);

impl Ssml {
    /// Starts a document.
    pub fn builder() -> SsmlBuilder {
        SsmlBuilder::default()
    }

    /// Escapes plain text into a document: the shortest way to speak untrusted text as SSML.
    pub fn from_text(text: &str) -> Self {
        Self::builder().text(text).build()
    }

    /// The markup, `<speak>...</speak>`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The markup, consuming the value.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::fmt::Display for Ssml {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Builds the inside of a `<speak>` element. Container tags take a closure that builds
/// their content, so nesting is always well-formed.
#[derive(Debug, Clone, Default)]
pub struct SsmlBuilder {
    body: String,
}

/// `say-as interpret-as` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum SayAs {
    Characters,
    SpellOut,
    Cardinal,
    Number,
    Ordinal,
    Digits,
    Fraction,
    Unit,
    Date,
    Time,
    Telephone,
    Address,
    Interjection,
    Expletive,
}

impl SayAs {
    fn as_str(self) -> &'static str {
        match self {
            SayAs::Characters => "characters",
            SayAs::SpellOut => "spell-out",
            SayAs::Cardinal => "cardinal",
            SayAs::Number => "number",
            SayAs::Ordinal => "ordinal",
            SayAs::Digits => "digits",
            SayAs::Fraction => "fraction",
            SayAs::Unit => "unit",
            SayAs::Date => "date",
            SayAs::Time => "time",
            SayAs::Telephone => "telephone",
            SayAs::Address => "address",
            SayAs::Interjection => "interjection",
            SayAs::Expletive => "expletive",
        }
    }
}

/// `break strength` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum BreakStrength {
    None,
    XWeak,
    Weak,
    Medium,
    Strong,
    XStrong,
}

/// `emphasis level` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum EmphasisLevel {
    Strong,
    Moderate,
    Reduced,
}

/// `amazon:emotion` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Emotion {
    Excited,
    Disappointed,
}

/// `amazon:emotion` and `amazon:domain` intensity / style helpers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Intensity {
    Low,
    Medium,
    High,
}

/// `amazon:domain` names, written in kebab case (`LongForm` is `long-form`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Domain {
    Conversational,
    LongForm,
    Music,
    News,
    Fun,
}

/// `prosody` settings; `None` leaves an attribute out. Values such as `"slow"`, `"+10%"`,
/// `"x-loud"` are written as given (escaped).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prosody {
    /// e.g. `"slow"`, `"90%"`.
    pub rate: Option<String>,
    /// e.g. `"high"`, `"+5%"`.
    pub pitch: Option<String>,
    /// e.g. `"loud"`, `"-6dB"`.
    pub volume: Option<String>,
}

fn kebab<T: std::fmt::Debug>(v: T) -> String {
    let name = format!("{v:?}");
    let mut out = String::with_capacity(name.len() + 2);
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

impl SsmlBuilder {
    /// Plain text, escaped.
    pub fn text(mut self, text: &str) -> Self {
        self.body.push_str(&escape(text));
        self
    }

    /// A pause of the given length (Alexa allows up to 10 s; longer is clamped).
    pub fn pause(mut self, length: Duration) -> Self {
        let ms = length.as_millis().min(10_000);
        let _ = write!(self.body, "<break time=\"{ms}ms\"/>");
        self
    }

    /// A pause in milliseconds.
    pub fn pause_ms(self, ms: u64) -> Self {
        self.pause(Duration::from_millis(ms))
    }

    /// A pause of a named strength.
    pub fn pause_strength(mut self, strength: BreakStrength) -> Self {
        let _ = write!(self.body, "<break strength=\"{}\"/>", kebab(strength));
        self
    }

    /// `<say-as interpret-as="...">text</say-as>`.
    pub fn say_as(mut self, interpret_as: SayAs, text: &str) -> Self {
        let _ = write!(
            self.body,
            "<say-as interpret-as=\"{}\">{}</say-as>",
            interpret_as.as_str(),
            escape(text)
        );
        self
    }

    /// `<say-as>` with a `format` (dates: `"mdy"`, `"ymd"`, ...).
    pub fn say_as_formatted(mut self, interpret_as: SayAs, format: &str, text: &str) -> Self {
        let _ = write!(
            self.body,
            "<say-as interpret-as=\"{}\" format=\"{}\">{}</say-as>",
            interpret_as.as_str(),
            escape(format),
            escape(text)
        );
        self
    }

    /// `<sub alias="...">text</sub>`: say `alias` where `text` is written.
    pub fn sub(mut self, alias: &str, text: &str) -> Self {
        let _ = write!(
            self.body,
            "<sub alias=\"{}\">{}</sub>",
            escape(alias),
            escape(text)
        );
        self
    }

    /// `<phoneme alphabet="ipa|x-sampa" ph="...">text</phoneme>`.
    pub fn phoneme(mut self, alphabet: &str, ph: &str, text: &str) -> Self {
        let _ = write!(
            self.body,
            "<phoneme alphabet=\"{}\" ph=\"{}\">{}</phoneme>",
            escape(alphabet),
            escape(ph),
            escape(text)
        );
        self
    }

    /// `<w role="amazon:VB|amazon:VBD|amazon:NN|amazon:SENSE_1">text</w>`.
    pub fn word(mut self, role: &str, text: &str) -> Self {
        let _ = write!(
            self.body,
            "<w role=\"{}\">{}</w>",
            escape(role),
            escape(text)
        );
        self
    }

    /// `<audio src="https://..."/>`.
    pub fn audio(mut self, src: &str) -> Self {
        let _ = write!(self.body, "<audio src=\"{}\"/>", escape(src));
        self
    }

    fn wrap(
        mut self,
        open: String,
        close: &str,
        inner: impl FnOnce(SsmlBuilder) -> SsmlBuilder,
    ) -> Self {
        self.body.push_str(&open);
        let content = inner(SsmlBuilder::default());
        self.body.push_str(&content.body);
        self.body.push_str(close);
        self
    }

    /// `<p>...</p>`: a paragraph.
    pub fn paragraph(self, inner: impl FnOnce(SsmlBuilder) -> SsmlBuilder) -> Self {
        self.wrap("<p>".into(), "</p>", inner)
    }

    /// `<s>...</s>`: a sentence.
    pub fn sentence(self, inner: impl FnOnce(SsmlBuilder) -> SsmlBuilder) -> Self {
        self.wrap("<s>".into(), "</s>", inner)
    }

    /// `<emphasis level="...">...</emphasis>`.
    pub fn emphasis(
        self,
        level: EmphasisLevel,
        inner: impl FnOnce(SsmlBuilder) -> SsmlBuilder,
    ) -> Self {
        self.wrap(
            format!("<emphasis level=\"{}\">", kebab(level)),
            "</emphasis>",
            inner,
        )
    }

    /// `<prosody rate pitch volume>...</prosody>`.
    pub fn prosody(
        self,
        prosody: &Prosody,
        inner: impl FnOnce(SsmlBuilder) -> SsmlBuilder,
    ) -> Self {
        let mut open = String::from("<prosody");
        for (name, value) in [
            ("rate", &prosody.rate),
            ("pitch", &prosody.pitch),
            ("volume", &prosody.volume),
        ] {
            if let Some(value) = value {
                let _ = write!(open, " {name}=\"{}\"", escape(value));
            }
        }
        open.push('>');
        self.wrap(open, "</prosody>", inner)
    }

    /// `<lang xml:lang="de-DE">...</lang>`.
    pub fn lang(self, locale: &str, inner: impl FnOnce(SsmlBuilder) -> SsmlBuilder) -> Self {
        self.wrap(
            format!("<lang xml:lang=\"{}\">", escape(locale)),
            "</lang>",
            inner,
        )
    }

    /// `<voice name="Hans">...</voice>`.
    pub fn voice(self, name: &str, inner: impl FnOnce(SsmlBuilder) -> SsmlBuilder) -> Self {
        self.wrap(
            format!("<voice name=\"{}\">", escape(name)),
            "</voice>",
            inner,
        )
    }

    /// `<amazon:domain name="...">...</amazon:domain>`.
    pub fn domain(self, domain: Domain, inner: impl FnOnce(SsmlBuilder) -> SsmlBuilder) -> Self {
        self.wrap(
            format!("<amazon:domain name=\"{}\">", kebab(domain)),
            "</amazon:domain>",
            inner,
        )
    }

    /// `<amazon:effect name="whispered">...</amazon:effect>`.
    pub fn whispered(self, inner: impl FnOnce(SsmlBuilder) -> SsmlBuilder) -> Self {
        self.wrap(
            "<amazon:effect name=\"whispered\">".into(),
            "</amazon:effect>",
            inner,
        )
    }

    /// `<amazon:emotion name intensity>...</amazon:emotion>`.
    pub fn emotion(
        self,
        emotion: Emotion,
        intensity: Intensity,
        inner: impl FnOnce(SsmlBuilder) -> SsmlBuilder,
    ) -> Self {
        self.wrap(
            format!(
                "<amazon:emotion name=\"{}\" intensity=\"{}\">",
                kebab(emotion),
                kebab(intensity)
            ),
            "</amazon:emotion>",
            inner,
        )
    }

    /// True when nothing has been written.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    /// Wraps the content in `<speak>`.
    pub fn build(self) -> Ssml {
        let mut out = String::with_capacity(self.body.len() + 15);
        out.push_str("<speak>");
        out.push_str(&self.body);
        out.push_str("</speak>");
        Ssml(out)
    }
}

/// The words of SSML markup, tags removed and entities decoded: what a listener hears,
/// for tests, logs and the simulator's transcript. Only meant for markup this module wrote.
pub fn to_plain_text(ssml: &str) -> String {
    let mut out = String::with_capacity(ssml.len());
    let mut in_tag = false;
    for ch in ssml.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_and_attribute_is_escaped() {
        let ssml = Ssml::builder()
            .text("Tom's \"R&D\" <db>")
            .sub("and", "&")
            .audio("https://x/a.mp3?a=1&b=2")
            .build();
        assert_eq!(
            ssml.as_str(),
            "<speak>Tom&apos;s &quot;R&amp;D&quot; &lt;db&gt;<sub alias=\"and\">&amp;</sub>\
             <audio src=\"https://x/a.mp3?a=1&amp;b=2\"/></speak>"
        );
        assert_eq!(to_plain_text(ssml.as_str()), "Tom's \"R&D\" <db>&");
    }

    #[test]
    fn containers_nest_and_close() {
        let ssml = Ssml::builder()
            .paragraph(|p| p.sentence(|s| s.emphasis(EmphasisLevel::Strong, |e| e.text("Hi"))))
            .emotion(Emotion::Excited, Intensity::High, |e| e.text("yes"))
            .domain(Domain::Conversational, |d| d.text("ok"))
            .pause_strength(BreakStrength::XStrong)
            .prosody(
                &Prosody {
                    rate: Some("slow".into()),
                    ..Prosody::default()
                },
                |p| p.text("x"),
            )
            .build();
        assert_eq!(
            ssml.as_str(),
            "<speak><p><s><emphasis level=\"strong\">Hi</emphasis></s></p>\
             <amazon:emotion name=\"excited\" intensity=\"high\">yes</amazon:emotion>\
             <amazon:domain name=\"conversational\">ok</amazon:domain>\
             <break strength=\"x-strong\"/><prosody rate=\"slow\">x</prosody></speak>"
        );
    }

    #[test]
    fn domains_carry_amazons_names() {
        let names: Vec<String> = [
            Domain::Conversational,
            Domain::LongForm,
            Domain::Music,
            Domain::News,
            Domain::Fun,
        ]
        .into_iter()
        .map(|d| {
            Ssml::builder()
                .domain(d, |b| b.text("x"))
                .build()
                .as_str()
                .to_owned()
        })
        .collect();
        assert_eq!(
            names[1],
            "<speak><amazon:domain name=\"long-form\">x</amazon:domain></speak>"
        );
        for (name, want) in
            names
                .iter()
                .zip(["conversational", "long-form", "music", "news", "fun"])
        {
            assert!(name.contains(&format!("name=\"{want}\"")), "{name}");
        }
    }

    #[test]
    fn long_pauses_are_clamped_to_ten_seconds() {
        let ssml = Ssml::builder().pause(Duration::from_secs(60)).build();
        assert_eq!(ssml.as_str(), "<speak><break time=\"10000ms\"/></speak>");
    }
}
