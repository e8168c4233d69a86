//! Reading a streamed Ollama `/api/chat` reply: NDJSON objects with `message.content`, the
//! last with `done: true` and the counts.

use std::time::Duration;

use memor_core::Response;
use serde_json::{Map, Value};

use crate::ndjson::NdjsonDecoder;
use crate::reply::{self, Candidate};
use crate::stream::{ended_early, stream_error};
use crate::{ChatOptions, Result, StreamParser};

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
    /// counts and durations as metadata.
    fn finish(self: Box<Self>, elapsed: Duration) -> Result<Response> {
        let Some(last) = self.last else {
            return Err(ended_early(ID, "`\"done\": true`"));
        };
        let mut metadata = Map::new();
        reply::keep(&mut metadata, &last, METADATA);
        let tokens = last.get("eval_count").and_then(Value::as_u64);
        reply::response(Candidate { text: self.text, model: self.model, tokens, metadata }, &self.options, elapsed)
    }
}
