//! Events that are not Alexa requests (an EventBridge rule's, a schedule's), delivered to the
//! skill's own handler so its notifications can be seen in the simulator.

use serde_json::Value;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// What answers an event: the skill's handler for invocations that are not Alexa requests.
pub type EventHandler =
    Arc<dyn Fn(Value) -> Pin<Box<dyn Future<Output = Result<Value, String>> + Send>> + Send + Sync>;

/// What an event led to.
#[derive(Debug, Clone, PartialEq)]
pub struct EventOutcome {
    /// The handler's answer, or why it refused the event.
    pub answer: Result<Value, String>,
    /// The notifications the simulated user got meanwhile, as announced in the
    /// simulator's locale.
    pub notifications: Vec<String>,
}
