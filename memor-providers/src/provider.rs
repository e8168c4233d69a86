//! The [`Provider`] trait: a provider's wire format, free of I/O.

use std::time::Duration;

use memor_core::{Response, Role, Session};
use memor_render::MessageRef;
use memor_render::prelude::*;

use crate::{ChatOptions, Error, HttpRequest, HttpResponse, Result, StreamParser};

/// A provider's wire format: builds the HTTP request for a session and reads the reply into
/// responses. It does no I/O; a [`Transport`](crate::Transport) sends the request, and a
/// [`Client`](crate::Client) puts the two together with retries.
///
/// ```
/// use std::time::Duration;
/// use memor_core::{Prompt, Session};
/// use memor_providers::{ChatOptions, HttpResponse, Ollama, Provider};
///
/// let mut session = Session::new(None);
/// session.add_message(Prompt::builder().message("Hi").build());
/// let options = ChatOptions::new("gemma3");
///
/// let request = Ollama::new().request(&session, &options)?;
/// assert_eq!(request.url, "http://localhost:11434/api/chat");
/// let body: serde_json::Value = serde_json::from_slice(&request.body)?;
/// assert_eq!(body["messages"][0], serde_json::json!({"role": "user", "content": "Hi"}));
///
/// let reply = HttpResponse {
///     status: 200,
///     headers: vec![],
///     body: br#"{"model":"gemma3","message":{"role":"assistant","content":"Hello!"},"done":true,"eval_count":3}"#.to_vec(),
/// };
/// let responses = Ollama::new().parse(&reply, &options, Duration::from_millis(250))?;
/// assert_eq!(responses[0].message(), "Hello!");
/// assert_eq!(responses[0].model(), "gemma3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Provider: Send + Sync + 'static {
    /// The id it is registered under (`openai`, `anthropic`, …).
    fn id(&self) -> &str;

    /// The request that asks for the next message of `session` (its enabled messages only).
    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest>;

    /// The responses in `reply` (one per candidate), or the provider's error. `elapsed` is the
    /// call's wall time, recorded as each response's inference time.
    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>>;

    /// The request that asks for the next message of `session` as a stream (one candidate).
    /// By default streaming is [`Unsupported`](Error::Unsupported).
    fn stream_request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        let _ = (session, options);
        Err(Error::Unsupported { provider: self.id().to_owned(), what: "streaming".to_owned() })
    }

    /// A parser for one 2xx streamed reply to [`stream_request`](Self::stream_request). (A
    /// non-2xx reply is read whole, by [`parse`](Self::parse).) By default streaming is
    /// [`Unsupported`](Error::Unsupported).
    fn stream_parser(&self, options: &ChatOptions) -> Result<Box<dyn StreamParser>> {
        let _ = options;
        Err(Error::Unsupported { provider: self.id().to_owned(), what: "streaming".to_owned() })
    }
}

/// The enabled messages of a session as (role, text), text being memor's STRING render (a
/// prompt through its template). Masked messages are left out.
pub fn conversation(session: &Session) -> Result<Vec<(Role, String)>> {
    memor_render::enabled(session).map(|m| Ok((m.role(), text(m)?))).collect()
}

/// A message's text as providers send it: memor's STRING render (a prompt through its template).
pub(crate) fn text(message: MessageRef<'_>) -> Result<String> {
    Ok(match message {
        MessageRef::Prompt(p) => p.text()?,
        MessageRef::Response(r) => r.text()?,
    })
}
