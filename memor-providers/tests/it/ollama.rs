//! Ollama /api/chat.

use serde_json::json;

use memor_providers::{ChatOptions, Ollama};

use crate::reliability::{Case, check};
use crate::server::{client, ok, serve, session};

const REPLY: &str = r#"{"model":"gemma3","created_at":"2025-10-17T23:14:07.414671Z",
 "message":{"role":"assistant","content":"Hello! How can I help you today?"},
 "done":true,"done_reason":"stop","total_duration":174560334,"load_duration":101397084,
 "prompt_eval_count":11,"prompt_eval_duration":13074791,"eval_count":18,"eval_duration":52479709}"#;

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("gemma3").base_url(base)
}

#[test]
fn request_and_reply() {
    let (base, requests) = serve(vec![ok(REPLY)]);
    let options = options(&base).temperature(0.7).top_p(0.9).top_k(40).max_tokens(100);
    let responses = client().chat(&Ollama::new(), &session(), &options).unwrap();

    let request = requests.recv().unwrap();
    assert_eq!(request.path, "/api/chat");
    assert_eq!(request.header("authorization"), None);
    assert_eq!(
        request.json(),
        json!({
            "model": "gemma3",
            "messages": [
                {"role": "system", "content": "You are terse."},
                {"role": "user", "content": "Hi"},
                {"role": "assistant", "content": "Hello!"},
                {"role": "user", "content": "How are you?"}
            ],
            "tools": [],
            "stream": false,
            "options": {"temperature": 0.7, "top_p": 0.9, "top_k": 40, "num_predict": 100}
        })
    );

    let response = &responses[0];
    assert_eq!(response.message(), "Hello! How can I help you today?");
    assert_eq!(response.model(), "gemma3");
    assert_eq!(response.tokens(), Some(18));
    assert_eq!(
        response.provider_metadata().unwrap(),
        json!({"done_reason": "stop", "prompt_eval_count": 11, "eval_count": 18, "total_duration": 174560334_u64,
               "load_duration": 101397084_u64, "prompt_eval_duration": 13074791_u64, "eval_duration": 52479709_u64,
               "created_at": "2025-10-17T23:14:07.414671Z"})
        .as_object()
        .unwrap()
    );
}

#[test]
fn errors_and_retries() {
    check(&Case {
        provider: &Ollama::new(),
        options,
        ok_body: REPLY,
        expected_text: "Hello! How can I help you today?",
        error_body: r#"{"error":"model \"gemma3\" not found, try pulling it first"}"#,
        expected_message: "model \"gemma3\" not found, try pulling it first",
    });
}
