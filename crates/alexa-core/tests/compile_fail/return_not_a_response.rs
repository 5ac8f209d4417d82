use alexa_core::Skill;

async fn handler() -> u64 {
    7
}

fn main() {
    let _ = Skill::builder().intent("CountIntent", handler);
}
