//! [`AsyncClient`] (feature `async`): [`Client`] calls as futures, on any executor.
//!
//! The documentation is on [`AsyncClient`] (this module is private).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};

use memor_core::{Response, Session};

use crate::{ChatOptions, Client, Error, Provider, Result};

/// A [`Client`] whose calls are futures (feature `async`). Cloning is cheap (the transport
/// is shared).
///
/// Each call runs the blocking [`Client::chat`] or [`Client::chat_stream`] on a new OS thread
/// of its own, and the returned [`ChatFuture`] completes when that thread has the result: the
/// executor's threads never block, and nothing here depends on a runtime (std only), so the
/// futures work under tokio, async-std, smol or a hand-written executor.
///
/// The cost is one OS thread per call in flight, for the length of the call. For chat
/// workloads (a handful of concurrent calls, seconds each) a thread's creation and stack are
/// negligible; for thousands of concurrent calls they are not. Whoever wants a truly
/// non-blocking transport (hyper, reqwest, …) can implement [`Transport`](crate::Transport)
/// on top of it themselves; this crate does not provide one.
///
/// Dropping a [`ChatFuture`] before it completes does not stop the call: its thread finishes
/// the request (a stream's `on_delta` keeps being called until the stream ends) and the
/// result is discarded.
///
/// ```no_run
/// # #[cfg(feature = "ureq")]
/// # async fn example() -> Result<(), memor_providers::Error> {
/// use std::sync::Arc;
/// use memor_core::{Prompt, Session};
/// use memor_providers::{AsyncClient, ChatOptions, Client, Ollama};
///
/// let mut session = Session::new(None);
/// session.add_message(Prompt::builder().message("Say hello").build());
/// let client = AsyncClient::new(Client::default());
/// let responses = client.chat(Arc::new(Ollama::new()), session, ChatOptions::new("gemma3")).await?;
/// println!("{}", responses[0].message());
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct AsyncClient {
    client: Client,
}

impl From<Client> for AsyncClient {
    fn from(client: Client) -> Self {
        AsyncClient::new(client)
    }
}

impl AsyncClient {
    /// Wraps `client` (its transport and retry policy are used as they are).
    pub fn new(client: Client) -> Self {
        AsyncClient { client }
    }

    /// The blocking client underneath.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// [`Client::chat`] as a future: one [`Response`] per candidate. The arguments are owned
    /// so that the future is `'static` (it can be spawned on any executor).
    pub fn chat(
        &self,
        provider: Arc<dyn Provider>,
        session: Session,
        options: ChatOptions,
    ) -> ChatFuture<Vec<Response>> {
        let client = self.client.clone();
        ChatFuture::spawn(move || client.chat(&*provider, &session, &options))
    }

    /// [`Client::chat_stream`] as a future: `on_delta` gets each piece of text as it arrives
    /// (called on the call's own thread, not the executor's), and the future gives the
    /// [`Response`] assembled from the whole stream.
    pub fn chat_stream(
        &self,
        provider: Arc<dyn Provider>,
        session: Session,
        options: ChatOptions,
        on_delta: impl FnMut(&str) + Send + 'static,
    ) -> ChatFuture<Response> {
        let client = self.client.clone();
        ChatFuture::spawn(move || client.chat_stream(&*provider, &session, &options, on_delta))
    }
}

/// The future of an [`AsyncClient`] call: ready with the call's result once its thread has
/// finished. `Send` and `'static`; dropping it discards the result (the call still runs to
/// its end on its thread).
#[must_use = "a ChatFuture does nothing useful unless awaited"]
pub struct ChatFuture<T> {
    shared: Arc<Shared<T>>,
}

impl<T> std::fmt::Debug for ChatFuture<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match &*self.shared.lock() {
            State::Pending(_) => "pending",
            State::Done(_) => "done",
            State::Taken => "taken",
        };
        f.debug_struct("ChatFuture").field("state", &state).finish()
    }
}

impl<T: Send + 'static> ChatFuture<T> {
    /// Runs `call` on a new thread; the future completes with its result.
    fn spawn(call: impl FnOnce() -> Result<T> + Send + 'static) -> Self {
        let shared = Arc::new(Shared { state: Mutex::new(State::Pending(None)) });
        let mut completer = Completer { shared: Some(Arc::clone(&shared)) };
        let spawned = std::thread::Builder::new()
            .name("memor-providers-async".to_owned())
            .spawn(move || completer.complete(call()));
        if let Err(e) = spawned {
            // The closure, and so its completer, was dropped without a result: say why.
            shared.set(Err(worker_error(format!("cannot start a thread for the call: {e}"))));
        }
        ChatFuture { shared }
    }
}

impl<T> Future for ChatFuture<T> {
    type Output = Result<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = self.shared.lock();
        match std::mem::replace(&mut *state, State::Taken) {
            State::Done(result) => Poll::Ready(result),
            State::Pending(waker) => {
                let waker = match waker {
                    Some(mut waker) => {
                        waker.clone_from(cx.waker());
                        waker
                    }
                    None => cx.waker().clone(),
                };
                *state = State::Pending(Some(waker));
                Poll::Pending
            }
            State::Taken => {
                Poll::Ready(Err(worker_error("the call's result was already taken (polled after completion)")))
            }
        }
    }
}

/// The one-shot between a call's thread and its future.
struct Shared<T> {
    state: Mutex<State<T>>,
}

enum State<T> {
    /// No result yet; the waker of the last poll.
    Pending(Option<Waker>),
    /// The result, not yet taken.
    Done(Result<T>),
    /// The future returned the result.
    Taken,
}

impl<T> Shared<T> {
    /// The state, even if a thread panicked while holding the lock (the state is always
    /// consistent: every change is a single assignment).
    fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Stores the result (replacing an earlier one not yet taken) and wakes the future.
    fn set(&self, result: Result<T>) {
        let waker = {
            let mut state = self.lock();
            match std::mem::replace(&mut *state, State::Taken) {
                State::Taken => return,
                State::Pending(waker) => {
                    *state = State::Done(result);
                    waker
                }
                State::Done(_) => {
                    *state = State::Done(result);
                    None
                }
            }
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

/// The sending half, owned by the call's thread. Dropped without a result (the call
/// panicked, or the thread never started), it completes the future with an error so that it
/// does not wait forever.
struct Completer<T> {
    shared: Option<Arc<Shared<T>>>,
}

impl<T> Completer<T> {
    fn complete(&mut self, result: Result<T>) {
        if let Some(shared) = self.shared.take() {
            shared.set(result);
        }
    }
}

impl<T> Drop for Completer<T> {
    fn drop(&mut self) {
        if let Some(shared) = self.shared.take() {
            shared.set(Err(worker_error("the call's thread ended without a result (it panicked)")));
        }
    }
}

fn worker_error(message: impl Into<String>) -> Error {
    Error::Custom(message.into().into())
}
