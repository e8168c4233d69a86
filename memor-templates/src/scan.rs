//! Scanning a format string into literal text and replacement fields, and splitting a field
//! name into its argument name and `[key]` / `.attr` parts.
//!
//! A port of CPython's `MarkupIterator_next`, `parse_field`, `field_name_split` and
//! `FieldNameIterator_next` (`Objects/stringlib/unicode_format.h`). All delimiters are ASCII,
//! so the scan walks UTF-8 bytes; offsets are byte offsets into the original `content`.

use crate::decimal::decimal_value;
use crate::error::FormatError;

/// One step of the scan: literal text (with `{{`/`}}` already halved) and maybe a field.
pub(crate) struct Piece<'a> {
    /// Text to copy as is.
    pub(crate) literal: &'a str,
    /// The replacement field that follows the literal text, if any.
    pub(crate) field: Option<Field<'a>>,
}

/// A replacement field `{name!conversion:spec}`.
pub(crate) struct Field<'a> {
    /// Byte offset of the field's `{` in the original content.
    pub(crate) offset: usize,
    /// The field name: argument name plus `[key]` / `.attr` parts.
    pub(crate) name: &'a str,
    /// The conversion character after `!` (`None` without one; `!\0` also means none).
    pub(crate) conversion: Option<char>,
    /// The format spec after `:` (may hold nested fields).
    pub(crate) spec: &'a str,
    /// Byte offset of `spec` in the original content.
    pub(crate) spec_offset: usize,
    /// Whether `spec` contains `{`, so it must itself be formatted first.
    pub(crate) spec_needs_expanding: bool,
}

/// Iterates over the pieces of a format string.
pub(crate) struct Markup<'a> {
    text: &'a str,
    pos: usize,
    base: usize,
}

impl<'a> Markup<'a> {
    /// Scans `text`, which starts at byte `base` of the original content.
    pub(crate) fn new(text: &'a str, base: usize) -> Self {
        Self { text, pos: 0, base }
    }

    fn syntax(&self, at: usize, reason: &str) -> FormatError {
        FormatError::Syntax { offset: self.base + at, reason: reason.to_owned() }
    }

    /// The next piece, `None` at the end.
    pub(crate) fn next_piece(&mut self) -> Result<Option<Piece<'a>>, FormatError> {
        let bytes = self.text.as_bytes();
        let end = bytes.len();
        if self.pos >= end {
            return Ok(None);
        }
        let start = self.pos;
        let mut brace = None;
        while let Some(&c) = bytes.get(self.pos) {
            self.pos += 1;
            if c == b'{' || c == b'}' {
                brace = Some(c);
                break;
            }
        }
        let Some(brace) = brace else {
            return Ok(Some(Piece { literal: self.text.get(start..).unwrap_or_default(), field: None }));
        };
        let next = bytes.get(self.pos).copied();
        if next == Some(brace) {
            // `{{` or `}}`: the literal keeps one brace, the other is skipped.
            let literal = self.text.get(start..self.pos).unwrap_or_default();
            self.pos += 1;
            return Ok(Some(Piece { literal, field: None }));
        }
        if brace == b'}' {
            return Err(self.syntax(self.pos - 1, "single '}' encountered in format string"));
        }
        if next.is_none() {
            return Err(self.syntax(self.pos - 1, "single '{' encountered in format string"));
        }
        let literal = self.text.get(start..self.pos - 1).unwrap_or_default();
        let field = self.parse_field(self.pos - 1)?;
        Ok(Some(Piece { literal, field: Some(field) }))
    }

    /// `parse_field`: reads one field from just after its `{` through its closing `}`.
    fn parse_field(&mut self, open: usize) -> Result<Field<'a>, FormatError> {
        let bytes = self.text.as_bytes();
        let name_start = self.pos;
        let mut last = None;
        while let Some(&c) = bytes.get(self.pos) {
            self.pos += 1;
            match c {
                b'{' => return Err(self.syntax(self.pos - 1, "unexpected '{' in field name")),
                b'[' => {
                    // Inside `[...]` every character but `]` is part of the key.
                    while bytes.get(self.pos).is_some_and(|&b| b != b']') {
                        self.pos += 1;
                    }
                    last = Some(c);
                }
                b'}' | b':' | b'!' => {
                    last = Some(c);
                    break;
                }
                _ => last = Some(c),
            }
        }
        let terminator = last.filter(|c| matches!(c, b'}' | b':' | b'!'));
        let Some(terminator) = terminator else {
            return Err(self.syntax(open, "expected '}' before end of string"));
        };
        let name = self.text.get(name_start..self.pos - 1).unwrap_or_default();
        let mut field = Field {
            offset: self.base + open,
            name,
            conversion: None,
            spec: "",
            spec_offset: self.base + self.pos,
            spec_needs_expanding: false,
        };
        if terminator == b'}' {
            return Ok(field);
        }
        if terminator == b'!' {
            let rest = self.text.get(self.pos..).unwrap_or_default();
            let Some(conversion) = rest.chars().next() else {
                return Err(self.syntax(open, "end of string while looking for conversion specifier"));
            };
            self.pos += conversion.len_utf8();
            field.conversion = (conversion != '\0').then_some(conversion);
            let rest = self.text.get(self.pos..).unwrap_or_default();
            if let Some(after) = rest.chars().next() {
                self.pos += after.len_utf8();
                if after == '}' {
                    field.spec_offset = self.base + self.pos;
                    return Ok(field);
                }
                if after != ':' {
                    return Err(self.syntax(open, "expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = self.pos;
        let mut depth = 1usize;
        while let Some(&c) = bytes.get(self.pos) {
            self.pos += 1;
            match c {
                b'{' => {
                    field.spec_needs_expanding = true;
                    depth += 1;
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = self.text.get(spec_start..self.pos - 1).unwrap_or_default();
                        field.spec_offset = self.base + spec_start;
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        Err(self.syntax(open, "unmatched '{' in format spec"))
    }
}

/// A part of a field name after the argument name.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Part<'a> {
    /// `[digits]`: an integer index (`[01]` is 1, `[٠]` is 0).
    Index(usize),
    /// `[text]`: a string key.
    Key(&'a str),
    /// `.name`: attribute access.
    Attr(&'a str),
}

/// `get_integer`: the value of a non-empty string of Unicode decimal digits; `Ok(None)` when
/// the string is empty or holds a non-digit; an error when it does not fit `isize`.
pub(crate) fn decimal_integer(s: &str) -> Result<Option<usize>, &'static str> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut value: usize = 0;
    for ch in s.chars() {
        let Some(digit) = decimal_value(ch) else {
            return Ok(None);
        };
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(digit as usize))
            .filter(|&v| isize::try_from(v).is_ok())
            .ok_or("too many decimal digits in format string")?;
    }
    Ok(Some(value))
}

/// `field_name_split`: the argument name (up to the first `.` or `[`) and the rest.
pub(crate) fn split_name(name: &str) -> (&str, &str) {
    let cut = name.find(['.', '[']).unwrap_or(name.len());
    name.split_at(cut)
}

/// `FieldNameIterator_next`: the next `[key]` / `.attr` part of `rest` and what follows it;
/// `Ok(None)` at the end. Errors are Python's `ValueError` texts.
pub(crate) fn next_part(rest: &str) -> Result<Option<(Part<'_>, &str)>, &'static str> {
    let (part, after) = if let Some(attr) = rest.strip_prefix('.') {
        let cut = attr.find(['.', '[']).unwrap_or(attr.len());
        let (name, after) = attr.split_at(cut);
        (Part::Attr(name), after)
    } else if let Some(item) = rest.strip_prefix('[') {
        let Some((key, after)) = item.split_once(']') else {
            return Err("missing ']' in format string");
        };
        let part = match decimal_integer(key)? {
            Some(index) => Part::Index(index),
            None => Part::Key(key),
        };
        (part, after)
    } else if rest.is_empty() {
        return Ok(None);
    } else {
        return Err("only '.' or '[' may follow ']' in format field specifier");
    };
    if matches!(part, Part::Attr("") | Part::Key("")) {
        return Err("empty attribute in format string");
    }
    Ok(Some((part, after)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Result<Vec<(String, Option<String>)>, FormatError> {
        let mut scan = Markup::new(text, 0);
        let mut out = Vec::new();
        while let Some(piece) = scan.next_piece()? {
            out.push((
                piece.literal.to_owned(),
                piece.field.map(|f| {
                    format!(
                        "{}|{}|{}|{}",
                        f.name,
                        f.conversion.map(String::from).unwrap_or_default(),
                        f.spec,
                        f.spec_needs_expanding
                    )
                }),
            ));
        }
        Ok(out)
    }

    #[test]
    fn doubled_braces_become_literal_braces() {
        let got = pieces("a{{b}}c").unwrap_or_default();
        let literal: String = got.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(literal, "a{b}c");
        assert!(got.iter().all(|(_, f)| f.is_none()));
    }

    #[test]
    fn brackets_protect_braces_colons_and_bangs() {
        let got = pieces("{x[}:!]!r:>{w}}").unwrap_or_default();
        assert_eq!(got, vec![(String::new(), Some("x[}:!]|r|>{w}|true".to_owned()))]);
    }

    #[test]
    fn split_and_parts() {
        assert_eq!(split_name("a[b].c"), ("a", "[b].c"));
        assert_eq!(next_part("[01]x"), Ok(Some((Part::Index(1), "x"))));
        assert_eq!(next_part("[٠]"), Ok(Some((Part::Index(0), ""))));
        assert_eq!(next_part("[-1]"), Ok(Some((Part::Key("-1"), ""))));
        assert!(next_part("[]").is_err());
        assert!(next_part("x").is_err());
        assert!(next_part("[99999999999999999999]").is_err());
    }
}
