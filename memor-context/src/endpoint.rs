//! [`EndpointCounter`]: counts from the provider itself, through its counting endpoint
//! (Anthropic `POST /v1/messages/count_tokens`, Gemini `models/{model}:countTokens`), sent
//! through a memor-providers [`Transport`].

use std::sync::Arc;

use memor_core::Image;
use memor_providers::{ApiKey, HttpRequest, Tool, Transport};
use serde_json::{Value, json};

use crate::{Error, Item, MessageCounter, Result};

/// A provider with a counting endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Endpoint {
    /// `POST {base}/v1/messages/count_tokens` (`x-api-key`, `anthropic-version: 2023-06-01`);
    /// the reply's `input_tokens`.
    Anthropic,
    /// `POST {base}/v1beta/models/{model}:countTokens` (`x-goog-api-key`); the reply's
    /// `totalTokens`.
    Gemini,
}

impl Endpoint {
    fn env(self) -> &'static str {
        match self {
            Endpoint::Anthropic => "ANTHROPIC_API_KEY",
            Endpoint::Gemini => "GEMINI_API_KEY",
        }
    }

    fn default_base(self) -> &'static str {
        match self {
            Endpoint::Anthropic => "https://api.anthropic.com",
            Endpoint::Gemini => "https://generativelanguage.googleapis.com",
        }
    }
}

/// Counts with the provider's own tokenizer, one call per message not yet in the
/// [`Counter`](crate::Counter)'s cache. Each message is counted as a one-message request
/// (its text, its tool calls and results as JSON text, its images), so the provider's framing
/// of a request is in every message's count and the sum is an upper bound of the request's
/// count. Tool definitions are the difference between a request with them and one without.
pub struct EndpointCounter {
    endpoint: Endpoint,
    model: String,
    base_url: String,
    key: ApiKey,
    transport: Arc<dyn Transport>,
}

impl std::fmt::Debug for EndpointCounter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EndpointCounter")
            .field("endpoint", &self.endpoint)
            .field("model", &self.model)
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl EndpointCounter {
    /// Counts for `model` through `transport`, with the key from the provider's variable
    /// (`ANTHROPIC_API_KEY`, `GEMINI_API_KEY`) unless `key` is given.
    pub fn new(
        endpoint: Endpoint,
        model: impl Into<String>,
        key: Option<ApiKey>,
        transport: Arc<dyn Transport>,
    ) -> Result<Self> {
        let key = key.or_else(|| ApiKey::from_env(endpoint.env())).ok_or_else(|| {
            let provider = format!("{endpoint:?}").to_lowercase();
            Error::Provider(memor_providers::Error::MissingApiKey { provider, env: endpoint.env() })
        })?;
        Ok(EndpointCounter {
            endpoint,
            model: model.into(),
            base_url: endpoint.default_base().to_owned(),
            key,
            transport,
        })
    }

    /// Sends to `base_url` instead of the provider's (a proxy, a local server).
    #[must_use]
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into().trim_end_matches('/').to_owned();
        self
    }

    fn count_request(&self, content: &[Value], tools: &[Tool]) -> Result<usize> {
        let (url, body, field) = match self.endpoint {
            Endpoint::Anthropic => {
                let mut body = json!({"model": self.model, "messages": [{"role": "user", "content": content}]});
                if !tools.is_empty() {
                    let tools: Vec<Value> = tools
                        .iter()
                        .map(|t| json!({"name": t.name, "description": t.description, "input_schema": t.parameters}))
                        .collect();
                    body["tools"] = Value::Array(tools);
                }
                (format!("{}/v1/messages/count_tokens", self.base_url), body, "input_tokens")
            }
            Endpoint::Gemini => {
                let model = self.model.strip_prefix("models/").unwrap_or(&self.model);
                let mut request =
                    json!({"model": format!("models/{model}"), "contents": [{"role": "user", "parts": content}]});
                if !tools.is_empty() {
                    let declarations: Vec<Value> = tools
                        .iter()
                        .map(|t| json!({"name": t.name, "description": t.description, "parameters": t.parameters}))
                        .collect();
                    request["tools"] = json!([{"functionDeclarations": declarations}]);
                }
                let url = format!("{}/v1beta/models/{model}:countTokens", self.base_url);
                (url, json!({"generateContentRequest": request}), "totalTokens")
            }
        };
        let mut request = HttpRequest::post_json(url.clone(), &body);
        request = match self.endpoint {
            Endpoint::Anthropic => {
                request.secret_header("x-api-key", self.key.clone()).header("anthropic-version", "2023-06-01")
            }
            Endpoint::Gemini => request.secret_header("x-goog-api-key", self.key.clone()),
        };
        let reply = self.transport.send(&request)?;
        let parsed: Option<Value> = serde_json::from_slice(&reply.body).ok();
        if !reply.is_success() {
            let start = String::from_utf8_lossy(&reply.body[..reply.body.len().min(300)]).into_owned();
            return Err(Error::Endpoint { url, message: format!("HTTP {}: {start}", reply.status) });
        }
        parsed
            .as_ref()
            .and_then(|v| v.get(field))
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| Error::Endpoint { url, message: format!("the reply has no `{field}` count") })
    }

    fn content(&self, item: &Item<'_>) -> Vec<Value> {
        let mut text = item.text.to_owned();
        for call in item.tool_calls {
            text.push_str(&json!({"tool_call": call.name, "id": call.id, "arguments": call.arguments}).to_string());
        }
        for result in item.tool_results {
            text.push_str(&json!({"tool_result": result.call_id, "content": result.content}).to_string());
        }
        let mut content = Vec::new();
        if !text.is_empty() {
            content.push(match self.endpoint {
                Endpoint::Anthropic => json!({"type": "text", "text": text}),
                Endpoint::Gemini => json!({"text": text}),
            });
        }
        for image in item.images {
            content.push(match (self.endpoint, image) {
                (Endpoint::Anthropic, Image::Url(url)) => {
                    json!({"type": "image", "source": {"type": "url", "url": url}})
                }
                (Endpoint::Anthropic, Image::Data { media_type, base64 }) => {
                    json!({"type": "image", "source": {"type": "base64", "media_type": media_type, "data": base64}})
                }
                (Endpoint::Gemini, Image::Url(url)) => json!({"fileData": {"fileUri": url}}),
                (Endpoint::Gemini, Image::Data { media_type, base64 }) => {
                    json!({"inlineData": {"mimeType": media_type, "data": base64}})
                }
            });
        }
        content
    }
}

impl MessageCounter for EndpointCounter {
    fn id(&self) -> String {
        format!("{:?} countTokens {}", self.endpoint, self.model).to_lowercase()
    }

    fn message(&self, item: &Item<'_>) -> Result<usize> {
        let content = self.content(item);
        if content.is_empty() {
            return Ok(0);
        }
        self.count_request(&content, &[])
    }

    fn fixed(&self, tools: &[Tool]) -> Result<usize> {
        if tools.is_empty() {
            return Ok(0);
        }
        let probe = self.content(&Item::text(memor_core::Role::User, "."));
        let with = self.count_request(&probe, tools)?;
        Ok(with.saturating_sub(self.count_request(&probe, &[])?))
    }
}
