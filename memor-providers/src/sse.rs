//! Server-sent events: [`SseDecoder`] turns body bytes, cut anywhere, into [`SseEvent`]s.

use std::time::Duration;

use memor_core::Response;

use crate::{Result, StreamParser};

/// One server-sent event: its `event:` type (if any) and its `data:` lines joined by `\n`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SseEvent {
    /// The `event:` field, when the event has one.
    pub event: Option<String>,
    /// The `data:` lines, joined by `\n`.
    pub data: String,
}

/// Splits a `text/event-stream` body into events, whatever the chunks it arrives in (a chunk
/// may end mid-line or inside a UTF-8 character). Lines end with `\n` or `\r\n`; an event ends
/// at a blank line; `:` lines are comments; `id:` and `retry:` are ignored. Invalid UTF-8 is
/// replaced by U+FFFD.
///
/// Each byte is looked at once: a feed scans only the bytes it adds for line breaks, so a body
/// without any (or a flood of short lines) costs time in proportion to its length.
///
/// ```
/// use memor_providers::SseDecoder;
///
/// let mut decoder = SseDecoder::new();
/// assert!(decoder.feed(b"event: ping\nda").is_empty());
/// let events = decoder.feed(b"ta: {}\n\n");
/// assert_eq!(events[0].event.as_deref(), Some("ping"));
/// assert_eq!(events[0].data, "{}");
/// ```
#[derive(Debug, Default)]
pub struct SseDecoder {
    buffer: Vec<u8>,
    /// How much of `buffer` is known to hold no line break.
    scanned: usize,
    event: Option<String>,
    data: Option<String>,
}

impl SseDecoder {
    /// A decoder at the start of a body.
    pub fn new() -> Self {
        Self::default()
    }

    /// The events completed by these bytes.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<SseEvent> {
        self.buffer.extend_from_slice(bytes);
        let mut events = Vec::new();
        let buffer = std::mem::take(&mut self.buffer);
        let mut start = 0;
        let scanned = self.scanned;
        for end in line_breaks(&buffer[scanned..]).map(|at| at + scanned) {
            let line = String::from_utf8_lossy(&buffer[start..end]);
            if let Some(event) = self.line(line.trim_end_matches('\r')) {
                events.push(event);
            }
            start = end + 1;
        }
        self.buffer = buffer;
        self.buffer.drain(..start);
        self.scanned = self.buffer.len();
        events
    }

    /// The end of the body: the last event when it was not followed by a blank line.
    pub fn finish(&mut self) -> Vec<SseEvent> {
        let rest = std::mem::take(&mut self.buffer);
        self.scanned = 0;
        let mut events = Vec::new();
        let rest = String::from_utf8_lossy(&rest);
        let rest = rest.trim_end_matches('\r');
        if !rest.is_empty() {
            events.extend(self.line(rest));
        }
        events.extend(self.line(""));
        events
    }

    fn line(&mut self, line: &str) -> Option<SseEvent> {
        if line.is_empty() {
            let event = self.event.take();
            return self.data.take().map(|data| SseEvent { event, data });
        }
        if line.starts_with(':') {
            return None;
        }
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.strip_prefix(' ').unwrap_or(value);
        match field {
            "event" => self.event = Some(value.to_owned()),
            "data" => match &mut self.data {
                Some(data) => {
                    data.push('\n');
                    data.push_str(value);
                }
                None => self.data = Some(value.to_owned()),
            },
            _ => {}
        }
        None
    }
}

/// The positions of the line breaks in `bytes`.
pub(crate) fn line_breaks(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(at, _)| at)
}

/// What a provider does with each event of its stream.
pub(crate) trait SseHandler: Send + 'static {
    /// Reads one event, pushing the text it adds to `deltas`.
    fn event(&mut self, event: SseEvent, deltas: &mut Vec<String>) -> Result<()>;

    /// The response the whole stream said.
    fn finish(self, elapsed: Duration) -> Result<Response>;
}

/// A [`StreamParser`] from an [`SseDecoder`] and a provider's [`SseHandler`].
pub(crate) struct SseStream<H> {
    decoder: SseDecoder,
    handler: H,
}

impl<H: SseHandler> SseStream<H> {
    pub(crate) fn boxed(handler: H) -> Box<dyn StreamParser> {
        Box::new(SseStream { decoder: SseDecoder::new(), handler })
    }

    fn handle(&mut self, events: Vec<SseEvent>) -> Result<Vec<String>> {
        let mut deltas = Vec::new();
        for event in events {
            self.handler.event(event, &mut deltas)?;
        }
        deltas.retain(|d| !d.is_empty());
        Ok(deltas)
    }
}

impl<H: SseHandler> StreamParser for SseStream<H> {
    fn feed(&mut self, bytes: &[u8]) -> Result<Vec<String>> {
        let events = self.decoder.feed(bytes);
        self.handle(events)
    }

    fn flush(&mut self) -> Result<Vec<String>> {
        let events = self.decoder.finish();
        self.handle(events)
    }

    fn finish(self: Box<Self>, elapsed: Duration) -> Result<Response> {
        self.handler.finish(elapsed)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn event(event: Option<&str>, data: &str) -> SseEvent {
        SseEvent { event: event.map(str::to_owned), data: data.to_owned() }
    }

    #[test]
    fn events_cut_anywhere_come_out_whole() {
        let body = "event: a\r\ndata: h\u{e9}\r\ndata: second\r\n\r\n: comment\n\nid: 7\ndata:x\n\ndata: last";
        let bytes = body.as_bytes();
        for size in 1..bytes.len() {
            let mut decoder = SseDecoder::new();
            let mut events = Vec::new();
            for chunk in bytes.chunks(size) {
                events.extend(decoder.feed(chunk));
            }
            events.extend(decoder.finish());
            assert_eq!(
                events,
                vec![event(Some("a"), "h\u{e9}\nsecond"), event(None, "x"), event(None, "last")],
                "chunk size {size}"
            );
        }
    }

    #[test]
    fn an_event_without_data_is_dropped() {
        let mut decoder = SseDecoder::new();
        assert!(decoder.feed(b"event: nothing\n\n").is_empty());
        assert_eq!(decoder.feed(b"data: y\n\n"), vec![event(None, "y")]);
        assert!(decoder.finish().is_empty());
    }
}
