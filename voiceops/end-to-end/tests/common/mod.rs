//! What the emulator tests of VoiceOps across the demo organization share: the regions it
//! counts, the skill over an SDK configuration, and the question most of them ask.

use alexa_core::testing::{TestRequest, TEST_SKILL_ID};
use std::sync::Arc;
use voiceops_skill::config::SkillIds;
use voiceops_skill::inventory::{AccountSource, AwsInventory, Timing};
use voiceops_skill::skill::build;
use voiceops_skill::state::VoiceOps;

/// The regions the demo organization's fleets are seeded in.
pub const REGIONS: [&str; 4] = ["us-east-1", "eu-central-1", "eu-west-1", "ap-northeast-1"];

/// VoiceOps over `config` in [`REGIONS`]; across the accounts from `accounts` (assuming
/// the seeded member role) when given, the home account alone otherwise.
pub fn voiceops(
    config: aws_config::SdkConfig,
    timing: Timing,
    accounts: Option<AccountSource>,
) -> alexa_core::Skill<VoiceOps> {
    let regions = Some(REGIONS.map(String::from).to_vec());
    let home = Arc::new(AwsInventory::new(config, regions, 1000));
    let accounts = accounts.map(|source| (end_to_end::seed::MEMBER_ROLE.to_owned(), source));
    let state = VoiceOps::over_aws(home, timing, accounts);
    build(state, SkillIds::Only(vec![TEST_SKILL_ID.into()])).expect("VoiceOps is wired rightly")
}

/// "How many instances are running?"
pub fn running() -> TestRequest {
    TestRequest::intent("CountInstancesIntent").resolved_slot(
        "state",
        "running",
        "InstanceState",
        "running",
        "running",
    )
}
