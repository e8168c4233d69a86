//! Streaming from Gemini (`streamGenerateContent?alt=sse`, `\r\n` line ends).

use serde_json::json;

use memor_providers::{ChatOptions, Gemini};

use crate::server::KEY;
use crate::stream_support::{StreamCase, check_errors, run, sse};

const STREAM: &str = concat!(
    "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Ça va\"}],\"role\": \"model\"},\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 9,\"totalTokenCount\": 9},\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"mJlSaPqmBo2\"}\r\n\r\n",
    "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \", très bien 👍\"}],\"role\": \"model\"},\"finishReason\": \"STOP\",\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 9,\"candidatesTokenCount\": 7,\"totalTokenCount\": 16},\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"mJlSaPqmBo2\"}\r\n\r\n",
);

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("gemini-2.5-flash").base_url(base).api_key(KEY)
}

#[test]
fn stream_is_delivered_and_assembled() {
    let options = |base: &str| options(base).top_p(0.9);
    let streamed = run(&Gemini::new(), &options, vec![sse(STREAM)]);
    let response = streamed.result.unwrap();

    assert_eq!(streamed.request.path, "/v1/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    assert_eq!(streamed.request.header("x-goog-api-key"), Some(KEY));
    assert_eq!(streamed.request.json()["generationConfig"], json!({"topP": 0.9}));

    assert_eq!(streamed.deltas, ["Ça va", ", très bien 👍"]);
    assert_eq!(response.message(), streamed.deltas.concat());
    assert_eq!(response.model(), "gemini-2.5-flash");
    assert_eq!(response.tokens(), Some(7));
    assert_eq!(response.top_p().map(|p| p.as_f64()), Some(0.9));
    assert_eq!(
        response.provider_metadata().unwrap(),
        json!({"responseId": "mJlSaPqmBo2", "index": 0, "finishReason": "STOP",
               "usageMetadata": {"promptTokenCount": 9, "candidatesTokenCount": 7, "totalTokenCount": 16}})
        .as_object()
        .unwrap()
    );
}

#[test]
fn stream_errors() {
    check_errors(&StreamCase {
        provider: &Gemini::new(),
        options,
        reply: sse,
        body: STREAM,
        expected_text: "Ça va, très bien 👍",
        error_body: r#"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}"#,
        expected_message: "API key not valid. Please pass a valid API key. (INVALID_ARGUMENT)",
        error_stream: "data: {\"error\": {\"code\": 503, \"message\": \"The model is overloaded. Réessayez.\", \"status\": \"UNAVAILABLE\"}}\r\n\r\n",
        expected_stream_message: "The model is overloaded. Réessayez. (UNAVAILABLE)",
        truncated: &STREAM[..STREAM.find("\r\n\r\n").unwrap() + 4],
    });
}
