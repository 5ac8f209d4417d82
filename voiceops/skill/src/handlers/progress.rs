//! "Checking 17 regions...": said once, as a progressive response, when the answer is not
//! ready after a moment, so the user knows the skill heard them.

use alexa_services::Alexa;
use std::future::Future;
use std::time::Duration;

/// Runs `work`; if it is still running after `after`, says `speech` through `alexa` once.
/// The answer never waits for that call: when `work` finishes first, the call is dropped, so
/// nothing is said after the answer. A failed call is logged and otherwise ignored.
pub async fn say_if_slow<F: Future>(
    work: F,
    alexa: Option<&Alexa>,
    after: Duration,
    speech: impl FnOnce() -> String,
) -> F::Output {
    let Some(alexa) = alexa else {
        return work.await;
    };
    tokio::pin!(work);
    tokio::select! {
        done = &mut work => return done,
        () = tokio::time::sleep(after) => {}
    }
    let speech = speech();
    let say = alexa.speak_progressive(&speech);
    tokio::pin!(say);
    let mut said = false;
    loop {
        tokio::select! {
            done = &mut work => return done,
            result = &mut say, if !said => {
                said = true;
                if let Err(err) = result {
                    tracing::warn!(%err, "the progressive response was not sent");
                }
            }
        }
    }
}
