//! `voiceops-skill simulate`: the offline Echo, in a terminal or a browser, talking to the
//! skill in-process, to a web service, or to a local Lambda runtime. The front ends are the
//! framework's (`alexa_core::sim`); this file only picks the target and the model.

use alexa_core::sim::console::{Console, ConsoleOptions};
use alexa_core::sim::repl::{self, ReplOptions};
use alexa_core::sim::{DeviceProfile, HttpTarget, LambdaTarget, Resolver, Simulator, Target};
use std::process::ExitCode;
use voiceops_skill::config::Config;
use voiceops_skill::package;
use voiceops_skill::skill::{self, SkillIds};

const SIM_SKILL_ID: &str = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";
const SKILL_NAME: &str = "Voice Ops";

/// Where the simulator's requests go.
#[derive(Debug, Clone)]
pub enum Via {
    /// The skill in this process, with this machine's AWS credentials.
    InProcess,
    /// A web service at this URL.
    Http(String),
    /// A function in a local Lambda runtime (`cargo lambda watch`) at this address.
    Lambda { address: String, function: String },
}

/// What `simulate` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    pub locale: String,
    pub device: String,
    pub json: bool,
    pub transcript: bool,
    pub speak: bool,
    /// Serve the web console on this port instead of reading the terminal.
    pub web: Option<u16>,
    pub via: Via,
}

fn fail(message: impl std::fmt::Display, code: u8) -> ExitCode {
    eprintln!("voiceops-skill: {message}");
    ExitCode::from(code)
}

pub async fn run(options: Options) -> ExitCode {
    let device = match options.device.as_str() {
        "echo" => DeviceProfile::Echo,
        "echo-show" | "show" => DeviceProfile::EchoShow,
        other => {
            return fail(
                format!("unknown device {other:?}: use echo or echo-show"),
                2,
            )
        }
    };
    let locale = options.locale.as_str();
    let model = match package::model(locale) {
        Ok(model) => model,
        Err(err) => return fail(err, 2),
    };
    let config = Config::from_env();
    let skill_id = config
        .skill_ids
        .as_ref()
        .and_then(|ids| ids.first().cloned())
        .unwrap_or_else(|| SIM_SKILL_ID.to_owned());
    let target: Box<dyn Target> = match &options.via {
        Via::InProcess => {
            let state = crate::state(&config).await;
            match skill::build(state, SkillIds::Only(vec![skill_id.clone()])) {
                Ok(skill) => Box::new(skill),
                Err(err) => return fail(err, 1),
            }
        }
        Via::Http(url) => match HttpTarget::new(url) {
            Ok(target) => Box::new(target),
            Err(err) => return fail(err, 2),
        },
        Via::Lambda { address, function } => match LambdaTarget::new(address, function) {
            Ok(target) => Box::new(target),
            Err(err) => return fail(err, 2),
        },
    };
    let resolver = Resolver::new(&model.language_model, locale, &skill_id);
    let mut sim = Simulator::new(target, resolver, locale, &skill_id, device);
    if let Some(port) = options.web {
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
        return match console.run().await {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => fail(format!("the web console stopped: {err}"), 1),
        };
    }
    let repl_options = ReplOptions {
        skill_name: SKILL_NAME.to_owned(),
        json: options.json,
        transcript: options.transcript,
        speak: options.speak,
    };
    match repl::run(&mut sim, &repl_options).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(format!("the terminal failed: {err}"), 1),
    }
}
