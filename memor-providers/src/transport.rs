//! The [`Transport`] trait, and [`UreqTransport`], the default blocking client (feature `ureq`).

use crate::{HttpRequest, HttpResponse, Result};

/// Sends an [`HttpRequest`] and returns the [`HttpResponse`] whatever its status: error
/// statuses are the provider's to read. Implement it to bring your own HTTP client.
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
}

#[cfg(feature = "ureq")]
pub use self::ureq_transport::UreqTransport;

#[cfg(feature = "ureq")]
mod ureq_transport {
    use std::time::Duration;

    use crate::{Error, HttpRequest, HttpResponse, Result, Transport};

    /// A blocking HTTP client on `ureq`, with connect and read timeouts; 4xx and 5xx replies
    /// are returned, not turned into errors. HTTPS needs the `rustls` feature (on by default).
    #[derive(Debug)]
    pub struct UreqTransport {
        agent: ureq::Agent,
    }

    impl Default for UreqTransport {
        /// Connect timeout 10 s, read timeout 120 s (model replies can be slow).
        fn default() -> Self {
            Self::new(Duration::from_secs(10), Duration::from_secs(120))
        }
    }

    impl UreqTransport {
        /// A client with these timeouts: `connect` for the connection, `read` for the reply's
        /// head and, separately, for its body.
        pub fn new(connect: Duration, read: Duration) -> Self {
            let config = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_connect(Some(connect))
                .timeout_recv_response(Some(read))
                .timeout_recv_body(Some(read))
                .build();
            UreqTransport { agent: config.into() }
        }
    }

    impl Transport for UreqTransport {
        fn send(&self, request: &HttpRequest) -> Result<HttpResponse> {
            let fail = |e: ureq::Error| convert(e, &request.url);
            let mut builder = ureq::http::Request::builder().method(request.method).uri(&request.url);
            for (name, value) in &request.headers {
                builder = builder.header(name, value.value());
            }
            // The http crate's error names the header or URI part at fault, never a value.
            let http_request = builder
                .body(request.body.clone())
                .map_err(|e| Error::Transport { url: request.url.clone(), message: e.to_string() })?;
            let mut response = self.agent.run(http_request).map_err(fail)?;
            let status = response.status().as_u16();
            let headers = response
                .headers()
                .iter()
                .map(|(n, v)| (n.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
                .collect();
            let body = response.body_mut().read_to_vec().map_err(fail)?;
            Ok(HttpResponse { status, headers, body })
        }
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
