//! Ollama `/api/chat` (`POST {base}/api/chat`, `stream: false`, settings in `options`).

use std::time::Duration;

use memor_core::{Response, Session};
use serde_json::{Map, Value, json};

use crate::providers::ollama_stream::{self, OllamaStream};
use crate::reply::{self, Candidate};
use crate::{ChatOptions, HttpRequest, HttpResponse, Provider, Result, StreamParser};

/// Ollama's chat API (`http://localhost:11434`, no key). One candidate per request;
/// `max_tokens` is sent as `num_predict`.
#[derive(Clone, Debug, Default)]
pub struct Ollama;

impl Ollama {
    /// Ollama.
    pub fn new() -> Self {
        Ollama
    }
}

impl Provider for Ollama {
    fn id(&self) -> &str {
        "ollama"
    }

    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        reply::single_candidate("ollama", options)?;
        let messages: Vec<Value> = crate::conversation(session)?
            .into_iter()
            .map(|(role, text)| json!({"role": role.as_str(), "content": text}))
            .collect();
        let mut settings = Map::new();
        if let Some(t) = options.temperature {
            settings.insert("temperature".to_owned(), json!(t));
        }
        if let Some(p) = options.top_p {
            settings.insert("top_p".to_owned(), json!(p));
        }
        if let Some(k) = options.top_k {
            settings.insert("top_k".to_owned(), json!(k));
        }
        if let Some(m) = options.max_tokens {
            settings.insert("num_predict".to_owned(), json!(m));
        }
        let mut body = Map::new();
        body.insert("model".to_owned(), json!(options.model));
        body.insert("messages".to_owned(), Value::Array(messages));
        body.insert("stream".to_owned(), Value::Bool(false));
        if !settings.is_empty() {
            body.insert("options".to_owned(), Value::Object(settings));
        }
        let url = format!("{}/api/chat", reply::base_url(options, "http://localhost:11434"));
        Ok(HttpRequest::post_json(url, &Value::Object(body)))
    }

    /// Reads a chat reply: `eval_count` as the tokens; `done_reason`, the other counts and the
    /// durations (nanoseconds) as metadata.
    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>> {
        let body = reply::json_body("ollama", reply)?;
        let message = body.get("message").ok_or_else(|| crate::Error::parse("ollama", "no `message`"))?;
        let text = reply::str_field("ollama", message, "content")?.to_owned();
        let mut metadata = Map::new();
        reply::keep(&mut metadata, &body, ollama_stream::METADATA);
        let candidate = Candidate {
            text,
            model: body.get("model").and_then(Value::as_str).map(str::to_owned),
            tokens: body.get("eval_count").and_then(Value::as_u64),
            metadata,
        };
        Ok(vec![reply::response(candidate, options, elapsed)?])
    }

    /// The chat request with `stream: true` (NDJSON).
    fn stream_request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        let request = self.request(session, options)?;
        crate::stream::with_fields("ollama", request, &[("stream", json!(true))])
    }

    fn stream_parser(&self, options: &ChatOptions) -> Result<Box<dyn StreamParser>> {
        Ok(Box::new(OllamaStream::new(options)))
    }
}
