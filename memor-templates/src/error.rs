//! [`FormatError`]: why a `str.format` render failed, with the field text and its byte offset.

use std::fmt;

/// Why [`format`](crate::format) failed.
///
/// Python raises `ValueError`, `KeyError`, `IndexError` or `TypeError` in these places; memor
/// turns every one of them into `MemorRenderError`. Each variant says what was wrong and where:
/// `offset` is a byte offset into the `content` given to [`format`](crate::format) (for a field
/// it is the offset of its opening `{`), and `field` is the field name (the field's text before
/// any `!conversion` or `:spec`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatError {
    /// The text is not a well-formed format string (Python `ValueError`), e.g. a single `}`,
    /// a `{` at the end, an unterminated field or a `[` without `]`.
    Syntax {
        /// Byte offset of the offending character or field.
        offset: usize,
        /// What is wrong, in Python's words where it has them.
        reason: String,
    },
    /// The field names a positional argument (`{}`, `{0}`); memor passes none.
    Positional {
        /// Byte offset of the field's `{`.
        offset: usize,
        /// The field name.
        field: String,
    },
    /// A name, key or index is not found, or the value cannot be indexed that way
    /// (Python `KeyError`, `IndexError` or `TypeError`).
    Lookup {
        /// Byte offset of the field's `{`.
        offset: usize,
        /// The field name.
        field: String,
        /// What failed.
        reason: String,
    },
    /// The field uses `.attribute` access, which gives Python-internal text; not supported.
    Attribute {
        /// Byte offset of the field's `{`.
        offset: usize,
        /// The field name.
        field: String,
        /// The attribute name.
        attribute: String,
    },
    /// The conversion after `!` is not `s`, `r` or `a`.
    Conversion {
        /// Byte offset of the field's `{`.
        offset: usize,
        /// The field name.
        field: String,
        /// The conversion character given.
        conversion: char,
    },
    /// The format spec is invalid, or invalid for the value's type (Python `ValueError` or
    /// `TypeError`).
    Spec {
        /// Byte offset of the field's `{`.
        offset: usize,
        /// The field name.
        field: String,
        /// The format spec, after nested fields were substituted.
        spec: String,
        /// What is wrong, in Python's words where it has them.
        reason: String,
    },
    /// A width or float precision above [`MAX_WIDTH`](crate::MAX_WIDTH): Python would build the
    /// huge string; this port refuses to.
    TooWide {
        /// Byte offset of the field's `{`.
        offset: usize,
        /// The field name.
        field: String,
        /// The format spec, after nested fields were substituted.
        spec: String,
    },
    /// The text would be longer than [`render_limit`](crate::render_limit) (many wide fields,
    /// or a long value repeated): Python would build it; this port stops.
    TooLong {
        /// The limit, in bytes.
        limit: usize,
    },
    /// A field inside a format spec itself has a nested field (Python allows one level).
    Recursion {
        /// Byte offset of the `:` starting the spec that holds the third level.
        offset: usize,
    },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax { offset, reason } => {
                write!(f, "invalid format string at byte {offset}: {reason}")
            }
            Self::Positional { offset, field } => {
                write!(f, "field {{{field}}} at byte {offset} is positional, and no positional arguments are given")
            }
            Self::Lookup { offset, field, reason } => write!(f, "field {{{field}}} at byte {offset}: {reason}"),
            Self::Attribute { offset, field, attribute } => {
                write!(f, "field {{{field}}} at byte {offset}: attribute access `.{attribute}` is not supported")
            }
            Self::Conversion { offset, field, conversion } => write!(
                f,
                "field {{{field}}} at byte {offset}: unknown conversion specifier {conversion:?} (expected s, r or a)"
            ),
            Self::Spec { offset, field, spec, reason } => {
                write!(f, "field {{{field}}} at byte {offset}: format spec {spec:?}: {reason}")
            }
            Self::TooWide { offset, field, spec } => write!(
                f,
                "field {{{field}}} at byte {offset}: format spec {spec:?}: width or precision above {} is not supported",
                crate::MAX_WIDTH
            ),
            Self::TooLong { limit } => write!(f, "the text is longer than the render limit of {limit} bytes"),
            Self::Recursion { offset } => write!(
                f,
                "invalid format string at byte {offset}: max string recursion exceeded (format specs nest one level only)"
            ),
        }
    }
}

impl std::error::Error for FormatError {}
