//! Anthropic Messages (`POST {base}/v1/messages`, `authorization: Bearer`,
//! `anthropic-version: 2026-10-21`, as the current official SDK sends them).

use std::time::Duration;

use memor_core::{Image, Response, Role, Session, ToolCall};
use serde_json::{Map, Value, json};

use crate::history::{self, Turn};
use crate::providers::anthropic_stream::AnthropicStream;
use crate::providers::tool_choice;
use crate::reply::{self, Candidate};
use crate::sse::SseStream;
use crate::tools;
use crate::{ChatOptions, Error, HttpRequest, HttpResponse, Provider, Result, StreamParser};

/// The `max_tokens` sent when the options give none (Anthropic requires one).
pub const DEFAULT_MAX_TOKENS: u64 = 1024;

/// The API version sent in `anthropic-version` (the current official SDK's).
pub const API_VERSION: &str = "2026-10-21";

const ID: &str = "anthropic";

keyed_provider! {
    /// Anthropic's Messages API (`https://api.anthropic.com`, key from `ANTHROPIC_API_KEY`).
    /// System messages go to the top-level `system` field (several are joined by a blank line);
    /// one candidate per request; no sampling settings (the Messages API of this version has
    /// none: temperature, top-p and top-k are refused).
    Anthropic,
    "ANTHROPIC_API_KEY"
}

impl Provider for Anthropic {
    fn id(&self) -> &str {
        ID
    }

    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        reply::single_candidate(ID, options)?;
        reply::no_sampling(
            ID,
            options,
            &format!("(the Messages API of version {API_VERSION} has no sampling settings)"),
        )?;
        let key = reply::api_key(ID, options, self.api_key.as_ref(), "ANTHROPIC_API_KEY")?;
        let mut system = Vec::new();
        let mut messages = Vec::new();
        for turn in history::user_images_only(ID, session)? {
            match turn.role {
                Role::System => system.push(turn.text),
                _ => messages.push(message(&turn)),
            }
        }
        let mut body = Map::new();
        body.insert("model".to_owned(), json!(options.model));
        body.insert("max_tokens".to_owned(), json!(options.max_tokens.unwrap_or(DEFAULT_MAX_TOKENS)));
        if !system.is_empty() {
            body.insert("system".to_owned(), json!(system.join("\n\n")));
        }
        body.insert("messages".to_owned(), Value::Array(messages));
        if !options.tools.is_empty() {
            let tools = options
                .tools
                .iter()
                .map(|t| json!({"name": t.name, "description": t.description, "input_schema": t.parameters}));
            body.insert("tools".to_owned(), tools.collect());
        }
        if let Some(choice) = tool_choice::anthropic(options)? {
            body.insert("tool_choice".to_owned(), choice);
        }
        let url = format!("{}/v1/messages", reply::base_url(options, "https://api.anthropic.com"));
        Ok(HttpRequest::post_json(url, &Value::Object(body))
            .secret_header("authorization", crate::ApiKey::new(format!("Bearer {}", key.expose())))
            .header("anthropic-version", API_VERSION))
    }

    /// Reads a Messages reply: the text blocks joined; `thinking` and `redacted_thinking` blocks
    /// kept as reasoning state; other blocks kept in the metadata's `content_parts`; a
    /// `refusal` stop marked `"refusal": true`; `output_tokens` as the tokens; the reply's `id`,
    /// `stop_reason`, `stop_sequence` and `usage` as metadata.
    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>> {
        let body = reply::json_body(ID, reply)?;
        let keys = ["id", "stop_reason", "stop_sequence", "usage"];
        let mut candidate = Candidate::of_body(&body, String::new(), "/usage/output_tokens", &keys);
        let mut tool_calls = Vec::new();
        for block in reply::array_field(ID, &body, "content")? {
            match block.get("type").and_then(Value::as_str) {
                Some("text") => candidate.text.push_str(reply::str_field(ID, block, "text")?),
                Some("tool_use") => tool_calls.push(ToolCall {
                    id: reply::str_field(ID, block, "id")?.to_owned(),
                    name: reply::str_field(ID, block, "name")?.to_owned(),
                    arguments: tools::arguments_from_value(ID, block.get("input"))?,
                }),
                Some("thinking" | "redacted_thinking") => candidate.reason(ID, block),
                Some(_) => candidate.keep_part(block),
                None => return Err(Error::parse(ID, "content block without `type`")),
            }
        }
        refusal_mark(&mut candidate);
        Ok(vec![reply::response_with_calls(ID, candidate, tool_calls, options, elapsed)?])
    }

    /// The Messages request with `stream: true`.
    fn stream_request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        let request = self.request(session, options)?;
        crate::stream::with_fields(ID, request, &[("stream", json!(true))])
    }

    fn stream_parser(&self, options: &ChatOptions) -> Result<Box<dyn StreamParser>> {
        Ok(SseStream::boxed(AnthropicStream::new(options)))
    }
}

/// Marks a reply that stopped with `refusal` (its text, possibly empty, is the response).
pub(crate) fn refusal_mark(candidate: &mut Candidate) {
    if candidate.metadata.get("stop_reason").and_then(Value::as_str) == Some("refusal") {
        candidate.refused("");
    }
}

/// A user or assistant message: `content` is the text when it is text only; else blocks:
/// `tool_result`s first (as Anthropic requires), Anthropic's own reasoning blocks as they
/// came, images, the text, then `tool_use`s.
fn message(turn: &Turn<'_>) -> Value {
    let reasoning = history::reasoning_of(turn, ID);
    if turn.is_text_only() && reasoning.is_empty() {
        return json!({"role": turn.role.as_str(), "content": turn.text});
    }
    let mut blocks = Vec::new();
    for result in turn.tool_results {
        let mut block = json!({"type": "tool_result", "tool_use_id": result.call_id, "content": result.content});
        if result.is_error {
            block["is_error"] = Value::Bool(true);
        }
        blocks.push(block);
    }
    blocks.extend(reasoning.into_iter().map(|item| Value::Object(item.clone())));
    for image in turn.images {
        let source = match image {
            Image::Url(url) => json!({"type": "url", "url": url}),
            Image::Data { media_type, base64 } => json!({"type": "base64", "media_type": media_type, "data": base64}),
        };
        blocks.push(json!({"type": "image", "source": source}));
    }
    if !turn.text.is_empty() {
        blocks.push(json!({"type": "text", "text": turn.text}));
    }
    for call in turn.tool_calls {
        blocks.push(json!({"type": "tool_use", "id": call.id, "name": call.name, "input": call.arguments}));
    }
    json!({"role": turn.role.as_str(), "content": blocks})
}
