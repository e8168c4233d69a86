//! Message ids: fresh UUIDv4 strings, and memor's (lenient) check of a given id.

use crate::pychar;

/// A fresh random UUIDv4 in canonical hyphenated lowercase form.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().hyphenated().to_string()
}

/// Whether memor 1.1 accepts `id` (Python's `uuid.UUID(id, version=4)`, spec §4.9).
///
/// The check is as lax as memor's: any UUID version, braces, `urn:uuid:` prefixes, missing or
/// extra hyphens, surrounding white space, `+`, `0x`, single underscores and any Unicode
/// decimal digit all pass. The id is stored as given, never normalised.
pub fn is_valid_id(id: &str) -> bool {
    is_canonical(id) || is_valid_lenient(id)
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in ASCII hex: what memor writes, checked fast.
fn is_canonical(id: &str) -> bool {
    let b = id.as_bytes();
    // Branch-free over the bytes (it vectorises): hex digits and exactly the four hyphens.
    let hyphens = b.iter().fold(0, |n, &c| n + u32::from(c == b'-'));
    let valid = b.iter().fold(true, |ok, &c| ok & (c.is_ascii_hexdigit() | (c == b'-')));
    b.len() == 36 && hyphens == 4 && valid && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
}

fn is_valid_lenient(id: &str) -> bool {
    let hex = id.replace("urn:", "").replace("uuid:", "");
    let hex = hex.trim_matches(|c| c == '{' || c == '}').replace('-', "");
    hex.chars().count() == 32 && parses_as_python_hex_int(&hex)
}

/// Python's `int(text, 16)`: after mapping Unicode white space to ' ' and Unicode decimal
/// digits to ASCII, accepts `\s* [+-]? (0x)? _? digit (_? digit)* \s*`.
fn parses_as_python_hex_int(text: &str) -> bool {
    let mut ascii = Vec::with_capacity(text.len());
    for c in text.chars() {
        if pychar::is_space(c) {
            ascii.push(b' ');
        } else if let Some(d) = pychar::decimal_value(c) {
            ascii.push(b'0' + d as u8);
        } else if c.is_ascii() {
            ascii.push(c as u8);
        } else {
            return false;
        }
    }
    let is_ws = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let start = ascii.iter().position(|b| !is_ws(b)).unwrap_or(ascii.len());
    let end = ascii.iter().rposition(|b| !is_ws(b)).map_or(start, |i| i + 1);
    let mut s = &ascii[start..end];
    if let [b'+' | b'-', rest @ ..] = s {
        s = rest;
    }
    if let [b'0', b'x' | b'X', rest @ ..] = s {
        s = rest.strip_prefix(b"_").unwrap_or(rest);
    }
    // Digits separated by single underscores; no leading, trailing or doubled underscore.
    !s.is_empty() && s.split(|&b| b == b'_').all(|group| !group.is_empty() && group.iter().all(u8::is_ascii_hexdigit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_and_lenient_forms() {
        let ok = [
            "9291084e-d7f2-4b8d-a1b1-4f7477b1673d",
            "{9291084e-d7f2-4b8d-a1b1-4f7477b1673d}",
            "urn:uuid:9291084e-d7f2-4b8d-a1b1-4f7477b1673d",
            "9291084ed7f24b8da1b14f7477b1673d",
            "+291084ed7f24b8da1b14f7477b1673d",
            "0x91084ed7f24b8da1b14f7477b1673d",
            "0x_1084ed7f24b8da1b14f7477b1673d",
            " 291084ed7f24b8da1b14f7477b1673d",
            "1_91084ed7f24b8da1b14f7477b1673d",
        ];
        for id in ok {
            assert!(is_valid_id(id), "{id}");
        }
        let bad = [
            "",
            "x",
            "-291084ed7f24b8da1b14f7477b1673d",
            "1__1084ed7f24b8da1b14f7477b1673d",
            "_291084ed7f24b8da1b14f7477b1673d",
            "g291084ed7f24b8da1b14f7477b1673d",
            "2 1084ed7f24b8da1b14f7477b1673d",
        ];
        for id in bad {
            assert!(!is_valid_id(id), "{id}");
        }
        assert!(is_valid_id(&new_id()));
    }
}
