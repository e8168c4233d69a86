//! `cl100k_base`'s pieces, cut by hand: tiktoken's pattern
//!
//! ```text
//! (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
//! ```
//!
//! read as the first alternative that matches at each position, one class lookup per
//! character. Why: a regex search per piece cost most of a count (pieces are four or five
//! bytes long, and each search pays its start-up). The regex stays the judge: the tests cut
//! texts both ways and compare.
//!
//! Characters are classed with the regex crate's own Unicode tables (`regex-syntax`, the
//! version the regex uses), so both cut alike on every character.

use std::sync::LazyLock;

/// What the pattern asks of a character.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// `\p{L}`.
    Letter,
    /// `\p{N}`.
    Number,
    /// `\s` but not `\r` or `\n`.
    Space,
    /// `\r` or `\n`.
    Newline,
    /// Anything else (punctuation, symbols, marks).
    Other,
}

/// The class of every ASCII character.
const ASCII: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        table[c] = if b.is_ascii_alphabetic() {
            Class::Letter
        } else if b.is_ascii_digit() {
            Class::Number
        } else if b == b'\r' || b == b'\n' {
            Class::Newline
        } else if matches!(b, b' ' | b'\t' | 0x0B | 0x0C) {
            Class::Space
        } else {
            Class::Other
        };
        c += 1;
    }
    table
};

/// The non-ASCII letters, numbers and spaces as sorted, disjoint ranges; the rest is `Other`.
static RANGES: LazyLock<Vec<(u32, u32, Class)>> = LazyLock::new(|| {
    let mut ranges = Vec::new();
    for (pattern, class) in [(r"\p{L}", Class::Letter), (r"\p{N}", Class::Number), (r"\s", Class::Space)] {
        // Fixed patterns that name classes: that they parse is checked by every test that cuts.
        let hir = regex_syntax::Parser::new().parse(pattern).unwrap_or_else(|e| unreachable!("{e}"));
        let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(set)) = hir.kind() else {
            unreachable!("{pattern} is a class")
        };
        ranges.extend(set.iter().map(|r| (u32::from(r.start()), u32::from(r.end()), class)));
    }
    ranges.retain(|r| r.1 >= 0x80);
    ranges.sort_unstable_by_key(|r| r.0);
    ranges
});

/// The class of every character of the Basic Multilingual Plane (64 KiB, filled from
/// [`RANGES`] on first use): the binary search over the ranges was a sixth of a count of
/// text that is not ASCII.
static BMP: LazyLock<Vec<Class>> = LazyLock::new(|| {
    let mut table: Vec<Class> =
        (0..0x1_0000u32).map(|c| if c < 0x80 { ASCII[c as usize] } else { Class::Other }).collect();
    for &(start, end, class) in RANGES.iter().filter(|r| r.0 < 0x1_0000) {
        for c in start..=end.min(0xFFFF) {
            table[c as usize] = class;
        }
    }
    table
});

fn class(c: char) -> Class {
    let c = u32::from(c);
    if c < 0x80 {
        return ASCII[c as usize];
    }
    if let Some(&class) = BMP.get(c as usize) {
        return class;
    }
    let ranges = &*RANGES;
    let i = ranges.partition_point(|r| r.0 <= c);
    match i.checked_sub(1).map(|i| ranges[i]) {
        Some((_, end, class)) if c <= end => class,
        _ => Class::Other,
    }
}

/// The character at byte `at` (on a character boundary) with its class and byte length.
fn at(text: &str, at: usize) -> Option<(Class, usize)> {
    let &b = text.as_bytes().get(at)?;
    if b < 0x80 {
        return Some((ASCII[b as usize], 1));
    }
    let c = text[at..].chars().next()?;
    Some((class(c), c.len_utf8()))
}

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
        Class::Letter => Some(start),
        Class::Space | Class::Other => matches!(at(text, start + len), Some((Class::Letter, _))).then_some(start + len),
        Class::Number | Class::Newline => None,
    };
    if let Some(from) = letters_from {
        return Some(run(text, from, |c| c == Class::Letter));
    }
    // `\p{N}{1,3}`
    if first == Class::Number {
        let mut end = start;
        for _ in 0..3 {
            match at(text, end) {
                Some((Class::Number, n)) => end += n,
                _ => break,
            }
        }
        return Some(end);
    }
    // ` ?[^\s\p{L}\p{N}]+[\r\n]*`
    let from = if bytes[start] == b' ' { start + 1 } else { start };
    if let Some((Class::Other, _)) = at(text, from) {
        let end = run(text, from, |c| c == Class::Other);
        return Some(end + bytes[end..].iter().take_while(|&&b| b == b'\r' || b == b'\n').count());
    }
    // What is left starts with white space.
    let end = run(text, start, |c| matches!(c, Class::Space | Class::Newline));
    // `\s*[\r\n]+`: up to the run's last line break.
    if let Some(last) = bytes[start..end].iter().rposition(|&b| b == b'\r' || b == b'\n') {
        return Some(start + last + 1);
    }
    // `\s+(?!\S)`: the run, or all of it but its last character when something follows.
    if end == text.len() {
        return Some(end);
    }
    let last = text[..end].chars().next_back().map_or(0, char::len_utf8);
    // `\s+`: a single white space character before something else.
    Some(if end - start > last { end - last } else { end })
}

/// The bytes after `'` that make a contraction, if they do: `s`, `t`, `re`, `ve`, `m`, `ll`
/// or `d`, in either case (and `ſ`, which folds to `s`).
fn contraction(rest: &str) -> Option<usize> {
    let mut chars = rest.chars();
    let first = chars.next()?;
    let second = chars.next().map(|c| c.to_ascii_lowercase());
    match first.to_ascii_lowercase() {
        's' | 't' | 'm' | 'd' => Some(1),
        'ſ' => Some('ſ'.len_utf8()),
        'r' | 'v' if second == Some('e') => Some(2),
        'l' if second == Some('l') => Some(2),
        _ => None,
    }
}

/// The end of the run of characters from byte `from` whose class passes `keep`.
fn run(text: &str, mut from: usize, keep: impl Fn(Class) -> bool) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII a byte at a time, without decoding.
        from += bytes[from..].iter().take_while(|&&b| b < 0x80 && keep(ASCII[b as usize])).count();
        if bytes.get(from).is_none_or(|&b| b < 0x80) {
            return from;
        }
        let Some((class, n)) = at(text, from) else { return from };
        if !keep(class) {
            return from;
        }
        from += n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_regex(text: &str) -> Vec<&str> {
        let mut pieces = Vec::new();
        crate::pieces::CL100K_BASE.each(text, |p| pieces.push(p));
        pieces
    }

    fn by_hand(text: &str) -> Vec<&str> {
        let mut pieces = Vec::new();
        each(text, |p| pieces.push(p));
        pieces
    }

    /// Characters where the pattern's alternatives meet: each class, the contraction
    /// letters in both cases, `ſ`, marks, white space that is not ASCII.
    const TRICKY: &[char] = &[
        ' ', ' ', ' ', '\t', '\n', '\r', '\u{0B}', '\u{85}', '\u{A0}', '\u{2028}', '\u{3000}', '\'', '\'', 's', 'S',
        'ſ', 't', 'T', 'r', 'R', 'e', 'E', 'v', 'V', 'l', 'L', 'm', 'M', 'd', 'D', 'a', 'k', 'K', '1', '2', '²', '٣',
        'Ⅻ', '!', '.', ',', '-', '/', 'é', '\u{301}', '東', 'я', '😀', 'ǅ', '_',
    ];

    #[test]
    fn every_pair_and_triple_of_tricky_characters_is_cut_as_the_regex_cuts_it() {
        let mut text = String::new();
        for &a in TRICKY {
            for &b in TRICKY {
                for &c in TRICKY {
                    text.clear();
                    text.extend([a, b, c]);
                    assert_eq!(by_hand(&text), by_regex(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn random_texts_are_cut_as_the_regex_cuts_them() {
        let mut next = crate::xorshift(0x9E37_79B9_7F4A_7C15u64);
        let mut text = String::new();
        for _ in 0..20_000 {
            text.clear();
            for _ in 0..next() % 40 {
                let r = next();
                text.push(if r % 3 == 0 {
                    // Any character at all, often outside the tricky ones.
                    char::from_u32((r >> 8) as u32 % 0x11_0000).unwrap_or('\u{FFFD}')
                } else {
                    TRICKY[(r >> 8) as usize % TRICKY.len()]
                });
            }
            assert_eq!(by_hand(&text), by_regex(&text), "{text:?}");
        }
    }

    #[test]
    fn every_character_is_classed_as_the_regex_classes_it() {
        let regex = |p: &str| regex_automata::meta::Regex::new(&format!("^{p}$")).unwrap();
        let (letter, number, space) = (regex(r"\p{L}"), regex(r"\p{N}"), regex(r"\s"));
        let mut buf = [0; 4];
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            let expected = if letter.is_match(&*s) {
                Class::Letter
            } else if number.is_match(&*s) {
                Class::Number
            } else if c == '\r' || c == '\n' {
                Class::Newline
            } else if space.is_match(&*s) {
                Class::Space
            } else {
                Class::Other
            };
            assert_eq!(class(c), expected, "{c:?}");
        }
    }
}
