//! The four kinds of memor file.

use std::fmt;
use std::str::FromStr;

/// Which memor object a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A [`Prompt`](crate::Prompt) file (`"type": "Prompt"`).
    Prompt,
    /// A [`Response`](crate::Response) file (`"type": "Response"`).
    Response,
    /// A [`Session`](crate::Session) file (`"type": "Session"`).
    Session,
    /// A [`PromptTemplate`](crate::PromptTemplate) file (no `"type"` key).
    Template,
}

impl Kind {
    /// Lower-case name: `prompt`, `response`, `session`, `template`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Prompt => "prompt",
            Kind::Response => "response",
            Kind::Session => "session",
            Kind::Template => "template",
        }
    }

    /// The kind named by a file's `"type"` value (`None` when the key is absent: a template).
    pub fn from_type_field(value: Option<&str>) -> Option<Kind> {
        match value {
            None => Some(Kind::Template),
            Some("Prompt") => Some(Kind::Prompt),
            Some("Response") => Some(Kind::Response),
            Some("Session") => Some(Kind::Session),
            Some(_) => None,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error of [`Kind::from_str`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownKind(pub String);

impl fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown kind `{}`: expected prompt, response, session or template", self.0)
    }
}

impl std::error::Error for UnknownKind {}

impl FromStr for Kind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "prompt" => Ok(Kind::Prompt),
            "response" => Ok(Kind::Response),
            "session" => Ok(Kind::Session),
            "template" => Ok(Kind::Template),
            other => Err(UnknownKind(other.to_owned())),
        }
    }
}

impl Kind {
    /// The kind a JSON text declares through its `"type"` field, as the CLI guesses it: `None`
    /// when the text is not a JSON object or names another type.
    pub fn of_json(text: &str) -> Option<Kind> {
        crate::json::load::type_field(text).and_then(|t| Kind::from_type_field(t.as_deref()))
    }
}
