//! Reading the files the commands are given, with messages that say what is wrong: a file that
//! is not JSON at all (cut off, empty) says where, and a prompt given where a session is
//! expected says so.

use std::path::Path;

use memor_core::{AnyDocument, Document, Kind, Session};

use crate::Failure;

/// `path` as `kind`, or as the kind its `"type"` names.
pub(crate) fn document(path: &Path, kind: Option<Kind>) -> Result<AnyDocument, Failure> {
    match AnyDocument::load(path, kind) {
        Err(memor_core::Error::UnknownType) => Err(not_json(path).unwrap_or_else(|| {
            let mut failure = Failure::from(memor_core::Error::UnknownType);
            failure.detail = Some(format!("{} holds JSON, but not a memor file", path.display()));
            failure
        })),
        loaded => Ok(loaded?),
    }
}

/// `path` as a session; a prompt, response or template file is named as what it is.
pub(crate) fn session(path: &Path) -> Result<Session, Failure> {
    match Session::load(path) {
        Ok(session) => Ok(session),
        Err(e @ memor_core::Error::Structure { .. }) => {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            match Kind::of_json(&text) {
                Some(kind @ (Kind::Prompt | Kind::Response)) => Err(Failure {
                    message: format!("{} holds a {kind}, not a session", path.display()),
                    detail: Some("this command takes a session file (\"type\": \"Session\")".to_owned()),
                }),
                _ => Err(e.into()),
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// What is wrong with `path` if it is not JSON at all: empty, cut off, or something else.
fn not_json(path: &Path) -> Option<Failure> {
    let text = std::fs::read_to_string(path).ok()?;
    if text.trim().is_empty() {
        return Some(Failure::plain(format!("{} is empty: it holds no JSON", path.display())));
    }
    let e = serde_json::from_str::<serde_json::Value>(&text).err()?;
    let what = match e.classify() {
        serde_json::error::Category::Eof => "is cut off",
        _ => "is not valid JSON",
    };
    // memor's reader says where, in Python's words (as with `--kind`).
    let where_ = Session::from_json(&text).err().and_then(|e| e.detail().map(str::to_owned));
    Some(Failure::plain(format!(
        "{} {what}: {}",
        path.display(),
        where_.unwrap_or_else(|| format!("line {} column {}", e.line(), e.column()))
    )))
}
