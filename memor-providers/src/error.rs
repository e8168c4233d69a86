//! The error type of `memor-providers`.

use std::fmt;
use std::time::Duration;

use crate::http::{redact, redact_url};

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while building a request, sending it or reading the reply.
///
/// No variant ever holds an API key: keys live in [`ApiKey`](crate::ApiKey) and
/// [`Header::Secret`](crate::Header::Secret), whose `Debug` output is redacted.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The provider answered with an error status (its error body's message when it has one).
    Api {
        /// The provider's id (`openai`, `anthropic`, …).
        provider: String,
        /// The HTTP status.
        status: u16,
        /// The provider's message, or the start of the body when it has none.
        message: String,
    },
    /// The reply could not be read as the provider's shape.
    Parse {
        /// The provider's id.
        provider: String,
        /// What was wrong.
        message: String,
    },
    /// A stream (HTTP status 2xx) carried an error event, or a reply the caller cannot use
    /// (for example a tool call) began in it.
    Stream {
        /// The provider's id.
        provider: String,
        /// The provider's message.
        message: String,
    },
    /// No API key was given in code, in the options or in the environment.
    MissingApiKey {
        /// The provider's id.
        provider: String,
        /// The environment variable that was read.
        env: &'static str,
    },
    /// The provider cannot honour an option (for example several candidates on Anthropic).
    Unsupported {
        /// The provider's id.
        provider: String,
        /// What was asked for.
        what: String,
    },
    /// Connecting, sending or receiving took longer than the transport's timeout.
    Timeout {
        /// The URL called.
        url: String,
    },
    /// The whole call (connecting, sending, and receiving the reply to its last byte) took
    /// longer than the transport's overall deadline, however steadily bytes were arriving.
    Deadline {
        /// The URL called.
        url: String,
        /// The deadline.
        limit: Duration,
    },
    /// The reply's body (streamed or not) is larger than the transport's size limit.
    TooLarge {
        /// The URL called.
        url: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The server answered with a redirect (HTTP 3xx). Redirects are never followed: the
    /// request carries credentials and a body, which must not go to another address.
    Redirect {
        /// The URL called.
        url: String,
        /// The HTTP status.
        status: u16,
        /// The `Location` header, when given (its userinfo redacted).
        location: Option<String>,
    },
    /// The transport failed (connection refused, broken connection, bad URL, …).
    Transport {
        /// The URL called.
        url: String,
        /// The transport's message.
        message: String,
    },
    /// The last of several attempts failed (429 or 5xx each time).
    RetriesExhausted {
        /// How many attempts were made.
        attempts: u32,
        /// The last attempt's error.
        last: Box<Error>,
    },
    /// No provider is registered under this id.
    UnknownProvider {
        /// The id asked for.
        id: String,
        /// The ids that are registered.
        known: Vec<String>,
    },
    /// A provider with this id is already registered.
    DuplicateProvider {
        /// The id registered twice.
        id: String,
    },
    /// A tool call and its results are not next to each other in the session: a result that
    /// answers no call of the assistant turn just before it, or a call that the next turn does
    /// not answer.
    ToolPairing {
        /// The index of the offending message in the session.
        index: usize,
        /// The call id in question.
        call_id: String,
        /// What is wrong.
        problem: String,
    },
    /// The reply holds nothing to record: no text, no refusal, no tool call (a safety block,
    /// a token limit reached before any text, an empty candidate).
    NoContent {
        /// The provider's id.
        provider: String,
        /// Why, as the provider said it (its finish or block reason), else `unknown`.
        reason: String,
    },
    /// A message of the session could not be rendered to text.
    Render(memor_render::Error),
    /// The data model refused a value of the reply (for example a negative temperature).
    Core(memor_core::Error),
    /// A third-party provider's or transport's own error.
    Custom(Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    pub(crate) fn parse(provider: &str, message: impl Into<String>) -> Self {
        Error::Parse { provider: provider.to_owned(), message: message.into() }
    }

    /// This error with every one of `secrets` (and any URL's userinfo) replaced by
    /// `<redacted>` in the texts it copied from a server or a URL.
    pub(crate) fn redacted(self, secrets: &[String]) -> Self {
        let clean = |text: String| redact(&text, secrets);
        let url = |url: String| redact(&redact_url(&url), secrets);
        match self {
            Error::Api { provider, status, message } => Error::Api { provider, status, message: clean(message) },
            Error::Parse { provider, message } => Error::Parse { provider, message: clean(message) },
            Error::Stream { provider, message } => Error::Stream { provider, message: clean(message) },
            Error::Timeout { url: u } => Error::Timeout { url: url(u) },
            Error::Deadline { url: u, limit } => Error::Deadline { url: url(u), limit },
            Error::TooLarge { url: u, limit } => Error::TooLarge { url: url(u), limit },
            Error::Redirect { url: u, status, location } => {
                Error::Redirect { url: url(u), status, location: location.map(url) }
            }
            Error::Transport { url: u, message } => Error::Transport { url: url(u), message: clean(message) },
            Error::RetriesExhausted { attempts, last } => {
                Error::RetriesExhausted { attempts, last: Box::new(last.redacted(secrets)) }
            }
            Error::Custom(e) => {
                let text = e.to_string();
                let cleaned = clean(text.clone());
                if cleaned == text { Error::Custom(e) } else { Error::Custom(cleaned.into()) }
            }
            other => other,
        }
    }

    /// The HTTP status of an [`Api`](Error::Api) error (also behind
    /// [`RetriesExhausted`](Error::RetriesExhausted)).
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } => Some(*status),
            Error::RetriesExhausted { last, .. } => last.status(),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api { provider, status, message } => write!(f, "{provider}: HTTP {status}: {message}"),
            Error::Parse { provider, message } => write!(f, "{provider}: unreadable reply: {message}"),
            Error::Stream { provider, message } => write!(f, "{provider}: error in the stream: {message}"),
            Error::MissingApiKey { provider, env } => {
                write!(f, "{provider}: no API key (give one in code or set {env})")
            }
            Error::Unsupported { provider, what } => write!(f, "{provider}: {what} is not supported"),
            Error::Timeout { url } => write!(f, "timed out calling {url}"),
            Error::Transport { url, message } => write!(f, "calling {url} failed: {message}"),
            Error::Deadline { url, limit } => {
                write!(f, "calling {url} took longer than the limit of {} s for a whole call", limit.as_secs_f64())
            }
            Error::TooLarge { url, limit } => {
                write!(f, "the reply from {url} is larger than the limit of {limit} bytes")
            }
            Error::Redirect { url, status, location } => {
                write!(f, "{url} answered HTTP {status}, a redirect")?;
                if let Some(location) = location {
                    write!(f, " to {location}")?;
                }
                f.write_str(": redirects are not followed (give the final address as the base URL)")
            }
            Error::RetriesExhausted { attempts, last } => write!(f, "{last} (after {attempts} attempts)"),
            Error::UnknownProvider { id, known } => {
                write!(f, "no provider `{id}`; known: {}", known.join(", "))
            }
            Error::DuplicateProvider { id } => write!(f, "a provider `{id}` is already registered"),
            Error::ToolPairing { index, call_id, problem } => {
                write!(f, "message {index}: tool call `{call_id}` {problem}")
            }
            Error::NoContent { provider, reason } => {
                write!(f, "{provider}: the reply has no text, refusal or tool call (reason: {reason})")
            }
            Error::Render(e) => e.fmt(f),
            Error::Core(e) => e.fmt(f),
            Error::Custom(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::RetriesExhausted { last, .. } => Some(&**last),
            Error::Render(e) => Some(e),
            Error::Core(e) => Some(e),
            Error::Custom(e) => Some(&**e),
            _ => None,
        }
    }
}

impl From<memor_render::Error> for Error {
    fn from(e: memor_render::Error) -> Self {
        Error::Render(e)
    }
}

impl From<memor_core::Error> for Error {
    fn from(e: memor_core::Error) -> Self {
        Error::Core(e)
    }
}
