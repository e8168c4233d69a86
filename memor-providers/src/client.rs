//! [`Client`]: a provider and a transport together, with retries and timing.

use std::sync::Arc;
use std::time::{Duration, Instant};

use memor_core::{Response, Session};

use crate::{ChatOptions, Error, Provider, Result, RetryPolicy, Transport};

/// Sends a provider's requests through a transport, retrying after 429 and 5xx replies
/// ([`RetryPolicy`]). Transport errors (refused connections, timeouts) are not retried. Each
/// response's inference time is the wall time of the attempt that succeeded (waits between
/// attempts excluded).
#[derive(Clone)]
pub struct Client {
    transport: Arc<dyn Transport>,
    retry: RetryPolicy,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("retry", &self.retry).finish_non_exhaustive()
    }
}

#[cfg(feature = "ureq")]
impl Default for Client {
    /// [`UreqTransport::default`](crate::UreqTransport) and [`RetryPolicy::default`].
    fn default() -> Self {
        Client::new(crate::UreqTransport::default())
    }
}

impl Client {
    /// A client on this transport with the default retry policy.
    pub fn new(transport: impl Transport) -> Self {
        Client { transport: Arc::new(transport), retry: RetryPolicy::default() }
    }

    /// A client on a shared transport.
    pub fn with_transport(transport: Arc<dyn Transport>) -> Self {
        Client { transport, retry: RetryPolicy::default() }
    }

    /// Sets the retry policy.
    #[must_use]
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Asks `provider` for the next message of `session` (its enabled messages): one
    /// [`Response`] per candidate. The session is not changed.
    pub fn chat(&self, provider: &dyn Provider, session: &Session, options: &ChatOptions) -> Result<Vec<Response>> {
        let request = provider.request(session, options)?;
        let mut attempt = 1;
        loop {
            let started = Instant::now();
            let reply = self.transport.send(&request)?;
            let elapsed = started.elapsed();
            if reply.is_success() {
                return provider.parse(&reply, options, elapsed);
            }
            match self.retry.delay(attempt, &reply) {
                Some(wait) => {
                    sleep(wait);
                    attempt += 1;
                }
                None => {
                    let error = match provider.parse(&reply, options, elapsed) {
                        Err(e) => e,
                        Ok(_) => crate::reply::api_error(provider.id(), &reply),
                    };
                    return Err(match attempt {
                        1 => error,
                        attempts => Error::RetriesExhausted { attempts, last: Box::new(error) },
                    });
                }
            }
        }
    }
}

fn sleep(wait: Duration) {
    if !wait.is_zero() {
        std::thread::sleep(wait);
    }
}

/// [`Client::chat`] with a one-off client (default retry policy).
pub fn chat(
    provider: &dyn Provider,
    transport: impl Transport,
    session: &Session,
    options: &ChatOptions,
) -> Result<Vec<Response>> {
    Client::new(transport).chat(provider, session, options)
}
