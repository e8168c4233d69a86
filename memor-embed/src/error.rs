//! The error type of `memor-embed`.

use std::fmt;

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while opening an embedder or embedding texts.
///
/// No variant ever holds an API key: HTTP errors are
/// [`memor_providers::Error`]s, whose texts copied from a server have the request's secrets
/// replaced by `<redacted>`.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Sending a request failed, the API answered with an error status (HTTP status and the
    /// API's message), retries ran out, or no API key was found.
    Http(memor_providers::Error),
    /// A text to embed is the empty string: the APIs refuse it, and no vector means
    /// nothing.
    EmptyText {
        /// Its index in the list given to [`embed`](crate::Embedder::embed).
        index: usize,
    },
    /// The reply could not be read as the API's shape.
    Parse {
        /// The API (`openai`, `gemini`, …).
        api: String,
        /// What was wrong.
        message: String,
    },
    /// The reply holds another number of vectors than texts were sent.
    Count {
        /// The API.
        api: String,
        /// Texts sent.
        expected: usize,
        /// Vectors received.
        got: usize,
    },
    /// A vector's length differs from the others' (or from the model's known length).
    Ragged {
        /// The model id.
        model: String,
        /// The text's index in the list given to [`embed`](crate::Embedder::embed).
        index: usize,
        /// The length of the others.
        expected: usize,
        /// This vector's length.
        got: usize,
    },
    /// An embedder id without a scheme (`scheme:rest`) or without the part after it.
    BadId {
        /// The id asked for.
        id: String,
    },
    /// No embedder scheme is registered under this name.
    UnknownScheme {
        /// The id asked for.
        id: String,
        /// The schemes that are registered, sorted.
        known: Vec<String>,
    },
    /// A scheme registered twice.
    DuplicateScheme {
        /// The scheme.
        scheme: String,
    },
    /// Something this build cannot do (a `local:` embedder without the `local-embed` feature).
    Unsupported {
        /// What was asked for, and what is needed.
        what: String,
    },
    /// A local model directory could not be read or run.
    Model {
        /// The directory.
        dir: String,
        /// What was wrong.
        message: String,
    },
    /// A third-party embedder's own error.
    Custom(Box<dyn std::error::Error + Send + Sync>),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Http(e) => e.fmt(f),
            Error::EmptyText { index } => write!(f, "text {index} is empty: there is nothing to embed"),
            Error::Parse { api, message } => write!(f, "{api}: unreadable embeddings reply: {message}"),
            Error::Count { api, expected, got } => {
                write!(f, "{api}: asked for {expected} vectors, the reply holds {got}")
            }
            Error::Ragged { model, index, expected, got } => {
                write!(f, "{model}: the vector of text {index} has {got} dimensions, the others {expected}")
            }
            Error::BadId { id } => {
                write!(f, "embedder id `{id}` is not `scheme:rest` (for example `openai:text-embedding-3-small`)")
            }
            Error::UnknownScheme { id, known } => {
                write!(f, "no embedder scheme for `{id}`; known: {}", known.join(", "))
            }
            Error::DuplicateScheme { scheme } => write!(f, "an embedder scheme `{scheme}` is already registered"),
            Error::Unsupported { what } => f.write_str(what),
            Error::Model { dir, message } => write!(f, "model directory {dir}: {message}"),
            Error::Custom(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Http(e) => Some(e),
            Error::Custom(e) => Some(&**e),
            _ => None,
        }
    }
}

impl From<memor_providers::Error> for Error {
    fn from(e: memor_providers::Error) -> Self {
        Error::Http(e)
    }
}
