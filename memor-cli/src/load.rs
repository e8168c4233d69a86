//! Reading the files the commands are given, with messages that say what is wrong: a file that
//! is not JSON at all (cut off, empty) says where, and a prompt given where a session is
//! expected says so.

use std::path::Path;

use memor_core::{AnyDocument, Document, Kind, Session};

use crate::Failure;

/// Whether `path` is `-`: stdin for an input, stdout for an output.
pub(crate) fn is_std(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The text of stdin.
fn stdin() -> Result<String, Failure> {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)
        .map_err(|e| Failure::plain(format!("stdin: {e}")))?;
    Ok(text)
}

/// `path` (`-`: stdin) as `kind`, or as the kind its `"type"` names.
pub(crate) fn document(path: &Path, kind: Option<Kind>) -> Result<AnyDocument, Failure> {
    let (loaded, text) = match is_std(path) {
        true => {
            let text = stdin()?;
            (AnyDocument::from_json(&text, kind), Some(text))
        }
        false => (AnyDocument::load(path, kind), None),
    };
    match loaded {
        Err(memor_core::Error::UnknownType) => {
            let text = text.or_else(|| std::fs::read_to_string(path).ok()).unwrap_or_default();
            Err(not_json(path, &text).unwrap_or_else(|| {
                let mut failure = Failure::from(memor_core::Error::UnknownType);
                failure.detail = Some(format!("{} holds JSON, but not a memor file", name(path)));
                failure
            }))
        }
        loaded => Ok(loaded?),
    }
}

/// `path` (`-`: stdin) as a session; a prompt or response file is named as what it is.
pub(crate) fn session(path: &Path) -> Result<Session, Failure> {
    let (loaded, text) = match is_std(path) {
        true => {
            let text = stdin()?;
            (Session::from_json(&text), Some(text))
        }
        false => (Session::load(path), None),
    };
    match loaded {
        Ok(session) => Ok(session),
        Err(e @ memor_core::Error::Structure { .. }) => {
            let text = text.or_else(|| std::fs::read_to_string(path).ok()).unwrap_or_default();
            match Kind::of_json(&text) {
                Some(kind @ (Kind::Prompt | Kind::Response)) => Err(Failure {
                    message: format!("{} holds a {kind}, not a session", name(path)),
                    detail: Some("this command takes a session file (\"type\": \"Session\")".to_owned()),
                }),
                _ => Err(e.into()),
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// How messages name `path`.
fn name(path: &Path) -> String {
    match is_std(path) {
        true => "stdin".to_owned(),
        false => path.display().to_string(),
    }
}

/// What is wrong with `text` (read from `path`) if it is not JSON at all: empty, cut off, or
/// something else.
fn not_json(path: &Path, text: &str) -> Option<Failure> {
    if text.trim().is_empty() {
        return Some(Failure::plain(format!("{} is empty: it holds no JSON", name(path))));
    }
    let e = serde_json::from_str::<serde_json::Value>(text).err()?;
    let what = match e.classify() {
        serde_json::error::Category::Eof => "is cut off",
        _ => "is not valid JSON",
    };
    // memor's reader says where, in Python's words (as with `--kind`).
    let where_ = Session::from_json(text).err().and_then(|e| e.detail().map(str::to_owned));
    Some(Failure::plain(format!(
        "{} {what}: {}",
        name(path),
        where_.unwrap_or_else(|| format!("line {} column {}", e.line(), e.column()))
    )))
}
