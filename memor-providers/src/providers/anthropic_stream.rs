//! Reading a streamed Anthropic Messages reply: `message_start`, `content_block_start`,
//! `content_block_delta`, `message_delta` and `message_stop` events (`ping` ignored, `error`
//! an error).

use std::time::Duration;

use memor_core::Response;
use serde_json::{Map, Value};

use crate::reply::{self, Candidate};
use crate::sse::{SseEvent, SseHandler};
use crate::stream::{ended_early, json, stream_error};
use crate::{ChatOptions, Error, Result};

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
                    Some("thinking" | "redacted_thinking") => {}
                    Some(other) => {
                        return Err(Error::Unsupported { provider: ID.to_owned(), what: format!("a `{other}` block") });
                    }
                    None => return Err(Error::parse(ID, "content block without `type`")),
                }
            }
            "content_block_delta" => {
                let delta = data.get("delta").unwrap_or(&Value::Null);
                if delta.get("type").and_then(Value::as_str) == Some("text_delta") {
                    let text = reply::str_field(ID, delta, "text")?;
                    self.text.push_str(text);
                    deltas.push(text.to_owned());
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

    /// The response: the last `output_tokens` as the tokens; `id`, `stop_reason`,
    /// `stop_sequence` and the usage as metadata.
    fn finish(self, elapsed: Duration) -> Result<Response> {
        if !self.stopped {
            return Err(ended_early(ID, "`message_stop`"));
        }
        let tokens = self.usage.get("output_tokens").and_then(Value::as_u64);
        let mut metadata = self.fields;
        if !self.usage.is_empty() {
            metadata.insert("usage".to_owned(), Value::Object(self.usage));
        }
        reply::response(Candidate { text: self.text, model: self.model, tokens, metadata }, &self.options, elapsed)
    }
}
