//! Streaming from Ollama `/api/chat` (NDJSON).

use std::time::{Duration, Instant};

use serde_json::json;

use memor_providers::{ChatOptions, Client, Ollama, UreqTransport};

use crate::server::{fast_retry, serve, session};
use crate::stream_support::{StreamCase, check_errors, cut, ndjson, run, stream_reply};

const STREAM: &str = concat!(
    "{\"model\":\"gemma3\",\"created_at\":\"2025-10-17T23:14:07.31Z\",\"message\":{\"role\":\"assistant\",\"content\":\"Ça va\"},\"done\":false}\n",
    "{\"model\":\"gemma3\",\"created_at\":\"2025-10-17T23:14:07.36Z\",\"message\":{\"role\":\"assistant\",\"content\":\", très bien 👍\"},\"done\":false}\n",
    "{\"model\":\"gemma3\",\"created_at\":\"2025-10-17T23:14:07.414671Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":174560334,\"load_duration\":101397084,\"prompt_eval_count\":11,\"prompt_eval_duration\":13074791,\"eval_count\":18,\"eval_duration\":52479709}\n",
);

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("gemma3").base_url(base)
}

#[test]
fn stream_is_delivered_and_assembled() {
    let options = |base: &str| options(base).temperature(0.2);
    let streamed = run(&Ollama::new(), &options, vec![ndjson(STREAM)]);
    let response = streamed.result.unwrap();

    assert_eq!(streamed.request.path, "/api/chat");
    let body = streamed.request.json();
    assert_eq!(body["stream"], json!(true));
    assert_eq!(body["options"], json!({"temperature": 0.2}));

    assert_eq!(streamed.deltas, ["Ça va", ", très bien 👍"]);
    assert_eq!(response.message(), streamed.deltas.concat());
    assert_eq!(response.model(), "gemma3");
    assert_eq!(response.tokens(), Some(18));
    assert_eq!(response.temperature().map(|t| t.as_f64()), Some(0.2));
    assert_eq!(
        response.provider_metadata().unwrap(),
        json!({"done_reason": "stop", "total_duration": 174560334, "load_duration": 101397084,
               "prompt_eval_count": 11, "prompt_eval_duration": 13074791, "eval_count": 18,
               "eval_duration": 52479709, "created_at": "2025-10-17T23:14:07.414671Z"})
        .as_object()
        .unwrap()
    );
}

/// A stream longer in all than the read timeout, but never silent that long, is read whole;
/// its pieces reach the caller as they arrive, and the inference time covers the whole stream.
#[test]
fn a_slow_steady_stream_is_delivered_as_it_arrives() {
    let pause = Duration::from_millis(150);
    let gaps = cut(STREAM).len() as u32 - 1;
    assert!(gaps >= 5, "{gaps}");
    let reply = stream_reply("application/x-ndjson", STREAM, pause, Duration::ZERO);
    let (base, _requests) = serve(vec![reply]);
    let client =
        Client::new(UreqTransport::new(Duration::from_secs(2), Duration::from_millis(400))).retry(fast_retry());
    let started = Instant::now();
    let mut arrivals = Vec::new();
    let response =
        client.chat_stream(&Ollama::new(), &session(), &options(&base), |_| arrivals.push(started.elapsed()));
    let total = started.elapsed();
    let response = response.unwrap();
    assert!(total >= gaps * pause && total > Duration::from_millis(800), "{total:?}");
    assert_eq!(arrivals.len(), 2);
    assert!(total - arrivals[0] >= 3 * pause, "first piece at {:?} of {total:?}", arrivals[0]);
    let inference = response.inference_time().unwrap().as_f64();
    assert!(inference >= (gaps * pause).as_secs_f64() && inference <= total.as_secs_f64(), "{inference}");
}

#[test]
fn stream_errors() {
    check_errors(&StreamCase {
        provider: &Ollama::new(),
        options,
        reply: ndjson,
        body: STREAM,
        expected_text: "Ça va, très bien 👍",
        error_body: r#"{"error":"model \"gemma3\" not found, try pulling it first"}"#,
        expected_message: "model \"gemma3\" not found, try pulling it first",
        error_stream: concat!(
            "{\"model\":\"gemma3\",\"message\":{\"role\":\"assistant\",\"content\":\"Ça\"},\"done\":false}\n",
            "{\"error\":\"mémoire insuffisante\"}\n",
        ),
        expected_stream_message: "mémoire insuffisante",
        truncated: &STREAM
            [..STREAM.find("{\"model\":\"gemma3\",\"created_at\":\"2025-10-17T23:14:07.414671Z\"").unwrap()],
    });
}
