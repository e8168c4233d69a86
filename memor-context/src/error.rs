//! The error type of `memor-context`.

use std::fmt;

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while fitting a session into a window.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The model is not in the model table, so its window is not known: give a budget.
    UnknownModel {
        /// The model asked for.
        model: String,
    },
    /// The reply reserve leaves nothing for the request.
    Budget {
        /// The budget (the whole window: request and reply).
        budget: usize,
        /// The tokens kept for the reply.
        reserve: usize,
    },
    /// What must be sent (system and pinned messages, the newest user turn with its tool
    /// exchange, the fixed overhead) does not fit in the budget.
    TooLarge {
        /// Tokens of the newest user turn (its group: a tool call and its results count together).
        newest: usize,
        /// Index in the session of the newest user turn (none when the session has none).
        newest_index: Option<usize>,
        /// Tokens of the system and pinned messages.
        pinned: usize,
        /// Tokens every request costs (reply priming, tool definitions).
        fixed: usize,
        /// What the request may use: budget minus reserve.
        available: usize,
        /// The budget.
        budget: usize,
        /// The reserve for the reply.
        reserve: usize,
    },
    /// A tool result that answers no tool call of the message just before it: the session
    /// itself is broken, not its window.
    Orphan {
        /// The message's index in the session.
        index: usize,
        /// The call id it answers.
        call_id: String,
    },
    /// A message's text could not be rendered (its template does not fit it).
    Render(memor_render::Error),
    /// A token counter could not be found.
    Tokenize(memor_tokenize::Error),
    /// A provider call (a counting endpoint, a summary) failed.
    Provider(memor_providers::Error),
    /// A counting endpoint answered something that is not a count.
    Endpoint {
        /// The URL called.
        url: String,
        /// What was wrong.
        message: String,
    },
    /// A summarizer's or counter's own error.
    Custom(Box<dyn std::error::Error + Send + Sync>),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownModel { model } => {
                write!(f, "model `{model}` is not in the model table, so its window is unknown: give a budget")
            }
            Error::Budget { budget, reserve } => {
                write!(f, "the reply reserve ({reserve} tokens) leaves nothing of the budget ({budget} tokens)")
            }
            Error::TooLarge { newest, newest_index, pinned, fixed, available, budget, reserve } => {
                let needed = newest + pinned + fixed;
                match newest_index {
                    Some(i) => write!(f, "the newest user turn (message {i}) needs {newest} tokens")?,
                    None => write!(f, "the session has no user turn")?,
                }
                write!(
                    f,
                    "; with the system and pinned messages ({pinned}) and the fixed overhead ({fixed}) that is \
                     {needed} tokens, more than the {available} available (budget {budget} minus reserve {reserve})"
                )
            }
            Error::Orphan { index, call_id } => write!(
                f,
                "message {index}: the tool result for call `{call_id}` answers no call of the message just before it"
            ),
            Error::Render(e) => e.fmt(f),
            Error::Tokenize(e) => e.fmt(f),
            Error::Provider(e) => e.fmt(f),
            Error::Endpoint { url, message } => write!(f, "{url}: {message}"),
            Error::Custom(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Render(e) => Some(e),
            Error::Tokenize(e) => Some(e),
            Error::Provider(e) => Some(e),
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

impl From<memor_tokenize::Error> for Error {
    fn from(e: memor_tokenize::Error) -> Self {
        Error::Tokenize(e)
    }
}

impl From<memor_providers::Error> for Error {
    fn from(e: memor_providers::Error) -> Self {
        Error::Provider(e)
    }
}
