//! The error type of `memor-tokenize`.

use std::fmt;

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while counting tokens.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// No counter is registered under this id.
    UnknownCounter {
        /// The id asked for.
        id: String,
        /// The ids that are registered, sorted.
        known: Vec<String>,
    },
    /// A counter with this id is already registered.
    DuplicateCounter {
        /// The id registered twice.
        id: String,
    },
    /// The text to count could not be rendered (memor's `MemorRenderError` for a prompt whose
    /// template does not fit it, or an unknown render format).
    Render(memor_render::Error),
    /// A chat render that is not an array of messages with string values.
    ChatFormat {
        /// The message's position in the array, if the array itself was fine.
        index: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A third-party counter's own error.
    Custom(Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    /// The specifics behind memor's fixed message, where there are any.
    pub fn detail(&self) -> Option<String> {
        match self {
            Error::Render(e) => e.detail(),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownCounter { id, known } => {
                write!(f, "no token counter `{id}`; known: {}", known.join(", "))
            }
            Error::DuplicateCounter { id } => write!(f, "a token counter `{id}` is already registered"),
            Error::Render(e) => e.fmt(f),
            Error::ChatFormat { index: Some(i), message } => write!(f, "chat message {i}: {message}"),
            Error::ChatFormat { index: None, message } => write!(f, "chat messages: {message}"),
            Error::Custom(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Render(e) => Some(e),
            Error::Custom(e) => Some(&**e),
            _ => None,
        }
    }
}

impl From<memor_render::Error> for Error {
    fn from(e: memor_render::Error) -> Self {
        Error::Render(e)
    }
}
