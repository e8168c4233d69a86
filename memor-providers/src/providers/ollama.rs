//! Ollama `/api/chat` (`POST {base}/api/chat`, `stream: false`, settings in `options`).

use std::time::Duration;

use memor_core::{Image, Response, Session, ToolCall};
use serde_json::{Map, Value, json};

use crate::history::Turn;
use crate::providers::chat_messages;
use crate::providers::ollama_stream::{self, OllamaStream};
use crate::providers::tool_choice;
use crate::reply::{self, Candidate};
use crate::{ChatOptions, HttpRequest, HttpResponse, Provider, Result, StreamParser};
use crate::{Error, history, tools};

/// Ollama's chat API (`http://localhost:11434`, no key). One candidate per request;
/// `max_tokens` is sent as `num_predict`.
#[derive(Clone, Debug, Default)]
pub struct Ollama;

impl Ollama {
    /// Ollama.
    pub fn new() -> Self {
        Ollama
    }
}

impl Provider for Ollama {
    fn id(&self) -> &str {
        "ollama"
    }

    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        reply::single_candidate("ollama", options)?;
        tool_choice::ollama(options)?;
        let mut messages = Vec::new();
        for turn in history::user_images_only("ollama", session)? {
            push_messages(&turn, &mut messages)?;
        }
        let settings: Map<String, Value> =
            reply::settings(options, ["temperature", "top_p", "top_k", "num_predict"]).collect();
        let mut body = Map::new();
        body.insert("model".to_owned(), json!(options.model));
        body.insert("messages".to_owned(), Value::Array(messages));
        // The official client always sends the list, empty or not.
        body.insert("tools".to_owned(), chat_messages::function_tools(options));
        body.insert("stream".to_owned(), Value::Bool(false));
        if !settings.is_empty() {
            body.insert("options".to_owned(), Value::Object(settings));
        }
        let url = format!("{}/api/chat", reply::base_url(options, "http://localhost:11434"));
        Ok(HttpRequest::post_json(url, &Value::Object(body)))
    }

    /// Reads a chat reply: `eval_count` as the tokens; `done_reason`, the other counts, the
    /// durations (nanoseconds) and the message's `thinking` as metadata.
    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>> {
        let body = reply::json_body("ollama", reply)?;
        let message = body.get("message").ok_or_else(|| crate::Error::parse("ollama", "no `message`"))?;
        let tool_calls = tool_calls(message)?;
        let text = match message.get("content") {
            None | Some(Value::Null) => String::new(),
            _ => reply::str_field("ollama", message, "content")?.to_owned(),
        };
        let mut candidate = Candidate::of_body(&body, text, "/eval_count", ollama_stream::METADATA);
        reply::keep(&mut candidate.metadata, message, &["thinking"]);
        Ok(vec![reply::response_with_calls("ollama", candidate, tool_calls, options, elapsed)?])
    }

    /// The chat request with `stream: true` (NDJSON).
    fn stream_request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        let request = self.request(session, options)?;
        crate::stream::with_fields("ollama", request, &[("stream", json!(true))])
    }

    fn stream_parser(&self, options: &ChatOptions) -> Result<Box<dyn StreamParser>> {
        Ok(Box::new(OllamaStream::new(options)))
    }
}

/// A turn's messages: `{"role","content"}` when it is text only; else `role: "tool"` messages
/// (`tool_name`, as Ollama matches results by name), then the message with its `images`
/// (base64 only) and `tool_calls` (only `function.name` and `function.arguments`, an object,
/// as Ollama's schema has them); an empty `content` is left out, as the official client does.
fn push_messages(turn: &Turn<'_>, messages: &mut Vec<Value>) -> Result<()> {
    if turn.is_text_only() {
        messages.push(json!({"role": turn.role.as_str(), "content": turn.text}));
        return Ok(());
    }
    for result in turn.tool_results {
        messages.push(json!({"role": "tool", "tool_name": result.name, "content": result.content}));
    }
    if turn.text.is_empty() && turn.images.is_empty() && turn.tool_calls.is_empty() {
        return Ok(());
    }
    let mut message = json!({"role": turn.role.as_str()});
    if !turn.text.is_empty() {
        message["content"] = json!(turn.text);
    }
    if !turn.images.is_empty() {
        let images = turn
            .images
            .iter()
            .map(|image| match image {
                Image::Data { base64, .. } => Ok(json!(base64)),
                Image::Url(_) => Err(Error::Unsupported {
                    provider: "ollama".to_owned(),
                    what: format!("an image URL (message {}; Ollama takes base64 data only)", turn.index),
                }),
            })
            .collect::<Result<Vec<Value>>>()?;
        message["images"] = Value::Array(images);
    }
    if !turn.tool_calls.is_empty() {
        let calls: Vec<Value> =
            turn.tool_calls.iter().map(|c| json!({"function": {"name": c.name, "arguments": c.arguments}})).collect();
        message["tool_calls"] = Value::Array(calls);
    }
    messages.push(message);
    Ok(())
}

/// The `tool_calls` of a reply's message. Ollama gives no ids (an `id` when given is kept):
/// they are made up as `{name}_{index}`, the index counting the message's calls from 0.
fn tool_calls(message: &Value) -> Result<Vec<ToolCall>> {
    let Some(calls) = message.get("tool_calls").and_then(Value::as_array) else {
        return Ok(Vec::new());
    };
    calls.iter().enumerate().map(|(index, call)| tool_call(call, index)).collect()
}

/// One tool call; `index` counts the reply's calls from 0 (for the made-up id).
pub(crate) fn tool_call(call: &Value, index: usize) -> Result<ToolCall> {
    let function = call.get("function").ok_or_else(|| Error::parse("ollama", "tool call without `function`"))?;
    let name = reply::str_field("ollama", function, "name")?.to_owned();
    let id = match call.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => id.to_owned(),
        _ => format!("{name}_{index}"),
    };
    Ok(ToolCall { id, arguments: tools::arguments_from_value("ollama", function.get("arguments"))?, name })
}
