//! Ollama embeddings: `/api/embed` with an `input` list, no key.

use memor_embed::{Embedder, OllamaEmbeddings};
use serde_json::json;

use crate::server::{drain, embedder, ok, serve};

#[test]
fn sends_model_and_input_list_and_reads_embeddings() {
    let reply = json!({"model": "all-minilm", "embeddings": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]],
        "total_duration": 14143917, "load_duration": 1019500, "prompt_eval_count": 8});
    let (base, requests) = serve(vec![ok(reply.to_string())]);
    let embedder = embedder(OllamaEmbeddings::new("all-minilm").with_base_url(&base));
    assert_eq!(embedder.model(), "ollama:all-minilm");
    let vectors = embedder.embed(&["why is the sky blue?", "why is the grass green?"]).unwrap();
    assert_eq!(vectors, vec![vec![0.1f32, 0.2, 0.3], vec![0.4, 0.5, 0.6]]);
    let sent = drain(&requests);
    assert_eq!(sent[0].path, "/api/embed");
    assert_eq!(sent[0].header("authorization"), None);
    assert_eq!(
        sent[0].json(),
        json!({"model": "all-minilm", "input": ["why is the sky blue?", "why is the grass green?"]})
    );
}

#[test]
fn asks_for_dimensions() {
    let (base, requests) = serve(vec![ok(r#"{"embeddings":[[1,0]]}"#)]);
    let embedder = embedder(OllamaEmbeddings::new("all-minilm").with_base_url(&base).with_dimensions(2));
    assert_eq!(embedder.embed_query("q").unwrap(), vec![1.0, 0.0]);
    assert_eq!(drain(&requests)[0].json()["dimensions"], json!(2));
}
