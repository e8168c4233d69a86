//! Reading a streamed OpenAI Responses reply: `response.output_text.delta` (and
//! `response.refusal.delta`) events, then `response.completed` (or `response.incomplete`)
//! holding the whole response; `response.failed` and `error` are errors. A `function_call`
//! output item's `response.output_item.added` gives its `call_id` and `name`, then
//! `response.function_call_arguments.delta` and `.done` its arguments; when no such events
//! came, the terminal response's `function_call` items are the calls. `reasoning` items come
//! whole in `response.output_item.done` (else from the terminal response).

use std::time::Duration;

use memor_core::Response;
use serde_json::{Map, Value};

use crate::reply::{self, Candidate};
use crate::sse::{SseEvent, SseHandler};
use crate::stream::{ended_early, json, stream_error};
use crate::{ChatOptions, Error, Result};

use super::openai_responses::{ID, read_item};
use super::stream_calls::StreamedCalls;

/// What the events said so far.
pub(crate) struct ResponsesStream {
    options: ChatOptions,
    text: String,
    /// Whether refusal text came.
    refused: bool,
    /// The `reasoning` items, whole.
    reasoning: Vec<Value>,
    /// The `function_call` items, keyed by `output_index`.
    calls: StreamedCalls,
    /// The response of the terminal event.
    last: Option<Value>,
}

impl ResponsesStream {
    pub(crate) fn new(options: &ChatOptions) -> Self {
        ResponsesStream {
            options: options.clone(),
            text: String::new(),
            refused: false,
            reasoning: Vec::new(),
            calls: StreamedCalls::default(),
            last: None,
        }
    }
}

impl ResponsesStream {
    /// The call an event is about: its `output_index`, else the call begun last.
    fn key(&self, data: &Value) -> u64 {
        match data.get("output_index").and_then(Value::as_u64) {
            Some(index) => index,
            None => self.calls.last_key().unwrap_or_else(|| self.calls.next_key()),
        }
    }
}

impl SseHandler for ResponsesStream {
    fn event(&mut self, event: SseEvent, deltas: &mut Vec<String>) -> Result<()> {
        let data = json(ID, &event.data)?;
        let kind = data.get("type").and_then(Value::as_str).or(event.event.as_deref()).unwrap_or_default();
        match kind {
            "response.output_text.delta" | "response.refusal.delta" => {
                let text = reply::str_field(ID, &data, "delta")?;
                self.refused |= kind == "response.refusal.delta";
                self.text.push_str(text);
                deltas.push(text.to_owned());
            }
            "response.output_item.added" => {
                let item = data.get("item").unwrap_or(&Value::Null);
                match item.get("type").and_then(Value::as_str) {
                    Some("message" | "reasoning") => {}
                    Some("function_call") => {
                        let id = reply::str_field(ID, item, "call_id")?;
                        let name = reply::str_field(ID, item, "name")?;
                        let arguments = item.get("arguments").and_then(Value::as_str);
                        self.calls.add(self.key(&data), Some(id), Some(name), arguments);
                    }
                    Some(_) => {}
                    None => return Err(Error::parse(ID, "output item without `type`")),
                }
            }
            "response.output_item.done" => {
                let item = data.get("item").unwrap_or(&Value::Null);
                if item.get("type").and_then(Value::as_str) == Some("reasoning") {
                    self.reasoning.push(item.clone());
                }
            }
            "response.function_call_arguments.delta" => {
                let fragment = reply::str_field(ID, &data, "delta")?;
                self.calls.add(self.key(&data), None, None, Some(fragment));
            }
            "response.function_call_arguments.done" => {
                let arguments = reply::str_field(ID, &data, "arguments")?;
                self.calls.set_arguments(self.key(&data), arguments);
            }
            "response.completed" | "response.incomplete" => self.last = data.get("response").cloned(),
            "response.failed" => {
                let response = data.get("response").unwrap_or(&Value::Null);
                return Err(stream_error(ID, response.get("error").filter(|e| !e.is_null()).unwrap_or(response)));
            }
            "error" => return Err(stream_error(ID, data.get("error").unwrap_or(&data))),
            _ => {}
        }
        Ok(())
    }

    /// The response: `output_tokens` as the tokens; `id`, `status`, `incomplete_details` and
    /// `usage` of the terminal event's response as metadata, with the parts and items of its
    /// `output` that are neither text, calls nor reasoning; the tool calls the events gave,
    /// else those of its `output`; the reasoning items the events gave, else those of its
    /// `output`.
    fn finish(self, elapsed: Duration) -> Result<Response> {
        let Some(last) = self.last else {
            return Err(ended_early(ID, "`response.completed`"));
        };
        let mut metadata = Map::new();
        reply::keep(&mut metadata, &last, &["id", "status", "incomplete_details", "usage"]);
        let mut whole = Candidate::default();
        let mut output_calls = Vec::new();
        let output = last.get("output").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        for item in output {
            read_item(item, &mut whole, &mut output_calls)?;
        }
        let mut candidate = Candidate {
            text: self.text,
            model: last.get("model").and_then(Value::as_str).map(str::to_owned),
            tokens: last.get("usage").and_then(|u| u.get("output_tokens")).and_then(Value::as_u64),
            metadata,
            ..Candidate::default()
        };
        if self.refused {
            candidate.refused("");
        }
        if let Some(parts) = whole.metadata.remove(reply::CONTENT_PARTS) {
            candidate.metadata.insert(reply::CONTENT_PARTS.to_owned(), parts);
        }
        match self.reasoning.is_empty() {
            true => candidate.reasoning = whole.reasoning,
            false => self.reasoning.iter().for_each(|item| candidate.reason(ID, item)),
        }
        let calls = match self.calls.last_key() {
            Some(_) => self.calls.finish(ID)?,
            None => output_calls,
        };
        reply::response_with_calls(ID, candidate, calls, &self.options, elapsed)
    }
}
