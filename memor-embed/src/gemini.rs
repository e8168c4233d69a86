//! Gemini embeddings (`POST {base}/v1/models/{model}:batchEmbedContents`, key in
//! `x-goog-api-key`).

use memor_providers::{HttpRequest, HttpResponse};
use serde_json::{Map, Value, json};

use crate::endpoint::Endpoint;
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
    endpoint: Endpoint,
}

impl GeminiEmbeddings {
    /// Gemini with this model (`gemini-embedding-001`, …; a `models/` prefix is dropped); the
    /// model id is `gemini:MODEL`.
    pub fn new(model: impl Into<String>) -> Self {
        let model = model.into();
        let model = model.strip_prefix("models/").map(str::to_owned).unwrap_or(model);
        let base = "https://generativelanguage.googleapis.com";
        GeminiEmbeddings { endpoint: Endpoint::new("gemini", model, base, GEMINI_MAX_BATCH) }
    }

    endpoint_builders!(key: "GEMINI_API_KEY", path: "/v1/models/…", field: "outputDimensionality", batch: GEMINI_MAX_BATCH);
}

impl EmbeddingApi for GeminiEmbeddings {
    endpoint_accessors!();

    fn request(&self, texts: &[&str]) -> Result<HttpRequest> {
        let key = self.endpoint.required_key("GEMINI_API_KEY")?;
        let model = format!("models/{}", self.endpoint.name);
        let requests: Vec<Value> = texts
            .iter()
            .map(|text| {
                let mut one = Map::new();
                one.insert("model".to_owned(), json!(model));
                one.insert("content".to_owned(), json!({"role": "user", "parts": [{"text": text}]}));
                if let Some(n) = self.endpoint.dimensions {
                    one.insert("outputDimensionality".to_owned(), json!(n));
                }
                Value::Object(one)
            })
            .collect();
        let url = self.endpoint.url(&format!("/v1/{model}:batchEmbedContents"));
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
