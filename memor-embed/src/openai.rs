//! OpenAI embeddings (`POST {base}/embeddings`), also for OpenAI-compatible servers.

use memor_providers::{ApiKey, HttpRequest, HttpResponse};
use serde_json::{Map, Value, json};

use crate::endpoint::Endpoint;
use crate::http::{self, parse};
use crate::{EmbeddingApi, Result};

/// The most inputs one request may hold (OpenAI's documented limit; each input may also hold
/// at most 8192 tokens, and a request 300 000 tokens in all, which the API checks).
pub const OPENAI_MAX_BATCH: usize = 2048;

/// OpenAI's embeddings API, or an OpenAI-compatible server's
/// ([`compatible`](Self::compatible)). The key (`OPENAI_API_KEY` unless given) is sent as
/// `Authorization: Bearer`. As the official SDK does, vectors are asked for as base64
/// (`encoding_format`), a quarter of the JSON size; a reply with number lists is read too.
#[derive(Clone, Debug)]
pub struct OpenAiEmbeddings {
    endpoint: Endpoint,
    key_required: bool,
}

impl OpenAiEmbeddings {
    /// OpenAI itself (`https://api.openai.com/v1`) with this model
    /// (`text-embedding-3-small`, …); the model id is `openai:MODEL`.
    pub fn new(model: impl Into<String>) -> Self {
        let endpoint = Endpoint::new("openai", model.into(), "https://api.openai.com/v1", OPENAI_MAX_BATCH);
        OpenAiEmbeddings { endpoint, key_required: true }
    }

    /// An OpenAI-compatible server at `base_url` (the part before `/embeddings`); a key is
    /// sent only when one is given (in code or in `OPENAI_API_KEY`). The model id is still
    /// `openai:MODEL`.
    pub fn compatible(base_url: impl Into<String>, model: impl Into<String>) -> Self {
        OpenAiEmbeddings { key_required: false, ..Self::new(model).with_base_url(base_url) }
    }

    endpoint_builders!(key: "OPENAI_API_KEY", path: "/embeddings", field: "dimensions", batch: OPENAI_MAX_BATCH);
}

impl EmbeddingApi for OpenAiEmbeddings {
    endpoint_accessors!();

    fn request(&self, texts: &[&str]) -> Result<HttpRequest> {
        let mut body = Map::new();
        body.insert("input".to_owned(), json!(texts));
        body.insert("model".to_owned(), json!(self.endpoint.name));
        if let Some(n) = self.endpoint.dimensions {
            body.insert("dimensions".to_owned(), json!(n));
        }
        body.insert("encoding_format".to_owned(), json!("base64"));
        let url = self.endpoint.url("/embeddings");
        let request = HttpRequest::post_json(url, &Value::Object(body));
        let key = match self.key_required {
            true => Some(self.endpoint.required_key("OPENAI_API_KEY")?),
            false => self.endpoint.key("OPENAI_API_KEY"),
        };
        Ok(match key {
            Some(key) => request.secret_header("authorization", ApiKey::new(format!("Bearer {}", key.expose()))),
            None => request,
        })
    }

    fn parse(&self, reply: &HttpResponse) -> Result<Vec<Vec<f32>>> {
        data_by_index("openai", &http::json_body("openai", reply)?)
    }
}

/// The vectors of an OpenAI-shaped reply (`data[].embedding`, numbers or base64 little-endian
/// `f32`s), put in the order of their `index` (shared with Mistral).
pub(crate) fn data_by_index(api: &str, body: &Value) -> Result<Vec<Vec<f32>>> {
    let data = body.get("data").and_then(Value::as_array).ok_or_else(|| parse(api, "no list `data`"))?;
    let mut out: Vec<Option<Vec<f32>>> = vec![None; data.len()];
    for (i, item) in data.iter().enumerate() {
        let index = match item.get("index") {
            None => i,
            Some(index) => index
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| parse(api, format!("data[{i}].index is not a number")))?,
        };
        let what = format!("data[{i}].embedding");
        let vector = match item.get("embedding") {
            Some(Value::String(text)) => base64_floats(api, text, &what)?,
            Some(list) => http::number_list(api, list, &what)?,
            None => return Err(parse(api, format!("no `embedding` in data[{i}]"))),
        };
        match out.get_mut(index) {
            Some(slot @ None) => *slot = Some(vector),
            Some(Some(_)) => return Err(parse(api, format!("two vectors for index {index}"))),
            None => return Err(parse(api, format!("index {index} of {} vectors", data.len()))),
        }
    }
    // Every slot is filled: n distinct indices below n.
    Ok(out.into_iter().flatten().collect())
}

/// Little-endian `f32`s in standard base64 (padding optional).
fn base64_floats(api: &str, text: &str, what: &str) -> Result<Vec<f32>> {
    let bytes = base64(text).ok_or_else(|| parse(api, format!("{what} is neither numbers nor base64")))?;
    if bytes.is_empty() || bytes.len() % 4 != 0 {
        return Err(parse(api, format!("{what} holds {} bytes, not a whole number of f32s", bytes.len())));
    }
    Ok(bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
}

fn base64(text: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    };
    let text = text.trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= digit(c)? << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_decodes_padded_and_unpadded_text() {
        assert_eq!(base64("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(base64("aGVsbG8").as_deref(), Some(&b"hello"[..]));
        assert_eq!(base64("AACAPw==").as_deref(), Some(&1.0f32.to_le_bytes()[..]));
        assert_eq!(base64("a").as_deref(), None);
        assert_eq!(base64("a*bc"), None);
    }
}
