//! Streaming: the [`StreamParser`] a provider gives to read its stream as it arrives, and the
//! helpers the built-in providers share to build streaming requests and read stream errors.

use std::time::Duration;

use memor_core::Response;
use serde_json::Value;

use crate::{Error, HttpRequest, Result};

/// Reads one streamed reply as its bytes arrive: the text pieces (deltas) each chunk completes,
/// then the [`Response`] the whole stream said. Chunks may be cut anywhere, even inside a
/// UTF-8 character. Built by [`Provider::stream_parser`](crate::Provider::stream_parser); one
/// parser reads one reply.
pub trait StreamParser: Send {
    /// Reads the next bytes of the body; gives the text pieces they complete, in order (none
    /// empty), or the error the stream reported.
    fn feed(&mut self, bytes: &[u8]) -> Result<Vec<String>>;

    /// The body is over: gives the text pieces of a last event that no line break ended.
    fn flush(&mut self) -> Result<Vec<String>>;

    /// The response: the deltas concatenated, with the model, tokens and metadata of the
    /// stream's events; `elapsed` (the wall time to the end of the stream) is its inference
    /// time. An error if the stream ended before the provider's end-of-stream event.
    fn finish(self: Box<Self>, elapsed: Duration) -> Result<Response>;
}

/// `request` with these fields added to (or replaced in) its JSON object body.
pub(crate) fn with_fields(provider: &str, mut request: HttpRequest, fields: &[(&str, Value)]) -> Result<HttpRequest> {
    let mut body: Value = serde_json::from_slice(&request.body)
        .map_err(|e| Error::parse(provider, format!("request body is not JSON: {e}")))?;
    let Some(object) = body.as_object_mut() else {
        return Err(Error::parse(provider, "request body is not a JSON object"));
    };
    for (key, value) in fields {
        object.insert((*key).to_owned(), value.clone());
    }
    request.body = body.to_string().into_bytes();
    Ok(request)
}

/// The [`Stream`](Error::Stream) error for an error object of a stream: its `message` (with
/// `type`, `code` or `status` when given), else the whole object.
pub(crate) fn stream_error(provider: &str, error: &Value) -> Error {
    let message = match error {
        Value::String(message) => message.clone(),
        _ => match error.get("message").and_then(Value::as_str) {
            Some(message) => {
                let kind = ["type", "code", "status"].iter().find_map(|k| error.get(*k).and_then(Value::as_str));
                match kind {
                    Some(kind) => format!("{message} ({kind})"),
                    None => message.to_owned(),
                }
            }
            None => error.to_string(),
        },
    };
    Error::Stream { provider: provider.to_owned(), message }
}

/// Parses an event's data as JSON, or a parse error naming the provider.
pub(crate) fn json(provider: &str, data: &str) -> Result<Value> {
    serde_json::from_str(data).map_err(|e| Error::parse(provider, format!("stream event is not JSON: {e}")))
}

/// The parse error for a stream that ended before its end event.
pub(crate) fn ended_early(provider: &str, end: &str) -> Error {
    Error::parse(provider, format!("the stream ended before {end}"))
}
