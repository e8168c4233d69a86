//! [`Document`]: what the four kinds of memor file share: load, save, size.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::json::{self, load};
use crate::{FileStamp, Kind, Prompt, PromptTemplate, Response, Result, Session, file};

/// A memor object that is stored as a JSON file.
///
/// ```
/// use memor_core::{Document, Response};
/// let r = Response::builder().message("hi").build()?;
/// let text = r.to_json();
/// assert_eq!(text.len(), r.get_size());
/// assert_eq!(Response::from_json(&text)?, r);
/// # Ok::<(), memor_core::Error>(())
/// ```
pub trait Document: Serialize + Sized {
    /// Which kind of file this is.
    const KIND: Kind;

    /// Loads from JSON text, accepting and rejecting exactly what memor 1.1 does, with memor's
    /// messages (the documented rulings aside).
    fn from_json(text: &str) -> Result<Self>;

    /// The file text memor would write: Python's `json.dumps(obj.to_json())`.
    fn to_json(&self) -> String {
        // Serializing our types into memory cannot fail.
        json::to_string(self).unwrap_or_default()
    }

    /// memor's `to_json()` dictionary, as a JSON value in memor's key order.
    fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// memor's `get_size()`: the byte length of [`to_json`](Self::to_json), without building it.
    fn get_size(&self) -> usize {
        json::byte_len(self).unwrap_or(0)
    }

    /// Reads and loads a file.
    fn load(path: impl AsRef<Path>) -> Result<Self> {
        Self::from_json(&file::read(path.as_ref())?)
    }

    /// Writes the file atomically: on any failure the previous file is left as it was.
    fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        save_json(path.as_ref(), self)
    }

    /// Writes the file atomically, but only if it is still as `expected` (its [`FileStamp`]
    /// when it was read; `None`: there was no file), so that an update another program saved
    /// meanwhile is never overwritten: that is [`Error::Changed`](crate::Error::Changed), and
    /// the file is left as it is. The check and the rename run under a lock file
    /// (`.NAME.lock`), so two checked saves of the same file never both pass. Gives the new
    /// file's stamp, for the next save.
    fn save_if_unchanged(&self, path: impl AsRef<Path>, expected: Option<&FileStamp>) -> Result<FileStamp> {
        file::write_with(path.as_ref(), Some(expected), &mut |out| json::to_writer(out, self))
    }
}

impl Document for Response {
    const KIND: Kind = Kind::Response;

    fn from_json(text: &str) -> Result<Self> {
        load::from_text(text, Self::KIND, load::response)
    }
}

impl Document for Prompt {
    const KIND: Kind = Kind::Prompt;

    fn from_json(text: &str) -> Result<Self> {
        load::from_text(text, Self::KIND, load::prompt_file)
    }
}

impl Document for PromptTemplate {
    const KIND: Kind = Kind::Template;

    fn from_json(text: &str) -> Result<Self> {
        load::from_text(text, Self::KIND, load::template)
    }
}

impl Document for Session {
    const KIND: Kind = Kind::Session;

    fn from_json(text: &str) -> Result<Self> {
        load::session_text(text)
    }

    /// Reads and loads a file; one of memor's usual shape a window at a time (see
    /// `json::window`), so that the whole text is never held beside the session.
    fn load(path: impl AsRef<Path>) -> Result<Self> {
        match json::window::session_file(path.as_ref(), false) {
            Some(session) => Ok(session),
            None => Self::from_json(&file::read(path.as_ref())?),
        }
    }
}

impl Prompt {
    /// memor's `save(path, save_template=False)`: the file without the `template` key.
    pub fn save_without_template(&self, path: impl AsRef<Path>) -> Result<()> {
        save_json(path.as_ref(), &json::WithoutTemplate(self))
    }
}

/// A memor file of any kind, for code that handles whatever it is given (the CLI).
#[derive(Clone, Debug, PartialEq)]
pub enum AnyDocument {
    /// A prompt file.
    Prompt(Prompt),
    /// A response file.
    Response(Response),
    /// A session file.
    Session(Session),
    /// A template file.
    Template(PromptTemplate),
}

impl AnyDocument {
    /// Loads `text` as `kind`, or as the kind its `"type"` field names (none: a template).
    pub fn from_json(text: &str, kind: Option<Kind>) -> Result<Self> {
        let Some(kind) = kind else {
            return load::any(text);
        };
        Ok(match kind {
            Kind::Prompt => AnyDocument::Prompt(Prompt::from_json(text)?),
            Kind::Response => AnyDocument::Response(Response::from_json(text)?),
            Kind::Session => AnyDocument::Session(Session::from_json(text)?),
            Kind::Template => AnyDocument::Template(PromptTemplate::from_json(text)?),
        })
    }

    /// Reads and loads a file (see [`from_json`](Self::from_json)).
    pub fn load(path: impl AsRef<Path>, kind: Option<Kind>) -> Result<Self> {
        if let None | Some(Kind::Session) = kind {
            if let Some(session) = json::window::session_file(path.as_ref(), kind.is_none()) {
                return Ok(AnyDocument::Session(session));
            }
        }
        Self::from_json(&file::read(path.as_ref())?, kind)
    }

    /// Which kind it is.
    pub fn kind(&self) -> Kind {
        match self {
            AnyDocument::Prompt(_) => Kind::Prompt,
            AnyDocument::Response(_) => Kind::Response,
            AnyDocument::Session(_) => Kind::Session,
            AnyDocument::Template(_) => Kind::Template,
        }
    }

    /// The file text memor would write.
    pub fn to_json(&self) -> String {
        json::to_string(self).unwrap_or_default()
    }

    /// memor's `get_size()`.
    pub fn get_size(&self) -> usize {
        json::byte_len(self).unwrap_or(0)
    }

    /// Writes the file atomically.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        save_json(path.as_ref(), self)
    }
}

impl Serialize for AnyDocument {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            AnyDocument::Prompt(d) => d.serialize(s),
            AnyDocument::Response(d) => d.serialize(s),
            AnyDocument::Session(d) => d.serialize(s),
            AnyDocument::Template(d) => d.serialize(s),
        }
    }
}

/// Writes `value`'s JSON to `path` atomically, streamed to the temporary file.
fn save_json(path: &Path, value: &(impl Serialize + ?Sized)) -> Result<()> {
    file::write_with(path, None, &mut |out| json::to_writer(out, value)).map(|_| ())
}
