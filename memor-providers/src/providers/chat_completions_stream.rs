//! Reading a streamed chat completions reply (OpenAI and Mistral): `chat.completion.chunk`
//! events, an optional last chunk with `usage`, then `data: [DONE]`. Tool calls come as
//! `delta.tool_calls` entries keyed by `index`: the first with the `id` and `function.name`,
//! then `function.arguments` fragments (Mistral usually sends a whole call in one entry).

use std::time::Duration;

use memor_core::Response;
use serde_json::{Map, Value};

use crate::reply::{self, Candidate};
use crate::sse::{SseEvent, SseHandler};
use crate::stream::{ended_early, json, stream_error};
use crate::{ChatOptions, Result};

use super::stream_calls::StreamedCalls;

/// What the chunks said so far.
pub(crate) struct ChatCompletionsStream {
    provider: String,
    options: ChatOptions,
    text: String,
    /// The `delta.refusal` pieces.
    refusal: Option<String>,
    /// `delta.content` parts that are not text.
    parts: Vec<Value>,
    model: Option<String>,
    /// `id`, `index`, `finish_reason`, `usage` and `system_fingerprint`, as they came.
    fields: Map<String, Value>,
    calls: StreamedCalls,
    done: bool,
}

impl ChatCompletionsStream {
    pub(crate) fn new(provider: &str, options: &ChatOptions) -> Self {
        ChatCompletionsStream {
            provider: provider.to_owned(),
            options: options.clone(),
            text: String::new(),
            refusal: None,
            parts: Vec::new(),
            model: None,
            fields: Map::new(),
            calls: StreamedCalls::default(),
            done: false,
        }
    }
}

impl ChatCompletionsStream {
    /// One `delta.tool_calls` entry. Without an `index`, an entry with an `id` begins a new
    /// call and one without continues the last.
    fn add_call(&mut self, call: &Value) {
        let id = call.get("id").and_then(Value::as_str);
        let key = match call.get("index").and_then(Value::as_u64) {
            Some(index) => index,
            None => match (id, self.calls.last_key()) {
                (None, Some(last)) => last,
                _ => self.calls.next_key(),
            },
        };
        let function = call.get("function").unwrap_or(&Value::Null);
        let name = function.get("name").and_then(Value::as_str);
        let arguments = match function.get("arguments") {
            Some(Value::String(text)) => Some(text.clone()),
            Some(Value::Object(map)) => Some(Value::Object(map.clone()).to_string()),
            _ => None,
        };
        self.calls.add(key, id, name, arguments.as_deref());
    }
}

impl SseHandler for ChatCompletionsStream {
    fn event(&mut self, event: SseEvent, deltas: &mut Vec<String>) -> Result<()> {
        if self.done {
            return Ok(());
        }
        if event.data.trim() == "[DONE]" {
            self.done = true;
            return Ok(());
        }
        let chunk = json(&self.provider, &event.data)?;
        if let Some(error) = chunk.get("error") {
            return Err(stream_error(&self.provider, error));
        }
        if let Some(model) = chunk.get("model").and_then(Value::as_str) {
            self.model = Some(model.to_owned());
        }
        reply::keep(&mut self.fields, &chunk, &["id", "usage", "system_fingerprint"]);
        for choice in chunk.get("choices").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default() {
            reply::keep(&mut self.fields, choice, &["index", "finish_reason"]);
            let Some(delta) = choice.get("delta") else { continue };
            for call in delta.get("tool_calls").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default() {
                self.add_call(call);
            }
            let mut piece = Candidate::default();
            reply::content_text(&self.provider, delta.get("content"), &mut piece)?;
            if let Some(refusal) = delta.get("refusal").and_then(Value::as_str) {
                self.refusal.get_or_insert_with(String::new).push_str(refusal);
                piece.text.push_str(refusal);
            }
            if let Some(Value::Array(parts)) = piece.metadata.remove(reply::CONTENT_PARTS) {
                self.parts.extend(parts);
            }
            if !piece.text.is_empty() {
                self.text.push_str(&piece.text);
                deltas.push(piece.text);
            }
        }
        Ok(())
    }

    /// The response: tokens from the last `usage` (`completion_tokens`); the tool calls;
    /// metadata as for a whole reply (a refusal marked, parts that are not text kept).
    fn finish(self, elapsed: Duration) -> Result<Response> {
        if !self.done {
            return Err(ended_early(&self.provider, "`data: [DONE]`"));
        }
        let tokens = self.fields.get("usage").and_then(|u| u.get("completion_tokens")).and_then(Value::as_u64);
        let mut metadata = Map::new();
        for key in ["id", "index", "finish_reason", "usage", "system_fingerprint"] {
            if let Some(value) = self.fields.get(key) {
                metadata.insert(key.to_owned(), value.clone());
            }
        }
        if !self.parts.is_empty() {
            metadata.insert(reply::CONTENT_PARTS.to_owned(), Value::Array(self.parts));
        }
        let calls = self.calls.finish(&self.provider)?;
        let mut candidate = Candidate { text: self.text, model: self.model, tokens, metadata, ..Candidate::default() };
        if self.refusal.is_some_and(|r| !r.is_empty()) {
            candidate.refused("");
        }
        reply::response_with_calls(&self.provider, candidate, calls, &self.options, elapsed)
    }
}
