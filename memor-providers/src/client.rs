//! [`Client`]: a provider and a transport together, with retries and timing.

use std::sync::Arc;
use std::time::{Duration, Instant};

use memor_core::{Response, Session};

use crate::{ChatOptions, Error, HttpRequest, Provider, Result, RetryPolicy, Transport};

/// Sends a provider's requests through a transport, retrying after 429 and 5xx replies
/// ([`RetryPolicy`]). Transport errors (refused connections, timeouts) are not retried. Each
/// response's inference time is the wall time of the attempt that succeeded (waits between
/// attempts excluded).
///
/// A redirect (HTTP 3xx) is never followed: it is an [`Error::Redirect`]. Texts an error
/// copies from the server or the URL never show the request's credentials (its secret
/// headers, the URL's userinfo): they are replaced by `<redacted>`.
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
        self.chat_request(provider, &request, options).map_err(|e| e.redacted(&request.secrets()))
    }

    fn chat_request(
        &self,
        provider: &dyn Provider,
        request: &HttpRequest,
        options: &ChatOptions,
    ) -> Result<Vec<Response>> {
        let mut attempt = 1;
        loop {
            let started = Instant::now();
            let reply = self.transport.send(request)?;
            let elapsed = started.elapsed();
            refuse_redirect(request, &reply)?;
            if reply.is_success() {
                return provider.parse(&reply, options, elapsed);
            }
            match self.retry.delay(attempt, &reply) {
                Some(wait) => {
                    sleep(wait);
                    attempt += 1;
                }
                None => return Err(failure(provider, &reply, options, elapsed, attempt)),
            }
        }
    }

    /// Asks `provider` for the next message of `session` as a stream: `on_delta` gets each
    /// piece of text as it arrives, and the [`Response`] assembled from the whole stream is
    /// returned (its message is the pieces concatenated; its inference time the wall time to
    /// the end of the stream). Only one candidate. A 429 or 5xx reply is retried like
    /// [`chat`](Self::chat) (always before any piece was given); a stream that fails midway
    /// is not. The session is not changed.
    ///
    /// ```no_run
    /// # #[cfg(feature = "ureq")]
    /// # fn main() -> Result<(), memor_providers::Error> {
    /// use std::io::Write;
    /// use memor_core::{Prompt, Session};
    /// use memor_providers::{ChatOptions, Client, Ollama};
    ///
    /// let mut session = Session::new(None);
    /// session.add_message(Prompt::builder().message("Tell me a story").build());
    /// let response = Client::default().chat_stream(&Ollama::new(), &session, &ChatOptions::new("gemma3"), |piece| {
    ///     print!("{piece}");
    ///     let _ = std::io::stdout().flush();
    /// })?;
    /// println!("\n({:?} tokens)", response.tokens());
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "ureq"))]
    /// # fn main() {}
    /// ```
    pub fn chat_stream(
        &self,
        provider: &dyn Provider,
        session: &Session,
        options: &ChatOptions,
        mut on_delta: impl FnMut(&str),
    ) -> Result<Response> {
        let request = provider.stream_request(session, options)?;
        self.stream_request(provider, &request, options, &mut on_delta).map_err(|e| e.redacted(&request.secrets()))
    }

    fn stream_request(
        &self,
        provider: &dyn Provider,
        request: &HttpRequest,
        options: &ChatOptions,
        on_delta: &mut dyn FnMut(&str),
    ) -> Result<Response> {
        let mut attempt = 1;
        loop {
            let mut parser = provider.stream_parser(options)?;
            let started = Instant::now();
            let reply = self.transport.send_streaming(request, &mut |bytes| {
                for delta in parser.feed(bytes)? {
                    on_delta(&delta);
                }
                Ok(())
            })?;
            refuse_redirect(request, &reply)?;
            if reply.is_success() {
                for delta in parser.flush()? {
                    on_delta(&delta);
                }
                return parser.finish(started.elapsed());
            }
            let elapsed = started.elapsed();
            match self.retry.delay(attempt, &reply) {
                Some(wait) => {
                    sleep(wait);
                    attempt += 1;
                }
                None => return Err(failure(provider, &reply, options, elapsed, attempt)),
            }
        }
    }
}

/// A redirect is an error: following it would send the request's credentials and body to
/// wherever the server points (and a `POST` would turn into a `GET` without its body).
fn refuse_redirect(request: &HttpRequest, reply: &crate::HttpResponse) -> Result<()> {
    if !(300..400).contains(&reply.status) {
        return Ok(());
    }
    Err(Error::Redirect {
        url: request.url.clone(),
        status: reply.status,
        location: reply.header("location").map(str::to_owned),
    })
}

/// The error for a non-2xx reply after `attempt` attempts: the provider's reading of it.
fn failure(
    provider: &dyn Provider,
    reply: &crate::HttpResponse,
    options: &ChatOptions,
    elapsed: Duration,
    attempt: u32,
) -> Error {
    let error = match provider.parse(reply, options, elapsed) {
        Err(e) => e,
        Ok(_) => crate::reply::api_error(provider.id(), reply),
    };
    match attempt {
        1 => error,
        attempts => Error::RetriesExhausted { attempts, last: Box::new(error) },
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
