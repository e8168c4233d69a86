//! OpenAI chat completions (`POST {base}/chat/completions`), also for OpenAI-compatible servers.

use std::time::Duration;

use memor_core::{Response, Session, ToolCall};
use serde_json::{Map, Value, json};

use crate::providers::chat_completions_stream::ChatCompletionsStream;
use crate::providers::chat_messages::{self, Dialect};
use crate::providers::tool_choice;
use crate::reply::{self, Candidate};
use crate::sse::SseStream;
use crate::tools;
use crate::{ApiKey, ChatOptions, HttpRequest, HttpResponse, Provider, Result, StreamParser};

/// OpenAI's chat completions API, or an OpenAI-compatible server's
/// ([`compatible`](Self::compatible)). The key is sent as `Authorization: Bearer`.
#[derive(Clone, Debug)]
pub struct OpenAi {
    id: String,
    base_url: String,
    api_key: Option<ApiKey>,
    key_required: bool,
}

impl Default for OpenAi {
    fn default() -> Self {
        Self::new()
    }
}

impl OpenAi {
    /// OpenAI itself (`https://api.openai.com/v1`, key from `OPENAI_API_KEY`).
    pub fn new() -> Self {
        OpenAi {
            id: "openai".to_owned(),
            base_url: "https://api.openai.com/v1".to_owned(),
            api_key: None,
            key_required: true,
        }
    }

    /// An OpenAI-compatible server at `base_url` (the part before `/chat/completions`),
    /// registered as `id`. A key is sent only when one is given (in code, in the options or
    /// in `OPENAI_API_KEY`); top-k is sent as `top_k`.
    pub fn compatible(id: impl Into<String>, base_url: impl Into<String>) -> Self {
        OpenAi { id: id.into(), base_url: base_url.into(), api_key: None, key_required: false }
    }

    /// Uses this key unless the options give one.
    #[must_use]
    pub fn with_api_key(mut self, key: impl Into<ApiKey>) -> Self {
        self.api_key = Some(key.into());
        self
    }
}

impl Provider for OpenAi {
    fn id(&self) -> &str {
        &self.id
    }

    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        let max_tokens_key = if self.key_required {
            reply::no_top_k(&self.id, options)?;
            if reply::openai_reasoning_model(&options.model) {
                reply::no_sampling(&self.id, options, &format!("with the reasoning model `{}`", options.model))?;
            }
            "max_completion_tokens"
        } else {
            "max_tokens"
        };
        let body = chat_completions_body(&self.id, session, options, max_tokens_key, Dialect::OpenAi)?;
        let url = format!("{}/chat/completions", reply::base_url(options, &self.base_url));
        let request = HttpRequest::post_json(url, &body);
        match reply::api_key(&self.id, options, self.api_key.as_ref(), "OPENAI_API_KEY") {
            Ok(key) => Ok(request.secret_header("authorization", ApiKey::new(format!("Bearer {}", key.expose())))),
            Err(e) if self.key_required => Err(e),
            Err(_) => Ok(request),
        }
    }

    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>> {
        parse_chat_completions(&self.id, reply, options, elapsed)
    }

    /// The chat completions request with `stream: true` and `stream_options.include_usage`.
    fn stream_request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        reply::single_candidate(&self.id, options)?;
        let request = self.request(session, options)?;
        let usage = json!({"include_usage": true});
        crate::stream::with_fields(&self.id, request, &[("stream", json!(true)), ("stream_options", usage)])
    }

    fn stream_parser(&self, options: &ChatOptions) -> Result<Box<dyn StreamParser>> {
        Ok(SseStream::boxed(ChatCompletionsStream::new(&self.id, options)))
    }
}

/// The chat completions body (shared with Mistral).
pub(crate) fn chat_completions_body(
    provider: &str,
    session: &Session,
    options: &ChatOptions,
    max_tokens_key: &str,
    dialect: Dialect,
) -> Result<Value> {
    let messages = chat_messages::messages(provider, session, dialect)?;
    let mut body = Map::new();
    body.insert("model".to_owned(), json!(options.model));
    body.insert("messages".to_owned(), Value::Array(messages));
    if !options.tools.is_empty() {
        body.insert("tools".to_owned(), chat_messages::function_tools(options));
    }
    if let Some(choice) = tool_choice::chat_completions(provider, options, dialect)? {
        body.insert("tool_choice".to_owned(), choice);
    }
    body.extend(reply::settings(options, ["temperature", "top_p", "top_k", max_tokens_key]));
    if let Some(n) = options.candidates {
        body.insert("n".to_owned(), json!(n));
    }
    Ok(Value::Object(body))
}

/// Reads a chat completions reply: one response per choice. Completion tokens are recorded
/// only for a single choice (usage counts all choices together); the whole `usage`, the
/// reply's `id` and each choice's `finish_reason` and `index` go to the metadata. `content`
/// may be text, null or a list of parts (Mistral): text parts are joined, the others kept in
/// the metadata's `content_parts`. A `refusal` is recorded as the text, marked
/// `"refusal": true` in the metadata.
pub(crate) fn parse_chat_completions(
    provider: &str,
    reply: &HttpResponse,
    options: &ChatOptions,
    elapsed: Duration,
) -> Result<Vec<Response>> {
    let body = reply::json_body(provider, reply)?;
    let choices = reply::array_field(provider, &body, "choices")?;
    if choices.is_empty() {
        return Err(crate::Error::NoContent { provider: provider.to_owned(), reason: "no choices".to_owned() });
    }
    let model = body.get("model").and_then(Value::as_str).map(str::to_owned);
    let tokens = match choices.len() {
        1 => body.get("usage").and_then(|u| u.get("completion_tokens")).and_then(Value::as_u64),
        _ => None,
    };
    choices
        .iter()
        .map(|choice| {
            let message =
                choice.get("message").ok_or_else(|| crate::Error::parse(provider, "choice without `message`"))?;
            let tool_calls = chat_tool_calls(provider, message)?;
            let mut metadata = Map::new();
            reply::keep(&mut metadata, &body, &["id"]);
            reply::keep(&mut metadata, choice, &["index", "finish_reason"]);
            reply::keep(&mut metadata, &body, &["usage", "system_fingerprint"]);
            let mut candidate = Candidate { model: model.clone(), tokens, metadata, ..Candidate::default() };
            reply::content_text(provider, message.get("content"), &mut candidate)?;
            if let Some(refusal) = message.get("refusal").and_then(Value::as_str).filter(|r| !r.is_empty()) {
                candidate.refused(refusal);
            }
            reply::response_with_calls(provider, candidate, tool_calls, options, elapsed)
        })
        .collect()
}

/// The `tool_calls` of a chat completions message (arguments a JSON string).
fn chat_tool_calls(provider: &str, message: &Value) -> Result<Vec<ToolCall>> {
    let Some(calls) = message.get("tool_calls").and_then(Value::as_array) else {
        return Ok(Vec::new());
    };
    calls
        .iter()
        .map(|call| {
            let function =
                call.get("function").ok_or_else(|| crate::Error::parse(provider, "tool call without `function`"))?;
            let arguments = match function.get("arguments") {
                Some(Value::String(text)) => tools::arguments_from_string(provider, text)?,
                other => tools::arguments_from_value(provider, other)?,
            };
            Ok(ToolCall {
                id: reply::str_field(provider, call, "id")?.to_owned(),
                name: reply::str_field(provider, function, "name")?.to_owned(),
                arguments,
            })
        })
        .collect()
}
