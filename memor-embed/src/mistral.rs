//! Mistral embeddings (`POST {base}/embeddings`, OpenAI-like, Bearer key).

use memor_providers::{ApiKey, HttpRequest, HttpResponse};
use serde_json::{Map, Value, json};

use crate::endpoint::Endpoint;
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
    endpoint: Endpoint,
}

impl MistralEmbeddings {
    /// Mistral with this model (`mistral-embed`, `codestral-embed`); the model id is
    /// `mistral:MODEL`.
    pub fn new(model: impl Into<String>) -> Self {
        MistralEmbeddings {
            endpoint: Endpoint::new("mistral", model.into(), "https://api.mistral.ai/v1", MISTRAL_MAX_BATCH),
        }
    }

    endpoint_builders!(key: "MISTRAL_API_KEY", path: "/embeddings", field: "output_dimension", batch: MISTRAL_MAX_BATCH);
}

impl EmbeddingApi for MistralEmbeddings {
    endpoint_accessors!();

    fn request(&self, texts: &[&str]) -> Result<HttpRequest> {
        let key = self.endpoint.required_key("MISTRAL_API_KEY")?;
        let mut body = Map::new();
        body.insert("model".to_owned(), json!(self.endpoint.name));
        body.insert("input".to_owned(), json!(texts));
        if let Some(n) = self.endpoint.dimensions {
            body.insert("output_dimension".to_owned(), json!(n));
        }
        let url = self.endpoint.url("/embeddings");
        Ok(HttpRequest::post_json(url, &Value::Object(body))
            .secret_header("authorization", ApiKey::new(format!("Bearer {}", key.expose()))))
    }

    fn parse(&self, reply: &HttpResponse) -> Result<Vec<Vec<f32>>> {
        data_by_index("mistral", &http::json_body("mistral", reply)?)
    }
}
