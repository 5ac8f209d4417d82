//! `voiceops-lambda`: the function `template.yaml` deploys (as `bootstrap`). It only serves
//! the skill on Lambda, so it links neither the simulator nor the web console that the
//! `voiceops-skill` tool carries.

fn main() -> std::process::ExitCode {
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime.block_on(voiceops_skill::lambda::serve()),
        Err(err) => {
            eprintln!("voiceops-lambda: cannot start the async runtime: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}
