//! OpenAI Responses (`POST {base}/responses`), stateless (`store: false`), text only.

use std::time::Duration;

use memor_core::{Response, Role, Session};
use serde_json::{Map, Value, json};

use crate::providers::openai_responses_stream::ResponsesStream;
use crate::reply::{self, Candidate};
use crate::sse::SseStream;
use crate::{ApiKey, ChatOptions, Error, HttpRequest, HttpResponse, Provider, Result, StreamParser};

/// OpenAI's Responses API (`https://api.openai.com/v1`, key from `OPENAI_API_KEY`), registered
/// as `openai_responses`. System messages become `instructions` (joined by a blank line); the
/// other messages are `input` items; nothing is stored on OpenAI's side (`store: false`). One
/// candidate per request; no top-k.
#[derive(Clone, Debug, Default)]
pub struct OpenAiResponses {
    api_key: Option<ApiKey>,
}

impl OpenAiResponses {
    /// The Responses API with the key from the options or `OPENAI_API_KEY`.
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

pub(crate) const ID: &str = "openai_responses";

impl Provider for OpenAiResponses {
    fn id(&self) -> &str {
        ID
    }

    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        reply::single_candidate(ID, options)?;
        reply::no_top_k(ID, options)?;
        let key = reply::api_key(ID, options, self.api_key.as_ref(), "OPENAI_API_KEY")?;
        let mut instructions = Vec::new();
        let mut input = Vec::new();
        for (role, text) in crate::conversation(session)? {
            match role {
                Role::System => instructions.push(text),
                _ => input.push(json!({"role": role.as_str(), "content": text})),
            }
        }
        let mut body = Map::new();
        body.insert("model".to_owned(), json!(options.model));
        if !instructions.is_empty() {
            body.insert("instructions".to_owned(), json!(instructions.join("\n\n")));
        }
        body.insert("input".to_owned(), Value::Array(input));
        body.insert("store".to_owned(), Value::Bool(false));
        if let Some(t) = options.temperature {
            body.insert("temperature".to_owned(), json!(t));
        }
        if let Some(p) = options.top_p {
            body.insert("top_p".to_owned(), json!(p));
        }
        if let Some(m) = options.max_tokens {
            body.insert("max_output_tokens".to_owned(), json!(m));
        }
        let url = format!("{}/responses", reply::base_url(options, "https://api.openai.com/v1"));
        Ok(HttpRequest::post_json(url, &Value::Object(body))
            .secret_header("authorization", ApiKey::new(format!("Bearer {}", key.expose()))))
    }

    /// Reads a Responses reply: the `output_text` parts of its `message` items joined
    /// (`reasoning` items skipped); `output_tokens` as the tokens; `id`, `status`,
    /// `incomplete_details` and `usage` as metadata.
    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>> {
        let body = reply::json_body(ID, reply)?;
        let mut text = String::new();
        for item in reply::array_field(ID, &body, "output")? {
            match item.get("type").and_then(Value::as_str) {
                Some("message") => {
                    for part in reply::array_field(ID, item, "content")? {
                        match part.get("type").and_then(Value::as_str) {
                            Some("output_text") => text.push_str(reply::str_field(ID, part, "text")?),
                            Some("refusal") => text.push_str(reply::str_field(ID, part, "refusal")?),
                            _ => return Err(Error::parse(ID, "message part that is not text")),
                        }
                    }
                }
                Some("reasoning") => {}
                Some(other) => {
                    return Err(Error::Unsupported {
                        provider: ID.to_owned(),
                        what: format!("a `{other}` output item"),
                    });
                }
                None => return Err(Error::parse(ID, "output item without `type`")),
            }
        }
        let mut metadata = Map::new();
        reply::keep(&mut metadata, &body, &["id", "status", "incomplete_details", "usage"]);
        let candidate = Candidate {
            text,
            model: body.get("model").and_then(Value::as_str).map(str::to_owned),
            tokens: body.get("usage").and_then(|u| u.get("output_tokens")).and_then(Value::as_u64),
            metadata,
        };
        Ok(vec![reply::response(candidate, options, elapsed)?])
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
