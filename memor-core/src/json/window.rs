//! A session file read a window at a time: its messages are loaded from a buffer that holds
//! a few hundred KiB of the file, not all of it, so a load's peak memory is the session's
//! plus that window, and the buffer stays in the processor's cache. A file of 1 MiB or more
//! is read in two parts on two threads, each through its own window, the second from a guessed
//! message boundary past the middle, as `read::Parser::elements` splits a text in memory.
//!
//! Only the usual shape is read this way (`{"type": "Session", ..., "messages": [{...},
//! ...], ...}` with objects for messages); anything else, and every error, gives `None`, and
//! the caller reads the file whole, which then decides and words the error exactly as before.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::load::{self, Messages};
use super::read::{self, Elements, Parser};
use crate::{Message, Session};

/// How many bytes each read asks for; an element longer than the window doubles it.
pub(crate) const WINDOW: usize = 256 << 10;

/// The text before the messages is never longer than this in a file memor wrote (a title, a
/// counter); past it the file is read whole.
const HEAD: usize = 64 << 10;

/// How far past the middle a two-part read looks for its seam.
const PROBE: usize = 1 << 20;

/// A session read from a window: whether its text starts with `{"type": "Session"`, whether
/// its top level's `"type"` is `"Session"`, and the session.
pub(crate) type Loaded = (bool, bool, Session);

/// The session file at `path`, when it is read a window at a time (a regular file: one that
/// can be opened again, as the whole-text read this may defer to needs).
/// `as_any`: only a file that [`load::any`] would stream, one that starts with
/// `{"type": "Session"`.
pub(crate) fn session_file(path: &Path, as_any: bool) -> Option<Session> {
    // Looked at before it is opened: a pipe could not be opened and read again.
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    // Opened once: every part reads the same file, even if a save replaces it meanwhile.
    let file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let (starts_as_session, is_session, session) = match len >= read::SPLIT_FROM as u64 {
        #[cfg(unix)]
        true => split(|| Some(At { file: &file, pos: 0 }), len, WINDOW)?.0,
        _ => self::session(&file, WINDOW, len)?,
    };
    (!as_any || (starts_as_session && is_session)).then_some(session)
}

/// One open file read from an offset of its own with positional reads, so that two threads
/// read it at once without sharing a file position.
#[cfg(unix)]
struct At<'f> {
    file: &'f std::fs::File,
    pos: u64,
}

#[cfg(unix)]
impl Read for At<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = std::os::unix::fs::FileExt::read_at(self.file, buf, self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

#[cfg(unix)]
impl Seek for At<'_> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        match to {
            SeekFrom::Start(pos) => self.pos = pos,
            _ => return Err(std::io::Error::other("only seeks from the start")),
        }
        Ok(self.pos)
    }
}

/// The session in `file` of `len` bytes, read `chunk` bytes at a time, in one part; `None`
/// when the file must be read whole to decide.
pub(crate) fn session(file: impl Read, chunk: usize, len: u64) -> Option<Loaded> {
    let mut window = Window::new(file, 0, chunk, len);
    let (head, start) = window.head()?;
    let (messages, Stop::End(end)) = window.messages(start, Next::First, None)? else { return None };
    window.finish(head, end, messages)
}

/// How many parts a read was made in.
#[derive(Debug, PartialEq)]
pub(crate) enum Parts {
    One,
    Two,
}

/// The session of `len` bytes that `open` reads from its start (once per part, and once to
/// find the seam),
/// read in two parts on two threads when a seam is found past the middle. The first part
/// reads on until an element of the messages ends exactly on the seam, which proves the seam
/// a boundary between messages (that read is the one-part read up to there); when it passes
/// the seam instead, it reads on alone to the end, as if nothing had been split. So the
/// session, or the `None`, is the one-part read's.
pub(crate) fn split<R: Read + Seek + Send>(
    open: impl Fn() -> Option<R> + Sync,
    len: u64,
    chunk: usize,
) -> Option<(Loaded, Parts)> {
    let Some(seam) = probe(open()?, len / 2) else {
        return Some((session(open()?, chunk, len)?, Parts::One));
    };
    std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            let mut file = open()?;
            file.seek(SeekFrom::Start(seam)).ok()?;
            let mut window = Window::new(file, seam, chunk, len);
            let (messages, Stop::End(end)) = window.messages(0, Next::Separator, None)? else { return None };
            Some((window, end, messages))
        });
        let mut window = Window::new(open()?, 0, chunk, len);
        let (head, start) = window.head()?;
        let first = window.messages(start, Next::First, Some(seam));
        let second = second.join().ok().flatten();
        match (first?, second) {
            ((messages, Stop::End(end)), _) => Some((window.finish(head, end, messages)?, Parts::One)),
            ((mut messages, Stop::AtSeam), Some((mut window, end, more))) => {
                load::append_releasing(&mut messages, more);
                Some((window.finish(head, end, messages)?, Parts::Two))
            }
            // The second part fails where the one-part read would too: the whole read words it.
            ((_, Stop::AtSeam), None) => None,
        }
    })
}

/// The file offset of a seam (see `read::seam`) in the [`PROBE`] bytes from `from`.
fn probe(mut file: impl Read + Seek, from: u64) -> Option<u64> {
    file.seek(SeekFrom::Start(from)).ok()?;
    let mut bytes = Vec::new();
    file.take(PROBE as u64).read_to_end(&mut bytes).ok()?;
    Some(from + read::seam(&bytes, 0)? as u64)
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

/// Where a read of elements stopped.
enum Stop {
    /// Past the array's `]`, at this byte of the window.
    End(usize),
    /// Just after an element that ends at the seam.
    AtSeam,
}

/// What [`elements`] read up to.
enum Step {
    Stop(Stop),
    /// The window ends (or something is wrong) before the next element is whole.
    Short,
}

/// A file's bytes from `base` on, a window at a time.
struct Window<R> {
    file: R,
    buf: Vec<u8>,
    /// The file offset of `buf[0]`.
    base: u64,
    eof: bool,
    chunk: usize,
    /// The file's length, from which the list of messages is sized.
    len: u64,
}

impl<R: Read> Window<R> {
    fn new(file: R, base: u64, chunk: usize, len: u64) -> Self {
        Window { file, buf: Vec::new(), base, eof: false, chunk, len }
    }

    /// Reads at least a chunk more, and as much again as the window holds (an element longer
    /// than the window doubles it, so no element is read more than twice over).
    fn fill(&mut self) -> Option<()> {
        let want = self.chunk.max(self.buf.len());
        self.buf.reserve(want);
        let got = self.file.by_ref().take(want as u64).read_to_end(&mut self.buf).ok()?;
        self.eof = got < want;
        Some(())
    }

    /// The top level's text up to the `[` of its messages, and where in the window that is.
    fn head(&mut self) -> Option<(String, usize)> {
        loop {
            if let Some(at) = read::array_start(valid(&self.buf)?, "messages") {
                return Some((valid(&self.buf[..at])?.to_owned(), at));
            }
            if self.eof || self.buf.len() > HEAD {
                return None;
            }
            self.fill()?;
        }
    }

    /// The messages from byte `at` of the window, where `next` comes, up to the array's end or
    /// (`seam`) an element that ends at that file offset.
    ///
    /// The list is sized once, from the first window's messages, for the rest of the file: a
    /// message is 384 bytes, and a list grown by doubling leaves its old copies behind as
    /// holes only later allocations fill. Sized so, a 9.7 MB session read in two parts peaked
    /// at 16.8 MB, against 20.4 MB grown.
    fn messages(&mut self, mut at: usize, mut next: Next, seam: Option<u64>) -> Option<(Vec<Message>, Stop)> {
        let mut messages = Vec::new();
        let from = self.base + at as u64;
        loop {
            let stop = seam.and_then(|s| s.checked_sub(self.base)).and_then(|s| usize::try_from(s).ok());
            let mut p = Parser::resume(valid(&self.buf)?, at, 2);
            let mut part = Messages::default();
            let step = elements(&mut p, &mut part, &mut next, stop);
            at = p.pos();
            if messages.capacity() == 0 && !part.messages.is_empty() {
                let read = self.base + at as u64 - from;
                // A guess too large for memory leaves the list to grow.
                let _ = messages.try_reserve_exact(expected(part.messages.len(), read, self.len.saturating_sub(from)));
            }
            messages.append(&mut part.messages);
            match step {
                Step::Stop(stop) => return Some((messages, stop)),
                Step::Short if self.eof => return None,
                Step::Short => {
                    self.buf.drain(..at);
                    self.base += at as u64;
                    at = 0;
                    self.fill()?;
                }
            }
        }
    }

    /// The session: the rest of the top level (the mask, the version, the dates) after the
    /// messages' `]` at byte `end` of the window, read with `head` and an empty array in place
    /// of the messages, as the streamed whole-text load reads it.
    fn finish(&mut self, mut head: String, end: usize, messages: Vec<Message>) -> Option<Loaded> {
        self.file.read_to_end(&mut self.buf).ok()?;
        let starts_as_session = load::starts_as_session(&head);
        head.push(']');
        head.push_str(std::str::from_utf8(&self.buf[end..]).ok()?);
        let (is_session, session) = load::streamed_around(&head, messages)?;
        Some((starts_as_session, is_session, session))
    }
}

/// How many messages `rest` bytes hold, when `read` bytes held `count` (an eighth more, for
/// the messages that are shorter).
fn expected(count: usize, read: u64, rest: u64) -> usize {
    let guess = u128::from(rest) * count as u128 / u128::from(read.max(1));
    let guess = usize::try_from(guess).unwrap_or(usize::MAX);
    guess.saturating_add(guess / 8).max(count)
}

/// Reads elements while the window holds them, leaving the parser where the next read starts;
/// stops after an element that ends at byte `seam`.
fn elements<'a>(p: &mut Parser<'a>, part: &mut Messages<'a>, next: &mut Next, seam: Option<usize>) -> Step {
    loop {
        let mark = p.pos();
        let read = match *next {
            Next::First => {
                p.skip_ws();
                if p.eat(b']') {
                    return Step::Stop(Stop::End(p.pos()));
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
                Some(false) => return Step::Stop(Stop::End(p.pos())),
                None => None,
            },
        };
        match read {
            Some(then) => {
                *next = then;
                if then == Next::Separator && Some(p.pos()) == seam {
                    return Step::Stop(Stop::AtSeam);
                }
            }
            None => {
                p.rewind(mark);
                return Step::Short;
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;
    use crate::{Document, Prompt, Response};

    #[test]
    fn the_list_is_sized_from_the_share_of_the_file_read() {
        // 100 messages in the first 25 KiB: 400 in 100 KiB, and an eighth more.
        assert_eq!(expected(100, 25 << 10, 100 << 10), 450);
        // Never fewer than were read; nothing read yet counts as a byte.
        assert_eq!(expected(7, 1000, 0), 7);
        assert_eq!(expected(1, 0, 10), 11);
        // A guess past memory saturates, and the reserve that would fail is skipped.
        assert_eq!(expected(usize::MAX, 1, u64::MAX), usize::MAX);
    }

    fn split_text(text: &str, chunk: usize) -> Option<(Session, Parts)> {
        let ((_, _, session), parts) = split(|| Some(Cursor::new(text.as_bytes())), text.len() as u64, chunk)?;
        Some((session, parts))
    }

    #[test]
    fn a_session_is_read_in_two_parts_from_a_seam_past_the_middle() {
        let mut s = Session::new(Some("two".into()));
        for i in 0..200 {
            s.add_message(Prompt::builder().message(format!("question {i} café")).build());
            s.add_message(Response::builder().message(format!("answer {i} 東京")).build().unwrap());
        }
        let text = s.to_json();
        for chunk in [64, 300, WINDOW] {
            let (read, parts) = split_text(&text, chunk).unwrap();
            assert_eq!(parts, Parts::Two, "window {chunk}");
            assert_eq!(read.to_json(), text, "window {chunk}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn both_parts_read_one_open_file_at_their_own_offsets() {
        let mut s = Session::new(Some("file".into()));
        for i in 0..300 {
            s.add_message(Prompt::builder().message(format!("question {i} naïve")).build());
        }
        let text = s.to_json();
        let path = std::env::temp_dir().join(format!("memor-window-at-{}.json", std::process::id()));
        std::fs::write(&path, &text).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let read = split(|| Some(At { file: &file, pos: 0 }), text.len() as u64, 300);
        std::fs::remove_file(&path).unwrap();
        let ((_, _, session), parts) = read.unwrap();
        assert_eq!(parts, Parts::Two);
        assert_eq!(session.to_json(), text);
    }

    #[test]
    fn a_seam_inside_a_message_is_passed_and_the_first_part_reads_on_alone() {
        // From the middle on, the first `}, {"type": "Prompt"` is inside a response's metadata.
        let inner: Vec<_> = (0..2000).map(|_| serde_json::json!({"type": "Prompt"})).collect();
        let mut metadata = serde_json::Map::new();
        metadata.insert("x".into(), serde_json::Value::Array(inner));
        let mut s = Session::new(Some("nested".into()));
        s.add_message(Prompt::builder().message("a").build());
        let mut response = Response::builder().message("b").build().unwrap();
        response.update_provider_metadata(Some(metadata));
        s.add_message(response);
        s.add_message(Prompt::builder().message("c").build());
        let text = s.to_json();
        for chunk in [64, WINDOW] {
            let (read, parts) = split_text(&text, chunk).unwrap();
            assert_eq!(parts, Parts::One, "window {chunk}");
            assert_eq!(read.to_json(), text, "window {chunk}");
        }
    }
}
