//! [`EmbeddingApi`], the sans-I/O side of a remote embedding model, and [`HttpEmbedder`],
//! which sends its requests through a [`Transport`] with retries.

use std::sync::{Arc, OnceLock};

use memor_providers::{Header, HttpRequest, HttpResponse, RetryPolicy, Transport};

use crate::embedder::{check_lengths, check_texts};
use crate::{Embedder, Error, Result};

/// A remote embedding API without I/O: it builds the request for one batch of texts and reads
/// the reply. [`HttpEmbedder`] sends the requests. Implement it to add an API.
///
/// ```
/// use memor_embed::{EmbeddingApi, Result};
/// use memor_providers::{HttpRequest, HttpResponse};
///
/// /// An API that answers `{"vectors": [[…], …]}`.
/// struct Plain;
///
/// impl EmbeddingApi for Plain {
///     fn api(&self) -> &str {
///         "plain"
///     }
///     fn model(&self) -> &str {
///         "plain:v1"
///     }
///     fn max_batch(&self) -> usize {
///         16
///     }
///     fn request(&self, texts: &[&str]) -> Result<HttpRequest> {
///         Ok(HttpRequest::post_json("http://127.0.0.1:9/embed".to_owned(), &serde_json::json!({"texts": texts})))
///     }
///     fn parse(&self, reply: &HttpResponse) -> Result<Vec<Vec<f32>>> {
///         let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap_or_default();
///         memor_embed::vectors("plain", &body["vectors"])
///     }
/// }
///
/// let reply = HttpResponse { status: 200, headers: vec![], body: br#"{"vectors":[[0.5,1]]}"#.to_vec() };
/// assert_eq!(Plain.parse(&reply)?, vec![vec![0.5, 1.0]]);
/// # Ok::<(), memor_embed::Error>(())
/// ```
pub trait EmbeddingApi: Send + Sync + 'static {
    /// The API's name in errors: `openai`, `gemini`, …
    fn api(&self) -> &str;

    /// The model id vectors are tagged with (see [`Embedder::model`]).
    fn model(&self) -> &str;

    /// The vector length, when it is known before a call (asked for in the request).
    fn dimensions(&self) -> Option<usize> {
        None
    }

    /// The most texts one request may hold.
    fn max_batch(&self) -> usize;

    /// The request embedding `texts` (at most [`max_batch`](Self::max_batch), none empty).
    fn request(&self, texts: &[&str]) -> Result<HttpRequest>;

    /// The vectors of a 2xx reply, in the order of the texts sent.
    fn parse(&self, reply: &HttpResponse) -> Result<Vec<Vec<f32>>>;
}

/// An [`Embedder`] on a remote [`EmbeddingApi`]: texts are split into batches of the API's
/// [`max_batch`](EmbeddingApi::max_batch), each batch sent through the [`Transport`], retried
/// after 429 and 5xx replies by the [`RetryPolicy`] (as memor-providers' `Client` does;
/// transport errors are not retried, redirects are refused).
///
/// Every reply is checked: one vector per text, all of one length (the length the API was
/// asked for, else the first reply's, which [`dimensions`](Embedder::dimensions) reports from
/// then on). Texts an error copies from the server never show the request's secrets.
pub struct HttpEmbedder<A> {
    api: A,
    transport: Arc<dyn Transport>,
    retry: RetryPolicy,
    learned: OnceLock<usize>,
}

impl<A: EmbeddingApi> std::fmt::Debug for HttpEmbedder<A> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpEmbedder")
            .field("model", &self.api.model())
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl<A: EmbeddingApi> HttpEmbedder<A> {
    /// `api` on the default blocking transport (memor-providers' `UreqTransport`, 10 s to
    /// connect, 120 s to read) and the default retry policy.
    #[cfg(feature = "ureq")]
    pub fn new(api: A) -> Self {
        Self::with_transport(api, Arc::new(memor_providers::UreqTransport::default()))
    }

    /// `api` on this transport, with the default retry policy.
    pub fn with_transport(api: A, transport: Arc<dyn Transport>) -> Self {
        HttpEmbedder { api, transport, retry: RetryPolicy::default(), learned: OnceLock::new() }
    }

    /// Sets the retry policy.
    #[must_use]
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The API adapter.
    pub fn api(&self) -> &A {
        &self.api
    }

    fn embed_batch(&self, texts: &[&str], offset: usize) -> Result<Vec<Vec<f32>>> {
        let request = self.api.request(texts)?;
        let secrets = secrets(&request);
        let reply = self.send(&request).map_err(|e| redacted(e, &secrets))?;
        let vectors = self.api.parse(&reply).map_err(|e| redacted(e, &secrets))?;
        if vectors.len() != texts.len() {
            return Err(Error::Count { api: self.api.api().to_owned(), expected: texts.len(), got: vectors.len() });
        }
        let expected = self.dimensions();
        check_lengths(self.api.model(), &vectors, expected, offset)?;
        if let (None, Some(first)) = (expected, vectors.first()) {
            let _ = self.learned.set(first.len());
        }
        Ok(vectors)
    }

    /// The 2xx reply to `request`, retrying 429 and 5xx replies.
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse> {
        let mut attempt = 1;
        loop {
            let reply = self.transport.send(request)?;
            if (300..400).contains(&reply.status) {
                return Err(memor_providers::Error::Redirect {
                    url: request.url.clone(),
                    status: reply.status,
                    location: reply.header("location").map(str::to_owned),
                }
                .into());
            }
            if reply.is_success() {
                return Ok(reply);
            }
            match self.retry.delay(attempt, &reply) {
                Some(wait) => {
                    if !wait.is_zero() {
                        std::thread::sleep(wait);
                    }
                    attempt += 1;
                }
                None => {
                    let error = api_error(self.api.api(), &reply);
                    return Err(match attempt {
                        1 => error.into(),
                        attempts => memor_providers::Error::RetriesExhausted { attempts, last: Box::new(error) }.into(),
                    });
                }
            }
        }
    }
}

impl<A: EmbeddingApi> Embedder for HttpEmbedder<A> {
    fn model(&self) -> &str {
        self.api.model()
    }

    fn dimensions(&self) -> Option<usize> {
        self.api.dimensions().or_else(|| self.learned.get().copied())
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        check_texts(texts)?;
        let mut out = Vec::with_capacity(texts.len());
        for (i, batch) in texts.chunks(self.api.max_batch().max(1)).enumerate() {
            out.extend(self.embed_batch(batch, i * self.api.max_batch().max(1))?);
        }
        Ok(out)
    }
}

/// The error for a non-2xx reply: the API's message (`{"error":{"message"}}` with Gemini's
/// `status`, `{"error":"…"}`, `{"message"}`, `{"detail"}`), else the body's start.
pub(crate) fn api_error(api: &str, reply: &HttpResponse) -> memor_providers::Error {
    let body = serde_json::from_slice::<serde_json::Value>(&reply.body).ok();
    let message = body.as_ref().and_then(error_message).unwrap_or_else(|| body_start(&reply.body));
    memor_providers::Error::Api { provider: api.to_owned(), status: reply.status, message }
}

fn error_message(body: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match body.get("error") {
        Some(Value::Object(error)) => {
            let message = error.get("message")?.as_str()?;
            match error.get("status").and_then(Value::as_str) {
                Some(status) => Some(format!("{message} ({status})")),
                None => Some(message.to_owned()),
            }
        }
        Some(Value::String(message)) => Some(message.clone()),
        _ => body.get("message").or_else(|| body.get("detail")).and_then(|m| match m {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            // Mistral's validation errors: a list of {loc, msg, type}.
            other => Some(other.to_string()),
        }),
    }
}

fn body_start(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return "empty body".to_owned();
    }
    let mut start: String = text.chars().take(200).collect();
    if start.len() < text.len() {
        start.push('…');
    }
    start
}

/// The texts of `request` that must never be shown: its secret headers' values (and, for
/// `Bearer` values, the token alone).
fn secrets(request: &HttpRequest) -> Vec<String> {
    let mut secrets = Vec::new();
    for (_, value) in &request.headers {
        if let Header::Secret(key) = value {
            let key = key.expose();
            secrets.push(key.to_owned());
            if let Some((_, token)) = key.split_once(' ') {
                secrets.push(token.trim().to_owned());
            }
        }
    }
    secrets.retain(|s| s.len() >= 4);
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    secrets
}

fn redact(text: String, secrets: &[String]) -> String {
    secrets.iter().fold(text, |text, secret| text.replace(secret.as_str(), "<redacted>"))
}

/// `error` with every secret replaced by `<redacted>` in the texts it copied from a server.
fn redacted(error: Error, secrets: &[String]) -> Error {
    use memor_providers::Error as P;
    fn clean(e: P, secrets: &[String]) -> P {
        match e {
            P::Api { provider, status, message } => P::Api { provider, status, message: redact(message, secrets) },
            P::Transport { url, message } => {
                P::Transport { url: redact(url, secrets), message: redact(message, secrets) }
            }
            P::RetriesExhausted { attempts, last } => {
                P::RetriesExhausted { attempts, last: Box::new(clean(*last, secrets)) }
            }
            other => other,
        }
    }
    match error {
        Error::Http(e) => Error::Http(clean(e, secrets)),
        Error::Parse { api, message } => Error::Parse { api, message: redact(message, secrets) },
        other => other,
    }
}

/// Reads a JSON array of numbers as a vector (`what` names it in errors).
pub(crate) fn number_list(api: &str, value: &serde_json::Value, what: &str) -> Result<Vec<f32>> {
    let list = value.as_array().ok_or_else(|| parse(api, format!("{what} is not a list of numbers")))?;
    if list.is_empty() {
        return Err(parse(api, format!("{what} is empty")));
    }
    list.iter()
        .map(|n| n.as_f64().map(|n| n as f32).ok_or_else(|| parse(api, format!("{what} holds a non-number: {n}"))))
        .collect()
}

/// Reads a JSON array of vectors (arrays of numbers), as most embedding APIs answer.
pub fn vectors(api: &str, value: &serde_json::Value) -> Result<Vec<Vec<f32>>> {
    let list = value.as_array().ok_or_else(|| parse(api, "no list of vectors"))?;
    list.iter().enumerate().map(|(i, v)| number_list(api, v, &format!("vector {i}"))).collect()
}

/// The JSON body of a 2xx reply.
pub(crate) fn json_body(api: &str, reply: &HttpResponse) -> Result<serde_json::Value> {
    serde_json::from_slice(&reply.body).map_err(|e| parse(api, format!("not JSON: {e}")))
}

pub(crate) fn parse(api: &str, message: impl Into<String>) -> Error {
    Error::Parse { api: api.to_owned(), message: message.into() }
}

/// `base` without a trailing slash.
pub(crate) fn trim_base(base: &str) -> &str {
    base.trim_end_matches('/')
}
