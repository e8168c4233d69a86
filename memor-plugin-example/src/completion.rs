//! An example of a third-party provider: llama.cpp's native `POST /completion` endpoint, which
//! takes one prompt string instead of a list of messages.
//!
//! It shows what a provider needs: build the request from a session (here the conversation as
//! a transcript ending in `assistant:`), read the reply into a memor `Response` with its
//! metadata, and register itself with [`memor_providers::register_provider!`] so `memor chat
//! --provider llamacpp_completion` finds it. Sending, retries and timeouts are the client's.

use std::time::Duration;

use memor_core::{Number, Response, Session};
use memor_providers::{ChatOptions, Error, HttpRequest, HttpResponse, Provider, Result, conversation};
use serde_json::{Map, Value, json};

/// The provider's id.
pub const ID: &str = "llamacpp_completion";

/// llama.cpp's `/completion` (default base URL `http://localhost:8080`; no key).
#[derive(Clone, Copy, Debug, Default)]
pub struct LlamaCppCompletion;

impl Provider for LlamaCppCompletion {
    fn id(&self) -> &str {
        ID
    }

    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        if options.candidates.is_some_and(|n| n != 1) {
            return Err(Error::Unsupported { provider: ID.to_owned(), what: "several candidates".to_owned() });
        }
        let mut prompt = String::new();
        for (role, text) in conversation(session)? {
            prompt.push_str(&format!("{role}: {text}\n"));
        }
        prompt.push_str("assistant:");
        let mut body = json!({"prompt": prompt, "stream": false});
        let fields = [
            ("n_predict", options.max_tokens.map(Value::from)),
            ("temperature", options.temperature.map(Value::from)),
            ("top_p", options.top_p.map(Value::from)),
            ("top_k", options.top_k.map(Value::from)),
        ];
        for (key, value) in fields {
            if let (Some(value), Some(body)) = (value, body.as_object_mut()) {
                body.insert(key.to_owned(), value);
            }
        }
        let base = options.base_url.as_deref().unwrap_or("http://localhost:8080");
        Ok(HttpRequest::post_json(format!("{}/completion", base.trim_end_matches('/')), &body))
    }

    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>> {
        let failed = |message: String| Error::Parse { provider: ID.to_owned(), message };
        let body: Value = serde_json::from_slice(&reply.body).map_err(|e| failed(format!("reply is not JSON: {e}")))?;
        if !reply.is_success() {
            let message = body.pointer("/error/message").and_then(Value::as_str).unwrap_or("no message");
            return Err(Error::Api { provider: ID.to_owned(), status: reply.status, message: message.to_owned() });
        }
        let text = body.get("content").and_then(Value::as_str).ok_or_else(|| failed("no `content`".to_owned()))?;
        let mut builder = Response::builder().message(text.trim_start()).inference_time(elapsed.as_secs_f64());
        if let Some(model) = body.get("model").and_then(Value::as_str) {
            builder = builder.model(model);
        }
        if let Some(tokens) = body.get("tokens_predicted").and_then(Value::as_u64) {
            builder = builder.tokens(tokens);
        }
        if let Some(t) = options.temperature {
            builder = builder.temperature(Number::Float(t));
        }
        let mut response = builder.build().map_err(|e| failed(e.to_string()))?;
        let metadata: Map<String, Value> = ["stop_type", "tokens_evaluated", "timings"]
            .iter()
            .filter_map(|k| body.get(*k).map(|v| ((*k).to_owned(), v.clone())))
            .collect();
        response.update_provider_metadata(Some(metadata).filter(|m| !m.is_empty()));
        Ok(vec![response])
    }
}

memor_providers::register_provider!(LlamaCppCompletion);
