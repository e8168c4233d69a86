//! Text embedders behind one trait (interface only; the embedders land with their branch).

use std::fmt;

/// What can go wrong embedding.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// An embedder's own failure.
    Custom(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Custom(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

/// `Result` with memor-embed's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Turns texts into vectors.
pub trait Embedder: Send + Sync + 'static {
    /// The id of the model that makes the vectors.
    fn model(&self) -> &str;
    /// The vectors' length, when known before a call.
    fn dimensions(&self) -> Option<usize>;
    /// One vector per text, in order.
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>>;
    /// One query's vector.
    fn embed_query(&self, text: &str) -> Result<Vec<f32>> {
        self.embed(&[text])?.pop().ok_or_else(|| Error::Custom("the embedder returned no vector".into()))
    }
}

/// The embedders by id scheme (interface only until the embedders land).
#[derive(Debug, Default)]
pub struct EmbedderRegistry {}

impl EmbedderRegistry {
    /// The registry of the built-in embedders.
    pub fn global() -> &'static EmbedderRegistry {
        static GLOBAL: EmbedderRegistry = EmbedderRegistry {};
        &GLOBAL
    }

    /// The embedder `id` (`scheme:rest`) names.
    pub fn open(&self, id: &str) -> Result<Box<dyn Embedder>> {
        Err(Error::Custom(format!("unknown embedder `{id}`")))
    }
}
