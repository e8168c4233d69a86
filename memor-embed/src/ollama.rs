//! Ollama embeddings (`POST {base}/api/embed`, no key).

use memor_providers::{HttpRequest, HttpResponse};
use serde_json::{Map, Value, json};

use crate::http::{self, parse};
use crate::{EmbeddingApi, Result};

/// The most texts one request holds. Ollama documents no limit; batches of this size keep
/// one request's work (and the wait for its reply) moderate on a local machine.
pub const OLLAMA_MAX_BATCH: usize = 256;

/// Ollama's embed API (`http://localhost:11434`, no key), with the body the official client
/// sends (`model`, `input` as a list, and `dimensions` when a length is asked for).
#[derive(Clone, Debug)]
pub struct OllamaEmbeddings {
    id: String,
    /// The model's name in the API.
    name: String,
    base_url: String,
    dimensions: Option<usize>,
    max_batch: usize,
}

impl OllamaEmbeddings {
    /// A local Ollama with this model (`all-minilm`, `nomic-embed-text`, …); the model id is
    /// `ollama:MODEL`.
    pub fn new(model: impl Into<String>) -> Self {
        let model = model.into();
        OllamaEmbeddings {
            id: format!("ollama:{model}"),
            name: model,
            base_url: "http://localhost:11434".to_owned(),
            dimensions: None,
            max_batch: OLLAMA_MAX_BATCH,
        }
    }

    /// Sends the requests to this base URL (the part before `/api/embed`) instead.
    #[must_use]
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// Asks for vectors of this length (`dimensions`).
    #[must_use]
    pub fn with_dimensions(mut self, dimensions: usize) -> Self {
        self.dimensions = Some(dimensions);
        self
    }

    /// Sends at most this many texts per request (default [`OLLAMA_MAX_BATCH`]).
    #[must_use]
    pub fn with_max_batch(mut self, texts: usize) -> Self {
        self.max_batch = texts.max(1);
        self
    }
}

impl EmbeddingApi for OllamaEmbeddings {
    fn api(&self) -> &str {
        "ollama"
    }

    fn model(&self) -> &str {
        &self.id
    }

    fn dimensions(&self) -> Option<usize> {
        self.dimensions
    }

    fn max_batch(&self) -> usize {
        self.max_batch
    }

    fn request(&self, texts: &[&str]) -> Result<HttpRequest> {
        let mut body = Map::new();
        body.insert("model".to_owned(), json!(self.name));
        body.insert("input".to_owned(), json!(texts));
        if let Some(n) = self.dimensions {
            body.insert("dimensions".to_owned(), json!(n));
        }
        let url = format!("{}/api/embed", http::trim_base(&self.base_url));
        Ok(HttpRequest::post_json(url, &Value::Object(body)))
    }

    fn parse(&self, reply: &HttpResponse) -> Result<Vec<Vec<f32>>> {
        let body = http::json_body("ollama", reply)?;
        let list = body.get("embeddings").ok_or_else(|| parse("ollama", "no list `embeddings`"))?;
        http::vectors("ollama", list)
    }
}
