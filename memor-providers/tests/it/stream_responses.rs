//! Streaming from the OpenAI Responses API (server-sent `response.*` events).

use serde_json::json;

use memor_providers::{ChatOptions, OpenAiResponses};

use crate::server::KEY;
use crate::stream_support::{StreamCase, check_errors, run, sse};

const STREAM: &str = concat!(
    "event: response.created\n",
    "data: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_67c\",\"object\":\"response\",\"status\":\"in_progress\",\"model\":\"gpt-4.1-2025-04-14\",\"output\":[],\"usage\":null}}\n\n",
    "event: response.output_item.added\n",
    "data: {\"type\":\"response.output_item.added\",\"sequence_number\":1,\"output_index\":0,\"item\":{\"id\":\"msg_67c\",\"type\":\"message\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}\n\n",
    "event: response.output_text.delta\n",
    "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":2,\"item_id\":\"msg_67c\",\"output_index\":0,\"content_index\":0,\"delta\":\"Ça va\"}\n\n",
    "event: response.output_text.delta\n",
    "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":3,\"item_id\":\"msg_67c\",\"output_index\":0,\"content_index\":0,\"delta\":\", très bien 👍\"}\n\n",
    "event: response.completed\n",
    "data: {\"type\":\"response.completed\",\"sequence_number\":4,\"response\":{\"id\":\"resp_67c\",\"object\":\"response\",\"status\":\"completed\",\"incomplete_details\":null,\"model\":\"gpt-4.1-2025-04-14\",\"output\":[{\"type\":\"message\",\"id\":\"msg_67c\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Ça va, très bien 👍\",\"annotations\":[]}]}],\"usage\":{\"input_tokens\":20,\"output_tokens\":6,\"total_tokens\":26}}}\n\n",
);

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("gpt-4.1").base_url(base).api_key(KEY)
}

#[test]
fn stream_is_delivered_and_assembled() {
    let streamed = run(&OpenAiResponses::new(), &options, vec![sse(STREAM)]);
    let response = streamed.result.unwrap();

    assert_eq!(streamed.request.path, "/responses");
    let body = streamed.request.json();
    assert_eq!(body["stream"], json!(true));
    assert_eq!(body["store"], json!(false));

    assert_eq!(streamed.deltas, ["Ça va", ", très bien 👍"]);
    assert_eq!(response.message(), streamed.deltas.concat());
    assert_eq!(response.model(), "gpt-4.1-2025-04-14");
    assert_eq!(response.tokens(), Some(6));
    assert_eq!(
        response.provider_metadata().unwrap(),
        json!({"id": "resp_67c", "status": "completed",
               "usage": {"input_tokens": 20, "output_tokens": 6, "total_tokens": 26}})
        .as_object()
        .unwrap()
    );
}

#[test]
fn stream_errors() {
    check_errors(&StreamCase {
        provider: &OpenAiResponses::new(),
        options,
        reply: sse,
        body: STREAM,
        expected_text: "Ça va, très bien 👍",
        error_body: r#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"#,
        expected_message: "Incorrect API key provided",
        error_stream: concat!(
            "event: response.failed\n",
            "data: {\"type\":\"response.failed\",\"response\":{\"id\":\"resp_1\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"Le serveur a échoué\"}}}\n\n",
        ),
        expected_stream_message: "Le serveur a échoué (server_error)",
        truncated: &STREAM[..STREAM.find("event: response.completed").unwrap()],
    });
}
