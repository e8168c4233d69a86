//! Python `repr()`, `str()` and `ascii()` of the Python value `json.loads` gives for a JSON value.

use serde_json::{Number, Value};

use crate::{float, printable::is_printable};

/// Python `repr(v)`: `'text'`, `3`, `0.5`, `True`, `None`, `[1, 'a']`, `{'k': None}`.
///
/// Strings are quoted the way Python does it: `'…'`, or `"…"` when the text holds a `'` and
/// no `"`; backslash, the chosen quote, `\n`, `\r`, `\t` and non-printable characters are
/// escaped; printable non-ASCII characters are kept.
///
/// ```
/// use serde_json::json;
/// assert_eq!(memor_templates::py_repr(&json!("it's")), r#""it's""#);
/// assert_eq!(memor_templates::py_repr(&json!({"a": [1, 2.0, null, true]})), "{'a': [1, 2.0, None, True]}");
/// ```
pub fn py_repr(v: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, v);
    out
}

/// Python `str(v)`: a string is itself; everything else is [`py_repr`].
///
/// ```
/// use serde_json::json;
/// assert_eq!(memor_templates::py_str(&json!("it's")), "it's");
/// assert_eq!(memor_templates::py_str(&json!(1e16)), "1e+16");
/// ```
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python `ascii(v)`: [`py_repr`] with every non-ASCII character escaped as `\xNN`, `\uNNNN`
/// or `\UNNNNNNNN`.
///
/// ```
/// use serde_json::json;
/// assert_eq!(memor_templates::py_ascii(&json!(["é😀"])), r"['\xe9\U0001f600']");
/// ```
pub fn py_ascii(v: &Value) -> String {
    ascii_escape(&py_repr(v))
}

/// Python `repr(s)` of a string.
pub(crate) fn str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str_repr(&mut out, s);
    out
}

/// Escapes every non-ASCII character of `s` the way `ascii()` does (`backslashreplace`).
pub(crate) fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if ch.is_ascii() {
            out.push(ch);
        } else {
            push_escape(&mut out, ch);
        }
    }
    out
}

fn write_repr(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => out.push_str(&number_str(n)),
        Value::String(s) => write_str_repr(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_str_repr(out, key);
                out.push_str(": ");
                write_repr(out, item);
            }
            out.push('}');
        }
    }
}

/// Python `str()` of a JSON number: decimal for an integer, `repr` for a float.
pub(crate) fn number_str(n: &Number) -> String {
    if let Some(i) = n.as_i64().filter(|_| !n.is_f64()) {
        i.to_string()
    } else if let Some(u) = n.as_u64().filter(|_| !n.is_f64()) {
        u.to_string()
    } else {
        float::repr(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// `unicode_repr` from CPython's `Objects/unicodeobject.c`.
fn write_str_repr(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c < ' ' || c == '\x7f' => push_escape(out, c),
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c => push_escape(out, c),
        }
    }
    out.push(quote);
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` (lower-case hex), by the size of the code point.
fn push_escape(out: &mut String, ch: char) {
    let cp = u32::from(ch);
    let text = if cp <= 0xff {
        format!("\\x{cp:02x}")
    } else if cp <= 0xffff {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    };
    out.push_str(&text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // Expected values from python3.11.
    #[test]
    fn quote_choice_follows_python() {
        assert_eq!(str_repr("a'b"), r#""a'b""#);
        assert_eq!(str_repr("a\"b"), r#"'a"b'"#);
        assert_eq!(str_repr("a'\"b"), r#"'a\'"b'"#);
    }

    #[test]
    fn non_printable_characters_are_escaped_by_size() {
        assert_eq!(str_repr("\u{0}\u{7f}\u{a0}\u{ad}é\u{2028}\u{e000}😀"), r"'\x00\x7f\xa0\xadé\u2028\ue000😀'");
        assert_eq!(ascii_escape("é\u{2028}😀"), r"\xe9\u2028\U0001f600");
    }

    #[test]
    fn containers_use_python_separators() {
        let v = json!({"k": [1, 2.5, null, true, "it's"], "e": {}, "l": []});
        assert_eq!(py_repr(&v), r#"{'k': [1, 2.5, None, True, "it's"], 'e': {}, 'l': []}"#);
    }
}
