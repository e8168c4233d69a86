//! OpenAI chat completions and OpenAI-compatible servers.

use serde_json::json;

use memor_providers::{ChatOptions, OpenAi};

use crate::reliability::{Case, check};
use crate::server::{KEY, client, ok, serve, session};

const TWO_CHOICES: &str = r#"{"id":"chatcmpl-9b03","object":"chat.completion","created":1718605391,
 "model":"gpt-4o-mini-2024-07-18",
 "choices":[{"index":0,"message":{"role":"assistant","content":"Fine."},"logprobs":null,"finish_reason":"stop"},
            {"index":1,"message":{"role":"assistant","content":"Good, thanks."},"logprobs":null,"finish_reason":"length"}],
 "usage":{"prompt_tokens":94,"completion_tokens":14,"total_tokens":108},"system_fingerprint":null}"#;

/// The text-only fixture of wire-formats.md (no `model` in the reply).
const FIXTURE: &str = r#"{"id":"chatcmpl-123","object":"chat.completion","created":1677652288,"choices":[{"index":0,"message":{"role":"assistant","content":"\n\nHello there, how may I assist you today?"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":12,"total_tokens":21}}"#;

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("gpt-4o-mini").base_url(base).api_key(KEY)
}

#[test]
fn request_and_two_candidates() {
    let (base, requests) = serve(vec![ok(TWO_CHOICES)]);
    let options = options(&base).temperature(0.7).top_p(1.0).max_tokens(100).candidates(2);
    let responses = client().chat(&OpenAi::new(), &session(), &options).unwrap();

    let request = requests.recv().unwrap();
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/chat/completions");
    assert_eq!(request.header("authorization"), Some(format!("Bearer {KEY}").as_str()));
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(
        request.json(),
        json!({
            "model": "gpt-4o-mini",
            "messages": [
                {"role": "system", "content": "You are terse."},
                {"role": "user", "content": "Hi"},
                {"role": "assistant", "content": "Hello!"},
                {"role": "user", "content": "How are you?"}
            ],
            "temperature": 0.7,
            "top_p": 1.0,
            "max_completion_tokens": 100,
            "n": 2
        })
    );

    assert_eq!(responses.len(), 2);
    let (first, second) = (&responses[0], &responses[1]);
    assert_eq!(first.message(), "Fine.");
    assert_eq!(second.message(), "Good, thanks.");
    assert_eq!(first.model(), "gpt-4o-mini-2024-07-18");
    assert_eq!(first.tokens(), None, "usage counts both choices together");
    assert_eq!(first.temperature().map(|t| t.as_f64()), Some(0.7));
    assert_eq!(first.top_p().map(|t| t.as_f64()), Some(1.0));
    assert_eq!(first.top_k(), None);
    let time = first.inference_time().unwrap().as_f64();
    assert!(time > 0.0 && time < 2.0, "{time}");
    assert_eq!(
        first.provider_metadata().unwrap(),
        json!({"id": "chatcmpl-9b03", "index": 0, "finish_reason": "stop",
               "usage": {"prompt_tokens": 94, "completion_tokens": 14, "total_tokens": 108}})
        .as_object()
        .unwrap()
    );
    assert_eq!(second.provider_metadata().unwrap()["finish_reason"], "length");
}

#[test]
fn fixture_reply_without_model_keeps_the_requested_one() {
    let (base, _requests) = serve(vec![ok(FIXTURE)]);
    let responses = client().chat(&OpenAi::new(), &session(), &options(&base)).unwrap();
    assert_eq!(responses.len(), 1);
    assert_eq!(responses[0].message(), "\n\nHello there, how may I assist you today?");
    assert_eq!(responses[0].model(), "gpt-4o-mini");
    assert_eq!(responses[0].tokens(), Some(12));
    assert_eq!(responses[0].temperature(), None);
}

#[test]
fn top_k_is_refused_by_openai_but_sent_to_compatible_servers() {
    let error =
        memor_providers::Provider::request(&OpenAi::new(), &session(), &options("http://x").top_k(5)).unwrap_err();
    assert_eq!(error.to_string(), "openai: top_k is not supported");

    let (base, requests) = serve(vec![ok(FIXTURE)]);
    let local = OpenAi::compatible("local", format!("{base}/v1"));
    let options = ChatOptions::new("llama").top_k(5).max_tokens(10);
    let responses = client().chat(&local, &session(), &options).unwrap();
    assert_eq!(responses[0].top_k(), Some(5));
    let request = requests.recv().unwrap();
    assert_eq!(request.path, "/v1/chat/completions");
    assert_eq!(request.header("authorization"), None);
    let body = request.json();
    assert_eq!(body["top_k"], 5);
    assert_eq!(body["max_tokens"], 10);
}

#[test]
fn tool_call_replies_are_tool_calls() {
    let reply = r#"{"id":"x","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null,
        "tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]},"finish_reason":"stop"}]}"#;
    let (base, _requests) = serve(vec![ok(reply)]);
    let responses = client().chat(&OpenAi::new(), &session(), &options(&base)).unwrap();
    assert_eq!(responses[0].message(), "");
    assert_eq!(responses[0].tool_calls()[0].id, "call_1");
    assert!(responses[0].tool_calls()[0].arguments.is_empty());
}

#[test]
fn errors_and_retries() {
    check(&Case {
        provider: &OpenAi::new(),
        options,
        ok_body: FIXTURE,
        expected_text: "\n\nHello there, how may I assist you today?",
        error_body: r#"{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}}"#,
        expected_message: "Incorrect API key provided.",
    });
}
