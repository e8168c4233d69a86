//! memor's `universal_tokens_estimator` (spec §14.2), step by step: [`is_code`],
//! [`preprocess`], [`tokens`], then a count per token.

use std::borrow::Cow;

use memor_core::pychar::{decimal_value, is_space};

use super::words::{PREFIXES, SUFFIXES, is_keyword};
use crate::unicode::{is_alnum, is_digits};

/// memor's universal estimate of `text`'s tokens (`TokensEstimator.UNIVERSAL`).
pub fn estimate(text: &str) -> usize {
    if is_code(text) {
        tokens(text).map(code_tokens).sum()
    } else {
        let text = preprocess(text);
        let mut tokens = tokens(&text);
        std::iter::from_fn(|| tokens.next_kind()).map(|(kind, token)| text_tokens(kind, token)).sum()
    }
}

/// Whether memor takes `text` for code: it contains one of `= < > + - * / { } ( ) ;`.
pub fn is_code(text: &str) -> bool {
    // Without a branch per byte: a table look-up each, combined 64 bytes at a time.
    text.as_bytes().chunks(64).any(|chunk| chunk.iter().fold(false, |found, &b| found | CODE_CHARS[usize::from(b)]))
}

/// The bytes of `= < > + - * / { } ( ) ;`.
static CODE_CHARS: [bool; 256] = byte_set(b"=<>+-*/{}();");

/// The one-character tokens of memor's pattern `[+\-*/=<>(){}[\],.:;]`.
static PUNCT: [bool; 256] = byte_set(b"+-*/=<>(){}[],.:;");

/// A membership table of `bytes`.
const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

/// Python's regex `\w`: alphanumeric or `_`.
fn is_word(c: char) -> bool {
    c == '_' || is_alnum(c)
}

/// memor's contraction rule for text that is not code: every `'` between two word characters
/// becomes a space (`don't` → `don t`). Borrows when nothing changes.
pub fn preprocess(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    for (i, _) in text.match_indices('\'') {
        let before = text[..i].chars().next_back();
        let after = text[i + 1..].chars().next();
        if before.is_some_and(is_word) && after.is_some_and(is_word) {
            out.push_str(&text[copied..i]);
            out.push(' ');
            copied = i + 1;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Whether `b` is a one-character token of memor's pattern.
fn is_punct(b: u8) -> bool {
    PUNCT[usize::from(b)]
}

/// memor's tokens of `text`, left to right: what
/// `re.findall(r"[A-Za-z_][A-Za-z0-9_]*|[+\-*/=<>(){}[\],.:;]|\"[^\"]*\"|'[^']*'|\d+|\S", text)`
/// gives, with Python's `\d` (category `Nd`) and `\S` (not Python whitespace).
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// The iterator of [`tokens`].
#[derive(Clone, Debug)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

/// Which of memor's token patterns matched.
#[derive(Clone, Copy)]
enum Kind {
    /// `[A-Za-z_][A-Za-z0-9_]*`: ASCII, never all digits.
    Identifier,
    /// `\d+`: every character a decimal digit.
    Digits,
    /// One character, or a quoted run.
    Other,
}

impl<'a> Tokens<'a> {
    fn next_kind(&mut self) -> Option<(Kind, &'a str)> {
        loop {
            let rest = &self.text[self.pos..];
            let c = rest.chars().next()?;
            let (kind, len) = match c {
                'A'..='Z' | 'a'..='z' | '_' => {
                    let len = rest.bytes().skip(1).take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
                    (Kind::Identifier, len + 1)
                }
                '"' | '\'' => (Kind::Other, rest[1..].find(c).map_or(1, |end| end + 2)),
                _ if c.is_ascii() && is_punct(c as u8) => (Kind::Other, 1),
                _ if decimal_value(c).is_some() => {
                    let len = rest
                        .char_indices()
                        .find(|&(_, d)| decimal_value(d).is_none())
                        .map_or(rest.len(), |(end, _)| end);
                    (Kind::Digits, len)
                }
                _ if is_space(c) => {
                    self.pos += c.len_utf8();
                    continue;
                }
                _ => (Kind::Other, c.len_utf8()),
            };
            let token = &rest[..len];
            self.pos += len;
            return Some((kind, token));
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.next_kind().map(|(_, token)| token)
    }
}

/// `max(1, n // d)`.
fn at_least_one(n: usize, d: usize) -> usize {
    (n / d).max(1)
}

/// memor's `_count_code_tokens`.
fn code_tokens(token: &str) -> usize {
    let bytes = token.as_bytes();
    if is_keyword(token) || bytes.first().is_some_and(|&b| is_punct(b)) {
        return 1;
    }
    if is_digits(token) {
        return at_least_one(token.chars().count(), 4);
    }
    let quote = |b: Option<&u8>| matches!(b, Some(b'\'' | b'"'));
    if quote(bytes.first()) && quote(bytes.last()) {
        return at_least_one(token.chars().count(), 6);
    }
    let underscores = bytes.iter().filter(|&&b| b == b'_').count();
    if underscores > 0 {
        return underscores + 1;
    }
    let upper = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
    if upper > 0 {
        return upper;
    }
    1
}

/// memor's `_count_text_tokens`, knowing which pattern matched the token.
fn text_tokens(kind: Kind, token: &str) -> usize {
    let len = match kind {
        // ASCII: bytes are characters; never `isdigit`; one character is 1 either way.
        Kind::Identifier => token.len(),
        // `isdigit` holds for every decimal digit.
        Kind::Digits => return at_least_one(token.chars().count(), 4),
        Kind::Other => {
            let len = token.chars().count();
            if len == 1 {
                // Not alphanumeric: 1; a digit: max(1, 1 // 4); else no prefix or suffix fits
                // and there is one run: max(1, 1 // 2).
                return 1;
            }
            if is_digits(token) {
                return at_least_one(len, 4);
            }
            len
        }
    };
    // `len(token) > len(p) + 3`: no prefix (2 letters or more) fits 5 characters or fewer, no
    // suffix (1 letter or more) 4 or fewer.
    let prefixes =
        if len > 5 { PREFIXES.iter().filter(|p| len > p.len() + 3 && token.starts_with(*p)).count() } else { 0 };
    let suffixes =
        if len > 4 { SUFFIXES.iter().filter(|s| len > s.len() + 3 && token.ends_with(*s)).count() } else { 0 };
    prefixes + suffixes + at_least_one(vowel_runs(token), 2)
}

/// The number of parts `re.findall(r"[aeiou]+|[^aeiou]+", token)` gives: maximal runs of
/// lowercase ASCII vowels and of anything else. Counted on bytes, which gives the same runs
/// (every byte of a non-ASCII character is a non-vowel, like the character).
fn vowel_runs(token: &str) -> usize {
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut bytes = token.bytes();
    let Some(first) = bytes.next() else { return 0 };
    let mut previous = vowel(first);
    let mut runs = 1;
    for b in bytes {
        let v = vowel(b);
        runs += usize::from(v != previous);
        previous = v;
    }
    runs
}
