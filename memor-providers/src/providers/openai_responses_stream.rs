//! Reading a streamed OpenAI Responses reply: `response.output_text.delta` (and
//! `response.refusal.delta`) events, then `response.completed` (or `response.incomplete`)
//! holding the whole response; `response.failed` and `error` are errors.

use std::time::Duration;

use memor_core::Response;
use serde_json::{Map, Value};

use crate::reply::{self, Candidate};
use crate::sse::{SseEvent, SseHandler};
use crate::stream::{ended_early, json, stream_error};
use crate::{ChatOptions, Error, Result};

use super::openai_responses::ID;

/// What the events said so far.
pub(crate) struct ResponsesStream {
    options: ChatOptions,
    text: String,
    /// The response of the terminal event.
    last: Option<Value>,
}

impl ResponsesStream {
    pub(crate) fn new(options: &ChatOptions) -> Self {
        ResponsesStream { options: options.clone(), text: String::new(), last: None }
    }
}

impl SseHandler for ResponsesStream {
    fn event(&mut self, event: SseEvent, deltas: &mut Vec<String>) -> Result<()> {
        let data = json(ID, &event.data)?;
        let kind = data.get("type").and_then(Value::as_str).or(event.event.as_deref()).unwrap_or_default();
        match kind {
            "response.output_text.delta" | "response.refusal.delta" => {
                let text = reply::str_field(ID, &data, "delta")?;
                self.text.push_str(text);
                deltas.push(text.to_owned());
            }
            "response.output_item.added" => {
                let item = data.get("item").and_then(|i| i.get("type")).and_then(Value::as_str);
                match item {
                    Some("message" | "reasoning") => {}
                    Some(other) => {
                        return Err(Error::Unsupported {
                            provider: ID.to_owned(),
                            what: format!("a `{other}` output item"),
                        });
                    }
                    None => return Err(Error::parse(ID, "output item without `type`")),
                }
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
    /// `usage` of the terminal event's response as metadata.
    fn finish(self, elapsed: Duration) -> Result<Response> {
        let Some(last) = self.last else {
            return Err(ended_early(ID, "`response.completed`"));
        };
        let mut metadata = Map::new();
        reply::keep(&mut metadata, &last, &["id", "status", "incomplete_details", "usage"]);
        let candidate = Candidate {
            text: self.text,
            model: last.get("model").and_then(Value::as_str).map(str::to_owned),
            tokens: last.get("usage").and_then(|u| u.get("output_tokens")).and_then(Value::as_u64),
            metadata,
        };
        reply::response(candidate, &self.options, elapsed)
    }
}
