//! {{title}} on AWS Lambda: `SKILL_ID` names the skill it answers for.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    let skill_id = std::env::var("SKILL_ID").map_err(|_| "SKILL_ID is not set: the Alexa skill ID this function answers for")?;
    let skill = {{crate_ident}}::skill(Some(&skill_id))?;
    // Alexa waits about eight seconds; the skill answers (or apologises) at 6.5.
    alexa_lambda::run(skill, std::time::Duration::from_millis(6500)).await
}
