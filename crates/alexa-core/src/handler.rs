//! `Handler`: an async function whose arguments are extractors, erased for the router.

use crate::extract::FromRequest;
use crate::model::RequestEnvelope;
use crate::response::{IntoResponse, Response};
use crate::SkillError;
use std::future::Future;
use std::marker::PhantomData;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

/// A boxed, sendable future.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// What running a handler gives: a response, or an error for the error handler.
pub type Outcome = Result<Response, SkillError>;

/// An async function usable as a handler: every argument implements
/// [`FromRequest<S>`], the output implements [`IntoResponse`]. Implemented for functions
/// of up to eight arguments; `T` is the tuple of argument types.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a valid Alexa handler for state `{S}`",
    label = "not an Alexa handler",
    note = "a handler is an `async fn` of up to 8 arguments that each implement `FromRequest<{S}>` (e.g. `Slots<T>`, `Intent`, `Locale`, `State<{S}>`), returning something that implements `IntoResponse`"
)]
pub trait Handler<T, S>: Clone + Send + Sync + Sized + 'static {
    /// Extracts the arguments and runs the function.
    fn call(&self, req: &Arc<RequestEnvelope>, state: &S) -> BoxFuture<Outcome>;

    /// The slot names the arguments read.
    fn slot_names() -> Vec<&'static str>;
}

macro_rules! impl_handler {
    ($($arg:ident),*) => {
        #[allow(non_snake_case, unused_variables, unused_mut)]
        impl<F, Fut, R, S, $($arg,)*> Handler<($($arg,)*), S> for F
        where
            F: Fn($($arg),*) -> Fut + Clone + Send + Sync + 'static,
            Fut: Future<Output = R> + Send + 'static,
            R: IntoResponse,
            $($arg: FromRequest<S> + Send,)*
        {
            fn call(&self, req: &Arc<RequestEnvelope>, state: &S) -> BoxFuture<Outcome> {
                $(
                    let $arg = match $arg::from_request(req, state) {
                        Ok(value) => value,
                        Err(rejection) => {
                            let outcome = rejection.into_response();
                            return Box::pin(std::future::ready(outcome));
                        }
                    };
                )*
                let fut = (self)($($arg),*);
                Box::pin(async move { fut.await.into_response() })
            }

            fn slot_names() -> Vec<&'static str> {
                let mut names: Vec<&'static str> = Vec::new();
                $(names.extend_from_slice($arg::slot_names());)*
                names
            }
        }
    };
}

impl_handler!();
impl_handler!(A1);
impl_handler!(A1, A2);
impl_handler!(A1, A2, A3);
impl_handler!(A1, A2, A3, A4);
impl_handler!(A1, A2, A3, A4, A5);
impl_handler!(A1, A2, A3, A4, A5, A6);
impl_handler!(A1, A2, A3, A4, A5, A6, A7);
impl_handler!(A1, A2, A3, A4, A5, A6, A7, A8);

/// A handler with its argument types erased, as the router stores it.
pub(crate) trait ErasedHandler<S>: Send + Sync {
    fn call(&self, req: &Arc<RequestEnvelope>, state: &S) -> BoxFuture<Outcome>;
    fn slot_names(&self) -> Vec<&'static str>;
}

pub(crate) struct Erased<H, T>(H, PhantomData<fn() -> T>);

pub(crate) fn erase<H: Handler<T, S>, T: 'static, S: 'static>(h: H) -> Arc<dyn ErasedHandler<S>> {
    Arc::new(Erased(h, PhantomData))
}

impl<H: Handler<T, S>, T, S> ErasedHandler<S> for Erased<H, T> {
    fn call(&self, req: &Arc<RequestEnvelope>, state: &S) -> BoxFuture<Outcome> {
        self.0.call(req, state)
    }
    fn slot_names(&self) -> Vec<&'static str> {
        H::slot_names()
    }
}

/// A handler's panic, caught: the payload's message if it had one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Panicked(pub(crate) String);

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".to_owned())
}

/// Runs extraction and the handler's future, turning a panic in either into `Err`.
pub(crate) async fn call_catching<S>(
    handler: &dyn ErasedHandler<S>,
    req: &Arc<RequestEnvelope>,
    state: &S,
) -> Result<Outcome, Panicked> {
    let fut = std::panic::catch_unwind(AssertUnwindSafe(|| handler.call(req, state)))
        .map_err(|p| Panicked(panic_message(&*p)))?;
    CatchUnwind(fut).await
}

/// A future whose panic while polled becomes `Err(Panicked)`: a layer's panic must not take
/// the host down any more than a handler's may.
pub(crate) struct CatchUnwind<F>(pub(crate) F);

impl<F: Future + Unpin> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Panicked>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = &mut self.0;
        match std::panic::catch_unwind(AssertUnwindSafe(|| Pin::new(&mut *inner).poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(outcome)) => Poll::Ready(Ok(outcome)),
            Err(payload) => Poll::Ready(Err(Panicked(panic_message(&*payload)))),
        }
    }
}
