//! The providers' counting endpoints, against a loopback server.

use std::sync::Arc;

use memor_context::{Counter, Endpoint, EndpointCounter, Policy, fit};
use memor_providers::{ApiKey, UreqTransport};

use crate::server::{KEY, ok, serve, status};
use crate::support::*;

fn transport() -> Arc<dyn memor_providers::Transport> {
    Arc::new(UreqTransport::default())
}

#[test]
fn anthropic_counts_each_new_message_once_through_count_tokens() {
    let (base, requests) =
        serve(vec![ok(r#"{"input_tokens":11}"#), ok(r#"{"input_tokens":13}"#), ok(r#"{"input_tokens":17}"#)]);
    let counter = EndpointCounter::new(Endpoint::Anthropic, "claude-sonnet-4-5", Some(ApiKey::new(KEY)), transport())
        .unwrap()
        .base_url(&base);
    let counter = Counter::new(counter);
    let s = session(vec![user("Hello"), assistant("Hi! How can I help?"), user("Count me")]);
    let fitted = fit(&s, &Policy::new(1000), &counter).unwrap();
    let tokens: Vec<Option<usize>> = fitted.kept.iter().map(|e| e.tokens).collect();
    // Newest user turn first, then older messages newest first.
    assert_eq!(tokens, [Some(17), Some(13), Some(11)]);
    assert_eq!(fitted.total, 41);
    let sent: Vec<_> = requests.try_iter().collect();
    assert_eq!(sent.len(), 3);
    assert_eq!((sent[0].method.as_str(), sent[0].path.as_str()), ("POST", "/v1/messages/count_tokens"));
    assert_eq!(sent[0].header("x-api-key"), Some(KEY));
    assert_eq!(sent[0].header("anthropic-version"), Some("2023-06-01"));
    let body = sent[0].json();
    assert_eq!(body["model"], "claude-sonnet-4-5");
    assert_eq!(body["messages"][0]["content"][0]["text"], "Count me");
    // Fitted again: every count comes from the cache, nothing is sent.
    let again = fit(&s, &Policy::new(1000), &counter).unwrap();
    assert_eq!(again, fitted);
}

#[test]
fn gemini_counts_through_count_tokens_and_errors_name_the_url() {
    let (base, requests) = serve(vec![ok(r#"{"totalTokens":5}"#), status(400, r#"{"error":{"message":"bad"}}"#)]);
    let counter = EndpointCounter::new(Endpoint::Gemini, "gemini-2.0-flash", Some(ApiKey::new(KEY)), transport())
        .unwrap()
        .base_url(&base);
    let counter = Counter::new(counter);
    let hello = session(vec![user("Hello")]);
    let fitted = fit(&hello, &Policy::new(100), &counter).unwrap();
    assert_eq!(fitted.total, 5);
    let sent = requests.recv().unwrap();
    assert_eq!(sent.path, "/v1beta/models/gemini-2.0-flash:countTokens");
    assert_eq!(sent.header("x-goog-api-key"), Some(KEY));
    let body = sent.json();
    assert_eq!(body["generateContentRequest"]["model"], "models/gemini-2.0-flash");
    assert_eq!(body["generateContentRequest"]["contents"][0]["parts"][0]["text"], "Hello");
    let err = fit(&session(vec![user("Other")]), &Policy::new(100), &counter).unwrap_err();
    let text = err.to_string();
    assert!(text.contains(":countTokens") && text.contains("400"), "{text}");
}
