//! Reading a streamed Anthropic Messages reply: `message_start`, `content_block_start`,
//! `content_block_delta`, `message_delta` and `message_stop` events (`ping` ignored, `error`
//! an error). A `tool_use` block's start gives the call's id and name, its
//! `input_json_delta`s the `partial_json` fragments of its input, and `content_block_stop`
//! ends it. A `thinking` block is assembled from its `thinking_delta`s and `signature_delta`;
//! a `redacted_thinking` block comes whole; both are kept as reasoning state.

use std::time::Duration;

use memor_core::Response;
use serde_json::{Map, Value};

use crate::reply::{self, Candidate};
use crate::sse::{SseEvent, SseHandler};
use crate::stream::{ended_early, json, stream_error};
use crate::{ChatOptions, Error, Result};

use super::stream_calls::StreamedCalls;

const ID: &str = "anthropic";

/// What the events said so far.
pub(crate) struct AnthropicStream {
    options: ChatOptions,
    text: String,
    model: Option<String>,
    /// `id`, `stop_reason` and `stop_sequence`.
    fields: Map<String, Value>,
    /// `message_start`'s usage, updated by `message_delta`'s.
    usage: Map<String, Value>,
    /// The `tool_use` blocks, keyed by block index.
    calls: StreamedCalls,
    /// The reasoning blocks, as they are assembled, with their block index.
    reasoning: Vec<(u64, Value)>,
    /// Blocks that are neither text, tool use nor reasoning, whole.
    parts: Vec<Value>,
    stopped: bool,
}

impl AnthropicStream {
    pub(crate) fn new(options: &ChatOptions) -> Self {
        AnthropicStream {
            options: options.clone(),
            text: String::new(),
            model: None,
            fields: Map::new(),
            usage: Map::new(),
            calls: StreamedCalls::default(),
            reasoning: Vec::new(),
            parts: Vec::new(),
            stopped: false,
        }
    }

    fn add_usage(&mut self, usage: Option<&Value>) {
        if let Some(Value::Object(usage)) = usage {
            for (key, value) in usage {
                self.usage.insert(key.clone(), value.clone());
            }
        }
    }
}

impl SseHandler for AnthropicStream {
    fn event(&mut self, event: SseEvent, deltas: &mut Vec<String>) -> Result<()> {
        let data = json(ID, &event.data)?;
        let kind = event.event.as_deref().or_else(|| data.get("type").and_then(Value::as_str)).unwrap_or_default();
        match kind {
            "message_start" => {
                let message = data.get("message").unwrap_or(&Value::Null);
                if let Some(model) = message.get("model").and_then(Value::as_str) {
                    self.model = Some(model.to_owned());
                }
                reply::keep(&mut self.fields, message, &["id"]);
                self.add_usage(message.get("usage"));
            }
            "content_block_start" => {
                let block = data.get("content_block").unwrap_or(&Value::Null);
                match block.get("type").and_then(Value::as_str) {
                    Some("text") => {
                        if let Some(text) = block.get("text").and_then(Value::as_str) {
                            self.text.push_str(text);
                            deltas.push(text.to_owned());
                        }
                    }
                    Some("tool_use") => {
                        let id = reply::str_field(ID, block, "id")?;
                        let name = reply::str_field(ID, block, "name")?;
                        self.calls.add(block_index(&data)?, Some(id), Some(name), None);
                    }
                    Some("thinking" | "redacted_thinking") => self.reasoning.push((block_index(&data)?, block.clone())),
                    Some(_) => self.parts.push(block.clone()),
                    None => return Err(Error::parse(ID, "content block without `type`")),
                }
            }
            "content_block_delta" => {
                let delta = data.get("delta").unwrap_or(&Value::Null);
                match delta.get("type").and_then(Value::as_str) {
                    Some("text_delta") => {
                        let text = reply::str_field(ID, delta, "text")?;
                        self.text.push_str(text);
                        deltas.push(text.to_owned());
                    }
                    Some("input_json_delta") => {
                        let fragment = reply::str_field(ID, delta, "partial_json")?;
                        self.calls.add(block_index(&data)?, None, None, Some(fragment));
                    }
                    Some(kind @ ("thinking_delta" | "signature_delta")) => {
                        let key = if kind == "thinking_delta" { "thinking" } else { "signature" };
                        let piece = reply::str_field(ID, delta, key)?;
                        let index = block_index(&data)?;
                        let Some((_, block)) = self.reasoning.iter_mut().find(|(i, _)| *i == index) else {
                            return Err(Error::parse(
                                ID,
                                format!("a `{kind}` for block {index}, not a thinking block"),
                            ));
                        };
                        if let Some(block) = block.as_object_mut() {
                            let so_far = block.get(key).and_then(Value::as_str).unwrap_or_default();
                            let whole = Value::String(format!("{so_far}{piece}"));
                            block.insert(key.to_owned(), whole);
                        }
                    }
                    _ => {}
                }
            }
            "message_delta" => {
                let delta = data.get("delta").unwrap_or(&Value::Null);
                reply::keep(&mut self.fields, delta, &["stop_reason", "stop_sequence"]);
                self.add_usage(data.get("usage"));
            }
            "message_stop" => self.stopped = true,
            "error" => return Err(stream_error(ID, data.get("error").unwrap_or(&data))),
            _ => {}
        }
        Ok(())
    }

    /// The response: the last `output_tokens` as the tokens; the tool calls; `id`,
    /// `stop_reason`, `stop_sequence` and the usage as metadata.
    fn finish(self, elapsed: Duration) -> Result<Response> {
        if !self.stopped {
            return Err(ended_early(ID, "`message_stop`"));
        }
        let tokens = self.usage.get("output_tokens").and_then(Value::as_u64);
        let mut metadata = self.fields;
        if !self.usage.is_empty() {
            metadata.insert("usage".to_owned(), Value::Object(self.usage));
        }
        let calls = self.calls.finish(ID)?;
        let mut candidate = Candidate { text: self.text, model: self.model, tokens, metadata, ..Candidate::default() };
        self.reasoning.iter().for_each(|(_, block)| candidate.reason(ID, block));
        self.parts.iter().for_each(|part| candidate.keep_part(part));
        super::anthropic::refusal_mark(&mut candidate);
        reply::response_with_calls(ID, candidate, calls, &self.options, elapsed)
    }
}

/// The `index` of a content block event.
fn block_index(data: &Value) -> Result<u64> {
    data.get("index").and_then(Value::as_u64).ok_or_else(|| Error::parse(ID, "content block event without `index`"))
}
