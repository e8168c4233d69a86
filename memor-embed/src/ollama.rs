//! Ollama embeddings (`POST {base}/api/embed`, no key).

use memor_providers::{HttpRequest, HttpResponse};
use serde_json::{Map, Value, json};

use crate::endpoint::Endpoint;
use crate::http::{self, parse};
use crate::{EmbeddingApi, Result};

/// The most texts one request holds. Ollama documents no limit; batches of this size keep
/// one request's work (and the wait for its reply) moderate on a local machine.
pub const OLLAMA_MAX_BATCH: usize = 256;

/// Ollama's embed API (`http://localhost:11434`, no key), with the body the official client
/// sends (`model`, `input` as a list, and `dimensions` when a length is asked for).
#[derive(Clone, Debug)]
pub struct OllamaEmbeddings {
    endpoint: Endpoint,
}

impl OllamaEmbeddings {
    /// A local Ollama with this model (`all-minilm`, `nomic-embed-text`, …); the model id is
    /// `ollama:MODEL`.
    pub fn new(model: impl Into<String>) -> Self {
        OllamaEmbeddings { endpoint: Endpoint::new("ollama", model.into(), "http://localhost:11434", OLLAMA_MAX_BATCH) }
    }

    endpoint_builders!(path: "/api/embed", field: "dimensions", batch: OLLAMA_MAX_BATCH);
}

impl EmbeddingApi for OllamaEmbeddings {
    endpoint_accessors!();

    fn request(&self, texts: &[&str]) -> Result<HttpRequest> {
        let mut body = Map::new();
        body.insert("model".to_owned(), json!(self.endpoint.name));
        body.insert("input".to_owned(), json!(texts));
        if let Some(n) = self.endpoint.dimensions {
            body.insert("dimensions".to_owned(), json!(n));
        }
        let url = self.endpoint.url("/api/embed");
        Ok(HttpRequest::post_json(url, &Value::Object(body)))
    }

    fn parse(&self, reply: &HttpResponse) -> Result<Vec<Vec<f32>>> {
        let body = http::json_body("ollama", reply)?;
        let list = body.get("embeddings").ok_or_else(|| parse("ollama", "no list `embeddings`"))?;
        http::vectors("ollama", list)
    }
}
