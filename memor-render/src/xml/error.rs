//! The error of the XML helpers: memor's single message, with the specifics kept aside.

use std::fmt;

/// Why `xml_tree` or `message_from_tree` failed.
///
/// `Display` is memor's message, word for word (`Invalid XML tree structure.`); what went wrong
/// and where is in [`XmlError::detail`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    detail: String,
}

impl XmlError {
    /// memor's message for every XML failure (`INVALID_XML_TREE_MESSAGE`).
    pub const MESSAGE: &'static str = "Invalid XML tree structure.";

    pub(super) fn new(detail: impl Into<String>) -> Self {
        Self { detail: detail.into() }
    }

    /// An error found at byte `offset` of the text being parsed.
    pub(super) fn at(offset: usize, what: &str) -> Self {
        Self::new(format!("{what} (at byte {offset} of the text)"))
    }

    /// What went wrong, and where (a byte offset into the text, or a path into the tree).
    pub fn detail(&self) -> &str {
        &self.detail
    }
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Self::MESSAGE)
    }
}

impl std::error::Error for XmlError {}
