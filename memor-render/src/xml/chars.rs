//! Character classes: XML 1.0 characters and white space, expat's name characters, and Python's
//! regex `\w` and `\s`.

use super::tables::{NAME_CHAR, NAME_START, PY_ALNUM};

/// Whether `c` falls in one of `table`'s sorted, inclusive ranges.
fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let c = u32::from(c);
    let i = table.partition_point(|&(_, hi)| hi < c);
    table.get(i).is_some_and(|&(lo, _)| lo <= c)
}

/// XML 1.0 `Char`: what may appear anywhere in a document (expat rejects everything else,
/// U+FFFE and U+FFFF included). Rust strings hold no surrogates, so they need no check.
pub(super) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{FFFD}' | '\u{10000}'..)
}

/// XML 1.0 `S`: space, tab, line feed, carriage return.
pub(super) fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Whether expat accepts `c` as the first character of a name (the colon excluded).
pub(super) fn is_name_start(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() || c == '_' } else { in_table(&NAME_START, c) }
}

/// Whether expat accepts `c` inside a name after its first character (the colon excluded).
pub(super) fn is_name_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') } else { in_table(&NAME_CHAR, c) }
}

/// Python's regex `\w` on `str` (Unicode 14.0): a letter or number (`L*`, `N*`) or `_`.
pub(super) fn is_py_word(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() || c == '_' } else { in_table(&PY_ALNUM, c) }
}

/// Python's regex `\s` and `str.strip()` white space (29 code points).
pub(super) use memor_core::pychar::is_space as is_py_space;
