//! OpenAI Responses.

use serde_json::json;

use memor_providers::{ChatOptions, OpenAiResponses, Provider};

use crate::reliability::{Case, check};
use crate::server::{KEY, client, ok, serve, session};

const REPLY: &str = r#"{"id":"resp_abc","object":"response","status":"completed","model":"gpt-4.1",
 "output":[{"type":"reasoning","id":"rs_1","summary":[]},
           {"type":"message","id":"msg_abc","role":"assistant","status":"completed",
            "content":[{"type":"output_text","text":"18 °C and clear.","annotations":[]}]}],
 "usage":{"input_tokens":80,"input_tokens_details":{"cached_tokens":0},"output_tokens":9,
          "output_tokens_details":{"reasoning_tokens":0},"total_tokens":89}}"#;

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("gpt-4.1").base_url(base).api_key(KEY)
}

#[test]
fn request_and_reply() {
    let (base, requests) = serve(vec![ok(REPLY)]);
    let options = options(&base).temperature(0.2).max_tokens(50);
    let responses = client().chat(&OpenAiResponses::new(), &session(), &options).unwrap();

    let request = requests.recv().unwrap();
    assert_eq!(request.path, "/responses");
    assert_eq!(request.header("authorization"), Some(format!("Bearer {KEY}").as_str()));
    assert_eq!(
        request.json(),
        json!({
            "model": "gpt-4.1",
            "instructions": "You are terse.",
            "input": [
                {"role": "user", "content": "Hi"},
                {"role": "assistant", "content": "Hello!"},
                {"role": "user", "content": "How are you?"}
            ],
            "store": false,
            "temperature": 0.2,
            "max_output_tokens": 50
        })
    );

    let response = &responses[0];
    assert_eq!(responses.len(), 1);
    assert_eq!(response.message(), "18 °C and clear.");
    assert_eq!(response.model(), "gpt-4.1");
    assert_eq!(response.tokens(), Some(9));
    let metadata = response.provider_metadata().unwrap();
    assert_eq!(metadata["id"], "resp_abc");
    assert_eq!(metadata["status"], "completed");
    assert_eq!(metadata["usage"]["total_tokens"], 89);
}

#[test]
fn function_calls_are_tool_calls() {
    let reply =
        r#"{"id":"r","model":"gpt-4.1","output":[{"type":"function_call","call_id":"c","name":"f","arguments":"{}"}]}"#;
    let (base, _requests) = serve(vec![ok(reply)]);
    let responses = client().chat(&OpenAiResponses::new(), &session(), &options(&base)).unwrap();
    assert_eq!(responses[0].message(), "");
    assert_eq!(responses[0].tool_calls().len(), 1);
    assert_eq!(responses[0].tool_calls()[0].id, "c");
    assert_eq!(responses[0].tool_calls()[0].name, "f");
    let error = OpenAiResponses::new().request(&session(), &options("http://h").candidates(3)).unwrap_err();
    assert_eq!(error.to_string(), "openai_responses: 3 candidates is not supported");
}

#[test]
fn errors_and_retries() {
    check(&Case {
        provider: &OpenAiResponses::new(),
        options,
        ok_body: REPLY,
        expected_text: "18 °C and clear.",
        error_body: r#"{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error"}}"#,
        expected_message: "Incorrect API key provided.",
    });
}
