//! The error type of `memor-core`: memor 1.1's messages, word for word, as values.

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;

use crate::Kind;

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `memor-core`.
///
/// `Display` gives memor 1.1's exact message where memor has one, so a script that compared
/// Python memor's messages keeps working. Where memor's message does not say where the problem
/// is (the `*_STRUCT` family), [`Error::detail`] does.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// `Invalid value. `{param}` must be a string.`
    NotString {
        /// Parameter or field name.
        param: Cow<'static, str>,
    },
    /// `Invalid value. `{param}` must be a boolean.`
    NotBoolean {
        /// Parameter or field name.
        param: Cow<'static, str>,
    },
    /// `Invalid value. `{param}` must be a positive number.` (memor's "positive" means ≥ 0)
    NotPositiveNumber {
        /// Parameter or field name.
        param: Cow<'static, str>,
    },
    /// `Invalid value. `{param}` must be a positive integer.`
    NotPositiveInteger {
        /// Parameter or field name.
        param: Cow<'static, str>,
    },
    /// `Invalid value. `{param}` must be a value between 0 and 1.`
    NotProbability {
        /// Parameter or field name.
        param: Cow<'static, str>,
    },
    /// NaN or an infinity where memor would have stored it (DECISIONS D6).
    NotFinite {
        /// Parameter or field name (a path such as `messages[2].score` inside a file).
        param: Cow<'static, str>,
    },
    /// An integer in a file that does not fit 64 bits (DECISIONS D7).
    IntegerTooLarge {
        /// Field path inside the file.
        param: Cow<'static, str>,
    },
    /// `Invalid value. `{param}` must be a list of {type_name}.`
    NotListOf {
        /// Parameter or field name.
        param: Cow<'static, str>,
        /// What the list must hold, as memor words it (`booleans`, `` `Response` ``).
        type_name: &'static str,
    },
    /// `Invalid message ID. It must be a valid UUIDv4.`
    InvalidId,
    /// `Invalid message status length. It must be equal to the number of messages.`
    StatusLength,
    /// `Invalid custom map: it must be a dictionary with keys and values that can be converted to strings.`
    CustomMap,
    /// ``Invalid `warnings` structure. It must be a valid dictionary.``
    WarningsStructure,
    /// `Invalid {kind} structure. It should be a JSON object with proper fields.`
    Structure {
        /// The kind of object being loaded.
        kind: Kind,
        /// What exactly was wrong, and where.
        detail: String,
    },
    /// `Invalid path: must be a string and refer to an existing location. Given path: {path}`
    Path {
        /// The path that does not exist.
        path: PathBuf,
    },
    /// Reading or writing a file failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A checked save ([`Document::save_if_unchanged`](crate::Document::save_if_unchanged))
    /// found that the file changed since it was read (another program saved it); the file
    /// was left as that program wrote it.
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// A file whose kind cannot be told because an object in it has more keys than
    /// [`MAX_OBJECT_KEYS`](crate::json::MAX_OBJECT_KEYS) (with a kind given, the same file is
    /// refused with that kind's structure error, whose detail names the limit).
    TooWide {
        /// The line of the key past the limit (1-based).
        line: usize,
        /// Its column (1-based).
        column: usize,
    },
    /// A file whose kind cannot be told: not a JSON object, or a `"type"` other than
    /// `Prompt`, `Response` or `Session`.
    UnknownType,
    /// An index past the end of a list (Python's `IndexError`).
    IndexOutOfRange {
        /// What was indexed: `messages`, `responses`.
        what: &'static str,
        /// The index given.
        index: usize,
        /// The list's length.
        len: usize,
    },
}

impl Error {
    pub(crate) fn structure(kind: Kind, detail: impl Into<String>) -> Self {
        Error::Structure { kind, detail: detail.into() }
    }

    /// Where and what, for errors whose memor message does not say (structure errors).
    pub fn detail(&self) -> Option<&str> {
        match self {
            Error::Structure { detail, .. } => Some(detail),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotString { param } => write!(f, "Invalid value. `{param}` must be a string."),
            Error::NotBoolean { param } => write!(f, "Invalid value. `{param}` must be a boolean."),
            Error::NotPositiveNumber { param } => write!(f, "Invalid value. `{param}` must be a positive number."),
            Error::NotPositiveInteger { param } => write!(f, "Invalid value. `{param}` must be a positive integer."),
            Error::NotProbability { param } => write!(f, "Invalid value. `{param}` must be a value between 0 and 1."),
            Error::NotFinite { param } => {
                write!(f, "Invalid value. `{param}` must be a finite number (NaN and infinity are not supported).")
            }
            Error::IntegerTooLarge { param } => {
                write!(f, "Invalid value. `{param}` must be an integer below 2**64.")
            }
            Error::NotListOf { param, type_name } => write!(f, "Invalid value. `{param}` must be a list of {type_name}."),
            Error::InvalidId => f.write_str("Invalid message ID. It must be a valid UUIDv4."),
            Error::StatusLength => {
                f.write_str("Invalid message status length. It must be equal to the number of messages.")
            }
            Error::CustomMap => f.write_str(
                "Invalid custom map: it must be a dictionary with keys and values that can be converted to strings.",
            ),
            Error::WarningsStructure => f.write_str("Invalid `warnings` structure. It must be a valid dictionary."),
            Error::Structure { kind, .. } => {
                let name = match kind {
                    Kind::Prompt => "prompt",
                    Kind::Response => "response",
                    Kind::Session => "session",
                    Kind::Template => "template",
                };
                write!(f, "Invalid {name} structure. It should be a JSON object with proper fields.")
            }
            Error::Path { path } => write!(
                f,
                "Invalid path: must be a string and refer to an existing location. Given path: {}",
                path.display()
            ),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Changed { path } => write!(
                f,
                "{}: the file changed since it was read (another program saved it); it was not overwritten",
                path.display()
            ),
            Error::TooWide { line, column } => write!(
                f,
                "an object has more keys than the limit of {} (memor_core::json::MAX_OBJECT_KEYS): line {line} column {column}",
                crate::json::MAX_OBJECT_KEYS
            ),
            Error::UnknownType => f.write_str(
                "cannot tell what the file holds: it is not a JSON object whose \"type\" is Prompt, Response or Session (none: a template); name the kind",
            ),
            Error::IndexOutOfRange { what, index, len } => {
                write!(f, "index {index} out of range for {len} {what}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
