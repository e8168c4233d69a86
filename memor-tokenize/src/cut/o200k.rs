//! `o200k_base`'s pieces, cut by hand: tiktoken's pattern
//!
//! ```text
//! [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//! |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//! |\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
//! ```
//!
//! A word is a run of the first set (capitals, say) then a run of the second (small letters);
//! letters without case and marks are in both. The regex tries each alternative with the
//! optional first character, then without it, and backs the first run off until the second
//! can start, which is what [`first`] and [`second`] work out without backing off.

use super::{Class, at, contraction, rest, run};

/// `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`.
fn is_head(c: Class) -> bool {
    matches!(c, Class::Upper | Class::Caseless | Class::Mark)
}

/// `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`.
fn is_tail(c: Class) -> bool {
    matches!(c, Class::Lower | Class::Caseless | Class::Mark)
}

/// Calls `each` with every piece of `text`, in order.
pub(crate) fn each<'t>(text: &'t str, mut each: impl FnMut(&'t str)) {
    let mut start = 0;
    while let Some(end) = piece_end(text, start) {
        each(&text[start..end]);
        start = end;
    }
}

/// The end of the head run from byte `from`, and the end of its last character that is also
/// in the tail set (a letter without case or a mark), if any.
fn head(text: &str, from: usize) -> (usize, Option<usize>) {
    let (mut end, mut last_tail) = (from, None);
    while let Some((c, n)) = at(text, end).filter(|&(c, _)| is_head(c)) {
        end += n;
        if is_tail(c) {
            last_tail = Some(end);
        }
    }
    (end, last_tail)
}

/// `H*T+` from byte `from` (then a contraction): the head run backed off to the last place
/// a tail character starts. That is the head's end when a small letter follows it (the tail
/// then runs on), else just after the head's last caseless letter or mark.
fn first(text: &str, from: usize) -> Option<usize> {
    let (end, last_tail) = head(text, from);
    let end = match at(text, end) {
        Some((Class::Lower, _)) => run(text, end, is_tail),
        _ => last_tail?,
    };
    Some(end + contraction_at(text, end))
}

/// `H+T*` from byte `from` (then a contraction).
fn second(text: &str, from: usize) -> Option<usize> {
    let (end, _) = head(text, from);
    if end == from {
        return None;
    }
    let end = run(text, end, is_tail);
    Some(end + contraction_at(text, end))
}

/// The length of the contraction (with its `'`) at byte `at`, or 0.
fn contraction_at(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at) {
        Some(b'\'') => contraction(&text[at + 1..]).map_or(0, |n| n + 1),
        _ => 0,
    }
}

/// Where the piece that starts at byte `start` ends; `None` at the end of the text.
fn piece_end(text: &str, start: usize) -> Option<usize> {
    let (c, len) = at(text, start)?;
    // `[^\r\n\p{L}\p{N}]?`: white space, punctuation, symbols and marks.
    let prefix = matches!(c, Class::Space | Class::Other | Class::Mark).then_some(start + len);
    // Each word alternative with the optional character, then without it.
    for word in [first, second] {
        if let Some(end) = prefix.and_then(|from| word(text, from)).or_else(|| word(text, start)) {
            return Some(end);
        }
    }
    // `\p{N}{1,3}`, ` ?[^\s\p{L}\p{N}]+[\r\n/]*`, white space
    Some(rest(text, start, c, |b| matches!(b, b'\r' | b'\n' | b'/')))
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_cut_as_the_regex_cuts_them() {
        super::super::tests::cuts_alike(|text, out| super::each(text, |p| out.push(p)), &crate::pieces::O200K_BASE);
    }
}
