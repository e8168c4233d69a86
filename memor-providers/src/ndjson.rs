//! Newline-delimited JSON: [`NdjsonDecoder`] turns body bytes, cut anywhere, into JSON values.

use serde_json::Value;

use crate::sse::line_breaks;
use crate::{Error, Result};

/// Splits an NDJSON body (one JSON value per line; blank lines skipped) into values, whatever
/// the chunks it arrives in (a chunk may end mid-line or inside a UTF-8 character). A feed
/// scans only the bytes it adds, so the cost is linear in the body's length.
///
/// ```
/// use memor_providers::NdjsonDecoder;
///
/// let mut decoder = NdjsonDecoder::new("ollama");
/// assert!(decoder.feed(b"{\"a\":")?.is_empty());
/// assert_eq!(decoder.feed(b"1}\n{\"b\":2}")?, vec![serde_json::json!({"a": 1})]);
/// assert_eq!(decoder.finish()?, Some(serde_json::json!({"b": 2})));
/// # Ok::<(), memor_providers::Error>(())
/// ```
#[derive(Debug)]
pub struct NdjsonDecoder {
    provider: String,
    buffer: Vec<u8>,
    /// How much of `buffer` is known to hold no line break.
    scanned: usize,
}

impl NdjsonDecoder {
    /// A decoder whose parse errors name `provider`.
    pub fn new(provider: &str) -> Self {
        NdjsonDecoder { provider: provider.to_owned(), buffer: Vec::new(), scanned: 0 }
    }

    /// The values completed by these bytes; a line that is not JSON is a parse error.
    pub fn feed(&mut self, bytes: &[u8]) -> Result<Vec<Value>> {
        self.buffer.extend_from_slice(bytes);
        let mut values = Vec::new();
        let mut start = 0;
        let scanned = self.scanned;
        for end in line_breaks(&self.buffer[scanned..]).map(|at| at + scanned) {
            values.extend(self.value(&self.buffer[start..end])?);
            start = end + 1;
        }
        self.buffer.drain(..start);
        self.scanned = self.buffer.len();
        Ok(values)
    }

    /// The end of the body: the last value when no line break followed it.
    pub fn finish(&mut self) -> Result<Option<Value>> {
        let rest = std::mem::take(&mut self.buffer);
        self.scanned = 0;
        self.value(&rest)
    }

    fn value(&self, line: &[u8]) -> Result<Option<Value>> {
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        serde_json::from_slice(line).map(Some).map_err(|e| Error::parse(&self.provider, format!("not JSON: {e}")))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn lines_cut_anywhere_come_out_whole() {
        let body = "{\"t\":\"h\u{e9}\"}\r\n\n{\"t\":\"\u{1f600}\"}\n";
        let bytes = body.as_bytes();
        for size in 1..bytes.len() {
            let mut decoder = NdjsonDecoder::new("p");
            let mut values = Vec::new();
            for chunk in bytes.chunks(size) {
                values.extend(decoder.feed(chunk).unwrap());
            }
            values.extend(decoder.finish().unwrap());
            assert_eq!(values, vec![serde_json::json!({"t": "h\u{e9}"}), serde_json::json!({"t": "\u{1f600}"})]);
        }
    }

    #[test]
    fn a_line_that_is_not_json_is_an_error() {
        let error = NdjsonDecoder::new("p").feed(b"nope\n").unwrap_err();
        assert!(error.to_string().starts_with("p: unreadable reply: not JSON"), "{error}");
    }
}
