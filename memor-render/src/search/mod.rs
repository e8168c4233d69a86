//! memor's `Session.search` (spec §11.4): which messages' text contains a query.

mod fold;
mod python_regex;

use std::time::{Duration, Instant};

use memor_core::Session;

use crate::{Context, Error, MessageRef, Result, Warning};

/// The backtracking a regex search may spend across all messages, in the regex engine's
/// steps: a pattern that needs more (nested quantifiers, back-references) stops the search
/// with [`Error::SearchStopped`] instead of running for minutes.
pub const SEARCH_BACKTRACK_BUDGET: u64 = 10_000_000;

/// The backtracking one message may take (`fancy-regex`'s default limit per match).
const PER_MESSAGE: u64 = 1_000_000;

/// The first limit each message is tried with; cheaper messages are not counted.
const FIRST_TRY: u64 = 1_000;

/// How to match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SearchOptions {
    /// The query is a Python regular expression (else: plain text).
    pub regex: bool,
    /// Match case exactly (else: Python's Unicode case-insensitive matching).
    pub case_sensitive: bool,
    /// Stop with [`Error::SearchStopped`] once the search has run this long (checked between
    /// messages; no limit when `None`).
    pub timeout: Option<Duration>,
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
    Folded { finder: memchr::memmem::Finder<'static>, buffer: Vec<u8> },
    /// The pattern compiled with growing backtracking limits (each ten times the one before,
    /// up to [`PER_MESSAGE`]), and what the search has spent of [`SEARCH_BACKTRACK_BUDGET`].
    Regex { tries: Vec<(u64, fancy_regex::Regex)>, spent: u64 },
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
        let translated = python_regex::translate(query, !options.case_sensitive)
            .map_err(|message| Error::Regex { pattern: query.to_owned(), message })?;
        let mut tries = Vec::new();
        let mut limit = FIRST_TRY;
        while limit <= PER_MESSAGE {
            let regex = fancy_regex::RegexBuilder::new(&translated.pattern)
                .backtrack_limit(limit as usize)
                .build()
                .map_err(|e| Error::Regex { pattern: query.to_owned(), message: translated.message(&e) })?;
            tries.push((limit, regex));
            limit *= 10;
        }
        Ok(Matcher::Regex { tries, spent: 0 })
    }

    /// Whether `text` matches; `query` (the user's pattern) names it in errors.
    fn is_match(&mut self, text: &str, query: &str) -> Result<bool> {
        match self {
            Matcher::Plain(finder) => Ok(finder.find(text.as_bytes()).is_some()),
            Matcher::Folded { finder, buffer } => {
                // Folding maps one character to one character, so a match in the folded text
                // is a match in the text.
                buffer.clear();
                fold_into(text, buffer);
                Ok(finder.find(buffer).is_some())
            }
            Matcher::Regex { tries, spent } => {
                // Each try repeats the last one's work with ten times its limit, so what a
                // message is charged (the limit it needed) is at most ten times what it used.
                for (i, (limit, regex)) in tries.iter().enumerate() {
                    if i > 0 {
                        *spent += limit;
                        if *spent > SEARCH_BACKTRACK_BUDGET {
                            return Err(Error::SearchStopped {
                                pattern: query.to_owned(),
                                reason: BACKTRACKING.to_owned(),
                            });
                        }
                    }
                    match regex.is_match(text) {
                        Ok(found) => return Ok(found),
                        Err(fancy_regex::Error::RuntimeError(fancy_regex::RuntimeError::BacktrackLimitExceeded)) => {}
                        Err(e) => return Err(Error::Regex { pattern: query.to_owned(), message: e.to_string() }),
                    }
                }
                Err(Error::SearchStopped { pattern: query.to_owned(), reason: BACKTRACKING.to_owned() })
            }
        }
    }
}

/// `text` folded character by character ([`fold::fold`]) onto `out`: runs of ASCII bytes in
/// bulk, each other character through the table.
fn fold_into(text: &str, out: &mut Vec<u8>) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        out.extend(rest.as_bytes()[..ascii].iter().map(u8::to_ascii_lowercase));
        let mut chars = rest[ascii..].chars();
        if let Some(c) = chars.next() {
            out.extend_from_slice(fold::fold(c).encode_utf8(&mut [0; 4]).as_bytes());
        }
        rest = chars.as_str();
    }
}

/// What [`Error::SearchStopped`] says when the backtracking budget is spent.
const BACKTRACKING: &str = "the pattern needs too much backtracking";

/// Searches every message's text (memor's STRING render; messages that cannot render are
/// skipped, but a render that stops at a limit stops the search), in order. A regex search
/// spends at most [`SEARCH_BACKTRACK_BUDGET`] across all messages, and the search stops
/// after `options.timeout`; either is an [`Error::SearchStopped`].
pub fn search(session: &Session, query: &str, options: SearchOptions) -> Result<Found> {
    let started = Instant::now();
    let mut matcher = Matcher::new(query, options)?;
    let mut found = Found { indices: Vec::new(), warnings: Vec::new() };
    let mut cx = Context::new(true);
    for (i, message) in session.iter().enumerate() {
        if let Some(timeout) = options.timeout.filter(|t| started.elapsed() > *t) {
            let reason = format!("no answer within the timeout of {} s", timeout.as_secs_f64());
            return Err(Error::SearchStopped { pattern: query.to_owned(), reason });
        }
        let message = MessageRef::from(message);
        // As memor: the size warning comes first, even for a message that cannot render.
        cx.check_message_size(message);
        let text = match cx.text(message) {
            Ok(text) => text,
            Err(Error::Render { .. }) => continue,
            Err(e) => return Err(e),
        };
        if matcher.is_match(&text, query)? {
            found.indices.push(i);
        }
    }
    found.warnings = cx.into_warnings();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_in_runs_is_folding_each_character() {
        for text in [
            "",
            "Plain ASCII, Mixed Case",
            "ÄÖÜ straße",
            "a\u{212A}b \u{17F}S İstanbul",
            "東京 データ and MORE 😀 emoji😀X",
            "\u{212A}",
            "end with é",
        ] {
            let mut out = Vec::new();
            fold_into(text, &mut out);
            let each: String = text.chars().map(fold::fold).collect();
            assert_eq!(String::from_utf8(out).unwrap(), each, "{text}");
        }
    }
}
