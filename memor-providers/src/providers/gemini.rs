//! Google Gemini `generateContent` (`POST {base}/v1beta/models/{model}:generateContent`,
//! key in `x-goog-api-key`).

use std::time::Duration;

use memor_core::{Response, Role, Session};
use serde_json::{Map, Value, json};

use crate::providers::gemini_stream::GeminiStream;
use crate::reply::{self, Candidate};
use crate::sse::SseStream;
use crate::{ApiKey, ChatOptions, Error, HttpRequest, HttpResponse, Provider, Result, StreamParser};

/// Gemini's `generateContent` (`https://generativelanguage.googleapis.com`, key from
/// `GEMINI_API_KEY`). Roles are `user` and `model`; system messages become
/// `systemInstruction` parts; sampling settings go in `generationConfig`.
#[derive(Clone, Debug, Default)]
pub struct Gemini {
    api_key: Option<ApiKey>,
}

impl Gemini {
    /// Gemini with the key from the options or `GEMINI_API_KEY`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses this key unless the options give one.
    #[must_use]
    pub fn with_api_key(mut self, key: impl Into<ApiKey>) -> Self {
        self.api_key = Some(key.into());
        self
    }
}

impl Provider for Gemini {
    fn id(&self) -> &str {
        "gemini"
    }

    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        let key = reply::api_key("gemini", options, self.api_key.as_ref(), "GEMINI_API_KEY")?;
        let mut system = Vec::new();
        let mut contents = Vec::new();
        for (role, text) in crate::conversation(session)? {
            match role {
                Role::System => system.push(json!({"text": text})),
                Role::User => contents.push(json!({"role": "user", "parts": [{"text": text}]})),
                Role::Assistant => contents.push(json!({"role": "model", "parts": [{"text": text}]})),
            }
        }
        let mut body = Map::new();
        if !system.is_empty() {
            body.insert("systemInstruction".to_owned(), json!({"parts": system}));
        }
        body.insert("contents".to_owned(), Value::Array(contents));
        let mut config = Map::new();
        if let Some(t) = options.temperature {
            config.insert("temperature".to_owned(), json!(t));
        }
        if let Some(p) = options.top_p {
            config.insert("topP".to_owned(), json!(p));
        }
        if let Some(k) = options.top_k {
            config.insert("topK".to_owned(), json!(k));
        }
        if let Some(m) = options.max_tokens {
            config.insert("maxOutputTokens".to_owned(), json!(m));
        }
        if let Some(n) = options.candidates {
            config.insert("candidateCount".to_owned(), json!(n));
        }
        if !config.is_empty() {
            body.insert("generationConfig".to_owned(), Value::Object(config));
        }
        let model = options.model.strip_prefix("models/").unwrap_or(&options.model);
        let base = reply::base_url(options, "https://generativelanguage.googleapis.com");
        let url = format!("{base}/v1beta/models/{model}:generateContent");
        Ok(HttpRequest::post_json(url, &Value::Object(body)).secret_header("x-goog-api-key", key))
    }

    /// Reads a `generateContent` reply: one response per candidate (thought parts left out).
    /// `candidatesTokenCount` is recorded as the tokens only for a single candidate; the
    /// `responseId`, each candidate's `finishReason` and `index`, and `usageMetadata` go to the
    /// metadata; `modelVersion` is the model.
    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>> {
        let body = reply::json_body("gemini", reply)?;
        let candidates = reply::array_field("gemini", &body, "candidates")?;
        if candidates.is_empty() {
            return Err(Error::parse("gemini", "no candidates"));
        }
        let model = body.get("modelVersion").and_then(Value::as_str).map(str::to_owned);
        let tokens = match candidates.len() {
            1 => body.get("usageMetadata").and_then(|u| u.get("candidatesTokenCount")).and_then(Value::as_u64),
            _ => None,
        };
        candidates
            .iter()
            .map(|candidate| {
                let parts = candidate.get("content").map(|c| reply::array_field("gemini", c, "parts")).transpose()?;
                let Some(parts) = parts else {
                    let reason = candidate.get("finishReason").and_then(Value::as_str).unwrap_or("unknown");
                    return Err(Error::parse("gemini", format!("candidate without content (finishReason {reason})")));
                };
                let mut text = String::new();
                for part in parts.iter().filter(|p| p.get("thought").and_then(Value::as_bool) != Some(true)) {
                    match part.get("text").and_then(Value::as_str) {
                        Some(t) => text.push_str(t),
                        None => {
                            return Err(Error::Unsupported {
                                provider: "gemini".to_owned(),
                                what: "a part without text".to_owned(),
                            });
                        }
                    }
                }
                let mut metadata = Map::new();
                reply::keep(&mut metadata, &body, &["responseId"]);
                reply::keep(&mut metadata, candidate, &["index", "finishReason"]);
                reply::keep(&mut metadata, &body, &["usageMetadata"]);
                reply::response(Candidate { text, model: model.clone(), tokens, metadata }, options, elapsed)
            })
            .collect()
    }

    /// The same body to `…:streamGenerateContent?alt=sse` (one candidate).
    fn stream_request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        reply::single_candidate("gemini", options)?;
        let mut request = self.request(session, options)?;
        let Some(start) = request.url.rfind(":generateContent") else {
            return Err(Error::parse("gemini", "request URL without `:generateContent`"));
        };
        request.url.replace_range(start.., ":streamGenerateContent?alt=sse");
        Ok(request)
    }

    fn stream_parser(&self, options: &ChatOptions) -> Result<Box<dyn StreamParser>> {
        Ok(SseStream::boxed(GeminiStream::new(options)))
    }
}
