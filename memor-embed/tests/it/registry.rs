//! The registry: ids `scheme:rest`, the built-ins, duplicates, unknown schemes, plugins.

use memor_embed::{Embedder, EmbedderRegistry, Error, Result};

struct Fixed(String);

impl Embedder for Fixed {
    fn model(&self) -> &str {
        &self.0
    }
    fn dimensions(&self) -> Option<usize> {
        Some(2)
    }
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        Ok(texts.iter().map(|t| vec![t.len() as f32, 1.0]).collect())
    }
}

fn plugin(rest: &str) -> Result<Box<dyn Embedder>> {
    Ok(Box::new(Fixed(format!("plugin:{rest}"))))
}

memor_embed::register_embedder!("test-plugin", plugin);

#[test]
fn the_builtins_open_remote_models_by_id() {
    let registry = EmbedderRegistry::with_builtins();
    assert_eq!(registry.schemes().collect::<Vec<_>>(), ["gemini", "local", "mistral", "ollama", "openai"]);
    for (id, model) in [
        ("openai:text-embedding-3-small", "openai:text-embedding-3-small"),
        ("gemini:gemini-embedding-001", "gemini:gemini-embedding-001"),
        ("mistral:mistral-embed", "mistral:mistral-embed"),
        ("ollama:nomic-embed-text:v1.5", "ollama:nomic-embed-text:v1.5"),
    ] {
        let embedder = registry.open(id).unwrap();
        assert_eq!(embedder.model(), model);
        assert_eq!(embedder.dimensions(), None);
    }
}

#[test]
fn unknown_schemes_and_malformed_ids_are_clear_errors() {
    let registry = EmbedderRegistry::with_builtins();
    let error = registry.open("cohere:embed-v4").err().unwrap();
    assert_eq!(
        error.to_string(),
        "no embedder scheme for `cohere:embed-v4`; known: gemini, local, mistral, ollama, openai"
    );
    for id in ["text-embedding-3-small", "openai:", ":model", ""] {
        assert!(matches!(registry.open(id), Err(Error::BadId { .. })), "{id}");
    }
}

#[cfg(not(feature = "local-embed"))]
#[test]
fn local_without_the_feature_says_what_is_needed() {
    let error = EmbedderRegistry::with_builtins().open("local:/models/all-MiniLM-L6-v2").err().unwrap();
    assert!(error.to_string().contains("`local-embed` feature"), "{error}");
}

#[test]
fn a_scheme_registers_once() {
    let mut registry = EmbedderRegistry::new();
    registry.register("fixed", |rest| Ok(Box::new(Fixed(format!("fixed:{rest}"))))).unwrap();
    let error = registry.register("fixed", |_| Err(Error::Unsupported { what: "no".into() })).unwrap_err();
    assert!(matches!(error, Error::DuplicateScheme { ref scheme } if scheme == "fixed"), "{error:?}");
    assert_eq!(registry.open("fixed:a:b").unwrap().model(), "fixed:a:b");
    assert!(matches!(
        memor_embed::register(&mut EmbedderRegistry::with_builtins()),
        Err(Error::DuplicateScheme { .. })
    ));
    assert!(matches!(registry.register("bad:scheme", plugin), Err(Error::BadId { .. })));
}

#[test]
fn plugins_reach_the_global_registry_and_not_a_plain_value() {
    let embedder = EmbedderRegistry::global().open("test-plugin:x").unwrap();
    assert_eq!(embedder.model(), "plugin:x");
    assert_eq!(embedder.embed_query("abc").unwrap(), vec![3.0, 1.0]);
    assert!(EmbedderRegistry::with_builtins().open("test-plugin:x").is_err());
    assert!(EmbedderRegistry::global().open("openai:m").is_ok());
}
