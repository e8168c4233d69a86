//! memor's tag-detection regex, as a hand-written scanner.
//!
//! memor searches `<([a-zA-Z_][\w\-\.]*)(\s[^<>]*?)?>.*?</\1\s*>|<([a-zA-Z_][\w\-\.]*)(\s[^<>]*?)?/?>`.
//! Whether it matches anywhere equals whether `<[A-Za-z_][\w.\-]*(?:\s[^<>]*)?/?>` does (the
//! first alternative only matches where the second does too), with Python's `\w` and `\s`.

use super::chars::{is_py_space, is_py_word};

/// Whether `text` contains something memor's regex takes for a tag.
pub(super) fn contains_tag(text: &str) -> bool {
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        // `<` is one byte, so `i + 1` is a character boundary.
        rest = rest.get(i + 1..).unwrap_or_default();
        if tag_starts(rest) {
            return true;
        }
    }
    false
}

/// Whether a tag matches right after a `<`, at the start of `after`.
fn tag_starts(after: &str) -> bool {
    let mut chars = after.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_') {
        return false;
    }
    // The name is greedy and no name character can start what follows it, so backtracking
    // into the name never helps.
    let Some(next) = chars.find(|&c| !(is_py_word(c) || c == '.' || c == '-')) else {
        return false;
    };
    match next {
        '>' => true,
        '/' => chars.next() == Some('>'),
        // `\s[^<>]*` then `/?>`: the first `<` or `>` decides (the `/` fits in `[^<>]*`).
        c if is_py_space(c) => chars.find(|&c| c == '<' || c == '>') == Some('>'),
        _ => false,
    }
}
