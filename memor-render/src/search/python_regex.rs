//! Python `re` syntax to `fancy_regex` syntax, for the parts that differ (DECISIONS D13).
//!
//! - `$` matches at the end or before a final newline; `\Z` is the very end.
//! - `\w`, `\W`, `\b`, `\B` use Python's word characters (letters, digits, `_`) and `\s`, `\S`
//!   its 29 white-space characters, not Rust's definitions.
//! - `\uXXXX`, `\UXXXXXXXX`, `(?P=name)`, `{,n}` and a `{` that starts no quantifier.
//! - IGNORECASE: Unicode simple case folding (`(?i)`).
//!
//! Everything else is passed through; what `fancy_regex` then refuses is an error.

const WORD: &str = r"\p{L}\p{N}_";
const SPACE: &str = r"\t-\r\x1C-\x20\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";

/// A translated pattern, and where its pieces came from.
pub(crate) struct Translated {
    /// The `fancy_regex` pattern.
    pub(crate) pattern: String,
    /// `(byte offset in pattern, character position in the user's pattern)` at the start of
    /// each translated piece, in order.
    starts: Vec<(usize, usize)>,
}

impl Translated {
    /// The position in the user's pattern (in characters, as Python counts) of a byte offset
    /// in the translated one.
    pub(crate) fn source_position(&self, offset: usize) -> usize {
        let piece = self.starts.partition_point(|&(start, _)| start <= offset);
        piece.checked_sub(1).and_then(|p| self.starts.get(p)).map_or(0, |&(_, position)| position)
    }

    /// `e` in the user's terms: a parse error's position is one in the user's pattern.
    pub(crate) fn message(&self, e: &fancy_regex::Error) -> String {
        match e {
            fancy_regex::Error::ParseError(offset, kind) => {
                format!("{kind} at position {}", self.source_position(*offset))
            }
            other => other.to_string(),
        }
    }
}

/// The `fancy_regex` pattern for a Python pattern.
pub(crate) fn translate(pattern: &str, ignore_case: bool) -> Result<Translated, String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 16);
    if ignore_case {
        out.push_str("(?i)");
    }
    let mut starts = Vec::with_capacity(chars.len() + 1);
    let mut i = 0;
    let mut in_class = false;
    while i < chars.len() {
        starts.push((out.len(), i));
        let c = chars[i];
        match c {
            '\\' => {
                let Some(&e) = chars.get(i + 1) else {
                    return Err(format!("bad escape (end of pattern) at position {i}"));
                };
                i += 2;
                match e {
                    'w' if in_class => out.push_str(WORD),
                    's' if in_class => out.push_str(SPACE),
                    'w' => out.push_str(&format!("[{WORD}]")),
                    'W' => out.push_str(&format!("[^{WORD}]")),
                    's' => out.push_str(&format!("[{SPACE}]")),
                    'S' => out.push_str(&format!("[^{SPACE}]")),
                    'b' if !in_class => {
                        out.push_str(&format!("(?:(?<=[{WORD}])(?![{WORD}])|(?<![{WORD}])(?=[{WORD}]))"))
                    }
                    'B' if !in_class => {
                        out.push_str(&format!("(?:(?<=[{WORD}])(?=[{WORD}])|(?<![{WORD}])(?![{WORD}]))"))
                    }
                    'Z' => out.push_str(r"\z"),
                    'u' | 'U' => {
                        let n = if e == 'u' { 4 } else { 8 };
                        let hex: String = chars.iter().skip(i).take(n).collect();
                        if hex.len() != n || !hex.chars().all(|h| h.is_ascii_hexdigit()) {
                            return Err(format!("incomplete escape \\{e}{hex} at position {}", i - 2));
                        }
                        out.push_str(&format!("\\x{{{hex}}}"));
                        i += n;
                    }
                    _ => {
                        out.push('\\');
                        out.push(e);
                    }
                }
                continue;
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // A `]` (or `^]`) right after the opening is a literal in Python.
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i + 1) == Some(&']') {
                    out.push_str(r"\]");
                    i += 1;
                }
            }
            '[' => out.push_str(r"\["),
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            '$' if !in_class => out.push_str(r"(?:(?=\n\z)|\z)"),
            '(' if !in_class && chars[i..].starts_with(&['(', '?', 'P', '=']) => {
                let name: String = chars[i + 4..].iter().take_while(|&&ch| ch != ')').collect();
                out.push_str(&format!("\\k<{name}>"));
                i += 4 + name.chars().count() + 1;
                continue;
            }
            '{' if !in_class => match quantifier(&chars[i..]) {
                Some((text, len)) => {
                    out.push_str(&text);
                    i += len;
                    continue;
                }
                None => out.push_str(r"\{"),
            },
            '}' if !in_class => out.push_str(r"\}"),
            _ => out.push(c),
        }
        i += 1;
    }
    if in_class {
        return Err("unterminated character set".into());
    }
    starts.push((out.len(), chars.len()));
    Ok(Translated { pattern: out, starts })
}

/// A `{m}`, `{m,}`, `{,n}` or `{m,n}` quantifier at the start of `s`: its `regex` text and length.
fn quantifier(s: &[char]) -> Option<(String, usize)> {
    let end = s.iter().position(|&c| c == '}')?;
    let body: String = s[1..end].iter().collect();
    let (low, high) = match body.split_once(',') {
        Some((low, high)) => (low, Some(high)),
        None => (body.as_str(), None),
    };
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    if !digits(low) || !high.is_none_or(digits) || (low.is_empty() && high.is_none_or(str::is_empty)) {
        return None;
    }
    let low = if low.is_empty() { "0" } else { low };
    let text = match high {
        None => format!("{{{low}}}"),
        Some(high) => format!("{{{low},{high}}}"),
    };
    Some((text, end + 1))
}

#[cfg(test)]
mod tests {
    use super::translate;

    fn matches(pattern: &str, text: &str, ignore_case: bool) -> bool {
        let re = fancy_regex::Regex::new(&translate(pattern, ignore_case).unwrap().pattern).unwrap();
        re.is_match(text).unwrap()
    }

    /// Expected values checked with CPython 3.11's `re.search`.
    #[test]
    fn python_semantics() {
        assert!(matches("end$", "the end\n", false));
        assert!(!matches("end$", "the end\n\n", false));
        assert!(!matches(r"end\Z", "the end\n", false));
        assert!(matches(r"\w+", "naïve", false));
        assert!(!matches(r"^\w$", "\u{301}", false)); // a combining mark is not \w in Python
        assert!(matches(r"\s", "a\u{1c}b", false));
        assert!(matches(r"(?P<q>['\x22]).*(?P=q)", "say 'hi'", false));
        assert!(matches("a{,2}b", "aab", false));
        assert!(matches("x{", "x{", false));
        assert!(matches("k", "\u{212a}", true));
        assert!(matches(r"[]a]", "]", false));
        assert!(matches(r"\u00e9", "é", false));
        assert!(matches(r"(?<=a)b", "ab", false));
        assert!(translate("[", false).is_err());
    }
}
