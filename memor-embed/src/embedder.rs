//! The [`Embedder`] trait, and the checks every embedder makes of its input and output.

use crate::{Error, Result};

/// Turns texts into vectors for similarity search. Object-safe and shared across threads:
/// stored as `Box<dyn Embedder>` or `Arc<dyn Embedder>`.
///
/// Vectors are tagged with [`model`](Self::model); a store refuses vectors of another model,
/// since vectors of two models cannot be compared.
///
/// ```
/// use memor_embed::{Embedder, Result};
///
/// /// Counts the letters a, b and c: a toy embedder.
/// struct Letters;
///
/// impl Embedder for Letters {
///     fn model(&self) -> &str {
///         "toy:letters"
///     }
///     fn dimensions(&self) -> Option<usize> {
///         Some(3)
///     }
///     fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
///         Ok(texts.iter().map(|t| ['a', 'b', 'c'].map(|c| t.matches(c).count() as f32).to_vec()).collect())
///     }
/// }
///
/// assert_eq!(Letters.embed_query("abba")?, vec![2.0, 2.0, 0.0]);
/// # Ok::<(), memor_embed::Error>(())
/// ```
pub trait Embedder: Send + Sync + 'static {
    /// Stable id of the model that makes the vectors, e.g. `"openai:text-embedding-3-small"`,
    /// `"local:all-MiniLM-L6-v2"`. Vectors are tagged with it; a store refuses other models'
    /// vectors.
    fn model(&self) -> &str;

    /// Vector length, when known before the first call (local models know it; a remote one
    /// may return `None` until a call).
    fn dimensions(&self) -> Option<usize>;

    /// One vector per text, in order; batched internally as the API allows. An empty list
    /// gives an empty list; an empty text is an [`Error::EmptyText`] naming its index.
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>>;

    /// Embeds one query text.
    fn embed_query(&self, text: &str) -> Result<Vec<f32>> {
        let mut vectors = self.embed(&[text])?;
        match (vectors.pop(), vectors.is_empty()) {
            (Some(vector), true) => Ok(vector),
            (last, _) => Err(Error::Count {
                api: self.model().to_owned(),
                expected: 1,
                got: vectors.len() + usize::from(last.is_some()),
            }),
        }
    }
}

impl<E: Embedder + ?Sized> Embedder for Box<E> {
    fn model(&self) -> &str {
        (**self).model()
    }
    fn dimensions(&self) -> Option<usize> {
        (**self).dimensions()
    }
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        (**self).embed(texts)
    }
    fn embed_query(&self, text: &str) -> Result<Vec<f32>> {
        (**self).embed_query(text)
    }
}

impl<E: Embedder + ?Sized> Embedder for std::sync::Arc<E> {
    fn model(&self) -> &str {
        (**self).model()
    }
    fn dimensions(&self) -> Option<usize> {
        (**self).dimensions()
    }
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        (**self).embed(texts)
    }
    fn embed_query(&self, text: &str) -> Result<Vec<f32>> {
        (**self).embed_query(text)
    }
}

/// An [`Error::EmptyText`] for the first empty text.
pub(crate) fn check_texts(texts: &[&str]) -> Result<()> {
    match texts.iter().position(|t| t.is_empty()) {
        Some(index) => Err(Error::EmptyText { index }),
        None => Ok(()),
    }
}

/// An [`Error::Ragged`] for the first vector whose length is not `expected` (else the first
/// vector's length); `offset` is the index of `vectors[0]` in the caller's list.
pub(crate) fn check_lengths(model: &str, vectors: &[Vec<f32>], expected: Option<usize>, offset: usize) -> Result<()> {
    let Some(expected) = expected.or_else(|| vectors.first().map(Vec::len)) else { return Ok(()) };
    match vectors.iter().position(|v| v.len() != expected) {
        Some(i) => Err(Error::Ragged { model: model.to_owned(), index: offset + i, expected, got: vectors[i].len() }),
        None => Ok(()),
    }
}
