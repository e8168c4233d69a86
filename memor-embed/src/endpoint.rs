//! What every remote embedding API is set up with (the model, where it is, the key, the
//! vector length asked for, the batch size), the builder methods that set it, and the
//! [`EmbeddingApi`](crate::EmbeddingApi) accessors that read it: written once, for each API.

use memor_providers::{ApiKey, Error as ProviderError};

use crate::Result;

/// One remote embedding API's settings.
#[derive(Clone, Debug)]
pub(crate) struct Endpoint {
    /// The API's name in errors and the model id's prefix: `openai`, `gemini`, …
    pub(crate) api: &'static str,
    /// The model id vectors are tagged with: `API:MODEL`.
    pub(crate) id: String,
    /// The model's name in the API.
    pub(crate) name: String,
    pub(crate) base_url: String,
    pub(crate) api_key: Option<ApiKey>,
    /// The vector length asked for.
    pub(crate) dimensions: Option<usize>,
    pub(crate) max_batch: usize,
}

impl Endpoint {
    pub(crate) fn new(api: &'static str, model: String, base_url: &str, max_batch: usize) -> Self {
        Endpoint {
            api,
            id: format!("{api}:{model}"),
            name: model,
            base_url: base_url.to_owned(),
            api_key: None,
            dimensions: None,
            max_batch,
        }
    }

    /// The key given, else the one in the environment variable `env`.
    pub(crate) fn key(&self, env: &str) -> Option<ApiKey> {
        self.api_key.clone().or_else(|| ApiKey::from_env(env))
    }

    /// [`key`](Self::key), or the error that names `env`.
    pub(crate) fn required_key(&self, env: &'static str) -> Result<ApiKey> {
        Ok(self.key(env).ok_or(ProviderError::MissingApiKey { provider: self.api.to_owned(), env })?)
    }

    /// The URL of `path` under the base URL.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", crate::http::trim_base(&self.base_url))
    }
}

/// The builder methods of an API type with an `endpoint: Endpoint` field: `with_base_url`
/// (`path` is what follows the base URL), `with_dimensions` (`field` is the request's name
/// for it), `with_max_batch` (`batch` its default), and `with_api_key` when `key` names the
/// environment variable it replaces.
macro_rules! endpoint_builders {
    (key: $env:literal, $($rest:tt)*) => {
        #[doc = concat!("Uses this key instead of `", $env, "`.")]
        #[must_use]
        pub fn with_api_key(mut self, key: impl Into<memor_providers::ApiKey>) -> Self {
            self.endpoint.api_key = Some(key.into());
            self
        }

        endpoint_builders!($($rest)*);
    };
    (path: $path:literal, field: $field:literal, batch: $batch:ident) => {
        #[doc = concat!("Sends the requests to this base URL (the part before `", $path, "`) instead.")]
        #[must_use]
        pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
            self.endpoint.base_url = base_url.into();
            self
        }

        #[doc = concat!("Asks for vectors of this length (`", $field, "`; models that cannot shorten theirs ignore it or refuse).")]
        #[must_use]
        pub fn with_dimensions(mut self, dimensions: usize) -> Self {
            self.endpoint.dimensions = Some(dimensions);
            self
        }

        #[doc = concat!("Sends at most this many texts per request (default [`", stringify!($batch), "`]).")]
        #[must_use]
        pub fn with_max_batch(mut self, texts: usize) -> Self {
            self.endpoint.max_batch = texts.max(1);
            self
        }
    };
}

/// The [`EmbeddingApi`](crate::EmbeddingApi) methods that read an `endpoint: Endpoint` field.
macro_rules! endpoint_accessors {
    () => {
        fn api(&self) -> &str {
            self.endpoint.api
        }

        fn model(&self) -> &str {
            &self.endpoint.id
        }

        fn dimensions(&self) -> Option<usize> {
            self.endpoint.dimensions
        }

        fn max_batch(&self) -> usize {
            self.endpoint.max_batch
        }
    };
}
