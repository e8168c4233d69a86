//! Mistral chat completions (`POST {base}/chat/completions`, OpenAI-like, Bearer key).

use std::time::Duration;

use memor_core::{Response, Session};
use serde_json::Value;

use crate::providers::chat_completions_stream::ChatCompletionsStream;
use crate::providers::chat_messages::Dialect;
use crate::providers::{chat_completions_body, parse_chat_completions};
use crate::reply;
use crate::sse::SseStream;
use crate::{ApiKey, ChatOptions, HttpRequest, HttpResponse, Provider, Result, StreamParser};

keyed_provider! {
    /// Mistral's chat completions API (`https://api.mistral.ai/v1`, key from `MISTRAL_API_KEY`).
    /// A reply's `content` may be a list of chunks: text chunks are joined, the others
    /// (`thinking`, references, …) kept in the metadata's `content_parts`.
    Mistral,
    "MISTRAL_API_KEY"
}

impl Provider for Mistral {
    fn id(&self) -> &str {
        "mistral"
    }

    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        reply::no_top_k("mistral", options)?;
        let key = reply::api_key("mistral", options, self.api_key.as_ref(), "MISTRAL_API_KEY")?;
        let mut body = chat_completions_body("mistral", session, options, "max_tokens", Dialect::Mistral)?;
        // The official client always says whether it streams.
        body["stream"] = Value::Bool(false);
        let url = format!("{}/chat/completions", reply::base_url(options, "https://api.mistral.ai/v1"));
        Ok(HttpRequest::post_json(url, &body)
            .secret_header("authorization", ApiKey::new(format!("Bearer {}", key.expose()))))
    }

    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>> {
        parse_chat_completions("mistral", reply, options, elapsed)
    }

    /// The chat completions request with `stream: true` (Mistral sends the usage in its last chunk).
    fn stream_request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        reply::single_candidate("mistral", options)?;
        let request = self.request(session, options)?;
        crate::stream::with_fields("mistral", request, &[("stream", serde_json::json!(true))])
    }

    fn stream_parser(&self, options: &ChatOptions) -> Result<Box<dyn StreamParser>> {
        Ok(SseStream::boxed(ChatCompletionsStream::new("mistral", options)))
    }
}
