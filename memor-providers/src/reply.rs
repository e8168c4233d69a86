//! Helpers the built-in providers share to read replies: JSON bodies, error bodies, and
//! building [`Response`]s.

use std::time::Duration;

use memor_core::{Response, ToolCall};
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
pub(crate) struct Candidate {
    pub text: String,
    pub model: Option<String>,
    pub tokens: Option<u64>,
    pub metadata: Map<String, Value>,
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
        }
    }
}

/// The [`Response`]: the reply's text, the tool calls it asks for, its model (else the
/// requested one), tokens, metadata, the request's sampling settings and the call's wall time.
pub(crate) fn response_with_calls(
    candidate: Candidate,
    tool_calls: Vec<ToolCall>,
    options: &ChatOptions,
    elapsed: Duration,
) -> Result<Response> {
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
