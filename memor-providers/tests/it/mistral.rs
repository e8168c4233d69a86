//! Mistral chat completions.

use serde_json::json;

use memor_providers::{ChatOptions, Mistral};

use crate::reliability::{Case, check};
use crate::server::{KEY, client, ok, serve, session};

const REPLY: &str = r#"{"id":"cmpl-e5cc70bb28c444948073e77776eb30ef","object":"chat.completion","created":1702256327,
 "model":"mistral-large-latest",
 "choices":[{"index":0,"message":{"role":"assistant","content":"Transaction T1001 is paid.","tool_calls":null},
             "finish_reason":"stop"}],
 "usage":{"prompt_tokens":90,"completion_tokens":8,"total_tokens":98}}"#;

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("mistral-large-latest").base_url(base).api_key(KEY)
}

#[test]
fn request_and_reply() {
    let (base, requests) = serve(vec![ok(REPLY)]);
    let options = options(&base).temperature(0.3).top_p(1.0).max_tokens(512);
    let responses = client().chat(&Mistral::new(), &session(), &options).unwrap();

    let request = requests.recv().unwrap();
    assert_eq!(request.path, "/chat/completions");
    assert_eq!(request.header("authorization"), Some(format!("Bearer {KEY}").as_str()));
    assert_eq!(
        request.json(),
        json!({
            "model": "mistral-large-latest",
            "messages": [
                {"role": "system", "content": "You are terse."},
                {"role": "user", "content": "Hi"},
                {"role": "assistant", "content": "Hello!", "prefix": false},
                {"role": "user", "content": "How are you?"}
            ],
            "stream": false,
            "temperature": 0.3,
            "top_p": 1.0,
            "max_tokens": 512
        })
    );

    let response = &responses[0];
    assert_eq!(response.message(), "Transaction T1001 is paid.");
    assert_eq!(response.model(), "mistral-large-latest");
    assert_eq!(response.tokens(), Some(8));
    assert_eq!(response.provider_metadata().unwrap()["id"], "cmpl-e5cc70bb28c444948073e77776eb30ef");
    assert_eq!(response.provider_metadata().unwrap()["finish_reason"], "stop");
    assert_eq!(response.provider_metadata().unwrap()["usage"]["prompt_tokens"], 90);
}

#[test]
fn errors_and_retries() {
    check(&Case {
        provider: &Mistral::new(),
        options,
        ok_body: REPLY,
        expected_text: "Transaction T1001 is paid.",
        error_body: r#"{"message":"Unauthorized","request_id":"5a7b"}"#,
        expected_message: "Unauthorized",
    });
}
