//! Helpers the built-in providers share to read replies: JSON bodies, error bodies, and
//! building [`Response`]s.

use std::time::Duration;

use memor_core::{Reasoning, Response, ToolCall};
use serde_json::{Map, Value};

use crate::{ChatOptions, Error, HttpResponse, Result};

/// The reply's JSON, or the provider's error for a non-2xx status (its body's message).
pub(crate) fn json_body(provider: &str, reply: &HttpResponse) -> Result<Value> {
    if !reply.is_success() {
        return Err(api_error(provider, reply));
    }
    serde_json::from_slice(&reply.body).map_err(|e| Error::parse(provider, format!("not JSON: {e}")))
}

/// The error for a non-2xx reply: the message of the usual error bodies (`{"error":{"message"}}`
/// with Gemini's `status`, `{"error":"…"}`, `{"message"}`, `{"detail"}`), else the body's start.
pub(crate) fn api_error(provider: &str, reply: &HttpResponse) -> Error {
    let message = serde_json::from_slice::<Value>(&reply.body)
        .ok()
        .and_then(|v| error_message(&v))
        .unwrap_or_else(|| body_start(&reply.body));
    Error::Api { provider: provider.to_owned(), status: reply.status, message }
}

fn error_message(body: &Value) -> Option<String> {
    match body.get("error") {
        Some(Value::Object(error)) => {
            let message = error.get("message")?.as_str()?;
            match error.get("status").and_then(Value::as_str) {
                Some(status) => Some(format!("{message} ({status})")),
                None => Some(message.to_owned()),
            }
        }
        Some(Value::String(message)) => Some(message.clone()),
        _ => body.get("message").or_else(|| body.get("detail")).and_then(Value::as_str).map(str::to_owned),
    }
}

fn body_start(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return "empty body".to_owned();
    }
    let mut start: String = text.chars().take(200).collect();
    if start.len() < text.len() {
        start.push('…');
    }
    start
}

/// A string field, or a parse error naming it.
pub(crate) fn str_field<'a>(provider: &str, value: &'a Value, key: &str) -> Result<&'a str> {
    value.get(key).and_then(Value::as_str).ok_or_else(|| Error::parse(provider, format!("no string `{key}`")))
}

/// An array field, or a parse error naming it.
pub(crate) fn array_field<'a>(provider: &str, value: &'a Value, key: &str) -> Result<&'a [Value]> {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .ok_or_else(|| Error::parse(provider, format!("no array `{key}`")))
}

/// Copies the fields of `from` that are present (and not null) into metadata under the same names.
pub(crate) fn keep(metadata: &mut Map<String, Value>, from: &Value, keys: &[&str]) {
    for key in keys {
        if let Some(v) = from.get(*key).filter(|v| !v.is_null()) {
            metadata.insert((*key).to_owned(), v.clone());
        }
    }
}

/// What one candidate of a reply says.
#[derive(Default)]
pub(crate) struct Candidate {
    pub text: String,
    pub model: Option<String>,
    pub tokens: Option<u64>,
    pub metadata: Map<String, Value>,
    /// The provider's reasoning state, to be sent back on the next turns.
    pub reasoning: Vec<Reasoning>,
}

impl Candidate {
    /// The one candidate of a reply `body`: `text`, the body's `model`, the completion tokens at
    /// the JSON pointer `tokens`, and the body's `keys` as metadata.
    pub(crate) fn of_body(body: &Value, text: String, tokens: &str, keys: &[&str]) -> Candidate {
        let mut metadata = Map::new();
        keep(&mut metadata, body, keys);
        Candidate {
            text,
            model: body.get("model").and_then(Value::as_str).map(str::to_owned),
            tokens: body.pointer(tokens).and_then(Value::as_u64),
            metadata,
            reasoning: Vec::new(),
        }
    }

    /// Records a refusal: its text (after any text there was) and the mark
    /// `"refusal": true` in the metadata.
    pub(crate) fn refused(&mut self, refusal: &str) {
        self.text.push_str(refusal);
        self.metadata.insert(REFUSAL.to_owned(), Value::Bool(true));
    }

    /// Keeps a part of the reply that is neither text nor a tool call, verbatim, in the
    /// metadata's `content_parts` list.
    pub(crate) fn keep_part(&mut self, part: &Value) {
        let parts = self.metadata.entry(CONTENT_PARTS).or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(parts) = parts {
            parts.push(part.clone());
        }
    }

    /// Keeps `item` as reasoning state of `provider`.
    pub(crate) fn reason(&mut self, provider: &str, item: &Value) {
        if let Value::Object(item) = item {
            self.reasoning.push(Reasoning { provider: provider.to_owned(), item: item.clone() });
        }
    }
}

/// The metadata key that marks a refusal.
pub(crate) const REFUSAL: &str = "refusal";

/// The metadata key of the parts of a reply that are neither text nor tool calls.
pub(crate) const CONTENT_PARTS: &str = "content_parts";

/// Why a reply ended, from its metadata: the finish or stop reason, else the incomplete
/// details' reason, else the status.
fn reason(metadata: &Map<String, Value>) -> String {
    let keys = ["finish_reason", "stop_reason", "finishReason", "done_reason"];
    keys.iter()
        .find_map(|k| metadata.get(*k).and_then(Value::as_str))
        .or_else(|| metadata.get("incomplete_details").and_then(|d| d.get("reason")).and_then(Value::as_str))
        .or_else(|| metadata.get("status").and_then(Value::as_str))
        .unwrap_or("unknown")
        .to_owned()
}

/// The text of a content that is a string, or a list of parts whose `text` parts are joined
/// (the other parts are kept in the candidate's metadata); null is no text.
pub(crate) fn content_text(provider: &str, content: Option<&Value>, candidate: &mut Candidate) -> Result<()> {
    match content {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(text)) => {
            candidate.text.push_str(text);
            Ok(())
        }
        Some(Value::Array(parts)) => {
            for part in parts {
                match (part.get("type").and_then(Value::as_str), part.get("text").and_then(Value::as_str)) {
                    (Some("text") | None, Some(text)) => candidate.text.push_str(text),
                    _ => candidate.keep_part(part),
                }
            }
            Ok(())
        }
        Some(_) => Err(Error::parse(provider, "`content` that is neither text nor a list of parts")),
    }
}

/// The [`Response`]: the reply's text, the tool calls it asks for, its reasoning state, its
/// model (else the requested one), tokens, metadata, the request's sampling settings and the
/// call's wall time. A reply with no text, no refusal and no tool call is a
/// [`NoContent`](Error::NoContent) error naming the reason the provider gave.
pub(crate) fn response_with_calls(
    provider: &str,
    candidate: Candidate,
    tool_calls: Vec<ToolCall>,
    options: &ChatOptions,
    elapsed: Duration,
) -> Result<Response> {
    let refused = candidate.metadata.get(REFUSAL) == Some(&Value::Bool(true));
    if candidate.text.is_empty() && tool_calls.is_empty() && !refused {
        return Err(Error::NoContent { provider: provider.to_owned(), reason: reason(&candidate.metadata) });
    }
    let model = candidate.model.filter(|m| !m.is_empty()).unwrap_or_else(|| options.model.clone());
    let mut builder = Response::builder().message(candidate.text).model(model).inference_time(elapsed.as_secs_f64());
    if let Some(t) = options.temperature {
        builder = builder.temperature(t);
    }
    if let Some(p) = options.top_p {
        builder = builder.top_p(p);
    }
    if let Some(k) = options.top_k {
        builder = builder.top_k(k);
    }
    if let Some(tokens) = candidate.tokens {
        builder = builder.tokens(tokens);
    }
    if !tool_calls.is_empty() {
        builder = builder.tool_calls(tool_calls);
    }
    if !candidate.reasoning.is_empty() {
        builder = builder.reasoning(candidate.reasoning);
    }
    let mut response = builder.build()?;
    if !candidate.metadata.is_empty() {
        response.update_provider_metadata(Some(candidate.metadata));
    }
    Ok(response)
}

/// The options' temperature, top-p, top-k and token limit that are set, under the provider's
/// names for them (in that order), for a request body or a settings object.
pub(crate) fn settings<'a>(
    options: &ChatOptions,
    names: [&'a str; 4],
) -> impl Iterator<Item = (String, Value)> + use<'a> {
    let values = [
        options.temperature.map(Value::from),
        options.top_p.map(Value::from),
        options.top_k.map(Value::from),
        options.max_tokens.map(Value::from),
    ];
    names.into_iter().zip(values).filter_map(|(name, value)| Some((name.to_owned(), value?)))
}

/// The base URL without a trailing slash: the option's, else the provider's default.
pub(crate) fn base_url<'a>(options: &'a ChatOptions, default: &'a str) -> &'a str {
    options.base_url.as_deref().unwrap_or(default).trim_end_matches('/')
}

/// The key: the option's, else the provider's own, else the environment variable.
pub(crate) fn api_key(
    provider: &str,
    options: &ChatOptions,
    own: Option<&crate::ApiKey>,
    env: &'static str,
) -> Result<crate::ApiKey> {
    options
        .api_key
        .clone()
        .or_else(|| own.cloned())
        .or_else(|| crate::ApiKey::from_env(env))
        .ok_or(Error::MissingApiKey { provider: provider.to_owned(), env })
}

/// An [`Unsupported`](Error::Unsupported) error when more than one candidate is asked for.
pub(crate) fn single_candidate(provider: &str, options: &ChatOptions) -> Result<()> {
    match options.candidates {
        Some(n) if n > 1 => Err(Error::Unsupported { provider: provider.to_owned(), what: format!("{n} candidates") }),
        _ => Ok(()),
    }
}

/// An [`Unsupported`](Error::Unsupported) error when top-k is set.
pub(crate) fn no_top_k(provider: &str, options: &ChatOptions) -> Result<()> {
    match options.top_k {
        Some(_) => Err(Error::Unsupported { provider: provider.to_owned(), what: "top_k".to_owned() }),
        None => Ok(()),
    }
}

/// Whether an OpenAI model is a reasoning model (the o-series and GPT-5, except the chat
/// variants): they refuse `temperature` and `top_p`, and their reasoning items are worth keeping.
pub(crate) fn openai_reasoning_model(model: &str) -> bool {
    let model = model.rsplit('/').next().unwrap_or(model);
    let reasoning = ["o1", "o3", "o4", "gpt-5", "codex"].iter().any(|p| model.starts_with(p));
    reasoning && !model.contains("-chat")
}

/// An [`Unsupported`](Error::Unsupported) error for the first of temperature, top-p and
/// top-k that is set, saying why (`because`).
pub(crate) fn no_sampling(provider: &str, options: &ChatOptions, because: &str) -> Result<()> {
    let set = [
        ("temperature", options.temperature.is_some()),
        ("top_p", options.top_p.is_some()),
        ("top_k", options.top_k.is_some()),
    ];
    match set.iter().find(|(_, on)| *on) {
        Some((name, _)) => Err(Error::Unsupported { provider: provider.to_owned(), what: format!("{name} {because}") }),
        None => Ok(()),
    }
}
