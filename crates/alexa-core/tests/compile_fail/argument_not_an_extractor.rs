use alexa_core::Skill;

async fn handler(count: u64) -> String {
    count.to_string()
}

fn main() {
    let _ = Skill::builder().intent("CountIntent", handler);
}
