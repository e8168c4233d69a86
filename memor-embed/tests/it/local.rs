//! all-MiniLM-L6-v2 in process (feature `local-embed`) against the vectors
//! sentence-transformers computed for the same texts (`tests/data/minilm_reference.json`, made
//! by `tests/data/make_reference.py`). The model directory is `MEMOR_TEST_MINILM_DIR`, which
//! `cargo xtask ci` fetches and sets; without it the tests are skipped with a note, unless
//! `MEMOR_REQUIRE_MINILM` is set (as `cargo xtask ci` does), when they fail.

use std::path::PathBuf;

use memor_embed::{Embedder, EmbedderRegistry, Error, LocalEmbedder};
use serde_json::Value;

fn model_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("MEMOR_TEST_MINILM_DIR").map(PathBuf::from).filter(|d| d.join("config.json").is_file());
    if dir.is_none() {
        assert!(
            std::env::var_os("MEMOR_REQUIRE_MINILM").is_none(),
            "MEMOR_REQUIRE_MINILM is set but MEMOR_TEST_MINILM_DIR names no model directory (`cargo xtask ci` fetches it)"
        );
        eprintln!("skipped: MEMOR_TEST_MINILM_DIR is not set (`cargo xtask ci` fetches all-MiniLM-L6-v2 and sets it)");
    }
    dir
}

fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| f64::from(*x) * f64::from(*y)).sum();
    let norm = |v: &[f32]| v.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>().sqrt();
    dot / (norm(a) * norm(b))
}

fn reference() -> Vec<(String, u64, Vec<f32>)> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/minilm_reference.json")).unwrap();
    let data: Value = serde_json::from_str(&text).unwrap();
    data["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let vector = c["vector"].as_array().unwrap().iter().map(|x| x.as_f64().unwrap() as f32).collect();
            (c["text"].as_str().unwrap().to_owned(), c["tokens"].as_u64().unwrap(), vector)
        })
        .collect()
}

#[test]
fn vectors_match_sentence_transformers_for_every_reference_text() {
    let Some(dir) = model_dir() else { return };
    let embedder = LocalEmbedder::open(&dir).unwrap();
    let cases = reference();
    assert!(cases.len() >= 50 && cases.iter().any(|(_, tokens, _)| *tokens > 256));
    let texts: Vec<&str> = cases.iter().map(|(t, _, _)| t.as_str()).collect();
    let vectors = embedder.embed(&texts).unwrap();
    assert_eq!(vectors.len(), cases.len());
    let mut worst = (f64::INFINITY, String::new());
    for ((text, _, expected), got) in cases.iter().zip(&vectors) {
        assert_eq!(got.len(), 384, "{text:?}");
        let similarity = cosine(expected, got);
        if similarity < worst.0 {
            worst = (similarity, text.chars().take(40).collect());
        }
    }
    eprintln!("min cosine against sentence-transformers over {} texts: {:.12} ({:?})", cases.len(), worst.0, worst.1);
    assert!(worst.0 >= 0.9999, "min cosine {} for {:?}", worst.0, worst.1);
}

#[test]
fn the_model_is_named_by_its_directory_and_normalized_to_unit_length() {
    let Some(dir) = model_dir() else { return };
    let embedder = EmbedderRegistry::with_builtins().open(&format!("local:{}", dir.display())).unwrap();
    assert_eq!(embedder.model(), "local:all-MiniLM-L6-v2");
    assert_eq!(embedder.dimensions(), Some(384));
    let vector = embedder.embed_query("The cat sat on the mat.").unwrap();
    let norm: f32 = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
    assert!((norm - 1.0).abs() < 1e-5, "{norm}");
    assert_eq!(LocalEmbedder::open(&dir).unwrap().with_name("minilm").model(), "local:minilm");
}

#[test]
fn a_text_gets_the_same_vector_alone_and_in_a_padded_batch() {
    let Some(dir) = model_dir() else { return };
    let embedder = LocalEmbedder::open(&dir).unwrap();
    let alone = embedder.embed_query("short text").unwrap();
    let long = "a much longer text that makes the batch pad the short one ".repeat(10);
    let batch = embedder.embed(&[&long, "short text"]).unwrap();
    assert!(cosine(&alone, &batch[1]) > 0.99999, "{}", cosine(&alone, &batch[1]));
    let unrelated = embedder.embed_query("Stock markets fell sharply on Monday.").unwrap();
    let related = embedder.embed_query("A cat is sitting on a rug.").unwrap();
    let cat = embedder.embed_query("The cat sat on the mat.").unwrap();
    assert!(cosine(&cat, &related) > cosine(&cat, &unrelated) + 0.3);
}

#[test]
fn empty_input_and_empty_texts() {
    let Some(dir) = model_dir() else { return };
    let embedder = LocalEmbedder::open(&dir).unwrap();
    assert!(embedder.embed(&[]).unwrap().is_empty());
    assert!(matches!(embedder.embed(&["a", ""]), Err(Error::EmptyText { index: 1 })));
}

#[test]
fn a_directory_without_its_files_is_an_error_naming_the_file() {
    let dir = std::env::temp_dir().join(format!("memor-embed-incomplete-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let error = LocalEmbedder::open(&dir).unwrap_err();
    assert!(error.to_string().contains("config.json is missing"), "{error}");
    let config = r#"{"vocab_size": 10, "hidden_size": 4, "num_hidden_layers": 1, "num_attention_heads": 1,
        "intermediate_size": 8, "hidden_act": "gelu", "hidden_dropout_prob": 0.0, "max_position_embeddings": 16,
        "type_vocab_size": 2, "initializer_range": 0.02, "layer_norm_eps": 1e-12, "pad_token_id": 0}"#;
    std::fs::write(dir.join("config.json"), config).unwrap();
    std::fs::write(
        dir.join("modules.json"),
        r#"[{"type": "sentence_transformers.models.Pooling", "path": "1_Pooling"}]"#,
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("1_Pooling")).unwrap();
    std::fs::write(dir.join("1_Pooling/config.json"), r#"{"pooling_mode_max_tokens": true}"#).unwrap();
    let error = LocalEmbedder::open(&dir).unwrap_err();
    assert!(error.to_string().contains("is not supported"), "{error}");
    std::fs::write(dir.join("1_Pooling/config.json"), r#"{"pooling_mode_mean_tokens": true}"#).unwrap();
    let error = LocalEmbedder::open(&dir).unwrap_err();
    assert!(matches!(error, Error::Model { .. }) && error.to_string().contains("tokenizer.json"), "{error}");
    std::fs::remove_dir_all(&dir).unwrap();
}
