//! Helpers for the streaming tests: cutting a stream body into awkward chunks, running
//! `chat_stream` against the loopback server, and the error cases every streaming adapter
//! must handle.

use std::collections::BTreeSet;
use std::time::Duration;

use memor_core::Response;
use memor_providers::{ChatOptions, Client, Error, Provider, Result, UreqTransport};

use crate::server::{Recorded, Reply, client, fast_retry, serve, session, status};

/// Cuts `body` inside every multi-byte character, in the middle of every line and right after
/// every blank line (the end of each event).
pub fn cut(body: &str) -> Vec<Vec<u8>> {
    let mut cuts = BTreeSet::new();
    for (i, c) in body.char_indices() {
        if c.len_utf8() > 1 {
            cuts.insert(i + 1);
        }
    }
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        cuts.insert(start + line.len() / 2);
        start += line.len();
        if line.trim().is_empty() {
            cuts.insert(start);
        }
    }
    let bytes = body.as_bytes();
    let mut chunks = Vec::new();
    let mut from = 0;
    for at in cuts.into_iter().filter(|at| *at > 0 && *at < bytes.len()) {
        chunks.push(bytes[from..at].to_vec());
        from = at;
    }
    chunks.push(bytes[from..].to_vec());
    assert!(chunks.iter().any(|c| std::str::from_utf8(c).is_err()), "no chunk ends inside a character");
    chunks
}

/// A `text/event-stream` reply of `body`, cut by [`cut`], 2 ms between chunks.
pub fn sse(body: &str) -> Reply {
    stream_reply("text/event-stream", body, Duration::from_millis(2), Duration::ZERO)
}

/// An `application/x-ndjson` reply of `body`, cut by [`cut`], 2 ms between chunks.
pub fn ndjson(body: &str) -> Reply {
    stream_reply("application/x-ndjson", body, Duration::from_millis(2), Duration::ZERO)
}

/// A streamed reply of `body` cut by [`cut`], with this pause between chunks and this stall
/// before the end.
pub fn stream_reply(content_type: &'static str, body: &str, pause: Duration, stall: Duration) -> Reply {
    Reply::Stream { content_type, chunks: cut(body), pause, stall }
}

/// What one `chat_stream` call gave.
pub struct Streamed {
    pub deltas: Vec<String>,
    pub result: Result<Response>,
    pub request: Recorded,
}

/// Calls `chat_stream` once against a server giving `replies`.
pub fn run(provider: &dyn Provider, options: &dyn Fn(&str) -> ChatOptions, replies: Vec<Reply>) -> Streamed {
    run_with(&client(), provider, options, replies)
}

/// [`run`] with this client.
pub fn run_with(
    client: &Client,
    provider: &dyn Provider,
    options: &dyn Fn(&str) -> ChatOptions,
    replies: Vec<Reply>,
) -> Streamed {
    let (base, requests) = serve(replies);
    let mut deltas = Vec::new();
    let result = client.chat_stream(provider, &session(), &options(&base), |d| deltas.push(d.to_owned()));
    let request = requests.recv().unwrap();
    Streamed { deltas, result, request }
}

/// What an adapter's streaming error suite needs.
pub struct StreamCase<'a> {
    pub provider: &'a dyn Provider,
    pub options: fn(&str) -> ChatOptions,
    pub reply: fn(&str) -> Reply,
    pub body: &'a str,
    pub expected_text: &'a str,
    pub error_body: &'a str,
    pub expected_message: &'a str,
    pub error_stream: &'a str,
    pub expected_stream_message: &'a str,
    pub truncated: &'a str,
}

/// A 401, a 429 then the stream, an error event, a stream cut short, and a stall past the
/// read timeout after the first chunks.
pub fn check_errors(case: &StreamCase<'_>) {
    let id = case.provider.id().to_owned();

    let run1 = run(case.provider, &case.options, vec![status(401, case.error_body)]);
    let error = run1.result.unwrap_err();
    assert!(matches!(&error, Error::Api { status: 401, .. }), "{error:?}");
    assert_eq!(error.to_string(), format!("{id}: HTTP 401: {}", case.expected_message));
    assert!(run1.deltas.is_empty());

    let retry_later = Reply::With(429, vec![("retry-after", "0".into())], case.error_body.to_owned());
    let (base, requests) = serve(vec![retry_later, (case.reply)(case.body)]);
    let mut text = String::new();
    let response = client().chat_stream(case.provider, &session(), &(case.options)(&base), |d| text.push_str(d));
    assert_eq!(response.unwrap().message(), case.expected_text);
    assert_eq!(text, case.expected_text);
    assert_eq!(requests.try_iter().count(), 2);

    let errored = run(case.provider, &case.options, vec![(case.reply)(case.error_stream)]);
    let error = errored.result.unwrap_err();
    assert!(matches!(&error, Error::Stream { .. }), "{error:?}");
    assert_eq!(error.to_string(), format!("{id}: error in the stream: {}", case.expected_stream_message));

    let truncated = run(case.provider, &case.options, vec![(case.reply)(case.truncated)]);
    let error = truncated.result.unwrap_err();
    assert!(matches!(&error, Error::Parse { .. }), "{error:?}");
    assert!(error.to_string().starts_with(&format!("{id}: unreadable reply: the stream ended before")), "{error}");

    let stalled = Reply::Stream {
        content_type: "text/event-stream",
        chunks: cut(case.body).into_iter().take(3).collect(),
        pause: Duration::ZERO,
        stall: Duration::from_secs(3),
    };
    let short = Client::new(UreqTransport::new(Duration::from_secs(2), Duration::from_millis(300))).retry(fast_retry());
    let stalled = run_with(&short, case.provider, &case.options, vec![stalled]);
    let error = stalled.result.unwrap_err();
    assert!(matches!(&error, Error::Timeout { .. }), "{error:?}");
    assert!(error.to_string().starts_with("timed out calling http://127.0.0.1:"), "{error}");
}
