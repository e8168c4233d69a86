//! The pieces OpenAI's encodings cut a text into before byte-pair encoding, cut by hand:
//! each encoding's pattern read as the first alternative that matches at each position, one
//! class lookup per character. Why: a regex search per piece cost most of a count (pieces are
//! four or five bytes long, and each search pays its start-up), and `o200k_base`'s pattern
//! took about 7 ms to compile in every process. The patterns stay the judges: the tests cut
//! texts both ways ([`crate::pieces`]) and compare.
//!
//! Characters are classed with the regex crate's own Unicode tables (`regex-syntax`, the
//! version the regex uses), so both cut alike on every character.

pub(crate) mod cl100k;
pub(crate) mod o200k;

use std::sync::LazyLock;

/// What the patterns ask of a character: its general category where they name one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Class {
    /// `\p{Lu}` or `\p{Lt}`.
    Upper,
    /// `\p{Ll}`.
    Lower,
    /// `\p{Lm}` or `\p{Lo}`: letters without case.
    Caseless,
    /// `\p{M}`.
    Mark,
    /// `\p{N}`.
    Number,
    /// `\s` but not `\r` or `\n`.
    Space,
    /// `\r` or `\n`.
    Newline,
    /// Anything else (punctuation, symbols).
    Other,
}

impl Class {
    /// `\p{L}`.
    pub(crate) fn is_letter(self) -> bool {
        matches!(self, Class::Upper | Class::Lower | Class::Caseless)
    }
}

/// The class of every ASCII character.
const ASCII: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        table[c] = if b.is_ascii_uppercase() {
            Class::Upper
        } else if b.is_ascii_lowercase() {
            Class::Lower
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

/// The classes of the non-ASCII characters that are not `Other`, as sorted, disjoint ranges.
static RANGES: LazyLock<Vec<(u32, u32, Class)>> = LazyLock::new(|| {
    let mut ranges = Vec::new();
    for (pattern, class) in [
        (r"[\p{Lu}\p{Lt}]", Class::Upper),
        (r"\p{Ll}", Class::Lower),
        (r"[\p{Lm}\p{Lo}]", Class::Caseless),
        (r"\p{M}", Class::Mark),
        (r"\p{N}", Class::Number),
        (r"\s", Class::Space),
    ] {
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

/// The bytes after `'` that make a contraction (`(?i:'s|'t|'re|'ve|'m|'ll|'d)`), if they do:
/// `s`, `t`, `re`, `ve`, `m`, `ll` or `d`, in either case (and `ſ`, which folds to `s`).
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

/// Where the piece at byte `start` ends when it is no word: the patterns' last
/// alternatives, `\p{N}{1,3}`, ` ?[^\s\p{L}\p{N}]+` then the bytes `trailing` takes (their
/// `[\r\n]*` or `[\r\n/]*`), and white space. `first` is the class of its first character.
fn rest(text: &str, start: usize, first: Class, trailing: impl Fn(u8) -> bool) -> usize {
    if first == Class::Number {
        return numbers(text, start);
    }
    punctuation(text, start, trailing).unwrap_or_else(|| spaces(text, start))
}

/// `\p{N}{1,3}` at byte `start`, a number there.
fn numbers(text: &str, start: usize) -> usize {
    let mut end = start;
    for _ in 0..3 {
        match at(text, end) {
            Some((Class::Number, n)) => end += n,
            _ => break,
        }
    }
    end
}

/// `[^\s\p{L}\p{N}]`: punctuation, symbols and marks.
fn is_other(c: Class) -> bool {
    matches!(c, Class::Mark | Class::Other)
}

/// ` ?[^\s\p{L}\p{N}]+` at byte `start`, then the bytes `trailing` takes, if it matches there.
fn punctuation(text: &str, start: usize, trailing: impl Fn(u8) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let from = if bytes[start] == b' ' { start + 1 } else { start };
    at(text, from).filter(|&(c, _)| is_other(c))?;
    let end = run(text, from, is_other);
    Some(end + bytes[end..].iter().take_while(|&&b| trailing(b)).count())
}

/// The white space run at `start` as both patterns end it: `\s*[\r\n]+` up to the run's
/// last line break, else `\s+(?!\S)` (all of it at the end of the text, or all but its last
/// character), else `\s+` (a single white space character before something else).
fn spaces(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let end = run(text, start, |c| matches!(c, Class::Space | Class::Newline));
    if let Some(last) = bytes[start..end].iter().rposition(|&b| b == b'\r' || b == b'\n') {
        return start + last + 1;
    }
    if end == text.len() {
        return end;
    }
    let last = text[..end].chars().next_back().map_or(0, char::len_utf8);
    if end - start > last { end - last } else { end }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters where the patterns' alternatives meet: each class, the contraction
    /// letters in both cases, `ſ`, marks, letters without case, white space that is not ASCII.
    pub(crate) const TRICKY: &[char] = &[
        ' ', ' ', ' ', '\t', '\n', '\r', '\u{0B}', '\u{85}', '\u{A0}', '\u{2028}', '\u{3000}', '\'', '\'', 's', 'S',
        'ſ', 't', 'T', 'r', 'R', 'e', 'E', 'v', 'V', 'l', 'L', 'm', 'M', 'd', 'D', 'a', 'k', 'K', '1', '2', '²', '٣',
        'Ⅻ', '!', '.', ',', '-', '/', 'é', 'É', '\u{301}', '\u{903}', '東', 'я', 'Я', 'ʰ', '😀', 'ǅ', '_',
    ];

    /// Checks that `cut` (a text's pieces pushed in order) cuts as the `judge` pattern does,
    /// on every triple of [`TRICKY`] characters and on random texts.
    pub(crate) fn cuts_alike(cut: impl for<'t> Fn(&'t str, &mut Vec<&'t str>), judge: &crate::pieces::Pieces) {
        let mut text = String::new();
        for &a in TRICKY {
            for &b in TRICKY {
                for &c in TRICKY {
                    text.clear();
                    text.extend([a, b, c]);
                    same(&cut, judge, &text);
                }
            }
        }
        let mut next = crate::xorshift(0x9E37_79B9_7F4A_7C15u64);
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
            same(&cut, judge, &text);
        }
    }

    fn same(cut: &impl for<'t> Fn(&'t str, &mut Vec<&'t str>), judge: &crate::pieces::Pieces, text: &str) {
        let (mut by_hand, mut by_regex) = (Vec::new(), Vec::new());
        cut(text, &mut by_hand);
        judge.each(text, |p| by_regex.push(p));
        assert_eq!(by_hand, by_regex, "{text:?}");
    }

    #[test]
    fn every_character_is_classed_as_the_regex_classes_it() {
        let regex = |p: &str| regex_automata::meta::Regex::new(&format!("^{p}$")).unwrap();
        let classes = [
            (regex(r"[\p{Lu}\p{Lt}]"), Class::Upper),
            (regex(r"\p{Ll}"), Class::Lower),
            (regex(r"[\p{Lm}\p{Lo}]"), Class::Caseless),
            (regex(r"\p{M}"), Class::Mark),
            (regex(r"\p{N}"), Class::Number),
            (regex(r"[\r\n]"), Class::Newline),
            (regex(r"\s"), Class::Space),
        ];
        let mut buf = [0; 4];
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            let expected = classes.iter().find(|(r, _)| r.is_match(&*s)).map_or(Class::Other, |(_, class)| *class);
            assert_eq!(class(c), expected, "{c:?}");
        }
    }
}
