//! Google Gemini generateContent.

use serde_json::json;

use memor_providers::{ChatOptions, Gemini};

use crate::reliability::{Case, check};
use crate::server::{KEY, client, ok, serve, session};

const REPLY: &str = r#"{"candidates":[{"content":{"role":"model","parts":[{"text":"AMC 16 is showing it."}]},
                "finishReason":"STOP","index":0}],
 "usageMetadata":{"promptTokenCount":42,"candidatesTokenCount":7,"totalTokenCount":49},
 "modelVersion":"gemini-2.5-flash","responseId":"abc123"}"#;

const TWO: &str = r#"{"candidates":[
   {"content":{"role":"model","parts":[{"text":"thinking…","thought":true},{"text":"One."}]},"finishReason":"STOP","index":0},
   {"content":{"role":"model","parts":[{"text":"Two."}]},"finishReason":"MAX_TOKENS","index":1}],
 "usageMetadata":{"promptTokenCount":42,"candidatesTokenCount":9,"totalTokenCount":51},"responseId":"r2"}"#;

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("gemini-2.5-flash").base_url(base).api_key(KEY)
}

#[test]
fn request_and_reply() {
    let (base, requests) = serve(vec![ok(REPLY)]);
    let options = options(&base).temperature(0.7).top_p(0.95).top_k(40).max_tokens(512).candidates(1);
    let responses = client().chat(&Gemini::new(), &session(), &options).unwrap();

    let request = requests.recv().unwrap();
    assert_eq!(request.path, "/v1/models/gemini-2.5-flash:generateContent");
    assert_eq!(request.header("x-goog-api-key"), Some(KEY));
    assert_eq!(request.header("authorization"), None);
    assert_eq!(
        request.json(),
        json!({
            "systemInstruction": {"role": "user", "parts": [{"text": "You are terse."}]},
            "contents": [
                {"role": "user", "parts": [{"text": "Hi"}]},
                {"role": "model", "parts": [{"text": "Hello!"}]},
                {"role": "user", "parts": [{"text": "How are you?"}]}
            ],
            "generationConfig": {"temperature": 0.7, "topP": 0.95, "topK": 40, "maxOutputTokens": 512, "candidateCount": 1}
        })
    );

    let response = &responses[0];
    assert_eq!(responses.len(), 1);
    assert_eq!(response.message(), "AMC 16 is showing it.");
    assert_eq!(response.model(), "gemini-2.5-flash");
    assert_eq!(response.tokens(), Some(7));
    assert_eq!(response.top_p().map(|t| t.as_f64()), Some(0.95));
    assert_eq!(response.top_k(), Some(40));
    assert_eq!(
        response.provider_metadata().unwrap(),
        json!({"responseId": "abc123", "index": 0, "finishReason": "STOP",
               "usageMetadata": {"promptTokenCount": 42, "candidatesTokenCount": 7, "totalTokenCount": 49}})
        .as_object()
        .unwrap()
    );
}

#[test]
fn two_candidates_without_thoughts() {
    let (base, requests) = serve(vec![ok(TWO)]);
    let responses = client().chat(&Gemini::new(), &session(), &options(&base).candidates(2)).unwrap();
    assert_eq!(requests.recv().unwrap().json()["generationConfig"], json!({"candidateCount": 2}));
    let texts: Vec<&str> = responses.iter().map(|r| r.message()).collect();
    assert_eq!(texts, ["One.", "Two."]);
    assert_eq!(responses[0].model(), "gemini-2.5-flash", "no modelVersion: the requested model");
    assert_eq!(responses[0].tokens(), None);
    assert_eq!(responses[1].provider_metadata().unwrap()["finishReason"], "MAX_TOKENS");
}

#[test]
fn errors_and_retries() {
    check(&Case {
        provider: &Gemini::new(),
        options,
        ok_body: REPLY,
        expected_text: "AMC 16 is showing it.",
        error_body: r#"{"error":{"code":401,"message":"API key not valid. Please pass a valid API key.","status":"UNAUTHENTICATED"}}"#,
        expected_message: "API key not valid. Please pass a valid API key. (UNAUTHENTICATED)",
    });
}
