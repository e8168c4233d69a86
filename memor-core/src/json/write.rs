//! Python's `json.dumps` bytes (spec §13.1), as a `serde_json` formatter.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter, Serializer};

use crate::PyFloat;

/// Writes JSON exactly as Python's `json.dumps` does with its defaults: `", "` and `": "`
/// separators, ASCII only (`\uXXXX`, lowercase hex, surrogate pairs), Python float text.
#[derive(Clone, Copy, Debug, Default)]
pub struct PythonFormatter;

impl Formatter for PythonFormatter {
    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        // Non-finite values cannot reach here from our types (DECISIONS D6); if a caller's
        // own value holds one, write what Python writes.
        if value.is_nan() {
            w.write_all(b"NaN")
        } else if value.is_infinite() {
            w.write_all(if value < 0.0 {
                b"-Infinity"
            } else {
                b"Infinity"
            })
        } else {
            write!(w, "{}", PyFloat(value))
        }
    }

    fn write_f32<W: ?Sized + Write>(&mut self, w: &mut W, value: f32) -> io::Result<()> {
        self.write_f64(w, f64::from(value))
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if first { Ok(()) } else { w.write_all(b", ") }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // serde_json has already escaped `"`, `\` and C0 controls; Python also escapes DEL
        // and everything outside ASCII.
        let bytes = fragment.as_bytes();
        let mut start = 0;
        while let Some(offset) = bytes[start..].iter().position(|&b| b >= 0x7f) {
            let at = start + offset;
            w.write_all(&bytes[start..at])?;
            let c = fragment[at..].chars().next().unwrap_or('\u{7f}');
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            start = at + c.len_utf8();
        }
        w.write_all(&bytes[start..])
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        let s: &[u8] = match escape {
            CharEscape::Quote => b"\\\"",
            CharEscape::ReverseSolidus => b"\\\\",
            CharEscape::Solidus => b"/",
            CharEscape::Backspace => b"\\b",
            CharEscape::FormFeed => b"\\f",
            CharEscape::LineFeed => b"\\n",
            CharEscape::CarriageReturn => b"\\r",
            CharEscape::Tab => b"\\t",
            CharEscape::AsciiControl(b) => return write!(w, "\\u{b:04x}"),
        };
        w.write_all(s)
    }
}

/// Serializes `value` into `w` as Python's `json.dumps` would.
pub fn to_writer<W: Write, T: ?Sized + Serialize>(w: W, value: &T) -> serde_json::Result<()> {
    value.serialize(&mut Serializer::with_formatter(w, PythonFormatter))
}

/// `json.dumps(value)` as a `String`.
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(512);
    to_writer(&mut out, value)?;
    // The formatter writes ASCII only.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// `len(json.dumps(value))`, without building the text.
pub fn byte_len<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<usize> {
    let mut counter = Counter(0);
    to_writer(&mut counter, value)?;
    Ok(counter.0)
}

struct Counter(usize);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn python_dumps_bytes() {
        let v = json!({"a": [1, 2.0, 1e-5, 1e16, -0.0], "s": "é\u{7f}\u{1f}\"\\/\n😀", "n": null, "t": true});
        assert_eq!(
            to_string(&v).unwrap(),
            r#"{"a": [1, 2.0, 1e-05, 1e+16, -0.0], "s": "\u00e9\u007f\u001f\"\\/\n\ud83d\ude00", "n": null, "t": true}"#
        );
        assert_eq!(byte_len(&v).unwrap(), to_string(&v).unwrap().len());
    }
}
