//! The provided streaming methods: a transport without its own `send_streaming` passes the
//! whole body as one chunk, and a provider without streaming says so.

use std::time::Duration;

use memor_core::{Response, Session};
use memor_providers::{
    ChatOptions, Client, Error, HttpRequest, HttpResponse, Ollama, Provider, Result, RetryPolicy, Transport,
};

use crate::server::session;

/// Answers every request with this NDJSON body.
struct Canned(&'static str);

impl Transport for Canned {
    fn send(&self, _request: &HttpRequest) -> Result<HttpResponse> {
        Ok(HttpResponse { status: 200, headers: vec![], body: self.0.as_bytes().to_vec() })
    }
}

#[test]
fn a_transport_without_streaming_gives_the_body_as_one_chunk() {
    let body = "{\"model\":\"gemma3\",\"message\":{\"content\":\"Sal\"},\"done\":false}\n{\"model\":\"gemma3\",\"message\":{\"content\":\"ut\"},\"done\":true,\"eval_count\":2}";
    let mut deltas = Vec::new();
    let response = Client::new(Canned(body))
        .chat_stream(&Ollama::new(), &session(), &ChatOptions::new("gemma3"), |d| deltas.push(d.to_owned()))
        .unwrap();
    assert_eq!(deltas, ["Sal", "ut"]);
    assert_eq!(response.message(), "Salut");
    assert_eq!(response.tokens(), Some(2));
}

/// A provider that only implements the required methods.
struct Plain;

impl Provider for Plain {
    fn id(&self) -> &str {
        "plain"
    }

    fn request(&self, _session: &Session, _options: &ChatOptions) -> Result<HttpRequest> {
        Ok(HttpRequest::post_json("http://127.0.0.1:9/".to_owned(), &serde_json::json!({})))
    }

    fn parse(&self, _reply: &HttpResponse, _options: &ChatOptions, _elapsed: Duration) -> Result<Vec<Response>> {
        Ok(vec![])
    }
}

#[test]
fn a_provider_without_streaming_says_so() {
    let client = Client::new(Canned("")).retry(RetryPolicy::none());
    let error = client.chat_stream(&Plain, &session(), &ChatOptions::new("m"), |_| {}).unwrap_err();
    assert!(matches!(&error, Error::Unsupported { .. }), "{error:?}");
    assert_eq!(error.to_string(), "plain: streaming is not supported");
}
