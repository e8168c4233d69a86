//! Reading a streamed Gemini reply (`streamGenerateContent?alt=sse`): each event is a
//! `GenerateContentResponse` holding the next parts; the last has the `finishReason` and the
//! final `usageMetadata`. `functionCall` parts come whole; their ids are made up as for a
//! whole reply (`{name}_{index}`, counting the stream's calls). Thought parts and thought
//! signatures are kept as reasoning state, as for a whole reply.

use std::time::Duration;

use memor_core::{Response, ToolCall};
use serde_json::{Map, Value};

use crate::reply::{self, Candidate};
use crate::sse::{SseEvent, SseHandler};
use crate::stream::{ended_early, json, stream_error};
use crate::{ChatOptions, Result};

use super::gemini::read_parts;

const ID: &str = "gemini";

/// What the events said so far.
pub(crate) struct GeminiStream {
    options: ChatOptions,
    /// The text, reasoning state and other parts so far.
    read: Candidate,
    model: Option<String>,
    /// `responseId`, `index`, `finishReason` and `usageMetadata`, the last of each.
    fields: Map<String, Value>,
    calls: Vec<ToolCall>,
}

impl GeminiStream {
    pub(crate) fn new(options: &ChatOptions) -> Self {
        GeminiStream {
            options: options.clone(),
            read: Candidate::default(),
            model: None,
            fields: Map::new(),
            calls: Vec::new(),
        }
    }
}

impl SseHandler for GeminiStream {
    fn event(&mut self, event: SseEvent, deltas: &mut Vec<String>) -> Result<()> {
        let chunk = json(ID, &event.data)?;
        if let Some(error) = chunk.get("error") {
            return Err(stream_error(ID, error));
        }
        if let Some(model) = chunk.get("modelVersion").and_then(Value::as_str) {
            self.model = Some(model.to_owned());
        }
        reply::keep(&mut self.fields, &chunk, &["responseId", "usageMetadata"]);
        let candidates = chunk.get("candidates").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        for candidate in candidates {
            reply::keep(&mut self.fields, candidate, &["index", "finishReason"]);
            let parts = candidate.get("content").and_then(|c| c.get("parts")).and_then(Value::as_array);
            let parts = parts.map(Vec::as_slice).unwrap_or_default();
            read_parts(parts, &mut self.read, &mut self.calls, &mut |text: &str| deltas.push(text.to_owned()))?;
        }
        Ok(())
    }

    /// The response: the last `candidatesTokenCount` as the tokens; the tool calls;
    /// `responseId`, `index`, `finishReason` and `usageMetadata` as metadata; `modelVersion` as
    /// the model.
    fn finish(self, elapsed: Duration) -> Result<Response> {
        if !self.fields.contains_key("finishReason") {
            return Err(ended_early(ID, "a `finishReason`"));
        }
        let tokens =
            self.fields.get("usageMetadata").and_then(|u| u.get("candidatesTokenCount")).and_then(Value::as_u64);
        let mut candidate = self.read;
        candidate.model = self.model;
        candidate.tokens = tokens;
        candidate.metadata.extend(self.fields);
        reply::response_with_calls(ID, candidate, self.calls, &self.options, elapsed)
    }
}
