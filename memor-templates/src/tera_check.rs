//! What a Tera template may contain, checked on its text before Tera parses it.
//!
//! Tera 1 has no recursion or time limit of its own: a template that includes itself or holds
//! a recursive macro overflows the stack (which aborts the process), an expression nested a
//! few hundred levels deep overflows it while parsing or rendering, and function calls nested
//! inside each other take four times as long to parse per level. So before Tera sees a
//! template, this scan refuses `include`, `extends` and `import` (a memor template holds no
//! other templates, so they could only fail or recurse), `macro` definitions, and templates
//! nested deeper than the limits below. The scan follows Tera's grammar for what it looks at
//! (tags, comments, `raw` sections and string literals), so that it sees every tag Tera will
//! run: a template it cuts differently is one Tera cannot parse.

/// The deepest nesting of `(` and `[` inside one tag.
pub(crate) const MAX_NESTING: usize = 4;

/// The most operators (`+ - * / % ~ < > = !`, `and`, `or`, `not`, `in`, `is`) in one tag.
pub(crate) const MAX_OPERATORS: usize = 32;

/// The deepest nesting of `if`, `for`, `filter` and `block` sections.
pub(crate) const MAX_SECTIONS: usize = 16;

/// Why a template is refused, and the byte offset of the offending text.
#[derive(Debug)]
pub(crate) struct Refusal {
    pub(crate) offset: usize,
    pub(crate) message: String,
}

/// Checks `content`; the first refusal, if any.
pub(crate) fn check(content: &str) -> Result<(), Refusal> {
    let bytes = content.as_bytes();
    let mut sections = 0;
    let mut at = 0;
    while let Some(found) = find(bytes, at, b"{") {
        at = match bytes.get(found + 1) {
            Some(b'#') => find(bytes, found + 2, b"#}").map_or(bytes.len(), |end| end + 2),
            Some(b'{') => tag(content, found, b"}}")?,
            Some(b'%') => match exact_tag(bytes, found, b"raw") {
                // Tera reads everything up to the first `endraw` tag as text.
                Some(end) => (end..bytes.len()).find_map(|at| exact_tag(bytes, at, b"endraw")).unwrap_or(end),
                None => {
                    section(content, found, &mut sections)?;
                    tag(content, found, b"%}")?
                }
            },
            _ => found + 1,
        };
    }
    Ok(())
}

/// Scans the tag opened at `start` and closed by `close`; where it ends.
fn tag(content: &str, start: usize, close: &[u8]) -> Result<usize, Refusal> {
    let bytes = content.as_bytes();
    let (mut depth, mut operators) = (0, 0);
    let mut at = start + 2;
    while let Some(&byte) = bytes.get(at) {
        if bytes[at..].starts_with(close) {
            return Ok(at + close.len());
        }
        at += 1;
        match byte {
            b'"' | b'\'' | b'`' => match find(bytes, at, &[byte]) {
                Some(end) => at = end + 1,
                None => return Ok(bytes.len()),
            },
            b'(' | b'[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(Refusal {
                        offset: at - 1,
                        message: format!("brackets nest deeper than {MAX_NESTING} levels in one tag"),
                    });
                }
            }
            b')' | b']' => depth = usize::saturating_sub(depth, 1),
            b'+' | b'-' | b'*' | b'/' | b'%' | b'~' | b'<' | b'>' | b'=' | b'!' => operators += 1,
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let word_start = at - 1;
                while bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
                    at += 1;
                }
                if matches!(&content[word_start..at], "and" | "or" | "not" | "in" | "is") {
                    operators += 1;
                }
            }
            _ => {}
        }
        if operators > MAX_OPERATORS {
            return Err(Refusal { offset: start, message: format!("more than {MAX_OPERATORS} operators in one tag") });
        }
    }
    Ok(bytes.len())
}

/// Checks the keyword of the `{%` tag at `start`, counting the sections it opens and closes.
fn section(content: &str, start: usize, sections: &mut usize) -> Result<(), Refusal> {
    let rest = content[start + 2..].trim_start_matches('-').trim_start();
    let keyword_len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
    let refuse = |message: String| Err(Refusal { offset: start, message });
    match &rest[..keyword_len] {
        keyword @ ("include" | "extends" | "import") => {
            refuse(format!("`{keyword}` is not available in memor templates: a template holds no other templates"))
        }
        "macro" => refuse("`macro` is not available in memor templates".to_owned()),
        "if" | "for" | "filter" | "block" => {
            *sections += 1;
            if *sections > MAX_SECTIONS {
                return refuse(format!("sections nest deeper than {MAX_SECTIONS} levels"));
            }
            Ok(())
        }
        "endif" | "endfor" | "endfilter" | "endblock" => {
            *sections = sections.saturating_sub(1);
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Where the tag at `start` ends if it is exactly `{%`, `keyword` and `%}` (Tera's `raw_tag`
/// and `endraw_tag`: a `-` may follow `{%` or precede `%}`, whitespace may surround `keyword`).
fn exact_tag(bytes: &[u8], start: usize, keyword: &[u8]) -> Option<usize> {
    if !bytes.get(start..)?.starts_with(b"{%") {
        return None;
    }
    let mut at = start + 2;
    at += usize::from(bytes.get(at) == Some(&b'-'));
    at = skip_whitespace(bytes, at);
    at = if bytes.get(at..)?.starts_with(keyword) { at + keyword.len() } else { return None };
    at = skip_whitespace(bytes, at);
    at += usize::from(bytes.get(at) == Some(&b'-'));
    bytes.get(at..)?.starts_with(b"%}").then_some(at + 2)
}

/// The first byte at or after `at` that is not Tera whitespace (space, tab, CR, LF).
fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        at += 1;
    }
    at
}

/// The first occurrence of `needle` in `bytes` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|window| window == needle).map(|position| from + position)
}
