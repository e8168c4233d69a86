//! OpenAI Responses (`POST {base}/responses`), stateless (`store: false`).

use std::time::Duration;

use memor_core::{Image, Response, Role, Session, ToolCall};
use serde_json::{Map, Value, json};

use crate::history::{self, Turn};
use crate::providers::openai_responses_stream::ResponsesStream;
use crate::providers::tool_choice;
use crate::reply::{self, Candidate};
use crate::sse::SseStream;
use crate::tools::{self, arguments_string, data_url};
use crate::{ApiKey, ChatOptions, Error, HttpRequest, HttpResponse, Provider, Result, StreamParser};

keyed_provider! {
    /// OpenAI's Responses API (`https://api.openai.com/v1`, key from `OPENAI_API_KEY`), registered
    /// as `openai_responses`. System messages become `instructions` (joined by a blank line); the
    /// other messages are `input` items; nothing is stored on OpenAI's side (`store: false`). One
    /// candidate per request; no top-k.
    OpenAiResponses,
    "OPENAI_API_KEY"
}

pub(crate) const ID: &str = "openai_responses";

impl Provider for OpenAiResponses {
    fn id(&self) -> &str {
        ID
    }

    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        reply::single_candidate(ID, options)?;
        reply::no_top_k(ID, options)?;
        let reasoning_model = reply::openai_reasoning_model(&options.model);
        if reasoning_model {
            reply::no_sampling(ID, options, &format!("with the reasoning model `{}`", options.model))?;
        }
        let key = reply::api_key(ID, options, self.api_key.as_ref(), "OPENAI_API_KEY")?;
        let mut instructions = Vec::new();
        let mut input = Vec::new();
        for turn in history::user_images_only(ID, session)? {
            match turn.role {
                Role::System => instructions.push(turn.text),
                _ => input_items(&turn, &mut input),
            }
        }
        let mut body = Map::new();
        body.insert("model".to_owned(), json!(options.model));
        if !instructions.is_empty() {
            body.insert("instructions".to_owned(), json!(instructions.join("\n\n")));
        }
        body.insert("input".to_owned(), Value::Array(input));
        if !options.tools.is_empty() {
            let tools = options.tools.iter().map(|t| {
                json!({"type": "function", "name": t.name, "description": t.description, "parameters": t.parameters,
                       "strict": false})
            });
            body.insert("tools".to_owned(), tools.collect());
        }
        if let Some(choice) = tool_choice::responses(ID, options)? {
            body.insert("tool_choice".to_owned(), choice);
        }
        body.insert("store".to_owned(), Value::Bool(false));
        if reasoning_model {
            // Nothing is stored: the reasoning items come back encrypted, to be replayed.
            body.insert("include".to_owned(), json!(["reasoning.encrypted_content"]));
        }
        // Top-k was refused above.
        body.extend(reply::settings(options, ["temperature", "top_p", "top_k", "max_output_tokens"]));
        let url = format!("{}/responses", reply::base_url(options, "https://api.openai.com/v1"));
        Ok(HttpRequest::post_json(url, &Value::Object(body))
            .secret_header("authorization", ApiKey::new(format!("Bearer {}", key.expose()))))
    }

    /// Reads a Responses reply: the `output_text` parts of its `message` items joined, a
    /// `refusal` part recorded as the text and marked `"refusal": true`; `reasoning` items kept
    /// as reasoning state; other parts and items kept in the metadata's `content_parts`;
    /// `output_tokens` as the tokens; `id`, `status`, `incomplete_details` and `usage` as
    /// metadata.
    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>> {
        let body = reply::json_body(ID, reply)?;
        let keys = ["id", "status", "incomplete_details", "usage"];
        let mut candidate = Candidate::of_body(&body, String::new(), "/usage/output_tokens", &keys);
        let mut tool_calls = Vec::new();
        for item in reply::array_field(ID, &body, "output")? {
            read_item(item, &mut candidate, &mut tool_calls)?;
        }
        Ok(vec![reply::response_with_calls(ID, candidate, tool_calls, options, elapsed)?])
    }

    /// The Responses request with `stream: true`.
    fn stream_request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        let request = self.request(session, options)?;
        crate::stream::with_fields(ID, request, &[("stream", json!(true))])
    }

    fn stream_parser(&self, options: &ChatOptions) -> Result<Box<dyn StreamParser>> {
        Ok(SseStream::boxed(ResponsesStream::new(options)))
    }
}

/// One output item of a reply (whole, or the terminal event's of a stream).
pub(crate) fn read_item(item: &Value, candidate: &mut Candidate, tool_calls: &mut Vec<ToolCall>) -> Result<()> {
    match item.get("type").and_then(Value::as_str) {
        Some("message") => {
            for part in reply::array_field(ID, item, "content")? {
                match part.get("type").and_then(Value::as_str) {
                    Some("output_text") => candidate.text.push_str(reply::str_field(ID, part, "text")?),
                    Some("refusal") => candidate.refused(reply::str_field(ID, part, "refusal")?),
                    _ => candidate.keep_part(part),
                }
            }
        }
        Some("reasoning") => candidate.reason(ID, item),
        Some("function_call") => tool_calls.push(function_call(item)?),
        Some(_) => candidate.keep_part(item),
        None => return Err(Error::parse(ID, "output item without `type`")),
    }
    Ok(())
}

/// A `function_call` output item: its `call_id`, `name` and `arguments` (a JSON string).
pub(crate) fn function_call(item: &Value) -> Result<ToolCall> {
    Ok(ToolCall {
        id: reply::str_field(ID, item, "call_id")?.to_owned(),
        name: reply::str_field(ID, item, "name")?.to_owned(),
        arguments: match item.get("arguments") {
            Some(Value::String(text)) => tools::arguments_from_string(ID, text)?,
            other => tools::arguments_from_value(ID, other)?,
        },
    })
}

/// The input items of one user or assistant turn: the text as today when it is text only;
/// else `function_call_output` items, the message (`input_text` and `input_image` parts) and
/// `function_call` items.
fn input_items(turn: &Turn<'_>, input: &mut Vec<Value>) {
    let reasoning = crate::history::reasoning_of(turn, ID);
    if turn.is_text_only() && reasoning.is_empty() {
        input.push(json!({"role": turn.role.as_str(), "content": turn.text}));
        return;
    }
    for result in turn.tool_results {
        input.push(json!({"type": "function_call_output", "call_id": result.call_id, "output": result.content}));
    }
    // Reasoning items go back as they came, before the message and calls they led to; with
    // nothing stored on OpenAI's side, only those that carry their encrypted content.
    let replayable = reasoning.into_iter().filter(|item| item.get("encrypted_content").is_some_and(Value::is_string));
    input.extend(replayable.map(|item| Value::Object(item.clone())));
    if !turn.images.is_empty() {
        let mut parts = Vec::new();
        if !turn.text.is_empty() {
            parts.push(json!({"type": "input_text", "text": turn.text}));
        }
        for image in turn.images {
            let url = match image {
                Image::Url(url) => url.clone(),
                Image::Data { media_type, base64 } => data_url(media_type, base64),
            };
            parts.push(json!({"type": "input_image", "image_url": url, "detail": "auto"}));
        }
        input.push(json!({"role": turn.role.as_str(), "content": parts}));
    } else if !turn.text.is_empty() {
        input.push(json!({"role": turn.role.as_str(), "content": turn.text}));
    }
    for call in turn.tool_calls {
        input.push(json!({"type": "function_call", "call_id": call.id, "name": call.name,
                          "arguments": arguments_string(&call.arguments)}));
    }
}
