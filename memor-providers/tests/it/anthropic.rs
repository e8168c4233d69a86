//! Anthropic Messages.

use serde_json::json;

use memor_providers::{Anthropic, ChatOptions, Provider};

use crate::reliability::{Case, check};
use crate::server::{KEY, client, ok, serve, session};

const REPLY: &str = r#"{"id":"msg_0195XjbG2FGZfN7Dqkd9kyyW","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
 "content":[{"type":"text","text":"Fine, "},{"type":"text","text":"thanks."}],
 "stop_reason":"end_turn","stop_sequence":null,
 "usage":{"input_tokens":478,"output_tokens":71,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"service_tier":"standard"}}"#;

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("claude-sonnet-4-20250514").base_url(base).api_key(KEY)
}

#[test]
fn request_and_reply() {
    let (base, requests) = serve(vec![ok(REPLY)]);
    let options = options(&base);
    let responses = client().chat(&Anthropic::new(), &session(), &options).unwrap();

    let request = requests.recv().unwrap();
    assert_eq!(request.path, "/v1/messages");
    assert_eq!(request.header("authorization"), Some(format!("Bearer {KEY}").as_str()));
    assert_eq!(request.header("anthropic-version"), Some("2026-10-21"));
    assert_eq!(request.header("x-api-key"), None);
    assert_eq!(
        request.json(),
        json!({
            "model": "claude-sonnet-4-20250514",
            "max_tokens": 1024,
            "system": "You are terse.",
            "messages": [
                {"role": "user", "content": "Hi"},
                {"role": "assistant", "content": "Hello!"},
                {"role": "user", "content": "How are you?"}
            ]
        })
    );

    assert_eq!(responses.len(), 1);
    let response = &responses[0];
    assert_eq!(response.message(), "Fine, thanks.");
    assert_eq!(response.model(), "claude-sonnet-4-20250514");
    assert_eq!(response.tokens(), Some(71));
    assert_eq!(response.temperature(), None);
    assert_eq!(
        response.provider_metadata().unwrap(),
        json!({"id": "msg_0195XjbG2FGZfN7Dqkd9kyyW", "stop_reason": "end_turn",
               "usage": {"input_tokens": 478, "output_tokens": 71, "cache_creation_input_tokens": 0,
                         "cache_read_input_tokens": 0, "service_tier": "standard"}})
        .as_object()
        .unwrap()
    );
}

#[test]
fn max_tokens_option_and_no_candidates() {
    let request = Anthropic::new().request(&session(), &options("http://h/").max_tokens(64)).unwrap();
    assert_eq!(request.url, "http://h/v1/messages");
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body["max_tokens"], 64);
    let error = Anthropic::new().request(&session(), &options("http://h").candidates(2)).unwrap_err();
    assert_eq!(error.to_string(), "anthropic: 2 candidates is not supported");
}

#[test]
fn sampling_settings_are_refused() {
    // The Messages API of the version sent has no sampling settings: refused, never dropped.
    for (options, name) in [
        (options("http://h").temperature(0.5), "temperature"),
        (options("http://h").top_p(0.9), "top_p"),
        (options("http://h").top_k(40), "top_k"),
    ] {
        let error = Anthropic::new().request(&session(), &options).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "anthropic: {name} (the Messages API of version 2026-10-21 has no sampling settings) is not supported"
            )
        );
    }
}

#[test]
fn errors_and_retries() {
    check(&Case {
        provider: &Anthropic::new(),
        options,
        ok_body: REPLY,
        expected_text: "Fine, thanks.",
        error_body: r#"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#,
        expected_message: "invalid x-api-key",
    });
}
