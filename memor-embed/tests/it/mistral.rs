//! Mistral embeddings: the request and reading the reply.

use memor_embed::{Embedder, MISTRAL_MAX_BATCH, MistralEmbeddings};
use serde_json::json;

use crate::server::{KEY, drain, embedder, ok, serve};

#[test]
fn sends_model_input_and_bearer_key_and_reads_data() {
    let reply = json!({"id": "e1", "object": "list", "model": "mistral-embed", "data": [
        {"object": "embedding", "index": 0, "embedding": [0.1, 0.2]},
        {"object": "embedding", "index": 1, "embedding": [0.3, 0.4]},
    ], "usage": {"prompt_tokens": 4, "total_tokens": 4}});
    let (base, requests) = serve(vec![ok(reply.to_string())]);
    let embedder =
        embedder(MistralEmbeddings::new("mistral-embed").with_base_url(format!("{base}/v1")).with_api_key(KEY));
    assert_eq!(embedder.model(), "mistral:mistral-embed");
    assert_eq!(embedder.embed(&["a", "b"]).unwrap(), vec![vec![0.1f32, 0.2], vec![0.3, 0.4]]);
    let sent = drain(&requests);
    assert_eq!(sent[0].path, "/v1/embeddings");
    assert_eq!(sent[0].header("authorization"), Some(format!("Bearer {KEY}").as_str()));
    assert_eq!(sent[0].json(), json!({"model": "mistral-embed", "input": ["a", "b"]}));
}

#[test]
fn asks_for_output_dimension_and_splits_at_256_inputs() {
    assert_eq!(MISTRAL_MAX_BATCH, 256);
    let reply = |n: usize| {
        let data: Vec<_> = (0..n).map(|i| json!({"index": i, "embedding": [i as f32, 1.0]})).collect();
        ok(json!({"data": data}).to_string())
    };
    let texts: Vec<String> = (0..300).map(|i| i.to_string()).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (base, requests) = serve(vec![reply(256), reply(44)]);
    let api = MistralEmbeddings::new("codestral-embed").with_base_url(base).with_api_key(KEY).with_dimensions(2);
    let vectors = embedder(api).embed(&texts).unwrap();
    assert_eq!(vectors.len(), 300);
    assert_eq!(vectors[256], vec![0.0, 1.0]);
    let sent = drain(&requests);
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].json()["output_dimension"], json!(2));
    assert_eq!(sent[1].json()["input"].as_array().unwrap().len(), 44);
}
