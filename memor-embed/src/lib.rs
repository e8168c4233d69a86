//! Text embedders for memor's long-term memory: the [`Embedder`] trait (texts in, one vector
//! per text out, tagged with a stable [`model`](Embedder::model) id), the
//! [`EmbedderRegistry`] that opens an embedder from an id such as
//! `openai:text-embedding-3-small` or `local:/models/all-MiniLM-L6-v2`, and the built-ins:
//!
//! - remote APIs, sans-I/O like memor-providers' adapters: an [`EmbeddingApi`] builds each
//!   request and reads each reply, and [`HttpEmbedder`] sends the requests through
//!   memor-providers' [`Transport`](memor_providers::Transport) with its
//!   [`RetryPolicy`](memor_providers::RetryPolicy): [`OpenAiEmbeddings`] (and
//!   OpenAI-compatible servers), [`GeminiEmbeddings`], [`MistralEmbeddings`],
//!   [`OllamaEmbeddings`]. Texts are split into batches at each API's limit; every reply is
//!   checked (one vector per text, all of one length). Requests are what each API's official
//!   Python SDK sends for the same texts (`tests/sdk/judge.py` checks it).
//! - `LocalEmbedder` (feature `local-embed`): a sentence-transformers BERT model such as
//!   all-MiniLM-L6-v2 run in process (tokenize, BERT, mean pooling over the attention mask,
//!   L2 normalization), as sentence-transformers computes it.
//!
//! ```no_run
//! # fn main() -> Result<(), memor_embed::Error> {
//! use memor_embed::{Embedder, EmbedderRegistry};
//!
//! // The key comes from OPENAI_API_KEY.
//! let embedder = EmbedderRegistry::global().open("openai:text-embedding-3-small")?;
//! let vectors = embedder.embed(&["The cat sat on the mat.", "A dog barked."])?;
//! assert_eq!(vectors.len(), 2);
//! let query = embedder.embed_query("Where did the cat sit?")?;
//! # let _ = query;
//! # Ok(())
//! # }
//! ```
//!
//! API keys come from the environment variables memor-providers reads (`OPENAI_API_KEY`,
//! `GEMINI_API_KEY`, `MISTRAL_API_KEY`) unless given in code; base URLs are the APIs' own
//! unless given in code (`with_base_url`). Keys never appear in `Debug` output or in errors.
//!
//! An empty list of texts gives an empty list (no request); an empty text is an
//! [`Error::EmptyText`] naming its index. API errors carry the HTTP status and the API's
//! message ([`Error::Http`]).
//!
//! memor-embed knows nothing of storage: it makes vectors and nothing else.
//!
//! ## Plugins
//!
//! A crate adds a scheme with [`EmbedderRegistry::register`] on a registry value or, to
//! appear in the [global registry](EmbedderRegistry::global), with [`register_embedder!`].
//! Because a linker may drop a crate that nothing references (dtolnay/inventory#50), a plugin
//! crate should also export a `register` function that applications can call.
//!
//! ## Feature Flags
//!
//! - `ureq` (default): [`HttpEmbedder::new`] on memor-providers' blocking `UreqTransport`, and
//!   the `openai`, `gemini`, `mistral` and `ollama` schemes of the registry.
//! - `rustls` (default): HTTPS for that transport.
//! - `local-embed`: `LocalEmbedder` and the `local:DIR` scheme, on candle and the `tokenizers`
//!   crate (pure Rust; a heavy build). Without it, `local:` ids are an
//!   [`Error::Unsupported`].

#[macro_use]
mod endpoint;
mod embedder;
mod error;
mod gemini;
mod http;
#[cfg(feature = "local-embed")]
mod local;
mod mistral;
mod ollama;
mod openai;
mod registry;

pub use embedder::Embedder;
pub use error::{Error, Result};
pub use gemini::{GEMINI_MAX_BATCH, GeminiEmbeddings};
pub use http::{EmbeddingApi, HttpEmbedder, vectors};
#[cfg(feature = "local-embed")]
pub use local::LocalEmbedder;
pub use mistral::{MISTRAL_MAX_BATCH, MistralEmbeddings};
pub use ollama::{OLLAMA_MAX_BATCH, OllamaEmbeddings};
pub use openai::{OPENAI_MAX_BATCH, OpenAiEmbeddings};
pub use registry::{EmbedderFactory, EmbedderRegistry};

/// Registers the built-in schemes on `registry`: `openai:MODEL`, `gemini:MODEL`,
/// `mistral:MODEL`, `ollama:MODEL` (feature `ureq`, on by default) and `local:DIR` (a
/// sentence-transformers directory; an [`Error::Unsupported`] without the `local-embed`
/// feature). A scheme already there is an [`Error::DuplicateScheme`].
pub fn register(registry: &mut EmbedderRegistry) -> Result<()> {
    #[cfg(feature = "ureq")]
    {
        registry.register("openai", |model| Ok(Box::new(HttpEmbedder::new(OpenAiEmbeddings::new(model)))))?;
        registry.register("gemini", |model| Ok(Box::new(HttpEmbedder::new(GeminiEmbeddings::new(model)))))?;
        registry.register("mistral", |model| Ok(Box::new(HttpEmbedder::new(MistralEmbeddings::new(model)))))?;
        registry.register("ollama", |model| Ok(Box::new(HttpEmbedder::new(OllamaEmbeddings::new(model)))))?;
    }
    #[cfg(feature = "local-embed")]
    registry.register("local", |dir| Ok(Box::new(LocalEmbedder::open(dir)?)))?;
    #[cfg(not(feature = "local-embed"))]
    registry.register("local", |dir| {
        Err(Error::Unsupported {
            what: format!("local:{dir}: local embedders need the `local-embed` feature of memor-embed"),
        })
    })?;
    Ok(())
}

/// Registers an embedder scheme in the [global registry](EmbedderRegistry::global) of any
/// binary that links the calling crate: `scheme` and a function (or a closure capturing
/// nothing) from the rest of the id to `Result<Box<dyn Embedder>>`.
///
/// ```ignore
/// memor_embed::register_embedder!("mine", |rest| Ok(Box::new(MyEmbedder::new(rest))));
/// ```
#[macro_export]
macro_rules! register_embedder {
    ($scheme:expr, $factory:expr) => {
        $crate::__private::inventory::submit! {
            $crate::__private::EmbedderPlugin { scheme: $scheme, factory: $factory }
        }
    };
}

#[doc(hidden)]
pub mod __private {
    pub use inventory;

    /// An embedder scheme contributed by `register_embedder!`.
    pub struct EmbedderPlugin {
        /// The scheme.
        pub scheme: &'static str,
        /// Builds the embedder from the rest of the id.
        pub factory: fn(&str) -> crate::Result<Box<dyn crate::Embedder>>,
    }

    inventory::collect!(EmbedderPlugin);
}
