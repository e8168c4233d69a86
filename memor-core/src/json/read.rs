//! A JSON reader with the semantics of Python's `json.loads` (spec §13.3).
//!
//! It accepts what Python accepts (`NaN`, `Infinity`, `-Infinity`, duplicate keys, integers of
//! any size) and rejects what Python rejects (raw control characters in strings, a leading BOM,
//! trailing data), so that loading decides exactly like memor. Strings without escapes are
//! borrowed from the input; numbers keep their integer/float distinction. Lone surrogate
//! escapes, which Python keeps but a Rust `String` cannot hold, are rejected (DECISIONS D15).

use std::borrow::Cow;
use std::fmt;

use super::scan;

/// The value of each hex digit, `-1` for every other byte.
const HEX: [i8; 256] = {
    let mut table = [-1; 256];
    let mut i = 0;
    while i < 10 {
        table[b'0' as usize + i] = i as i8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        table[b'a' as usize + i] = 10 + i as i8;
        table[b'A' as usize + i] = 10 + i as i8;
        i += 1;
    }
    table
};

/// Nesting deeper than this is rejected, as Python's recursion limit rejects it.
const MAX_DEPTH: usize = 1000;

/// An object with more keys than this is rejected as soon as the next key is read, so a file
/// cannot make the loader build a huge map (memor's own objects have a dozen keys; Python has
/// no limit). Arrays have none: a session's messages are an array.
pub const MAX_OBJECT_KEYS: usize = 100_000;

/// The message of the error for an object with more than [`MAX_OBJECT_KEYS`] keys.
const TOO_WIDE: &str = "an object has more keys than the limit of 100000 (memor_core::json::MAX_OBJECT_KEYS)";

/// A parsed JSON value, close to the input text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Raw<'a> {
    Null,
    Bool(bool),
    /// An integer literal, kept as text: Python integers have no size limit.
    Int(&'a str),
    /// Any number with a fraction or exponent, or `NaN`/`Infinity`; may be non-finite.
    Float(f64),
    Str(Cow<'a, str>),
    Array(Vec<Raw<'a>>),
    /// Key/value pairs in input order, duplicates included (look-ups take the last).
    Object(Vec<(Cow<'a, str>, Raw<'a>)>),
}

impl<'a> Raw<'a> {
    /// The value of `key` in an object (the last one, as Python's dict keeps it).
    pub(crate) fn get<'r>(pairs: &'r [(Cow<'a, str>, Raw<'a>)], key: &str) -> Option<&'r Raw<'a>> {
        pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Python's type name of the value, for error details.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Raw::Null => "null",
            Raw::Bool(_) => "boolean",
            Raw::Int(_) => "integer",
            Raw::Float(_) => "float",
            Raw::Str(_) => "string",
            Raw::Array(_) => "array",
            Raw::Object(_) => "object",
        }
    }
}

/// A prompt or response object read straight into a table of its known keys: no vector of
/// pairs, no search by key. Other keys are read (to check the syntax) and dropped, which is
/// all memor does with them; a repeated key keeps its last value, as a Python dict does.
#[derive(Debug, Default)]
pub(crate) struct Slots<'a> {
    /// One per key a prompt or response has (see `index`): memor's, then ours. A key missing
    /// here is dropped by the streamed loader, so every key the loaders read must be listed.
    values: [Option<Raw<'a>>; 24],
    /// The text of the `template` value, when it was read.
    template_text: Option<&'a str>,
    /// The `template` value was the parser's [`Parser::known_template`] text, so it was
    /// skipped rather than read (and its slot left empty): the loader reuses what it made of
    /// that text.
    pub(crate) same_template: bool,
}

impl<'a> Slots<'a> {
    /// The index of `"template"`.
    const TEMPLATE: usize = 18;

    #[inline]
    fn index(key: &str) -> Option<usize> {
        // A `match` compiles to a dispatch on length, then one comparison.
        Some(match key {
            "type" => 0,
            "message" => 1,
            "warnings" => 2,
            "score" => 3,
            "temperature" => 4,
            "top_k" => 5,
            "tokens" => 6,
            "inference_time" => 7,
            "top_p" => 8,
            "role" => 9,
            "model" => 10,
            "gpu" => 11,
            "id" => 12,
            "memor_version" => 13,
            "date_created" => 14,
            "date_modified" => 15,
            "responses" => 16,
            "selected_response_index" => 17,
            "template" => Self::TEMPLATE,
            "provider_metadata" => 19,
            "tool_calls" => 20,
            "tool_results" => 21,
            "images" => 22,
            "reasoning" => 23,
            _ => return None,
        })
    }

    /// The keys by index, as [`index`](Self::index) numbers them.
    const KEYS: [&'static str; 24] = [
        "type",
        "message",
        "warnings",
        "score",
        "temperature",
        "top_k",
        "tokens",
        "inference_time",
        "top_p",
        "role",
        "model",
        "gpu",
        "id",
        "memor_version",
        "date_created",
        "date_modified",
        "responses",
        "selected_response_index",
        "template",
        "provider_metadata",
        "tool_calls",
        "tool_results",
        "images",
        "reasoning",
    ];

    /// The keys that follow key `last` (`None`: the first key) in the order memor writes a
    /// prompt's and a response's, most likely first.
    #[inline]
    fn next_keys(last: Option<usize>) -> &'static [usize] {
        match last {
            None => &[0],
            Some(0) => &[1],
            Some(1) => &[2],
            Some(2) => &[16, 3],
            Some(16) => &[17],
            Some(17) => &[6],
            Some(3) => &[4],
            Some(4) => &[5],
            Some(5) => &[6],
            Some(6) => &[9, 7],
            Some(7) => &[8],
            Some(8) => &[9],
            Some(9) => &[12, 10],
            Some(10) => &[11],
            Some(11) => &[12],
            Some(12) => &[18, 13],
            Some(18) => &[13],
            Some(13) => &[14],
            Some(14) => &[15],
            _ => &[],
        }
    }

    /// The value of `key`, if the object had it.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<&Raw<'a>> {
        Self::index(key).and_then(|i| self.values[i].as_ref())
    }

    /// The text of the `template` value, when it was read (not skipped).
    pub(crate) fn template_text(&self) -> Option<&'a str> {
        self.template_text
    }
}

/// Why a text is not JSON, with Python's wording and position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    msg: &'static str,
    line: usize,
    column: usize,
}

impl SyntaxError {
    /// The line and column of an object with too many keys, if that is the error.
    pub(crate) fn too_wide(&self) -> Option<(usize, usize)> {
        (self.msg == TOO_WIDE).then_some((self.line, self.column))
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: line {} column {}", self.msg, self.line, self.column)
    }
}

/// Parses a whole document.
pub(crate) fn parse(text: &str) -> Result<Raw<'_>, SyntaxError> {
    let mut p = Parser::new(text);
    if text.starts_with('\u{feff}') {
        return Err(p.error("Unexpected UTF-8 BOM (decode using utf-8-sig)"));
    }
    p.skip_ws();
    let value = p.value()?;
    p.skip_ws();
    if p.pos != p.s.len() {
        return Err(p.error("Extra data"));
    }
    Ok(value)
}

/// What reads the elements of a streamed array: one reader per part of the array.
pub(crate) trait Elements<'a>: Default + Send {
    /// Reads the element at the parser's position; `false` stops the streamed parse.
    fn element(&mut self, p: &mut Parser<'a>) -> bool;
}

/// The value of the four hex digits `digits` starts with, through a table: a bad or missing
/// digit's `-1` makes the sum negative.
#[inline]
fn hex_value(digits: &[u8]) -> Option<u32> {
    let digit = |i: usize| digits.get(i).map_or(-1, |&b| i32::from(HEX[usize::from(b)]));
    u32::try_from((digit(0) << 12) | (digit(1) << 8) | (digit(2) << 4) | digit(3)).ok()
}

/// A streamed array of this many bytes or more is read in two parts on two threads. On an
/// idle 2-core machine (2026-12-07, `perf stat -r 40 memor check`): a 9.7 MB session 18.2 ms
/// in one part, 11.7 ms in two; the store's 1.4 MB conversation 2.34 against 2.12 ms per
/// load. (Earlier runs on a busy machine, where the second core was not free, showed no gain
/// below 16 MiB.) The second thread costs about 1.4 MB of peak (15.4 against 16.8 MB).
pub(crate) const SPLIT_FROM: usize = 1 << 20;

/// Where a second part of a session's `messages` may start: just after the `}` of the first
/// message-level `}, {"type": "Prompt"` (or, with no prompt left, `"Response"`) at or after
/// `from`. In JSON text this is never inside a string (a quote there is escaped, so the
/// string would have ended at the first `"`, which a bare `type` cannot follow), but it may
/// be inside a nested array, so the seam is only a guess that the first part then checks.
pub(crate) fn seam(s: &[u8], from: usize) -> Option<usize> {
    const OPEN: &[u8] = b"}, {\"type\": \"";
    // One pass over the `}` bytes, keeping the first response as the fallback.
    let mut response = None;
    let mut at = from;
    while let Some(i) = s.get(at..)?.iter().position(|&b| b == b'}') {
        let here = at + i;
        if let Some(kind) = s[here..].strip_prefix(OPEN) {
            if kind.starts_with(b"Prompt\"") {
                return Some(here + 1);
            }
            if kind.starts_with(b"Response\"") {
                response = response.or(Some(here + 1));
            }
        }
        at = here + 1;
    }
    response
}

/// Parses a document whose top level is an object, handing each element of the array under
/// `key` to an [`Elements`] reader as soon as it is read instead of keeping it (the returned
/// tree holds an empty array there), with the readers in the order of their parts. `None`
/// when the text is not valid JSON of that shape, `key` repeats, or a reader returns
/// `false`: the caller then parses the text whole.
pub(crate) fn parse_streaming<'a, E: Elements<'a>>(
    text: &'a str,
    key: &str,
    split_from: usize,
) -> Option<(Raw<'a>, Vec<E>)> {
    let mut p = Parser::new(text);
    p.depth = 1;
    p.skip_ws();
    if text.starts_with('\u{feff}') || !p.eat(b'{') {
        return None;
    }
    let mut pairs = Vec::new();
    let mut parts = None;
    p.skip_ws();
    if !p.eat(b'}') {
        loop {
            let k = p.key()?;
            if k == key {
                if parts.is_some() || !p.eat(b'[') {
                    return None;
                }
                p.depth += 1;
                parts = Some(p.elements(split_from)?);
                p.depth -= 1;
                pairs.push((k, Raw::Array(Vec::new())));
            } else {
                pairs.push((k, p.value().ok()?));
            }
            p.skip_ws();
            if p.eat(b'}') {
                break;
            }
            if !p.eat(b',') {
                return None;
            }
            p.skip_ws();
        }
    }
    p.skip_ws();
    let parts = parts.filter(|_| p.pos == p.s.len())?;
    Some((Raw::Object(pairs), parts))
}

/// Where the array under `key` opens in a document whose top level is an object: just past
/// its `[`. `None` when the text up to there is not JSON of that shape (or is cut off before).
pub(crate) fn array_start(text: &str, key: &str) -> Option<usize> {
    let mut p = Parser::new(text);
    p.depth = 1;
    p.skip_ws();
    if text.starts_with('\u{feff}') || !p.eat(b'{') {
        return None;
    }
    loop {
        p.skip_ws();
        let k = p.key()?;
        if k == key {
            return p.eat(b'[').then_some(p.pos);
        }
        p.value().ok()?;
        p.skip_ws();
        if !p.eat(b',') {
            return None;
        }
    }
}

/// How [`Parser::read_elements`] stopped.
#[derive(Debug, PartialEq)]
enum Read {
    End,
    AtSeam,
}

pub(crate) struct Parser<'a> {
    src: &'a str,
    s: &'a [u8],
    pos: usize,
    depth: usize,
    /// Scratch stacks: a container's members collect here and move into one exactly-sized
    /// allocation when it closes (nested containers finish first, so a stack suffices).
    items: Vec<Raw<'a>>,
    pairs: Vec<(Cow<'a, str>, Raw<'a>)>,
    /// Set by the streamed loader: the text of the template it last loaded. A `template`
    /// value that is the same text (in a session, nearly every prompt's) is skipped by
    /// [`object_slots`](Self::object_slots) instead of being read into a tree again: the same
    /// bytes always read as the same value.
    pub(crate) known_template: Option<&'a str>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            src: text,
            s: text.as_bytes(),
            pos: 0,
            depth: 0,
            items: Vec::new(),
            pairs: Vec::new(),
            known_template: None,
        }
    }

    /// A parser at byte `pos` of `text`, inside `depth` containers (the elements of a
    /// top-level object's array are at depth 2).
    pub(crate) fn resume(text: &'a str, pos: usize, depth: usize) -> Self {
        let mut p = Parser::new(text);
        (p.pos, p.depth) = (pos, depth);
        p
    }

    /// An object's key and its `:`, with the white space after each; at the key's `"`.
    fn key(&mut self) -> Option<Cow<'a, str>> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let k = self.string().ok()?;
        self.skip_ws();
        if !self.eat(b':') {
            return None;
        }
        self.skip_ws();
        Some(k)
    }

    /// The byte it is at.
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Goes back to byte `pos`, where it was before.
    pub(crate) fn rewind(&mut self, pos: usize) {
        self.pos = pos;
    }

    /// The elements of the array just opened, through its `]`, each read by a reader.
    ///
    /// An array of `split_from` bytes or more (to the end of the text) is read in two parts
    /// on two threads, the second from a [`seam`] past the middle. The first part must land
    /// exactly on the seam after an element, which proves the seam an element boundary of
    /// this array (the first part is the whole-text parse up to there); otherwise, or when
    /// the second part fails, the first reads on alone, as if nothing had been split. So the
    /// elements, and every error, are those of the one-part read.
    fn elements<E: Elements<'a>>(&mut self, split_from: usize) -> Option<Vec<E>> {
        self.skip_ws();
        let mut first = E::default();
        if self.eat(b']') {
            return Some(vec![first]);
        }
        let rest = self.s.len() - self.pos;
        let Some(at) = (rest >= split_from).then(|| seam(self.s, self.pos + rest / 2)).flatten() else {
            self.read_elements(&mut first, None)?;
            return Some(vec![first]);
        };
        let (src, depth) = (self.src, self.depth);
        std::thread::scope(|scope| {
            let second = scope.spawn(move || {
                let mut p = Parser::new(src);
                (p.pos, p.depth) = (at, depth);
                let mut second = E::default();
                (p.next_element()? && p.read_elements(&mut second, None)? == Read::End).then_some((second, p.pos))
            });
            let read = self.read_elements(&mut first, Some(at));
            let second = second.join().ok().flatten();
            match (read?, second) {
                (Read::End, _) => Some(vec![first]),
                (Read::AtSeam, Some((second, end))) => {
                    self.pos = end;
                    Some(vec![first, second])
                }
                (Read::AtSeam, None) => {
                    if self.next_element()? {
                        self.read_elements(&mut first, None)?;
                    }
                    Some(vec![first])
                }
            }
        })
    }

    /// Reads elements from the one at the parser's position through the array's `]`, or
    /// until an element ends exactly at `seam`.
    fn read_elements<E: Elements<'a>>(&mut self, reader: &mut E, seam: Option<usize>) -> Option<Read> {
        loop {
            if !reader.element(self) {
                return None;
            }
            if Some(self.pos) == seam {
                return Some(Read::AtSeam);
            }
            if !self.next_element()? {
                return Some(Read::End);
            }
        }
    }

    /// After an array's element: `true` past the comma, at the next element; `false` past
    /// the closing `]`; `None` when neither follows.
    pub(crate) fn next_element(&mut self) -> Option<bool> {
        self.skip_ws();
        if self.eat(b']') {
            return Some(false);
        }
        if !self.eat(b',') {
            return None;
        }
        self.skip_ws();
        Some(true)
    }

    fn error(&self, msg: &'static str) -> SyntaxError {
        let mut end = self.pos.min(self.src.len());
        while !self.src.is_char_boundary(end) {
            end -= 1;
        }
        let before = &self.src[..end];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SyntaxError { msg, line, column: before[line_start..].chars().count() + 1 }
    }

    /// Consumes `b` if it is next.
    pub(crate) fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    pub(crate) fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat_literal(&mut self, word: &str) -> bool {
        let found = self.s[self.pos..].starts_with(word.as_bytes());
        if found {
            self.pos += word.len();
        }
        found
    }

    fn value(&mut self) -> Result<Raw<'a>, SyntaxError> {
        let start = self.pos;
        let literal = match self.peek() {
            Some(b'"') => return Ok(Raw::Str(self.string()?)),
            Some(b'{') => return self.nested(Self::object),
            Some(b'[') => return self.nested(Self::array),
            Some(b'n') if self.eat_literal("null") => Some(Raw::Null),
            Some(b't') if self.eat_literal("true") => Some(Raw::Bool(true)),
            Some(b'f') if self.eat_literal("false") => Some(Raw::Bool(false)),
            Some(b'N') if self.eat_literal("NaN") => Some(Raw::Float(f64::NAN)),
            Some(b'I') if self.eat_literal("Infinity") => Some(Raw::Float(f64::INFINITY)),
            Some(b'-') if self.eat_literal("-Infinity") => Some(Raw::Float(f64::NEG_INFINITY)),
            _ => None,
        };
        match literal {
            Some(v) => Ok(v),
            None => self.number().ok_or_else(|| {
                self.pos = start;
                self.error("Expecting value")
            }),
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Raw<'a>, SyntaxError>) -> Result<Raw<'a>, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("maximum nesting depth exceeded"));
        }
        let v = f(self)?;
        self.depth -= 1;
        Ok(v)
    }

    /// `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`, as CPython's C scanner matches it.
    fn number(&mut self) -> Option<Raw<'a>> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.pos += 1;
            }
            p.pos - from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return None,
        }
        let mut is_float = false;
        if self.peek() == Some(b'.') && self.s.get(self.pos + 1).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
            digits(self);
            is_float = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            let e_start = self.pos;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if digits(self) > 0 {
                is_float = true;
            } else {
                self.pos = e_start;
            }
        }
        let text = &self.src[start..self.pos];
        if is_float {
            // Rust's parser is correctly rounded, like Python's `float()`; overflow gives ±inf.
            text.parse().ok().map(Raw::Float)
        } else {
            Some(Raw::Int(text))
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        // Fast path: no escapes, borrow the input.
        loop {
            self.pos += scan::read_stop(&self.s[self.pos..]);
            match self.peek() {
                Some(b'"') => {
                    let s = &self.src[start..self.pos];
                    self.pos += 1;
                    return Ok(Cow::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(b) if b < 0x20 => return Err(self.error("Invalid control character")),
                Some(_) => self.pos += 1,
                None => {
                    self.pos = open;
                    return Err(self.error("Unterminated string"));
                }
            }
        }
        // Every `"` inside the string is escaped, so the next `"` byte is at most its end, and
        // the text up to it is at least as long as its decoding: room enough, nearly always.
        let mut out = String::with_capacity(self.pos - start + scan::quote(&self.s[self.pos..]));
        out.push_str(&self.src[start..self.pos]);
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.unicode_run(&mut out);
                    if self.peek() == Some(b'\\') {
                        self.escape(&mut out)?;
                    }
                }
                Some(_) => return Err(self.error("Invalid control character")),
                None => {
                    self.pos = open;
                    return Err(self.error("Unterminated string"));
                }
            }
            // Escapes often come in runs (non-ASCII text is all `\uXXXX`): no scan between them.
            if self.peek() != Some(b'\\') {
                let run = self.pos;
                self.pos += scan::read_stop(&self.s[self.pos..]);
                out.push_str(&self.src[run..self.pos]);
            }
        }
    }

    /// Decodes the run of well-formed `\uXXXX` escapes at `pos` into `out` (non-ASCII text as
    /// Python writes it is nothing else), stopping at anything else, which [`escape`](Self::escape)
    /// then decodes or words as an error.
    #[inline]
    fn unicode_run(&mut self, out: &mut String) {
        while let Some([b'\\', b'u', d @ ..]) = self.s.get(self.pos..self.pos + 6) {
            let Some(unit) = hex_value(d) else { return };
            let c = match unit {
                0xD800..=0xDBFF => match self.s.get(self.pos + 6..self.pos + 12) {
                    Some([b'\\', b'u', d @ ..]) => match hex_value(d) {
                        Some(low @ 0xDC00..=0xDFFF) => {
                            self.pos += 6;
                            char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                        }
                        _ => return,
                    },
                    _ => return,
                },
                _ => char::from_u32(unit),
            };
            let Some(c) = c else { return };
            out.push(c);
            self.pos += 6;
        }
    }

    /// Decodes the escape at `pos` (its backslash) into `out`. Error positions: the byte after
    /// the backslash, the first bad hex digit's group, or the end of the unrepresentable unit.
    #[inline]
    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let c = match self.s.get(self.pos + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 2;
                let unit = self.hex4()?;
                let c = match unit {
                    0xD800..=0xDBFF if self.s[self.pos..].starts_with(b"\\u") => {
                        self.pos += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.error("Lone surrogate escape (not representable)"));
                        }
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    }
                    _ => char::from_u32(unit),
                };
                out.push(c.ok_or_else(|| self.error("Lone surrogate escape (not representable)"))?);
                return Ok(());
            }
            _ => {
                self.pos += 1;
                return Err(self.error("Invalid \\escape"));
            }
        };
        self.pos += 2;
        out.push(c);
        Ok(())
    }

    /// Four hex digits at `pos` ([`hex_value`]).
    #[inline]
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let Some(value) = hex_value(self.s.get(self.pos..).unwrap_or_default()) else {
            return Err(self.error("Invalid \\uXXXX escape"));
        };
        self.pos += 4;
        Ok(value)
    }

    /// Reads an object (the next value) into `slots`; see [`Slots`].
    pub(crate) fn object_slots(&mut self, slots: &mut Slots<'a>) -> Result<(), SyntaxError> {
        if !self.eat(b'{') {
            return Err(self.error("Expecting value"));
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("maximum nesting depth exceeded"));
        }
        self.skip_ws();
        let mut last = None;
        if !self.eat(b'}') {
            loop {
                if self.peek() != Some(b'"') {
                    return Err(self.error("Expecting property name enclosed in double quotes"));
                }
                let index = match self.expected_key(last) {
                    Some(i) => Some(i),
                    None => {
                        let key = self.string()?;
                        self.skip_ws();
                        if !self.eat(b':') {
                            return Err(self.error("Expecting ':' delimiter"));
                        }
                        Slots::index(&key)
                    }
                };
                last = index;
                self.skip_ws();
                match index {
                    Some(i @ Slots::TEMPLATE) => {
                        match self.known_template.filter(|t| self.s[self.pos..].starts_with(t.as_bytes())) {
                            Some(known) => {
                                self.pos += known.len();
                                slots.values[i] = None;
                                slots.template_text = None;
                                slots.same_template = true;
                            }
                            None => {
                                let from = self.pos;
                                slots.values[i] = Some(self.value()?);
                                slots.template_text = Some(&self.src[from..self.pos]);
                                slots.same_template = false;
                            }
                        }
                    }
                    Some(i) => slots.values[i] = Some(self.value()?),
                    None => {
                        self.value()?;
                    }
                }
                self.skip_ws();
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.error("Expecting ',' delimiter"));
                }
                self.skip_ws();
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Consumes `"key":` when the next key is one memor writes after key `last` (see
    /// [`Slots::next_keys`]), spelled without escapes; its index. Anything else is left for
    /// the general path, which reads it as any key.
    #[inline]
    fn expected_key(&mut self, last: Option<usize>) -> Option<usize> {
        let rest = self.s.get(self.pos + 1..)?;
        let i = Slots::next_keys(last).iter().copied().find(|&i| {
            let key = Slots::KEYS[i].as_bytes();
            rest.len() > key.len() + 1
                && rest.starts_with(key)
                && rest[key.len()] == b'"'
                && rest[key.len() + 1] == b':'
        })?;
        self.pos += Slots::KEYS[i].len() + 3;
        Some(i)
    }

    fn array(&mut self) -> Result<Raw<'a>, SyntaxError> {
        self.pos += 1;
        self.skip_ws();
        let mark = self.items.len();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Raw::Array(Vec::new()));
        }
        loop {
            let item = self.value()?;
            self.items.push(item);
            self.skip_ws();
            match self.peek() {
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Raw::Array(self.items.drain(mark..).collect()));
                }
                Some(b',') => self.pos += 1,
                _ => return Err(self.error("Expecting ',' delimiter")),
            }
            self.skip_ws();
        }
    }

    fn object(&mut self) -> Result<Raw<'a>, SyntaxError> {
        self.pos += 1;
        self.skip_ws();
        let mark = self.pairs.len();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Raw::Object(Vec::new()));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.error("Expecting property name enclosed in double quotes"));
            }
            if self.pairs.len() - mark == MAX_OBJECT_KEYS {
                self.pairs.truncate(mark);
                return Err(self.error(TOO_WIDE));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("Expecting ':' delimiter"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value()?;
            self.pairs.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Raw::Object(self.pairs.drain(mark..).collect()));
                }
                Some(b',') => self.pos += 1,
                _ => return Err(self.error("Expecting ',' delimiter")),
            }
            self.skip_ws();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keeps each element's `"n"`.
    #[derive(Default)]
    struct Numbers(Vec<i64>);

    impl<'a> Elements<'a> for Numbers {
        fn element(&mut self, p: &mut Parser<'a>) -> bool {
            match p.value() {
                Ok(Raw::Object(pairs)) => match Raw::get(&pairs, "n") {
                    Some(Raw::Int(n)) => n.parse().map(|n| self.0.push(n)).is_ok(),
                    _ => false,
                },
                _ => false,
            }
        }
    }

    fn parts(text: &str, split_from: usize) -> Option<Vec<Vec<i64>>> {
        parse_streaming::<Numbers>(text, "messages", split_from)
            .map(|(_, parts)| parts.into_iter().map(|p| p.0).collect())
    }

    fn element(n: i64, nested: &str) -> String {
        format!(r#"{{"type": "Prompt", "n": {n}, "responses": [{nested}]}}"#)
    }

    #[test]
    fn a_long_array_is_read_in_two_parts_that_join_into_the_one_part_read() {
        let elements: Vec<String> = (0..40).map(|n| element(n, "")).collect();
        let text = format!(r#"{{"title": null, "messages": [{}], "after": 1}}"#, elements.join(", "));
        let all: Vec<i64> = (0..40).collect();
        assert_eq!(parts(&text, usize::MAX), Some(vec![all.clone()]));
        let split = parts(&text, 0).unwrap();
        assert_eq!(split.len(), 2, "{split:?}");
        assert!(!split[0].is_empty() && !split[1].is_empty());
        assert_eq!(split.concat(), all);
        // Shorter than the threshold: one part.
        assert_eq!(parts(&text, text.len()).map(|p| p.len()), Some(1));
    }

    #[test]
    fn a_seam_inside_an_element_is_passed_over_and_read_in_one_part() {
        // The middle element holds the only `}, {"type": "Prompt"` past the middle, nested
        // in its own array: the first part never lands on it.
        let inner = format!("{}, {}", element(100, ""), element(101, ""));
        let mut elements: Vec<String> =
            (0..3).map(|n| format!(r#"{{"n": {n}, "pad": "{}"}}"#, "x".repeat(300))).collect();
        elements.push(format!(r#"{{"n": 3, "responses": [{inner}]}}"#));
        elements.push(r#"{"n": 4}"#.to_owned());
        let text = format!(r#"{{"messages": [{}]}}"#, elements.join(", "));
        assert_eq!(parts(&text, 0), Some(vec![vec![0, 1, 2, 3, 4]]));
    }

    #[test]
    fn a_second_part_that_fails_leaves_the_first_to_read_on_or_fail_alone() {
        let elements: Vec<String> = (0..10).map(|n| element(n, "")).collect();
        let good = format!(r#"{{"messages": [{}]}}"#, elements.join(", "));
        // Broken after the seam: the whole read fails, as the one-part read does.
        let broken = good.replacen(r#""n": 8"#, r#""n": 8,"#, 1);
        assert_eq!(parts(&broken, usize::MAX), None);
        assert_eq!(parts(&broken, 0), None);
        // A reader refusing an element of the second part: no parts either.
        let refused = good.replacen(r#""n": 9"#, r#""n": "nine""#, 1);
        assert_eq!(parts(&refused, 0), None);
        // Trailing data after the top level fails both ways.
        assert_eq!(parts(&format!("{good} x"), 0), None);
    }

    /// The key memor writes next is taken whole (`"key":`) or not at all.
    #[test]
    fn an_expected_key_is_taken_only_as_memor_spells_it() {
        let parser = Parser::new;
        // After `role` (9) a prompt writes `id` (12), a response `model` (10).
        for (text, want, pos) in [
            (r#""id": 1"#, Some(12), 5),
            (r#""model": 1"#, Some(10), 8),
            (r#""model" : 1"#, None, 0),
            (r#""modelx": 1"#, None, 0),
            (r#""mode\u006c": 1"#, None, 0),
            (r#""gpu": 1"#, None, 0),
            (r#""model""#, None, 0),
        ] {
            let mut p = parser(text);
            assert_eq!(p.expected_key(Some(9)), want, "{text}");
            assert_eq!(p.pos, pos, "{text}");
        }
        for (i, key) in Slots::KEYS.iter().enumerate() {
            assert_eq!(Slots::index(key), Some(i), "{key}");
        }
        assert_eq!(parser(r#""type": 1"#).expected_key(None), Some(0));
        assert_eq!(parser(r#""message": 1"#).expected_key(None), None);
    }

    #[test]
    fn python_literals_and_numbers() {
        let v =
            parse(r#" {"a": NaN, "b": -Infinity, "c": 40.0, "d": 4e1, "e": 123456789012345678901234567890, "a": 1} "#);
        let Ok(Raw::Object(pairs)) = v else { panic!("{v:?}") };
        assert_eq!(Raw::get(&pairs, "a"), Some(&Raw::Int("1")));
        assert_eq!(Raw::get(&pairs, "b"), Some(&Raw::Float(f64::NEG_INFINITY)));
        assert_eq!(Raw::get(&pairs, "c"), Some(&Raw::Float(40.0)));
        assert_eq!(Raw::get(&pairs, "d"), Some(&Raw::Float(40.0)));
        assert_eq!(Raw::get(&pairs, "e"), Some(&Raw::Int("123456789012345678901234567890")));
    }

    #[test]
    fn rejects_what_python_rejects() {
        for bad in [
            "",
            "\u{feff}{}",
            "{} x",
            "[1,]",
            "{\"a\"\t: \"\t\"}",
            "01",
            "1.",
            "-",
            "\"\\ud800\"",
            "\"\\x\"",
            "[\"\\u12\"]",
            "{'a': 1}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse("\"\\ud83d\\ude00\"").ok(), Some(Raw::Str(Cow::Owned("😀".into()))));
        assert!(parse(&"[".repeat(MAX_DEPTH + 1)).is_err());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&deep).is_ok());
    }

    #[test]
    fn objects_wider_than_the_limit_are_refused_at_the_first_key_past_it() {
        let object =
            |n: usize| format!("{{{}}}", (0..n).map(|i| format!("\"k{i}\":{i}")).collect::<Vec<_>>().join(","));
        match parse(&object(MAX_OBJECT_KEYS)) {
            Ok(Raw::Object(pairs)) => assert_eq!(pairs.len(), MAX_OBJECT_KEYS),
            other => panic!("{other:?}"),
        }
        let text = object(MAX_OBJECT_KEYS + 1);
        let error = parse(&text).unwrap_err();
        let last = text.rfind(",\"k").unwrap();
        assert_eq!(error.too_wide(), Some((1, last + 1 + 1)), "{error}");
        assert!(error.to_string().contains("more keys than the limit of 100000"), "{error}");
        // Arrays have no such limit (a session's messages are one).
        let array = format!("[{}]", vec!["0"; MAX_OBJECT_KEYS + 1].join(","));
        assert!(parse(&array).is_ok());
    }

    #[test]
    fn runs_of_unicode_escapes_decode_as_serde_json_does_and_fail_where_they_did() {
        for text in [
            r#""\u00e9\u6771\u4eac""#,
            r#""caf\u00e9 \ud83d\ude00\ud83d\ude00x\n\u0041""#,
            r#""\u00E9\u00e9\/\u00e9""#,
            r#""\u0000\uffff\udbff\udfff""#,
        ] {
            let want: String = serde_json::from_str(text).unwrap();
            assert_eq!(parse(text).ok(), Some(Raw::Str(Cow::Owned(want))), "{text}");
        }
        for (text, error) in [
            (r#""\u00e9\ud800x""#, "Lone surrogate escape (not representable): line 1 column 14"),
            (r#""\u00e9\ud83d\u0041""#, "Lone surrogate escape (not representable): line 1 column 20"),
            (r#""\u00e9\udc00""#, "Lone surrogate escape (not representable): line 1 column 14"),
            (r#""\u00e9\u00g9""#, "Invalid \\uXXXX escape: line 1 column 10"),
            (r#""\u00e9\u00e""#, "Invalid \\uXXXX escape: line 1 column 10"),
        ] {
            assert_eq!(parse(text).err().map(|e| e.to_string()).as_deref(), Some(error), "{text}");
        }
    }

    #[test]
    fn error_positions_are_one_based() {
        let e = parse("{\n  \"a\": ?}").err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("Expecting value: line 2 column 8"));
    }
}
