//! `voiceops-skill simulate`: the offline Echo, in a terminal or a browser, talking to the
//! skill in-process, to a web service, or to a local Lambda runtime. The front ends are
//! alexa-sim's; this file only picks the target and the model.

use alexa_sim::api::{AlexaApi, DeviceSettings};
use alexa_sim::console::{Console, ConsoleOptions};
use alexa_sim::repl::{self, ReplOptions};
use alexa_sim::{DeviceProfile, HttpTarget, LambdaTarget, Resolver, Simulator, Target};
use std::process::ExitCode;
use voiceops_skill::config::Config;
use voiceops_skill::config::SkillIds;
use voiceops_skill::notify;
use voiceops_skill::package;
use voiceops_skill::skill;
use voiceops_skill::state::VoiceOps;

const SKILL_NAME: &str = "Voice Ops";

/// The options of `simulate`, parsed once by clap.
#[derive(Debug, Clone, clap::Args)]
pub struct SimulateArgs {
    /// The locale: en-US, en-GB, en-CA, en-AU, en-IN or de-DE.
    #[arg(long, default_value = "en-US")]
    locale: String,
    /// The device: `echo` (voice only) or `echo-show` (screen, APL).
    #[arg(long, default_value = "echo")]
    device: DeviceProfile,
    /// Also print each request and response envelope as JSON.
    #[arg(long)]
    json: bool,
    /// With piped input, print each utterance as `You: ...` before the answer.
    #[arg(long)]
    transcript: bool,
    /// Speak each answer with espeak-ng, when it is installed.
    #[arg(long)]
    speak: bool,
    /// Serve the web console on 127.0.0.1 instead: chat, JSON, card, Echo Show screen.
    #[arg(long)]
    web: bool,
    /// The web console's port (0 picks a free one).
    #[arg(long, default_value_t = 7878, requires = "web")]
    port: u16,
    /// Talk to the skill's web service at this http:// URL instead of in-process.
    #[arg(long, value_name = "URL", conflicts_with = "lambda")]
    endpoint: Option<String>,
    /// Talk to a local Lambda runtime (`cargo lambda watch`) at this address, e.g.
    /// http://127.0.0.1:9000, instead of in-process.
    #[arg(long, value_name = "ADDRESS")]
    lambda: Option<String>,
    /// The function's name in the Lambda runtime.
    #[arg(long, default_value = "voiceops-skill", requires = "lambda")]
    function: String,
    /// Who is speaking: each name is a user of its own, whose last counts VoiceOps keeps
    /// between runs (in VOICEOPS_STORE, by default the user's data folder).
    #[arg(long, value_name = "NAME", default_value = "default")]
    user: String,
}

fn fail(message: impl std::fmt::Display, code: u8) -> ExitCode {
    eprintln!("voiceops-skill: {message}");
    ExitCode::from(code)
}

/// Where the requests go: the skill in this process (with this machine's AWS credentials),
/// a web service, or a function in a local Lambda runtime. In-process, its state comes too,
/// for the notifications `.event FILE` shows.
async fn target(
    args: &SimulateArgs,
    config: &Config,
    skill_id: &str,
) -> Result<(Box<dyn Target>, Option<VoiceOps>), ExitCode> {
    if let Some(url) = &args.endpoint {
        return HttpTarget::new(url)
            .map(|t| (Box::new(t) as Box<dyn Target>, None))
            .map_err(|e| fail(e, 2));
    }
    if let Some(address) = &args.lambda {
        return LambdaTarget::new(address, &args.function)
            .map(|t| (Box::new(t) as Box<dyn Target>, None))
            .map_err(|e| fail(e, 2));
    }
    let state = VoiceOps::from_config(config, Some(voiceops_skill::store::sqlite))
        .await
        .map_err(|e| fail(e, 2))?;
    skill::build(state.clone(), SkillIds::Only(vec![skill_id.to_owned()]))
        .map(|s| (Box::new(s) as Box<dyn Target>, Some(state)))
        .map_err(|e| fail(e, 1))
}

/// `.event FILE` in the simulator: EventBridge's stop events notify the subscribers through
/// the local Alexa API, and the simulated user hears theirs.
fn stop_events(state: &VoiceOps, api: &AlexaApi) -> Option<alexa_sim::EventHandler> {
    let notifier = notify::simulated(state, api.endpoint())?;
    Some(std::sync::Arc::new(move |event| {
        let notifier = notifier.clone();
        Box::pin(async move { notify::on_event(Some(&notifier), event).await })
    }))
}

pub async fn run(args: SimulateArgs) -> ExitCode {
    let locale = args.locale.as_str();
    let model = match package::model(locale) {
        Ok(model) => model,
        Err(err) => return fail(err, 2),
    };
    let config = Config::from_env();
    let skill_id = config
        .skill_ids
        .as_ref()
        .and_then(|ids| ids.first().cloned())
        .unwrap_or_else(|| alexa_sim::SIMULATOR_SKILL_ID.to_owned());
    let (target, state) = match target(&args, &config, &skill_id).await {
        Ok(found) => found,
        Err(code) => return code,
    };
    // The skill's Alexa API calls (progressive responses, the device's time zone) go to a
    // stand-in on this machine, answering with this machine's time zone.
    let api = match AlexaApi::start(DeviceSettings::from_host()).await {
        Ok(api) => api,
        Err(err) => return fail(format!("cannot start the local Alexa API: {err}"), 1),
    };
    let resolver = Resolver::new(&model.language_model, locale, &skill_id);
    let sim = Simulator::new(target, resolver, locale, &skill_id, args.device)
        .with_dialog_model(&model)
        .with_user(&args.user);
    let mut sim = match (&args.endpoint, &args.lambda) {
        // A skill elsewhere cannot always reach this machine's loopback stand-in: leave its
        // requests pointing at Amazon's endpoint, as before.
        (None, None) => sim.with_alexa_api(api.endpoint(), api.token(), api.log()),
        _ => sim,
    };
    if let Some(handler) = state.as_ref().and_then(|state| stop_events(state, &api)) {
        sim = sim.with_events(handler);
    }
    if args.web {
        return web(sim, args.port).await;
    }
    let repl_options = ReplOptions {
        skill_name: SKILL_NAME.to_owned(),
        json: args.json,
        transcript: args.transcript,
        speak: args.speak,
    };
    match repl::run(&mut sim, &repl_options).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(format!("the terminal failed: {err}"), 1),
    }
}

async fn web(sim: Simulator<Box<dyn Target>>, port: u16) -> ExitCode {
    let console_options = ConsoleOptions {
        skill_name: SKILL_NAME.to_owned(),
    };
    let console = match Console::bind(sim, console_options, port).await {
        Ok(console) => console,
        Err(err) => return fail(format!("cannot listen on 127.0.0.1:{port}: {err}"), 1),
    };
    // The first line names the address, so scripts (and the browser test) can read it.
    // A reader that goes away after it must not stop the console: errors are ignored.
    {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "Web console: {}", console.url());
        let _ = writeln!(out, "Press Ctrl-C to stop.");
        let _ = out.flush();
    }
    match console.run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(format!("the web console stopped: {err}"), 1),
    }
}
