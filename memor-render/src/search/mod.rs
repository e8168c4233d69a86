//! memor's `Session.search` (spec §11.4): which messages' text contains a query.

mod fold;
mod python_regex;

use memor_core::Session;

use crate::{Context, Error, MessageRef, Result, Warning};

/// How to match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SearchOptions {
    /// The query is a Python regular expression (else: plain text).
    pub regex: bool,
    /// Match case exactly (else: Python's Unicode case-insensitive matching).
    pub case_sensitive: bool,
}

/// What a search finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Indices of the messages whose text matches, masked ones included (as in memor).
    pub indices: Vec<usize>,
    /// The size warnings memor emits while rendering each message.
    pub warnings: Vec<Warning>,
}

/// A compiled query.
enum Matcher {
    /// Exact text.
    Plain(memchr::memmem::Finder<'static>),
    /// Python's case-insensitive equality: the folded needle, found in the folded text.
    Folded {
        finder: memchr::memmem::Finder<'static>,
        buffer: Vec<u8>,
    },
    Regex(fancy_regex::Regex),
}

impl Matcher {
    fn new(query: &str, options: SearchOptions) -> Result<Self> {
        if !options.regex && options.case_sensitive {
            return Ok(Matcher::Plain(memchr::memmem::Finder::new(query.as_bytes()).into_owned()));
        }
        if !options.regex {
            let folded: String = query.chars().map(fold::fold).collect();
            let finder = memchr::memmem::Finder::new(folded.as_bytes()).into_owned();
            return Ok(Matcher::Folded { finder, buffer: Vec::new() });
        }
        let pattern = python_regex::translate(query, !options.case_sensitive)
            .map_err(|message| Error::Regex { pattern: query.to_owned(), message })?;
        fancy_regex::Regex::new(&pattern)
            .map(Matcher::Regex)
            .map_err(|e| Error::Regex { pattern: query.to_owned(), message: e.to_string() })
    }

    fn is_match(&mut self, text: &str) -> Result<bool> {
        match self {
            Matcher::Plain(finder) => Ok(finder.find(text.as_bytes()).is_some()),
            Matcher::Folded { finder, buffer } => {
                // Folding maps one character to one character, so a match in the folded text
                // is a match in the text. ASCII text skips the table.
                buffer.clear();
                if text.is_ascii() {
                    buffer.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
                } else {
                    let mut utf8 = [0; 4];
                    for c in text.chars() {
                        buffer.extend_from_slice(fold::fold(c).encode_utf8(&mut utf8).as_bytes());
                    }
                }
                Ok(finder.find(buffer).is_some())
            }
            Matcher::Regex(re) => {
                re.is_match(text).map_err(|e| Error::Regex { pattern: re.as_str().to_owned(), message: e.to_string() })
            }
        }
    }
}

/// Searches every message's text (memor's STRING render; messages that cannot render are
/// skipped), in order.
pub fn search(session: &Session, query: &str, options: SearchOptions) -> Result<Found> {
    let mut matcher = Matcher::new(query, options)?;
    let mut found = Found { indices: Vec::new(), warnings: Vec::new() };
    let mut cx = Context::new(true);
    for (i, message) in session.iter().enumerate() {
        let message = MessageRef::from(message);
        // As memor: the size warning comes first, even for a message that cannot render.
        cx.check_message_size(message);
        let text = match cx.text(message) {
            Ok(text) => text,
            Err(Error::Render { .. }) => continue,
            Err(e) => return Err(e),
        };
        if matcher.is_match(&text)? {
            found.indices.push(i);
        }
    }
    found.warnings = cx.into_warnings();
    Ok(found)
}
