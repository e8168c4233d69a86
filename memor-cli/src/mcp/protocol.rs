//! JSON-RPC 2.0 as the MCP stdio transport carries it: one message per line of stdin and of
//! stdout, UTF-8, no embedded newlines. Reading is bounded ([`MAX_LINE`]), so a huge line costs
//! at most that much memory and gets an error reply, never a crash.

use std::io::{BufRead, Write};

use serde_json::{Map, Value, json};

/// The longest message read whole; the rest of a longer line is skipped.
pub(crate) const MAX_LINE: usize = 16 * 1024 * 1024;

/// JSON-RPC's and MCP's error codes.
pub(crate) mod code {
    /// Not JSON (or not UTF-8).
    pub(crate) const PARSE_ERROR: i64 = -32700;
    /// JSON that is not a request, or a request that is not allowed now.
    pub(crate) const INVALID_REQUEST: i64 = -32600;
    /// No such method (at the connection's protocol revision).
    pub(crate) const METHOD_NOT_FOUND: i64 = -32601;
    /// The method's parameters are wrong.
    pub(crate) const INVALID_PARAMS: i64 = -32602;
    /// MCP 2026-07-28: a protocol version the server does not serve on this connection.
    pub(crate) const UNSUPPORTED_PROTOCOL_VERSION: i64 = -32022;
}

/// A JSON-RPC error: code, message and optional data.
#[derive(Debug)]
pub(crate) struct RpcError {
    pub(crate) code: i64,
    pub(crate) message: String,
    pub(crate) data: Option<Value>,
}

impl RpcError {
    pub(crate) fn new(code: i64, message: impl Into<String>) -> Self {
        RpcError { code, message: message.into(), data: None }
    }

    pub(crate) fn invalid_params(message: impl Into<String>) -> Self {
        RpcError::new(code::INVALID_PARAMS, message)
    }

    pub(crate) fn invalid_request(message: impl Into<String>) -> Self {
        RpcError::new(code::INVALID_REQUEST, message)
    }

    pub(crate) fn with_data(mut self, data: Value) -> Self {
        self.data = Some(data);
        self
    }
}

/// One line of stdin, as the server sees it.
#[derive(Debug)]
pub(crate) enum Line {
    /// The bytes of a line (without its newline).
    Text(Vec<u8>),
    /// A line longer than [`MAX_LINE`]: its length, skipped.
    TooLong(usize),
}

/// The next line of `input`, `None` at the end; reads at most [`MAX_LINE`] bytes of a line.
pub(crate) fn read_line(input: &mut impl BufRead) -> std::io::Result<Option<Line>> {
    let mut line = Vec::new();
    let mut length = 0usize;
    let mut any = false;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            break;
        }
        any = true;
        let (chunk, ends) = match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => (&buffer[..i], true),
            None => (buffer, false),
        };
        if length + chunk.len() <= MAX_LINE {
            line.extend_from_slice(chunk);
        } else {
            line = Vec::new();
        }
        length += chunk.len();
        let used = chunk.len() + usize::from(ends);
        input.consume(used);
        if ends {
            break;
        }
    }
    Ok(match (any, length > MAX_LINE) {
        (false, _) => None,
        (true, true) => Some(Line::TooLong(length)),
        (true, false) => {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            Some(Line::Text(line))
        }
    })
}

/// A request or notification, checked as JSON-RPC 2.0 requires.
#[derive(Debug)]
pub(crate) struct Incoming {
    /// The request's id; `None` for a notification.
    pub(crate) id: Option<Value>,
    pub(crate) method: String,
    /// The params object (an absent one is empty).
    pub(crate) params: Map<String, Value>,
}

/// What one JSON value sent to the server is.
#[derive(Debug)]
pub(crate) enum Message {
    Incoming(Incoming),
    /// Nothing to answer: a response to a request of ours (the server sends none), or a
    /// notification too malformed to act on (notifications never get replies).
    Ignored,
    /// Not a valid request: the error, for the id when one could be read (else null).
    Invalid {
        id: Value,
        error: RpcError,
    },
}

/// Classifies one JSON value as JSON-RPC 2.0 and MCP define a message.
pub(crate) fn message(value: Value) -> Message {
    let Value::Object(mut object) = value else {
        return Message::Invalid {
            id: Value::Null,
            error: RpcError::invalid_request(format!("a message is a JSON object, not {}", what(&value))),
        };
    };
    // The id, if it is one a reply can carry (MCP: a string or an integer, never null).
    let id = match object.get("id") {
        None => None,
        Some(id @ Value::String(_)) => Some(id.clone()),
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => Some(Value::Number(n.clone())),
        Some(other) => {
            return Message::Invalid {
                id: Value::Null,
                error: RpcError::invalid_request(format!("`id` is a string or an integer, not {}", what(other))),
            };
        }
    };
    let invalid = |message: String| Message::Invalid {
        id: id.clone().unwrap_or(Value::Null),
        error: RpcError::invalid_request(message),
    };
    if object.get("jsonrpc") != Some(&Value::String("2.0".into())) {
        return invalid("`jsonrpc` must be \"2.0\"".into());
    }
    let method = match object.remove("method") {
        Some(Value::String(method)) => method,
        Some(other) => return invalid(format!("`method` is a string, not {}", what(&other))),
        None if id.is_some() && (object.contains_key("result") || object.contains_key("error")) => {
            return Message::Ignored;
        }
        None => return invalid("a request has a `method`".into()),
    };
    let params = match object.remove("params") {
        None => Map::new(),
        Some(Value::Object(params)) => params,
        Some(other) => {
            let Some(id) = id else { return Message::Ignored };
            let error = RpcError::invalid_params(format!("`params` is an object, not {}", what(&other)));
            return Message::Invalid { id, error };
        }
    };
    Message::Incoming(Incoming { id, method, params })
}

/// A value's kind, for messages: "a string", "an array", ….
pub(crate) fn what(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A success reply.
pub(crate) fn result(id: Value, result: Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "result": result})
}

/// An error reply.
pub(crate) fn error(id: Value, error: RpcError) -> Value {
    let mut body = json!({"code": error.code, "message": error.message});
    if let Some(data) = error.data {
        body["data"] = data;
    }
    json!({"jsonrpc": "2.0", "id": id, "error": body})
}

/// Writes one message as one line and flushes it.
pub(crate) fn write(out: &mut impl Write, message: &Value) -> std::io::Result<()> {
    // serde_json escapes every control character inside strings: the line has no newline.
    let mut line = serde_json::to_vec(message).map_err(std::io::Error::other)?;
    line.push(b'\n');
    out.write_all(&line)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<Line> {
        let mut reader = std::io::BufReader::with_capacity(7, input);
        std::iter::from_fn(|| read_line(&mut reader).unwrap()).collect()
    }

    #[test]
    fn lines_are_split_on_newlines_across_buffer_refills() {
        let got = lines(b"{\"a\": 1234567890}\r\n\nlast");
        let texts: Vec<&[u8]> = got
            .iter()
            .map(|l| match l {
                Line::Text(t) => t.as_slice(),
                Line::TooLong(_) => panic!("too long"),
            })
            .collect();
        assert_eq!(texts, [&b"{\"a\": 1234567890}"[..], b"", b"last"]);
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_and_the_next_one_read() {
        let mut input = vec![b'x'; MAX_LINE + 1];
        input.extend_from_slice(b"\nnext\n");
        let mut reader = std::io::BufReader::new(input.as_slice());
        assert!(matches!(read_line(&mut reader).unwrap(), Some(Line::TooLong(n)) if n == MAX_LINE + 1));
        assert!(matches!(read_line(&mut reader).unwrap(), Some(Line::Text(t)) if t == b"next"));
        assert!(read_line(&mut reader).unwrap().is_none());
    }

    #[test]
    fn messages_are_classified_as_json_rpc_says() {
        let m = message(json!({"jsonrpc": "2.0", "id": 1, "method": "ping"}));
        assert!(matches!(m, Message::Incoming(Incoming { id: Some(_), .. })));
        let m = message(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}));
        assert!(matches!(m, Message::Incoming(Incoming { id: None, .. })));
        let m = message(json!({"jsonrpc": "2.0", "id": 1, "result": {}}));
        assert!(matches!(m, Message::Ignored));
        for (bad, id, code) in [
            (json!(7), Value::Null, code::INVALID_REQUEST),
            (json!({"jsonrpc": "1.0", "id": 3, "method": "ping"}), json!(3), code::INVALID_REQUEST),
            (json!({"jsonrpc": "2.0", "id": null, "method": "ping"}), Value::Null, code::INVALID_REQUEST),
            (json!({"jsonrpc": "2.0", "id": 1.5, "method": "ping"}), Value::Null, code::INVALID_REQUEST),
            (json!({"jsonrpc": "2.0", "id": "a", "method": 5}), json!("a"), code::INVALID_REQUEST),
            (json!({"jsonrpc": "2.0", "id": "a"}), json!("a"), code::INVALID_REQUEST),
            (json!({"jsonrpc": "2.0", "id": 2, "method": "x", "params": [1]}), json!(2), code::INVALID_PARAMS),
        ] {
            match message(bad.clone()) {
                Message::Invalid { id: got, error } => assert_eq!((got, error.code), (id, code), "{bad}"),
                other => panic!("{bad}: {other:?}"),
            }
        }
    }
}
