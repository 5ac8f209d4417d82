//! What the skill told the simulated Alexa API: progressive responses during a turn, and
//! notifications (proactive events) whenever it sends them.

use std::sync::{Mutex, PoisonError};
use tokio::sync::Notify;

/// One `VoicePlayer.Speak` the skill sent while working on a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progressive {
    /// The request it was for (`header.requestId`).
    pub request_id: String,
    /// What Alexa said, markup removed.
    pub speech: String,
}

/// Progressive responses received, shared by the API stand-in (which records them) and the
/// simulator (which shows each before its turn's answer).
#[derive(Debug, Default)]
pub struct ApiLog {
    progressive: Mutex<Vec<Progressive>>,
    notifications: Mutex<Vec<crate::Notification>>,
    arrived: Notify,
}

impl ApiLog {
    /// Records one progressive response and wakes whoever waits for one.
    pub fn record(&self, progressive: Progressive) {
        self.lock().push(progressive);
        self.arrived.notify_waiters();
    }

    /// Everything received so far, oldest first.
    pub fn progressive(&self) -> Vec<Progressive> {
        self.lock().clone()
    }

    /// Takes out the speech sent for `request_id`, dropping anything older (a call that
    /// arrived after its turn ended).
    pub fn take_for(&self, request_id: &str) -> Vec<String> {
        std::mem::take(&mut *self.lock())
            .into_iter()
            .filter(|p| p.request_id == request_id)
            .map(|p| p.speech)
            .collect()
    }

    /// Waits until at least `count` progressive responses have arrived: what a test waits
    /// for instead of a length of time.
    pub async fn wait_for(&self, count: usize) {
        loop {
            let arrived = self.arrived.notified();
            if self.lock().len() >= count {
                return;
            }
            arrived.await;
        }
    }

    /// Records one notification the skill created.
    pub fn record_notification(&self, notification: crate::Notification) {
        self.notifications
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(notification);
    }

    /// Takes out every notification received so far, oldest first.
    pub fn take_notifications(&self) -> Vec<crate::Notification> {
        std::mem::take(
            &mut *self
                .notifications
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Progressive>> {
        self.progressive
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}
