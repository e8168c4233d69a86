//! The error type of `memor-render`.

use std::fmt;

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while rendering, searching or exporting.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// memor's `MemorRenderError`: `Prompt template and properties are incompatible.`
    /// `detail` says what exactly failed (the template engine's message).
    Render {
        /// What failed, and where in the template.
        detail: String,
        /// The warnings memor emitted before it failed (a size warning comes first).
        warnings: Vec<crate::Warning>,
    },
    /// A render stopped at one of the template engines' limits (Tera's steps, time, value and
    /// output sizes, `range`; the length of memor's engine's text): a template that would
    /// hang the process or exhaust its memory. Unlike [`Render`](Self::Render), a search
    /// stops at it rather than skipping the message.
    Limit {
        /// The engine's message, naming the limit.
        detail: String,
    },
    /// No renderer is registered under this id (memor's `Invalid render format.` message).
    UnknownFormat {
        /// The id asked for.
        id: String,
        /// The ids that are registered.
        known: Vec<String>,
    },
    /// A renderer with this id is already registered.
    DuplicateFormat {
        /// The id registered twice.
        id: String,
    },
    /// A search pattern Python's `re` would refuse, or that the regex engine cannot run.
    Regex {
        /// The pattern as given.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
    /// A search stopped before its end: the regex needs more backtracking than the search's
    /// budget, or the search ran past its timeout.
    SearchStopped {
        /// The pattern as the user gave it (not its translation for the regex engine).
        pattern: String,
        /// Why it stopped.
        reason: String,
    },
    /// memor's `Invalid XML tree structure.` (see [`crate::xml`]).
    Xml(crate::xml::XmlError),
    /// A table row that is not a message.
    Table {
        /// The row (0-based, header excluded).
        row: usize,
        /// What is wrong.
        message: String,
    },
    /// An error of the data model (for example an index out of range).
    Core(memor_core::Error),
    /// A third-party renderer's own error.
    Custom(Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    pub(crate) fn render(detail: impl Into<String>) -> Self {
        Error::Render { detail: detail.into(), warnings: Vec::new() }
    }

    /// A template engine's error: [`Limit`](Self::Limit) for its limits, else
    /// [`Render`](Self::Render).
    pub(crate) fn engine(error: memor_templates::EngineError) -> Self {
        use memor_templates::{EngineError, FormatError};
        match error {
            EngineError::Limit { .. } | EngineError::Format(FormatError::TooLong { .. }) => {
                Error::Limit { detail: error.to_string() }
            }
            other => Error::render(other.to_string()),
        }
    }

    /// The warnings emitted before a render failed.
    pub fn warnings(&self) -> &[crate::Warning] {
        match self {
            Error::Render { warnings, .. } => warnings,
            _ => &[],
        }
    }

    fn with_warnings(mut self, emitted: Vec<crate::Warning>) -> Self {
        if let Error::Render { warnings, .. } = &mut self {
            *warnings = emitted;
        }
        self
    }

    /// Attaches what a failed render's context had collected.
    pub(crate) fn after(self, cx: crate::Context) -> Self {
        self.with_warnings(cx.into_warnings())
    }

    /// The specifics behind memor's fixed message, where there are any.
    pub fn detail(&self) -> Option<String> {
        match self {
            Error::Render { detail, .. } => Some(detail.clone()),
            Error::UnknownFormat { id, known } => Some(format!("no format `{id}`; known: {}", known.join(", "))),
            Error::Core(e) => e.detail().map(str::to_owned),
            Error::Xml(e) => Some(e.detail().to_string()),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Render { .. } => f.write_str("Prompt template and properties are incompatible."),
            Error::Limit { detail } => f.write_str(detail),
            Error::UnknownFormat { .. } => {
                f.write_str("Invalid render format. It must be an instance of RenderFormat enum.")
            }
            Error::DuplicateFormat { id } => {
                write!(f, "a render format `{id}` is already registered")
            }
            Error::Regex { pattern, message } => {
                write!(f, "invalid regular expression `{pattern}`: {message}")
            }
            Error::SearchStopped { pattern, reason } => write!(f, "search stopped: {reason} (pattern `{pattern}`)"),
            Error::Table { row, message } => write!(f, "row {row}: {message}"),
            Error::Xml(e) => e.fmt(f),
            Error::Core(e) => e.fmt(f),
            Error::Custom(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Core(e) => Some(e),
            Error::Xml(e) => Some(e),
            Error::Custom(e) => Some(&**e),
            _ => None,
        }
    }
}

impl From<memor_core::Error> for Error {
    fn from(e: memor_core::Error) -> Self {
        Error::Core(e)
    }
}

impl From<crate::xml::XmlError> for Error {
    fn from(e: crate::xml::XmlError) -> Self {
        Error::Xml(e)
    }
}
