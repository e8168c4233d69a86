//! Gemini embeddings: `batchEmbedContents`, the key header, and batches of 100.

use memor_embed::{Embedder, GeminiEmbeddings};
use serde_json::json;

use crate::server::{KEY, drain, embedder, ok, serve};

#[test]
fn sends_one_user_content_per_text_with_the_key_header() {
    let reply = json!({"embeddings": [{"values": [0.5, 0.25]}, {"values": [-1, 2]}]});
    let (base, requests) = serve(vec![ok(reply.to_string())]);
    let embedder =
        embedder(GeminiEmbeddings::new("models/gemini-embedding-001").with_base_url(&base).with_api_key(KEY));
    assert_eq!(embedder.model(), "gemini:gemini-embedding-001");
    assert_eq!(embedder.embed(&["one", "two"]).unwrap(), vec![vec![0.5, 0.25], vec![-1.0, 2.0]]);
    let sent = drain(&requests);
    assert_eq!(sent[0].path, "/v1/models/gemini-embedding-001:batchEmbedContents");
    assert_eq!(sent[0].header("x-goog-api-key"), Some(KEY));
    assert_eq!(sent[0].header("authorization"), None);
    let content = |text: &str| json!({"model": "models/gemini-embedding-001", "content": {"role": "user", "parts": [{"text": text}]}});
    assert_eq!(sent[0].json(), json!({"requests": [content("one"), content("two")]}));
}

#[test]
fn asks_for_output_dimensionality_and_splits_at_100_texts() {
    let reply = |n: usize| {
        let list: Vec<_> = (0..n).map(|i| json!({"values": [i as f32, 0.0, 0.0]})).collect();
        ok(json!({"embeddings": list}).to_string())
    };
    let texts: Vec<String> = (0..150).map(|i| format!("t{i}")).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (base, requests) = serve(vec![reply(100), reply(50)]);
    let api = GeminiEmbeddings::new("gemini-embedding-001").with_base_url(base).with_api_key(KEY).with_dimensions(3);
    let vectors = embedder(api).embed(&texts).unwrap();
    assert_eq!(vectors[149], vec![49.0, 0.0, 0.0]);
    let sent = drain(&requests);
    let sizes: Vec<usize> = sent.iter().map(|r| r.json()["requests"].as_array().unwrap().len()).collect();
    assert_eq!(sizes, vec![100, 50]);
    assert_eq!(sent[1].json()["requests"][0]["outputDimensionality"], json!(3));
    assert_eq!(sent[1].json()["requests"][0]["content"]["parts"][0]["text"], json!("t100"));
}
