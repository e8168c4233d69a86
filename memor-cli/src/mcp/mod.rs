//! `memor mcp DB`: long-term memory served to agents over the Model Context Protocol, on
//! stdio (one JSON-RPC 2.0 message per line; stdout carries nothing else, diagnostics go to
//! stderr).
//!
//! Both protocol eras are served, the client's first request choosing one for the
//! connection, as the official SDKs do:
//! - the handshake revisions 2024-11-05, 2025-03-26, 2025-06-18 and 2025-11-25: `initialize`
//!   (the client's version answered if served, else 2025-11-25), `notifications/initialized`,
//!   `ping`, `tools/list`, `tools/call`; JSON-RPC batches only at 2024-11-05 and 2025-03-26
//!   (2025-06-18 removed them);
//! - 2026-07-28, stateless: every request carries its protocol version and the client's
//!   capabilities in `params._meta`; `server/discover`, `tools/list`, `tools/call`, each result
//!   with its `resultType` and the server's info in `_meta`.
//!
//! A malformed message gets a JSON-RPC error (a parse error has id null), a notification never
//! gets a reply, a failed tool call is a result with `isError: true`; the server ends (exit 0)
//! when stdin does.

mod protocol;
mod tools;

use clap::Args;
use memor_recall::Memories;
use serde_json::{Map, Value, json};

use crate::Failure;
use protocol::{Incoming, Line, Message, RpcError, code};

/// `memor mcp`'s help: how an assistant is told to start it.
const HELP: &str = "\
Speaks MCP on stdin and stdout (newline-delimited JSON-RPC 2.0), for an agent that starts it.
Tools: remember, recall, forget, list_conversations, read_conversation. With --user, memories
and conversations are those of U only, and what is remembered is U's.

Example (a desktop assistant's or IDE agent's MCP configuration):
  {\"mcpServers\": {\"memor\": {\"command\": \"memor\",
                              \"args\": [\"mcp\", \"/home/ana/memory.db\", \"--user\", \"ana\"]}}}

DB is a SQLite file path (created if new), sqlite://PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DB.";

/// `memor mcp DB [--user U] [--embedder ID]`.
#[derive(Args)]
#[command(after_help = HELP)]
pub(crate) struct McpArgs {
    /// The database of memories and conversations (created if new)
    db: String,
    /// Serve the memories and conversations of this user only
    #[arg(long, value_name = "U")]
    user: Option<String>,
    /// openai:MODEL, gemini:MODEL, mistral:MODEL, ollama:MODEL or local:DIR (default: the
    /// model the database's vectors come from, when it can be opened by that id; words only otherwise)
    #[arg(long, value_name = "ID")]
    embedder: Option<String>,
}

/// The handshake revisions served, oldest first.
const HANDSHAKE: [&str; 4] = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"];

/// The handshake revisions that have JSON-RPC batches.
const BATCHES: [&str; 2] = ["2024-11-05", "2025-03-26"];

/// The stateless revisions served.
const MODERN: [&str; 1] = ["2026-07-28"];

/// The `_meta` keys of a 2026-07-28 request's envelope, and of the server's stamp on results.
const PROTOCOL_VERSION_KEY: &str = "io.modelcontextprotocol/protocolVersion";
const CLIENT_CAPABILITIES_KEY: &str = "io.modelcontextprotocol/clientCapabilities";
const SERVER_INFO_KEY: &str = "io.modelcontextprotocol/serverInfo";

/// What the server tells the model about itself.
const INSTRUCTIONS: &str = "Long-term memory across conversations. Call `recall` with the user's question \
before answering when earlier conversations may matter; call `remember` for durable facts worth keeping \
(preferences, plans, people, events with their dates); `forget` what the user asks to be forgotten. \
Stored conversations can be listed and read.";

/// Serves MCP on stdin and stdout until stdin ends.
pub(crate) fn run(args: McpArgs) -> Result<(), Failure> {
    let memories = Memories::open(&args.db)?;
    let embedder = crate::memory::embedder(&memories, args.embedder.as_deref())?;
    let mut server = Server { tools: tools::Tools { memories, embedder, user: args.user }, era: None };
    let mut input = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    loop {
        let line = match protocol::read_line(&mut input) {
            Ok(Some(line)) => line,
            Ok(None) => return Ok(()),
            Err(e) => return Err(Failure::plain(format!("stdin: {e}"))),
        };
        if let Some(reply) = server.line(line) {
            crate::output::written(protocol::write(&mut out, &reply))?;
        }
    }
}

/// Which protocol era the connection is in, once a request has chosen it.
#[derive(Clone, Copy)]
enum Era {
    /// Initialized at this handshake revision.
    Handshake(&'static str),
    /// 2026-07-28: each request carries its envelope.
    Modern,
}

/// The state of one connection.
struct Server {
    tools: tools::Tools,
    era: Option<Era>,
}

impl Server {
    /// The reply to one line of stdin, if it gets one.
    fn line(&mut self, line: Line) -> Option<Value> {
        let bytes = match line {
            Line::TooLong(length) => {
                let message = format!("the message is {length} bytes, over the limit of {} bytes", protocol::MAX_LINE);
                return Some(protocol::error(Value::Null, RpcError::invalid_request(message)));
            }
            Line::Text(bytes) => bytes,
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Array(batch)) => self.batch(batch),
            Ok(value) => self.one(value, false),
            Err(e) => {
                let error = RpcError::new(code::PARSE_ERROR, format!("the message is not JSON: {e}"));
                Some(protocol::error(Value::Null, error))
            }
        }
    }

    /// A JSON-RPC batch: one reply array, or a single error where the revision has no batches.
    fn batch(&mut self, batch: Vec<Value>) -> Option<Value> {
        let allowed = matches!(self.era, Some(Era::Handshake(version)) if BATCHES.contains(&version));
        if !allowed || batch.is_empty() {
            let message = match allowed {
                true => "a batch holds at least one message".to_owned(),
                false => format!(
                    "JSON-RPC batches are not part of {}: send one message per line",
                    match self.era {
                        Some(Era::Handshake(version)) => format!("MCP {version}"),
                        Some(Era::Modern) => format!("MCP {}", MODERN[0]),
                        None => "MCP before `initialize` (nor after it, since 2025-06-18)".to_owned(),
                    }
                ),
            };
            return Some(protocol::error(Value::Null, RpcError::invalid_request(message)));
        }
        let replies: Vec<Value> = batch.into_iter().filter_map(|message| self.one(message, true)).collect();
        (!replies.is_empty()).then_some(Value::Array(replies))
    }

    /// The reply to one message, if it gets one.
    fn one(&mut self, value: Value, in_batch: bool) -> Option<Value> {
        match protocol::message(value) {
            Message::Ignored => None,
            Message::Invalid { id, error } => Some(protocol::error(id, error)),
            // Notifications get no reply; `notifications/initialized` and
            // `notifications/cancelled` need nothing done (calls are answered in order).
            Message::Incoming(Incoming { id: None, .. }) => None,
            Message::Incoming(Incoming { id: Some(id), method, params }) => {
                Some(match self.request(&method, &params, in_batch) {
                    Ok(result) => protocol::result(id, result),
                    Err(error) => protocol::error(id, error),
                })
            }
        }
    }

    /// A request's result, or its error.
    fn request(&mut self, method: &str, params: &Map<String, Value>, in_batch: bool) -> Result<Value, RpcError> {
        if method == "initialize" {
            return self.initialize(params, in_batch);
        }
        let enveloped =
            params.get("_meta").and_then(Value::as_object).is_some_and(|m| m.contains_key(PROTOCOL_VERSION_KEY));
        if enveloped {
            if let Some(Era::Handshake(version)) = self.era {
                return Err(RpcError::invalid_request(format!(
                    "this connection was initialized at MCP {version}: requests carrying the {} envelope are not accepted on it",
                    MODERN[0]
                )));
            }
            check_envelope(params)?;
            self.era = Some(Era::Modern);
            return self.modern(method, params);
        }
        match self.era {
            Some(Era::Handshake(_)) => self.handshake(method, params),
            Some(Era::Modern) if modern_method(method) => Err(missing_envelope()),
            Some(Era::Modern) => Err(method_not_found(method, "server/discover, tools/list, tools/call")),
            None => match method {
                "ping" => Ok(json!({})),
                "tools/list" | "tools/call" => Err(RpcError::invalid_request(
                    "the connection is not initialized: send `initialize` first \
                     (or carry the 2026-07-28 envelope in `params._meta`)",
                )),
                "server/discover" => Err(missing_envelope()),
                other => Err(method_not_found(other, "initialize, ping, tools/list, tools/call, server/discover")),
            },
        }
    }

    /// `initialize`: the handshake revision, the capabilities (tools) and who we are.
    fn initialize(&mut self, params: &Map<String, Value>, in_batch: bool) -> Result<Value, RpcError> {
        match self.era {
            Some(Era::Modern) => {
                let mut error = RpcError::new(
                    code::UNSUPPORTED_PROTOCOL_VERSION,
                    format!("this connection serves MCP {}, which has no initialize handshake", MODERN[0]),
                );
                let mut data = json!({"supported": MODERN});
                if let Some(requested @ Value::String(_)) = params.get("protocolVersion") {
                    data["requested"] = requested.clone();
                }
                error = error.with_data(data);
                return Err(error);
            }
            Some(Era::Handshake(version)) => {
                return Err(RpcError::invalid_request(format!("the connection is already initialized (at {version})")));
            }
            None => {}
        }
        if in_batch {
            return Err(RpcError::invalid_request("`initialize` must not be part of a JSON-RPC batch"));
        }
        let requested = match params.get("protocolVersion") {
            Some(Value::String(version)) => version,
            Some(other) => {
                return Err(RpcError::invalid_params(format!(
                    "`protocolVersion` is a string, not {}",
                    protocol::what(other)
                )));
            }
            None => return Err(RpcError::invalid_params("`initialize` needs `protocolVersion`")),
        };
        for key in ["capabilities", "clientInfo"] {
            if let Some(value) = params.get(key).filter(|v| !v.is_object()) {
                return Err(RpcError::invalid_params(format!("`{key}` is an object, not {}", protocol::what(value))));
            }
        }
        let version = HANDSHAKE.iter().copied().find(|v| v == requested).unwrap_or(HANDSHAKE[HANDSHAKE.len() - 1]);
        self.era = Some(Era::Handshake(version));
        Ok(json!({
            "protocolVersion": version,
            "capabilities": {"tools": {"listChanged": false}},
            "serverInfo": server_info(),
            "instructions": INSTRUCTIONS,
        }))
    }

    /// A request of an initialized handshake-era connection.
    fn handshake(&self, method: &str, params: &Map<String, Value>) -> Result<Value, RpcError> {
        match method {
            "ping" => Ok(json!({})),
            "tools/list" => self.tools_list(params),
            "tools/call" => self.tools_call(params),
            other => Err(method_not_found(other, "ping, tools/list, tools/call")),
        }
    }

    /// A request of the 2026-07-28 revision (its envelope checked).
    fn modern(&self, method: &str, params: &Map<String, Value>) -> Result<Value, RpcError> {
        let mut result = match method {
            "server/discover" => json!({
                "supportedVersions": MODERN,
                "capabilities": {"tools": {"listChanged": false}},
                "instructions": INSTRUCTIONS,
                "cacheScope": "public",
                "ttlMs": 0,
            }),
            "tools/list" => {
                let mut result = self.tools_list(params)?;
                // The same tools for everyone, but a new build may change them: not cached.
                (result["cacheScope"], result["ttlMs"]) = (json!("public"), json!(0));
                result
            }
            "tools/call" => self.tools_call(params)?,
            other => return Err(method_not_found(other, "server/discover, tools/list, tools/call")),
        };
        result["resultType"] = json!("complete");
        result["_meta"] = json!({ SERVER_INFO_KEY: server_info() });
        Ok(result)
    }

    fn tools_list(&self, params: &Map<String, Value>) -> Result<Value, RpcError> {
        match params.get("cursor") {
            None | Some(Value::Null) => Ok(json!({"tools": tools::definitions()})),
            Some(cursor) => {
                Err(RpcError::invalid_params(format!("unknown cursor {cursor}: the tools fit on one page")))
            }
        }
    }

    fn tools_call(&self, params: &Map<String, Value>) -> Result<Value, RpcError> {
        let name = match params.get("name") {
            Some(Value::String(name)) => name,
            Some(other) => {
                return Err(RpcError::invalid_params(format!("`name` is a string, not {}", protocol::what(other))));
            }
            None => return Err(RpcError::invalid_params("`tools/call` needs the tool's `name`")),
        };
        if !tools::NAMES.contains(&name.as_str()) {
            return Err(RpcError::invalid_params(format!(
                "unknown tool `{name}` (the tools are {})",
                tools::NAMES.join(", ")
            ))
            .with_data(json!({"tool": name})));
        }
        let empty = Map::new();
        let arguments = match params.get("arguments") {
            None | Some(Value::Null) => &empty,
            Some(Value::Object(arguments)) => arguments,
            Some(other) => {
                return Err(RpcError::invalid_params(format!(
                    "`arguments` is an object, not {}",
                    protocol::what(other)
                )));
            }
        };
        Ok(self.tools.call(name, arguments))
    }
}

fn modern_method(method: &str) -> bool {
    matches!(method, "server/discover" | "tools/list" | "tools/call")
}

/// Checks a 2026-07-28 request's envelope: -32602 for a missing or malformed key, -32022 for a
/// revision not served.
fn check_envelope(params: &Map<String, Value>) -> Result<(), RpcError> {
    let meta = params.get("_meta").and_then(Value::as_object).ok_or_else(missing_envelope)?;
    let missing: Vec<&str> =
        [PROTOCOL_VERSION_KEY, CLIENT_CAPABILITIES_KEY].into_iter().filter(|key| !meta.contains_key(*key)).collect();
    if !missing.is_empty() {
        return Err(RpcError::invalid_params(format!(
            "params._meta is missing the envelope key(s): {}",
            missing.join(", ")
        )));
    }
    let version = match &meta[PROTOCOL_VERSION_KEY] {
        Value::String(version) => version,
        other => {
            return Err(RpcError::invalid_params(format!(
                "`{PROTOCOL_VERSION_KEY}` is a string, not {}",
                protocol::what(other)
            )));
        }
    };
    if !MODERN.contains(&version.as_str()) {
        let error =
            RpcError::new(code::UNSUPPORTED_PROTOCOL_VERSION, format!("unsupported protocol version {version}"));
        return Err(error.with_data(json!({"supported": MODERN, "requested": version})));
    }
    Ok(())
}

fn missing_envelope() -> RpcError {
    RpcError::invalid_params(format!(
        "params._meta must be an object carrying `{PROTOCOL_VERSION_KEY}` and `{CLIENT_CAPABILITIES_KEY}`"
    ))
}

fn method_not_found(method: &str, served: &str) -> RpcError {
    RpcError::new(code::METHOD_NOT_FOUND, format!("method `{method}` is not served (memor serves {served})"))
        .with_data(json!({"method": method}))
}

fn server_info() -> Value {
    json!({"name": "memor", "title": "memor long-term memory", "version": env!("CARGO_PKG_VERSION")})
}
