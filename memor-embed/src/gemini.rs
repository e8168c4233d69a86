//! Gemini embeddings (`POST {base}/v1/models/{model}:batchEmbedContents`, key in
//! `x-goog-api-key`).

use memor_providers::{ApiKey, Error as ProviderError, HttpRequest, HttpResponse};
use serde_json::{Map, Value, json};

use crate::http::{self, parse};
use crate::{EmbeddingApi, Result};

/// The most texts one `batchEmbedContents` request may hold (Gemini's documented limit).
pub const GEMINI_MAX_BATCH: usize = 100;

/// Gemini's embeddings API (`https://generativelanguage.googleapis.com`, API version `v1`,
/// key from `GEMINI_API_KEY` unless given). Every call is a `batchEmbedContents`, one
/// `user` content per text, as the official SDK sends even a single text; a length asked for
/// goes in each request's `outputDimensionality`.
#[derive(Clone, Debug)]
pub struct GeminiEmbeddings {
    id: String,
    /// The model's name in the API.
    name: String,
    base_url: String,
    api_key: Option<ApiKey>,
    dimensions: Option<usize>,
    max_batch: usize,
}

impl GeminiEmbeddings {
    /// Gemini with this model (`gemini-embedding-001`, …; a `models/` prefix is dropped); the
    /// model id is `gemini:MODEL`.
    pub fn new(model: impl Into<String>) -> Self {
        let model = model.into();
        let model = model.strip_prefix("models/").map(str::to_owned).unwrap_or(model);
        GeminiEmbeddings {
            id: format!("gemini:{model}"),
            name: model,
            base_url: "https://generativelanguage.googleapis.com".to_owned(),
            api_key: None,
            dimensions: None,
            max_batch: GEMINI_MAX_BATCH,
        }
    }

    /// Uses this key instead of `GEMINI_API_KEY`.
    #[must_use]
    pub fn with_api_key(mut self, key: impl Into<ApiKey>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// Sends the requests to this base URL (the part before `/v1/models/…`) instead.
    #[must_use]
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// Asks for vectors of this length (`outputDimensionality`).
    #[must_use]
    pub fn with_dimensions(mut self, dimensions: usize) -> Self {
        self.dimensions = Some(dimensions);
        self
    }

    /// Sends at most this many texts per request (default [`GEMINI_MAX_BATCH`]).
    #[must_use]
    pub fn with_max_batch(mut self, texts: usize) -> Self {
        self.max_batch = texts.max(1);
        self
    }
}

impl EmbeddingApi for GeminiEmbeddings {
    fn api(&self) -> &str {
        "gemini"
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
            .or_else(|| ApiKey::from_env("GEMINI_API_KEY"))
            .ok_or(ProviderError::MissingApiKey { provider: "gemini".to_owned(), env: "GEMINI_API_KEY" })?;
        let model = format!("models/{}", self.name);
        let requests: Vec<Value> = texts
            .iter()
            .map(|text| {
                let mut one = Map::new();
                one.insert("model".to_owned(), json!(model));
                one.insert("content".to_owned(), json!({"role": "user", "parts": [{"text": text}]}));
                if let Some(n) = self.dimensions {
                    one.insert("outputDimensionality".to_owned(), json!(n));
                }
                Value::Object(one)
            })
            .collect();
        let url = format!("{}/v1/{model}:batchEmbedContents", http::trim_base(&self.base_url));
        Ok(HttpRequest::post_json(url, &json!({"requests": requests})).secret_header("x-goog-api-key", key))
    }

    fn parse(&self, reply: &HttpResponse) -> Result<Vec<Vec<f32>>> {
        let body = http::json_body("gemini", reply)?;
        let list =
            body.get("embeddings").and_then(Value::as_array).ok_or_else(|| parse("gemini", "no list `embeddings`"))?;
        list.iter()
            .enumerate()
            .map(|(i, e)| match e.get("values") {
                Some(values) => http::number_list("gemini", values, &format!("embeddings[{i}].values")),
                None => Err(parse("gemini", format!("no `values` in embeddings[{i}]"))),
            })
            .collect()
    }
}
