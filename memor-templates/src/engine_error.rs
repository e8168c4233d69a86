//! [`EngineError`]: why a template engine could not be found, registered or used.

use std::fmt;

use crate::FormatError;

/// Why an [`EngineRegistry`](crate::EngineRegistry) lookup or registration, or a
/// [`TemplateEngine`](crate::TemplateEngine) render, failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum EngineError {
    /// No engine is registered under this id.
    UnknownEngine {
        /// The id asked for.
        id: String,
        /// The ids that are registered, sorted.
        known: Vec<String>,
    },
    /// An engine with this id is already registered; ids are unique.
    DuplicateEngine {
        /// The id registered twice.
        id: String,
    },
    /// memor's engine (Python `str.format`) refused the template or its arguments.
    Format(FormatError),
    /// A template does not parse, or failed to render, in the named engine.
    Template {
        /// The id of the engine that failed (`tera`).
        engine: String,
        /// The 1-based line of the template the engine points at, when it says.
        line: Option<usize>,
        /// The 1-based column of the template the engine points at, when it says.
        column: Option<usize>,
        /// What failed, in the engine's words (its whole error chain).
        message: String,
    },
    /// A render stopped at one of the engine's limits (steps, time, the size of a value or of
    /// the output, a `range`), or memor's engine built a text longer than
    /// [`render_limit`](crate::render_limit).
    Limit {
        /// The id of the engine that stopped (`tera`, `memor`).
        engine: String,
        /// The limit, in words.
        message: String,
    },
    /// A third-party engine's own error.
    Custom(Box<dyn std::error::Error + Send + Sync>),
}

impl EngineError {
    /// Wraps a third-party engine's error.
    pub fn custom(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self::Custom(error.into())
    }
}

impl From<FormatError> for EngineError {
    fn from(error: FormatError) -> Self {
        Self::Format(error)
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownEngine { id, known } => {
                write!(f, "unknown template engine {id:?} (known engines: {})", known.join(", "))
            }
            Self::DuplicateEngine { id } => {
                write!(f, "template engine {id:?} is already registered")
            }
            Self::Format(error) => write!(f, "memor template: {error}"),
            Self::Template { engine, line, column, message } => match (line, column) {
                (Some(line), Some(column)) => write!(f, "{engine} template, line {line}, column {column}: {message}"),
                (Some(line), None) => write!(f, "{engine} template, line {line}: {message}"),
                _ => write!(f, "{engine} template: {message}"),
            },
            Self::Limit { engine, message } => write!(f, "{engine} template: render stopped at a limit: {message}"),
            Self::Custom(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for EngineError {
    /// `None` except for [`Custom`](Self::Custom) errors, whose source is passed through:
    /// every other variant's `Display` already holds the whole chain.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Custom(error) => error.source(),
            _ => None,
        }
    }
}
