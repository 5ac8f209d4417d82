//! The simulator's web console: a page on 127.0.0.1 with the conversation, each turn's
//! request and response JSON, the card, an Echo Show screen rendering the skill's APL
//! document, and the browser speaking the answers.
//!
//! It only listens on the loopback interface and refuses requests whose `Host` is not
//! that address, so a web page elsewhere cannot drive it through DNS rebinding.

mod assets;
mod view;

use super::{DeviceProfile, Simulator, Target};
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use tokio::sync::Mutex;

pub use view::{ConsoleState, Exchange, ScreenSize, TurnView};

/// What the page shows about the skill.
#[derive(Debug, Clone, Default)]
pub struct ConsoleOptions {
    /// The skill's name as users read it ("Voice Ops").
    pub skill_name: String,
}

struct Shared<T: Target> {
    sim: Mutex<Simulator<T>>,
    options: ConsoleOptions,
}

/// A console bound to a port on 127.0.0.1, ready to [`run`](Console::run).
#[derive(Debug)]
pub struct Console {
    listener: tokio::net::TcpListener,
    router: Router,
    addr: SocketAddr,
}

impl Console {
    /// Binds 127.0.0.1:`port` (0 picks a free port) for `sim`.
    ///
    /// ```no_run
    /// # async fn demo<T: alexa_sim::Target + 'static>(sim: alexa_sim::Simulator<T>) {
    /// use alexa_sim::console::{Console, ConsoleOptions};
    /// let options = ConsoleOptions { skill_name: "Coffee Shop".into() };
    /// let console = Console::bind(sim, options, 0).await.unwrap();
    /// println!("open {}", console.url());
    /// console.run().await.unwrap();
    /// # }
    /// ```
    pub async fn bind<T: Target + 'static>(
        sim: Simulator<T>,
        options: ConsoleOptions,
        port: u16,
    ) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
        let addr = listener.local_addr()?;
        Ok(Self {
            listener,
            router: router(sim, options, addr.port()),
            addr,
        })
    }

    /// The page's address.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Serves until the process ends.
    pub async fn run(self) -> std::io::Result<()> {
        axum::serve(self.listener, self.router).await
    }
}

/// The console's routes, for a server on 127.0.0.1:`port` (or for tests through tower).
pub fn router<T: Target + 'static>(
    sim: Simulator<T>,
    options: ConsoleOptions,
    port: u16,
) -> Router {
    let shared = Arc::new(Shared {
        sim: Mutex::new(sim),
        options,
    });
    let allowed: Arc<[String]> = Arc::from(vec![
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
    ]);
    Router::new()
        .route("/", get(|| async { assets::page() }))
        .route(
            "/{asset}",
            get(
                |axum::extract::Path(name): axum::extract::Path<String>| async move {
                    assets::file(&name)
                },
            ),
        )
        .route("/api/state", get(state::<T>))
        .route("/api/say", post(say::<T>))
        .route("/api/device", post(device::<T>))
        .with_state(shared)
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            let allowed = allowed.clone();
            async move { loopback_only(&allowed, req, next).await }
        }))
}

async fn loopback_only(allowed: &[String], req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if allowed.iter().any(|a| a == host) {
        next.run(req).await
    } else {
        (
            StatusCode::FORBIDDEN,
            "the simulator console only answers 127.0.0.1",
        )
            .into_response()
    }
}

async fn state<T: Target + 'static>(State(shared): State<Arc<Shared<T>>>) -> Json<ConsoleState> {
    let sim = shared.sim.lock().await;
    Json(ConsoleState::of(&sim, &shared.options))
}

#[derive(Deserialize)]
struct Say {
    utterance: String,
}

/// One turn: an utterance, or silence for an empty one.
async fn say<T: Target + 'static>(
    State(shared): State<Arc<Shared<T>>>,
    Json(say): Json<Say>,
) -> Json<Exchange> {
    let utterance = say.utterance.trim();
    let mut sim = shared.sim.lock().await;
    let turn = if utterance.is_empty() {
        sim.silence().await
    } else {
        sim.say(utterance).await
    };
    let state = ConsoleState::of(&sim, &shared.options);
    Json(Exchange {
        turn: TurnView::of(utterance, &turn),
        state,
    })
}

#[derive(Deserialize)]
struct SetDevice {
    device: String,
}

async fn device<T: Target + 'static>(
    State(shared): State<Arc<Shared<T>>>,
    Json(set): Json<SetDevice>,
) -> Response {
    let device: DeviceProfile = match set.device.parse() {
        Ok(device) => device,
        Err(unknown) => return (StatusCode::BAD_REQUEST, unknown.to_string()).into_response(),
    };
    let mut sim = shared.sim.lock().await;
    sim.set_device(device);
    Json(ConsoleState::of(&sim, &shared.options)).into_response()
}
