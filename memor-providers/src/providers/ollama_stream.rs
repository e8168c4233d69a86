//! Reading a streamed Ollama `/api/chat` reply: NDJSON objects with `message.content`, the
//! last with `done: true` and the counts. `message.tool_calls` come whole; their ids are made
//! up as for a whole reply (`{name}_{index}`, counting the stream's calls).

use std::time::Duration;

use memor_core::{Response, ToolCall};
use serde_json::{Map, Value};

use crate::ndjson::NdjsonDecoder;
use crate::reply::{self, Candidate};
use crate::stream::{ended_early, stream_error};
use crate::{ChatOptions, Result, StreamParser};

use super::ollama::tool_call;

const ID: &str = "ollama";

/// The metadata kept from the `done` object, as for a whole reply.
pub(crate) const METADATA: &[&str] = &[
    "done_reason",
    "prompt_eval_count",
    "eval_count",
    "total_duration",
    "load_duration",
    "prompt_eval_duration",
    "eval_duration",
    "created_at",
];

/// What the lines said so far.
pub(crate) struct OllamaStream {
    options: ChatOptions,
    decoder: NdjsonDecoder,
    text: String,
    model: Option<String>,
    calls: Vec<ToolCall>,
    /// The `done: true` object.
    last: Option<Value>,
}

impl OllamaStream {
    pub(crate) fn new(options: &ChatOptions) -> Self {
        OllamaStream {
            options: options.clone(),
            decoder: NdjsonDecoder::new(ID),
            text: String::new(),
            model: None,
            calls: Vec::new(),
            last: None,
        }
    }

    fn read(&mut self, values: Vec<Value>) -> Result<Vec<String>> {
        let mut deltas = Vec::new();
        for value in values {
            if let Some(error) = value.get("error") {
                return Err(stream_error(ID, error));
            }
            if let Some(model) = value.get("model").and_then(Value::as_str) {
                self.model = Some(model.to_owned());
            }
            let text = value.get("message").and_then(|m| m.get("content")).and_then(Value::as_str);
            if let Some(text) = text.filter(|t| !t.is_empty()) {
                self.text.push_str(text);
                deltas.push(text.to_owned());
            }
            let calls = value.get("message").and_then(|m| m.get("tool_calls")).and_then(Value::as_array);
            for call in calls.map(Vec::as_slice).unwrap_or_default() {
                self.calls.push(tool_call(call, self.calls.len())?);
            }
            if value.get("done").and_then(Value::as_bool) == Some(true) {
                self.last = Some(value);
            }
        }
        Ok(deltas)
    }
}

impl StreamParser for OllamaStream {
    fn feed(&mut self, bytes: &[u8]) -> Result<Vec<String>> {
        let values = self.decoder.feed(bytes)?;
        self.read(values)
    }

    fn flush(&mut self) -> Result<Vec<String>> {
        let values = self.decoder.finish()?.into_iter().collect();
        self.read(values)
    }

    /// The response: the `done` object's `eval_count` as the tokens, its `done_reason`, other
    /// counts and durations as metadata; the tool calls.
    fn finish(self: Box<Self>, elapsed: Duration) -> Result<Response> {
        let Some(last) = self.last else {
            return Err(ended_early(ID, "`\"done\": true`"));
        };
        let mut metadata = Map::new();
        reply::keep(&mut metadata, &last, METADATA);
        let tokens = last.get("eval_count").and_then(Value::as_u64);
        let candidate = Candidate { text: self.text, model: self.model, tokens, metadata, ..Candidate::default() };
        reply::response_with_calls(ID, candidate, self.calls, &self.options, elapsed)
    }
}
