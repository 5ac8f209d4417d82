//! The skill package, compiled into the binary so `simulate` works from anywhere.

use alexa_core::interaction_model::InteractionModel;

/// The locales VoiceOps ships, with their interaction models as JSON.
pub const MODELS: &[(&str, &str)] = &[
    (
        "en-US",
        include_str!("../../interaction-model/skill-package/interactionModels/custom/en-US.json"),
    ),
    (
        "en-GB",
        include_str!("../../interaction-model/skill-package/interactionModels/custom/en-GB.json"),
    ),
    (
        "en-CA",
        include_str!("../../interaction-model/skill-package/interactionModels/custom/en-CA.json"),
    ),
    (
        "en-AU",
        include_str!("../../interaction-model/skill-package/interactionModels/custom/en-AU.json"),
    ),
    (
        "en-IN",
        include_str!("../../interaction-model/skill-package/interactionModels/custom/en-IN.json"),
    ),
    (
        "de-DE",
        include_str!("../../interaction-model/skill-package/interactionModels/custom/de-DE.json"),
    ),
];

/// The model of `locale`, or why there is none.
pub fn model(locale: &str) -> Result<InteractionModel, String> {
    let (_, json) = MODELS
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(locale))
        .ok_or_else(|| {
            let known: Vec<&str> = MODELS.iter().map(|(l, _)| *l).collect();
            format!(
                "no interaction model for {locale}; VoiceOps speaks {}",
                known.join(", ")
            )
        })?;
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct File {
        interaction_model: InteractionModel,
    }
    serde_json::from_str::<File>(json)
        .map(|f| f.interaction_model)
        .map_err(|e| format!("{locale} model: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_embedded_model_parses() {
        for (locale, _) in super::MODELS {
            let model = super::model(locale).unwrap();
            assert_eq!(model.language_model.invocation_name, "voice ops");
        }
        assert!(super::model("fr-FR").unwrap_err().contains("de-DE"));
    }
}
