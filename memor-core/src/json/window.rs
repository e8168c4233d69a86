//! A session file read a window at a time: its messages are loaded from a buffer that holds
//! a few hundred KiB of the file, not all of it, so a load's peak memory is the session's
//! plus that window, and the buffer stays in the processor's cache.
//!
//! Only the usual shape is read this way (`{"type": "Session", ..., "messages": [{...},
//! ...], ...}` with objects for messages); anything else, and every error, gives `None`, and
//! the caller reads the file whole, which then decides and words the error exactly as before.

use std::io::Read;
use std::path::Path;

use super::load::{self, Messages};
use super::read::{self, Elements, Parser};
use crate::Session;

/// How many bytes each read asks for; an element longer than the window doubles it.
pub(crate) const WINDOW: usize = 256 << 10;

/// The text before the messages is never longer than this in a file memor wrote (a title, a
/// counter); past it the file is read whole.
const HEAD: usize = 64 << 10;

/// The session file at `path`, when it is read a window at a time: a regular file smaller than
/// [`SPLIT_FROM`](read::SPLIT_FROM) (a larger one is read whole, and its messages on two
/// threads). `as_any`: only a file that [`load::any`] would stream, one that starts with
/// `{"type": "Session"`.
pub(crate) fn session_file(path: &Path, as_any: bool) -> Option<Session> {
    // Looked at before it is opened: a pipe could not be opened and read again by the
    // whole-text read this may defer to.
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() >= read::SPLIT_FROM as u64 {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    let (starts_as_session, is_session, session) = self::session(file, WINDOW)?;
    (!as_any || (starts_as_session && is_session)).then_some(session)
}

/// The session in `file`, read `chunk` bytes at a time, with whether its text starts with
/// `{"type": "Session"` and whether its top level's `"type"` is `"Session"`; `None` when the
/// file must be read whole to decide.
pub(crate) fn session(mut file: impl Read, chunk: usize) -> Option<(bool, bool, Session)> {
    let mut buf = Vec::new();
    let mut eof = false;
    let start = loop {
        if let Some(at) = read::array_start(valid(&buf)?, "messages") {
            break at;
        }
        if eof || buf.len() > HEAD {
            return None;
        }
        let want = chunk.max(buf.len());
        eof = fill(&mut file, &mut buf, want)?;
    };
    let mut head = String::from(valid(&buf[..start])?);
    let starts_as_session = load::starts_as_session(&head);
    let mut messages = Vec::new();
    let (mut at, mut next) = (start, Next::First);
    let end = loop {
        let text = valid(&buf)?;
        let mut p = Parser::resume(text, at, 2);
        let mut part = Messages::default();
        let step = elements(&mut p, &mut part, &mut next);
        at = p.pos();
        messages.append(&mut part.messages);
        match step {
            Step::End => break at,
            Step::Short if eof => return None,
            // Keep what is not read yet, and at least as much again (an element longer
            // than the window doubles it, so no element is read more than twice over).
            Step::Short => {
                buf.drain(..at);
                at = 0;
                let want = chunk.max(buf.len());
                eof = fill(&mut file, &mut buf, want)?;
            }
        }
    };
    // The rest of the top level (the mask, the version, the dates) with an empty array in
    // place of the messages, read as the streamed whole-text load reads it.
    file.read_to_end(&mut buf).ok()?;
    head.push(']');
    head.push_str(valid_whole(&buf[end..])?);
    let (is_session, session) = load::streamed_around(&head, messages)?;
    Some((starts_as_session, is_session, session))
}

/// What comes next in the array.
#[derive(Clone, Copy, PartialEq)]
enum Next {
    /// The first element, or the `]` of an empty array.
    First,
    Element,
    /// A `,` or the `]` after an element.
    Separator,
}

enum Step {
    /// Past the array's `]`.
    End,
    /// The window ends (or something is wrong) before the next element is whole.
    Short,
}

/// Reads elements while the window holds them, leaving the parser where the next read starts.
fn elements<'a>(p: &mut Parser<'a>, part: &mut Messages<'a>, next: &mut Next) -> Step {
    loop {
        let mark = p.pos();
        let read = match *next {
            Next::First => {
                p.skip_ws();
                if p.eat(b']') {
                    return Step::End;
                }
                part.element(p).then_some(Next::Separator)
            }
            Next::Element => {
                // The window may have ended in the white space after the comma.
                p.skip_ws();
                part.element(p).then_some(Next::Separator)
            }
            Next::Separator => match p.next_element() {
                Some(true) => Some(Next::Element),
                Some(false) => return Step::End,
                None => None,
            },
        };
        match read {
            Some(then) => *next = then,
            None => {
                p.rewind(mark);
                return Step::Short;
            }
        }
    }
}

/// Appends up to `want` more bytes of `file`; whether it has ended.
fn fill(file: &mut impl Read, buf: &mut Vec<u8>, want: usize) -> Option<bool> {
    buf.reserve(want);
    let got = file.by_ref().take(want as u64).read_to_end(buf).ok()?;
    Some(got < want)
}

/// The longest UTF-8 text `bytes` starts with, when all that is missing is the rest of a
/// character cut by the window's end; `None` when the bytes are not UTF-8.
fn valid(bytes: &[u8]) -> Option<&str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok(),
        Err(_) => None,
    }
}

/// `bytes` as UTF-8 text, all of it.
fn valid_whole(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok()
}
