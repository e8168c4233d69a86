//! OpenAI embeddings: the request (path, headers, body), reading replies in `index` order,
//! base64 vectors, batching at the limit, and asked-for dimensions.

use memor_embed::{Embedder, Error, OpenAiEmbeddings};
use serde_json::json;

use crate::server::{KEY, drain, embedder, ok, serve};

/// Little-endian f32s in base64, as OpenAI sends `encoding_format: base64` vectors.
pub fn base64_f32(values: &[f32]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn sends_the_texts_model_and_key_and_reads_the_vectors_in_index_order() {
    let reply = json!({"object": "list", "model": "text-embedding-3-small", "data": [
        {"object": "embedding", "index": 1, "embedding": [0.25, -0.5, 1.0]},
        {"object": "embedding", "index": 0, "embedding": base64_f32(&[1.5, 2.0, -3.0])},
    ]});
    let (base, requests) = serve(vec![ok(reply.to_string())]);
    let api = OpenAiEmbeddings::new("text-embedding-3-small").with_base_url(format!("{base}/v1")).with_api_key(KEY);
    let embedder = embedder(api);
    assert_eq!(embedder.model(), "openai:text-embedding-3-small");
    assert_eq!(embedder.dimensions(), None);
    let vectors = embedder.embed(&["first", "second ünï 🐈"]).unwrap();
    assert_eq!(vectors, vec![vec![1.5, 2.0, -3.0], vec![0.25, -0.5, 1.0]]);
    assert_eq!(embedder.dimensions(), Some(3), "learned from the first reply");
    let sent = drain(&requests);
    assert_eq!(sent.len(), 1);
    assert_eq!((sent[0].method.as_str(), sent[0].path.as_str()), ("POST", "/v1/embeddings"));
    assert_eq!(sent[0].header("authorization"), Some(format!("Bearer {KEY}").as_str()));
    assert_eq!(sent[0].header("content-type"), Some("application/json"));
    assert_eq!(
        sent[0].json(),
        json!({"input": ["first", "second ünï 🐈"], "model": "text-embedding-3-small", "encoding_format": "base64"})
    );
}

#[test]
fn splits_batches_at_the_limit_and_keeps_the_order() {
    let reply = |first: f32, n: usize| {
        let data: Vec<_> = (0..n).map(|i| json!({"index": i, "embedding": [first + i as f32, 0.0]})).collect();
        ok(json!({"data": data}).to_string())
    };
    let (base, requests) = serve(vec![reply(0.0, 2), reply(2.0, 2), reply(4.0, 1)]);
    let api = OpenAiEmbeddings::new("m").with_base_url(format!("{base}/v1/")).with_api_key(KEY).with_max_batch(2);
    let vectors = embedder(api).embed(&["a", "b", "c", "d", "e"]).unwrap();
    let firsts: Vec<f32> = vectors.iter().map(|v| v[0]).collect();
    assert_eq!(firsts, vec![0.0, 1.0, 2.0, 3.0, 4.0]);
    let inputs: Vec<_> = drain(&requests).iter().map(|r| r.json()["input"].clone()).collect();
    assert_eq!(inputs, vec![json!(["a", "b"]), json!(["c", "d"]), json!(["e"])]);
}

#[test]
fn the_default_batch_is_openais_limit_of_2048_inputs() {
    let texts: Vec<String> = (0..2049).map(|i| format!("text {i}")).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let reply = |n: usize| {
        let data: Vec<_> = (0..n).map(|i| json!({"index": i, "embedding": [i as f32]})).collect();
        ok(json!({"data": data}).to_string())
    };
    let (base, requests) = serve(vec![reply(2048), reply(1)]);
    let api = OpenAiEmbeddings::new("m").with_base_url(base).with_api_key(KEY);
    assert_eq!(embedder(api).embed(&texts).unwrap().len(), 2049);
    let sizes: Vec<usize> = drain(&requests).iter().map(|r| r.json()["input"].as_array().unwrap().len()).collect();
    assert_eq!(sizes, vec![2048, 1]);
}

#[test]
fn asks_for_dimensions_and_refuses_vectors_of_another_length() {
    let (base, requests) = serve(vec![ok(r#"{"data":[{"index":0,"embedding":[1,2,3]}]}"#)]);
    let api = OpenAiEmbeddings::new("text-embedding-3-large").with_base_url(base).with_api_key(KEY).with_dimensions(4);
    let embedder = embedder(api);
    assert_eq!(embedder.dimensions(), Some(4));
    let error = embedder.embed(&["x"]).unwrap_err();
    assert!(matches!(error, Error::Ragged { index: 0, expected: 4, got: 3, .. }), "{error:?}");
    assert_eq!(drain(&requests)[0].json()["dimensions"], json!(4));
}

#[test]
fn a_compatible_server_gets_the_same_body_at_its_base_url() {
    let (base, requests) = serve(vec![ok(r#"{"data":[{"index":0,"embedding":[0.5]}]}"#)]);
    let api = OpenAiEmbeddings::compatible(format!("{base}/compat/v1"), "nomic-embed-text").with_api_key("local-key");
    assert_eq!(embedder(api).embed_query("hello").unwrap(), vec![0.5]);
    let sent = drain(&requests);
    assert_eq!(sent[0].path, "/compat/v1/embeddings");
    assert_eq!(sent[0].json()["model"], json!("nomic-embed-text"));
    assert_eq!(sent[0].header("authorization"), Some("Bearer local-key"));
}
