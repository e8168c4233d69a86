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
    Plain { needle: String, case_sensitive: bool },
    Regex(fancy_regex::Regex),
}

impl Matcher {
    fn new(query: &str, options: SearchOptions) -> Result<Self> {
        if !options.regex {
            let needle =
                if options.case_sensitive { query.to_owned() } else { query.chars().map(fold::fold).collect() };
            return Ok(Matcher::Plain { needle, case_sensitive: options.case_sensitive });
        }
        let pattern = python_regex::translate(query, !options.case_sensitive)
            .map_err(|message| Error::Regex { pattern: query.to_owned(), message })?;
        fancy_regex::Regex::new(&pattern)
            .map(Matcher::Regex)
            .map_err(|e| Error::Regex { pattern: query.to_owned(), message: e.to_string() })
    }

    fn is_match(&self, text: &str) -> Result<bool> {
        match self {
            Matcher::Plain { needle, case_sensitive: true } => Ok(text.contains(needle.as_str())),
            Matcher::Plain { needle, case_sensitive: false } => Ok(contains_folded(text, needle)),
            Matcher::Regex(re) => {
                re.is_match(text).map_err(|e| Error::Regex { pattern: re.as_str().to_owned(), message: e.to_string() })
            }
        }
    }
}

/// Whether `text` contains `needle` (already folded) under Python's case-insensitive
/// equality. Folding maps one character to one character, so folding the text and searching
/// finds exactly the matches; ASCII text skips the table.
fn contains_folded(text: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if text.is_ascii() {
        return needle.is_ascii() && contains_ascii_nocase(text.as_bytes(), needle.as_bytes());
    }
    let folded: String = text.chars().map(fold::fold).collect();
    folded.contains(needle)
}

/// ASCII case-insensitive search: candidates from `memchr2` on the needle's first byte in
/// both cases, each checked in full.
fn contains_ascii_nocase(text: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else { return true };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut from = 0;
    while let Some(i) = memchr::memchr2(lower, upper, &text[from..]) {
        let at = from + i;
        match text.get(at + 1..at + needle.len()) {
            Some(candidate) if candidate.eq_ignore_ascii_case(rest) => return true,
            Some(_) => from = at + 1,
            None => return false,
        }
    }
    false
}

/// Searches every message's text (memor's STRING render; messages that cannot render are
/// skipped), in order.
pub fn search(session: &Session, query: &str, options: SearchOptions) -> Result<Found> {
    let matcher = Matcher::new(query, options)?;
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
