//! Streaming from Anthropic Messages (server-sent `message_start` … `message_stop` events).

use serde_json::json;

use memor_providers::{Anthropic, ChatOptions};

use crate::server::KEY;
use crate::stream_support::{StreamCase, check_errors, run, sse};

const STREAM: &str = concat!(
    "event: message_start\n",
    "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-20250514\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}\n\n",
    "event: content_block_start\n",
    "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
    "event: ping\n",
    "data: {\"type\": \"ping\"}\n\n",
    "event: content_block_delta\n",
    "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Ça va\"}}\n\n",
    "event: content_block_delta\n",
    "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\", très bien 👍\"}}\n\n",
    "event: content_block_stop\n",
    "data: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
    "event: message_delta\n",
    "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}\n\n",
    "event: message_stop\n",
    "data: {\"type\":\"message_stop\"}\n\n",
);

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("claude-sonnet-4-20250514").base_url(base).api_key(KEY)
}

#[test]
fn stream_is_delivered_and_assembled() {
    let streamed = run(&Anthropic::new(), &options, vec![sse(STREAM)]);
    let response = streamed.result.unwrap();

    assert_eq!(streamed.request.path, "/v1/messages");
    assert_eq!(streamed.request.header("authorization"), Some(format!("Bearer {KEY}").as_str()));
    let body = streamed.request.json();
    assert_eq!(body["stream"], json!(true));
    assert_eq!(body["system"], json!("You are terse."));

    assert_eq!(streamed.deltas, ["Ça va", ", très bien 👍"]);
    assert_eq!(response.message(), streamed.deltas.concat());
    assert_eq!(response.model(), "claude-sonnet-4-20250514");
    assert_eq!(response.tokens(), Some(15));
    assert_eq!(
        response.provider_metadata().unwrap(),
        json!({"id": "msg_01XFDUDYJgAACzvnptvVoYEL", "stop_reason": "end_turn",
               "usage": {"input_tokens": 25, "output_tokens": 15}})
        .as_object()
        .unwrap()
    );
}

#[test]
fn a_server_tool_use_block_is_kept_in_the_metadata() {
    let block = json!({"type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {}});
    let start = json!({"type": "content_block_start", "index": 1, "content_block": block});
    let stream = STREAM.replacen(
        "event: message_delta\n",
        &format!("event: content_block_start\ndata: {start}\n\nevent: message_delta\n"),
        1,
    );
    let response = run(&Anthropic::new(), &options, vec![sse(&stream)]).result.unwrap();
    assert_eq!(response.message(), "Ça va, très bien 👍");
    assert_eq!(response.provider_metadata().unwrap()["content_parts"], json!([block]));
}

#[test]
fn stream_errors() {
    check_errors(&StreamCase {
        provider: &Anthropic::new(),
        options,
        reply: sse,
        body: STREAM,
        expected_text: "Ça va, très bien 👍",
        error_body: r#"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#,
        expected_message: "invalid x-api-key",
        error_stream: concat!(
            "event: content_block_delta\n",
            "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Ça\"}}\n\n",
            "event: error\n",
            "data: {\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}\n\n",
        ),
        expected_stream_message: "Overloaded (overloaded_error)",
        truncated: &STREAM[..STREAM.find("event: message_stop").unwrap()],
    });
}
