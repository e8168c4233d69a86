//! `cl100k_base`'s pieces, cut by hand: tiktoken's pattern
//!
//! ```text
//! (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
//! ```

use super::{Class, at, contraction, rest, run};

/// Calls `each` with every piece of `text`, in order.
pub(crate) fn each<'t>(text: &'t str, mut each: impl FnMut(&'t str)) {
    let mut start = 0;
    while let Some(end) = piece_end(text, start) {
        each(&text[start..end]);
        start = end;
    }
}

/// Where the piece that starts at byte `start` ends; `None` at the end of the text.
fn piece_end(text: &str, start: usize) -> Option<usize> {
    let (first, len) = at(text, start)?;
    let bytes = text.as_bytes();
    // `(?i:'s|'t|'re|'ve|'m|'ll|'d)`
    if bytes[start] == b'\'' {
        if let Some(n) = contraction(&text[start + 1..]) {
            return Some(start + 1 + n);
        }
    }
    // `[^\r\n\p{L}\p{N}]?\p{L}+`
    let letters_from = match first {
        c if c.is_letter() => Some(start),
        Class::Number | Class::Newline => None,
        _ => at(text, start + len).is_some_and(|(c, _)| c.is_letter()).then_some(start + len),
    };
    if let Some(from) = letters_from {
        return Some(run(text, from, Class::is_letter));
    }
    // `\p{N}{1,3}`, ` ?[^\s\p{L}\p{N}]+[\r\n]*`, white space
    Some(rest(text, start, first, |b| b == b'\r' || b == b'\n'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_cut_as_the_regex_cuts_them() {
        super::super::tests::cuts_alike(|text, out| super::each(text, |p| out.push(p)), &crate::pieces::CL100K_BASE);
    }
}
