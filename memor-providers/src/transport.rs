//! The [`Transport`] trait, and [`UreqTransport`], the default blocking client (feature `ureq`).

use crate::{HttpRequest, HttpResponse, Result};

/// Sends an [`HttpRequest`] and returns the [`HttpResponse`] whatever its status: error
/// statuses are the provider's to read. Implement it to bring your own HTTP client.
///
/// A transport should not follow redirects (return the 3xx reply: [`Client`](crate::Client)
/// reports it as [`Error::Redirect`](crate::Error::Redirect)) and should bound a body's size
/// and a call's total time, as `UreqTransport` does; the limits are the transport's.
///
/// ```
/// use memor_providers::{HttpRequest, HttpResponse, Result, Transport};
///
/// /// A transport that answers every request with an empty JSON object.
/// struct Canned;
///
/// impl Transport for Canned {
///     fn send(&self, _request: &HttpRequest) -> Result<HttpResponse> {
///         Ok(HttpResponse { status: 200, headers: vec![], body: b"{}".to_vec() })
///     }
/// }
///
/// let request = HttpRequest::post_json("http://localhost/".to_owned(), &serde_json::json!({}));
/// assert_eq!(Canned.send(&request)?.status, 200);
/// # Ok::<(), memor_providers::Error>(())
/// ```
pub trait Transport: Send + Sync + 'static {
    /// Sends the request; an error only when no response was received (including timeouts).
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse>;

    /// Sends the request and, for a 2xx reply, passes the body to `on_chunk` as it arrives
    /// (returning the response with an empty body); any other reply is returned whole and
    /// `on_chunk` is not called. An error from `on_chunk` stops the reading and is returned.
    ///
    /// The default sends with [`send`](Self::send) and passes a 2xx body as one chunk.
    fn send_streaming(
        &self,
        request: &HttpRequest,
        on_chunk: &mut dyn FnMut(&[u8]) -> Result<()>,
    ) -> Result<HttpResponse> {
        let mut reply = self.send(request)?;
        if reply.is_success() {
            on_chunk(&reply.body)?;
            reply.body.clear();
        }
        Ok(reply)
    }
}

#[cfg(feature = "ureq")]
pub use self::ureq_transport::{DEFAULT_DEADLINE, DEFAULT_MAX_BODY, UreqTransport};

#[cfg(feature = "ureq")]
mod ureq_transport {
    use std::io::Read;
    use std::time::Duration;

    use crate::http::redact_url;
    use crate::{Error, HttpRequest, HttpResponse, Result, Transport};

    /// A blocking HTTP client on `ureq`, with connect and read timeouts, an overall deadline
    /// and a size limit; 4xx and 5xx replies are returned, not turned into errors. HTTPS needs
    /// the `rustls` feature (on by default).
    ///
    /// - The read timeout bounds the wait for the reply's head and then, for a whole body,
    ///   reading it; when streaming, each wait between two chunks of the body.
    /// - The deadline bounds the whole call, from connecting to the body's last byte, so a
    ///   server that sends one byte every few seconds cannot hold a call forever
    ///   ([`Error::Deadline`]).
    /// - The size limit bounds a body, streamed or not ([`Error::TooLarge`]).
    /// - Redirects are not followed: a 3xx reply is returned as it is (and
    ///   [`Client`](crate::Client) reports it as [`Error::Redirect`]), so a request's
    ///   credentials and body never go to another address.
    #[derive(Debug)]
    pub struct UreqTransport {
        agent: ureq::Agent,
        connect: Duration,
        read: Duration,
        deadline: Duration,
        max_body: u64,
    }

    /// The default deadline of a whole call: 10 minutes.
    pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(600);

    /// The default size limit of a reply body: 64 MiB.
    pub const DEFAULT_MAX_BODY: u64 = 64 * 1024 * 1024;

    impl Default for UreqTransport {
        /// Connect timeout 10 s, read timeout 120 s (model replies can be slow), deadline
        /// [`DEFAULT_DEADLINE`], size limit [`DEFAULT_MAX_BODY`].
        fn default() -> Self {
            Self::new(Duration::from_secs(10), Duration::from_secs(120))
        }
    }

    impl UreqTransport {
        /// A client with these timeouts: `connect` for the connection, `read` for the reply's
        /// head and, separately, for its body; the default deadline and size limit.
        pub fn new(connect: Duration, read: Duration) -> Self {
            UreqTransport {
                agent: agent(connect, read, DEFAULT_DEADLINE),
                connect,
                read,
                deadline: DEFAULT_DEADLINE,
                max_body: DEFAULT_MAX_BODY,
            }
        }

        /// Sets the deadline of a whole call (connecting, sending, and reading the reply to
        /// its last byte).
        #[must_use]
        pub fn deadline(mut self, deadline: Duration) -> Self {
            self.deadline = deadline;
            self.agent = agent(self.connect, self.read, deadline);
            self
        }

        /// Sets the size limit of a reply body, in bytes.
        #[must_use]
        pub fn max_body(mut self, bytes: u64) -> Self {
            self.max_body = bytes;
            self
        }

        fn convert(&self, error: ureq::Error, url: &str) -> Error {
            match error {
                ureq::Error::Timeout(ureq::Timeout::Global) => {
                    Error::Deadline { url: url.to_owned(), limit: self.deadline }
                }
                ureq::Error::BodyExceedsLimit(_) => Error::TooLarge { url: url.to_owned(), limit: self.max_body },
                other => convert(other, url),
            }
        }

        fn convert_io(&self, error: std::io::Error, url: &str) -> Error {
            match error.get_ref().and_then(|inner| inner.downcast_ref::<ureq::Error>()) {
                Some(ureq::Error::Timeout(ureq::Timeout::Global)) => {
                    Error::Deadline { url: url.to_owned(), limit: self.deadline }
                }
                Some(ureq::Error::BodyExceedsLimit(_)) => Error::TooLarge { url: url.to_owned(), limit: self.max_body },
                _ => convert_io(error, url),
            }
        }
    }

    fn agent(connect: Duration, read: Duration, deadline: Duration) -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(connect))
            .timeout_recv_response(Some(read))
            .timeout_recv_body(Some(read))
            .timeout_global(Some(deadline))
            .build()
            .into()
    }

    impl Transport for UreqTransport {
        fn send(&self, request: &HttpRequest) -> Result<HttpResponse> {
            let url = redact_url(&request.url);
            let mut response = self.agent.run(http_request(request)?).map_err(|e| self.convert(e, &url))?;
            let (status, headers) = head(&response);
            let body = response
                .body_mut()
                .with_config()
                .limit(self.max_body)
                .read_to_vec()
                .map_err(|e| self.convert(e, &url))?;
            Ok(HttpResponse { status, headers, body })
        }

        fn send_streaming(
            &self,
            request: &HttpRequest,
            on_chunk: &mut dyn FnMut(&[u8]) -> Result<()>,
        ) -> Result<HttpResponse> {
            let http_request = self
                .agent
                .configure_request(http_request(request)?)
                .timeout_recv_body(None)
                .timeout_per_read(Some(self.read))
                .build();
            let url = redact_url(&request.url);
            let mut response = self.agent.run(http_request).map_err(|e| self.convert(e, &url))?;
            let (status, headers) = head(&response);
            let body = response.body_mut().with_config().limit(self.max_body);
            if !(200..300).contains(&status) {
                let body = body.read_to_vec().map_err(|e| self.convert(e, &url))?;
                return Ok(HttpResponse { status, headers, body });
            }
            let mut reader = body.reader();
            let mut buffer = vec![0; 8192];
            loop {
                match reader.read(&mut buffer) {
                    Ok(0) => return Ok(HttpResponse { status, headers, body: Vec::new() }),
                    Ok(n) => on_chunk(&buffer[..n])?,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(self.convert_io(e, &url)),
                }
            }
        }
    }

    fn http_request(request: &HttpRequest) -> Result<ureq::http::Request<Vec<u8>>> {
        let mut builder = ureq::http::Request::builder().method(request.method).uri(&request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value.value());
        }
        // The http crate's error names the header or URI part at fault, never a value.
        builder
            .body(request.body.clone())
            .map_err(|e| Error::Transport { url: redact_url(&request.url), message: e.to_string() })
    }

    fn head(response: &ureq::http::Response<ureq::Body>) -> (u16, Vec<(String, String)>) {
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect();
        (response.status().as_u16(), headers)
    }

    fn convert_io(error: std::io::Error, url: &str) -> Error {
        let timed_out =
            |e: &std::io::Error| matches!(e.kind(), std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock);
        let ureq_timeout = match error.get_ref().and_then(|inner| inner.downcast_ref::<ureq::Error>()) {
            Some(ureq::Error::Timeout(_)) => true,
            Some(ureq::Error::Io(inner)) => timed_out(inner),
            _ => false,
        };
        if timed_out(&error) || ureq_timeout {
            return Error::Timeout { url: url.to_owned() };
        }
        Error::Transport { url: url.to_owned(), message: error.to_string() }
    }

    fn convert(error: ureq::Error, url: &str) -> Error {
        match error {
            ureq::Error::Timeout(_) => Error::Timeout { url: url.to_owned() },
            ureq::Error::Io(e) if matches!(e.kind(), std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock) => {
                Error::Timeout { url: url.to_owned() }
            }
            other => Error::Transport { url: url.to_owned(), message: other.to_string() },
        }
    }
}
