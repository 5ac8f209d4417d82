//! Notifications: the proactive events a skill sends the simulated Alexa, shown as a user
//! would hear them announced ("Notification: 1 instance stopped in Frankfurt").

use serde_json::Value;

/// One proactive event the skill created.
#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    /// The body as sent (`CreateProactiveEventRequest`).
    pub event: Value,
}

impl Notification {
    /// Whether it reaches `user_id`: a Unicast event names the user, a Multicast one reaches
    /// everyone.
    pub fn reaches(&self, user_id: &str) -> bool {
        let audience = &self.event["relevantAudience"];
        match audience["type"].as_str() {
            Some("Multicast") => true,
            _ => audience["payload"]["user"].as_str() == Some(user_id),
        }
    }

    /// What Alexa announces in `locale`: a message alert's creator (its localized text, for a
    /// `localizedattribute:` reference), or the schema's name for the others.
    ///
    /// ```
    /// use alexa_sim::Notification;
    /// let event = serde_json::json!({
    ///     "event": {"name": "AMAZON.MessageAlert.Activated", "payload": {"messageGroup":
    ///         {"creator": {"name": "localizedattribute:summary"}, "count": 1}}},
    ///     "localizedAttributes": [{"locale": "en-US", "summary": "1 instance stopped in Frankfurt"},
    ///                             {"locale": "de-DE", "summary": "1 Instanz in Frankfurt gestoppt"}]});
    /// let n = Notification { event };
    /// assert_eq!(n.text("en-GB"), "1 instance stopped in Frankfurt");
    /// assert_eq!(n.text("de-DE"), "1 Instanz in Frankfurt gestoppt");
    /// ```
    pub fn text(&self, locale: &str) -> String {
        let name = self.event["event"]["name"].as_str().unwrap_or("an event");
        let creator = &self.event["event"]["payload"]["messageGroup"]["creator"]["name"];
        match creator.as_str() {
            Some(creator) => match creator.strip_prefix("localizedattribute:") {
                Some(key) => self
                    .localized(locale, key)
                    .unwrap_or_else(|| creator.to_owned()),
                None => creator.to_owned(),
            },
            None => name.to_owned(),
        }
    }

    /// `key`'s text for `locale`, else for its language, else the first there is.
    fn localized(&self, locale: &str, key: &str) -> Option<String> {
        let entries = self.event["localizedAttributes"].as_array()?;
        let language = locale.split('-').next().unwrap_or(locale);
        let text = |entry: &Value| entry[key].as_str().map(str::to_owned);
        let of = |pick: &dyn Fn(&str) -> bool| {
            entries
                .iter()
                .find(|e| e["locale"].as_str().is_some_and(pick))
                .and_then(text)
        };
        of(&|l| l == locale)
            .or_else(|| of(&|l| l.split('-').next() == Some(language)))
            .or_else(|| entries.iter().find_map(text))
    }
}
