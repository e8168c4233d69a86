//! Streaming from OpenAI chat completions and Mistral (server-sent `chat.completion.chunk`s).

use serde_json::json;

use memor_providers::{ChatOptions, Mistral, OpenAi, Provider};

use crate::server::{KEY, session};
use crate::stream_support::{StreamCase, check_errors, run, sse};

const OPENAI: &str = concat!(
    "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n",
    "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Ça va\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n",
    "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\", très bien 👍\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n",
    "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\n",
    "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":6,\"total_tokens\":26}}\n\n",
    "data: [DONE]\n\n",
);

const MISTRAL: &str = concat!(
    "data: {\"id\":\"cmpl-e5cc\",\"object\":\"chat.completion.chunk\",\"created\":1702256327,\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n",
    "data: {\"id\":\"cmpl-e5cc\",\"object\":\"chat.completion.chunk\",\"created\":1702256327,\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Ça va\"},\"finish_reason\":null}]}\n\n",
    "data: {\"id\":\"cmpl-e5cc\",\"object\":\"chat.completion.chunk\",\"created\":1702256327,\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\", très bien 👍\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":18,\"total_tokens\":25,\"completion_tokens\":7}}\n\n",
    "data: [DONE]\n\n",
);

fn openai_options(base: &str) -> ChatOptions {
    ChatOptions::new("gpt-4o-mini").base_url(base).api_key(KEY)
}

fn mistral_options(base: &str) -> ChatOptions {
    ChatOptions::new("mistral-small-latest").base_url(base).api_key(KEY)
}

#[test]
fn openai_stream_is_delivered_and_assembled() {
    let options = |base: &str| openai_options(base).temperature(0.5);
    let streamed = run(&OpenAi::new(), &options, vec![sse(OPENAI)]);
    let response = streamed.result.unwrap();

    assert_eq!(streamed.request.path, "/chat/completions");
    let body = streamed.request.json();
    assert_eq!(body["stream"], json!(true));
    assert_eq!(body["stream_options"], json!({"include_usage": true}));
    assert_eq!(body["messages"][2], json!({"role": "assistant", "content": "Hello!"}));

    assert_eq!(streamed.deltas, ["Ça va", ", très bien 👍"]);
    assert_eq!(streamed.deltas.concat(), response.message());
    assert_eq!(response.message(), "Ça va, très bien 👍");
    assert_eq!(response.model(), "gpt-4o-mini-2024-07-18");
    assert_eq!(response.tokens(), Some(6));
    assert_eq!(response.temperature().map(|t| t.as_f64()), Some(0.5));
    assert!(response.inference_time().is_some_and(|t| t.as_f64() > 0.0));
    assert_eq!(
        response.provider_metadata().unwrap(),
        json!({"id": "chatcmpl-7", "index": 0, "finish_reason": "stop", "system_fingerprint": "fp_44709d6fcb",
               "usage": {"prompt_tokens": 20, "completion_tokens": 6, "total_tokens": 26}})
        .as_object()
        .unwrap()
    );
}

#[test]
fn mistral_stream_is_delivered_and_assembled() {
    let streamed = run(&Mistral::new(), &mistral_options, vec![sse(MISTRAL)]);
    let response = streamed.result.unwrap();

    let body = streamed.request.json();
    assert_eq!(body["stream"], json!(true));
    assert_eq!(body.get("stream_options"), None);
    assert_eq!(streamed.deltas, ["Ça va", ", très bien 👍"]);
    assert_eq!(response.message(), streamed.deltas.concat());
    assert_eq!(response.model(), "mistral-small-latest");
    assert_eq!(response.tokens(), Some(7));
    assert_eq!(
        response.provider_metadata().unwrap(),
        json!({"id": "cmpl-e5cc", "index": 0, "finish_reason": "stop",
               "usage": {"prompt_tokens": 18, "total_tokens": 25, "completion_tokens": 7}})
        .as_object()
        .unwrap()
    );
}

#[test]
fn several_candidates_cannot_stream() {
    let error = OpenAi::new().stream_request(&session(), &openai_options("http://h").candidates(2)).unwrap_err();
    assert_eq!(error.to_string(), "openai: 2 candidates is not supported");
}

#[test]
fn openai_stream_errors() {
    check_errors(&StreamCase {
        provider: &OpenAi::new(),
        options: openai_options,
        reply: sse,
        body: OPENAI,
        expected_text: "Ça va, très bien 👍",
        error_body: r#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"#,
        expected_message: "Incorrect API key provided",
        error_stream: concat!(
            "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Ça\"}}]}\n\n",
            "data: {\"error\":{\"message\":\"The server had an error – try again\",\"type\":\"server_error\"}}\n\n",
        ),
        expected_stream_message: "The server had an error – try again (server_error)",
        truncated: &OPENAI[..OPENAI.find("data: [DONE]").unwrap()],
    });
}

#[test]
fn mistral_stream_errors() {
    check_errors(&StreamCase {
        provider: &Mistral::new(),
        options: mistral_options,
        reply: sse,
        body: MISTRAL,
        expected_text: "Ça va, très bien 👍",
        error_body: r#"{"message":"Unauthorized","request_id":"abc"}"#,
        expected_message: "Unauthorized",
        error_stream: "data: {\"error\":{\"message\":\"Modèle surchargé\",\"code\":\"3505\"}}\n\n",
        expected_stream_message: "Modèle surchargé (3505)",
        truncated: &MISTRAL[..MISTRAL.rfind("data: {").unwrap()],
    });
}
