//! Writing to stdout: a closed pipe (`memor render … | head`) ends the command quietly with
//! exit 0, as with other tools; any other write error (a full disk) is exit 1 with a message.

use std::io::Write;

use crate::Failure;

/// `text` and a newline on stdout.
pub(crate) fn line(text: impl std::fmt::Display) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    written(writeln!(out, "{text}").and_then(|()| out.flush()))
}

/// `text` as it is on stdout.
pub(crate) fn text(text: &str) -> Result<(), Failure> {
    bytes(text.as_bytes())
}

/// `bytes` as they are on stdout.
pub(crate) fn bytes(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    written(out.write_all(bytes).and_then(|()| out.flush()))
}

/// The outcome of a write to stdout: a closed pipe ends the process here (exit 0), having
/// written what the reader wanted; another error is a failure.
pub(crate) fn written(result: std::io::Result<()>) -> Result<(), Failure> {
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Failure::plain(format!("stdout: {e}"))),
    }
}
