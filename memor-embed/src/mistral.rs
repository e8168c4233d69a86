//! Mistral embeddings (`POST {base}/embeddings`, OpenAI-like, Bearer key).

use memor_providers::{ApiKey, Error as ProviderError, HttpRequest, HttpResponse};
use serde_json::{Map, Value, json};

use crate::openai::data_by_index;
use crate::{EmbeddingApi, Result, http};

/// The most inputs one request may hold. Mistral documents no number; its API refuses 257
/// inputs ("Too many inputs in request, split into more batches") and takes 256.
pub const MISTRAL_MAX_BATCH: usize = 256;

/// Mistral's embeddings API (`https://api.mistral.ai/v1`, key from `MISTRAL_API_KEY` unless
/// given), with the request body the official SDK sends (`model`, `input`, and
/// `output_dimension` when a length is asked for).
#[derive(Clone, Debug)]
pub struct MistralEmbeddings {
    id: String,
    /// The model's name in the API.
    name: String,
    base_url: String,
    api_key: Option<ApiKey>,
    dimensions: Option<usize>,
    max_batch: usize,
}

impl MistralEmbeddings {
    /// Mistral with this model (`mistral-embed`, `codestral-embed`); the model id is
    /// `mistral:MODEL`.
    pub fn new(model: impl Into<String>) -> Self {
        let model = model.into();
        MistralEmbeddings {
            id: format!("mistral:{model}"),
            name: model,
            base_url: "https://api.mistral.ai/v1".to_owned(),
            api_key: None,
            dimensions: None,
            max_batch: MISTRAL_MAX_BATCH,
        }
    }

    /// Uses this key instead of `MISTRAL_API_KEY`.
    #[must_use]
    pub fn with_api_key(mut self, key: impl Into<ApiKey>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// Sends the requests to this base URL (the part before `/embeddings`) instead.
    #[must_use]
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// Asks for vectors of this length (`output_dimension`, which `codestral-embed` honours).
    #[must_use]
    pub fn with_dimensions(mut self, dimensions: usize) -> Self {
        self.dimensions = Some(dimensions);
        self
    }

    /// Sends at most this many texts per request (default [`MISTRAL_MAX_BATCH`]).
    #[must_use]
    pub fn with_max_batch(mut self, texts: usize) -> Self {
        self.max_batch = texts.max(1);
        self
    }
}

impl EmbeddingApi for MistralEmbeddings {
    fn api(&self) -> &str {
        "mistral"
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
        let key = self
            .api_key
            .clone()
            .or_else(|| ApiKey::from_env("MISTRAL_API_KEY"))
            .ok_or(ProviderError::MissingApiKey { provider: "mistral".to_owned(), env: "MISTRAL_API_KEY" })?;
        let mut body = Map::new();
        body.insert("model".to_owned(), json!(self.name));
        body.insert("input".to_owned(), json!(texts));
        if let Some(n) = self.dimensions {
            body.insert("output_dimension".to_owned(), json!(n));
        }
        let url = format!("{}/embeddings", http::trim_base(&self.base_url));
        Ok(HttpRequest::post_json(url, &Value::Object(body))
            .secret_header("authorization", ApiKey::new(format!("Bearer {}", key.expose()))))
    }

    fn parse(&self, reply: &HttpResponse) -> Result<Vec<Vec<f32>>> {
        data_by_index("mistral", &http::json_body("mistral", reply)?)
    }
}
