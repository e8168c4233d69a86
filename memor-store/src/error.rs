//! The error type of `memor-store`.

use std::fmt;

/// Result alias of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong opening a store or reading and writing it.
///
/// No variant holds a password: locations are kept as [`Location`](crate::Location), whose
/// `Display` and `Debug` never show one.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The path or URL given to [`open`](crate::open) is not one this crate can open.
    Location {
        /// What was given, with any password replaced by `***`.
        given: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The database could not be opened, read or written.
    Database {
        /// Where: the SQLite file or the PostgreSQL server and database.
        location: String,
        /// The driver's message.
        message: String,
    },
    /// The database was written by a newer memor whose schema this one does not know.
    SchemaTooNew {
        /// Where.
        location: String,
        /// The schema part (`store`).
        component: String,
        /// The version found in the database.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// No conversation has this id (or title, where one is accepted).
    NoConversation {
        /// The id or title asked for.
        id: String,
    },
    /// The conversation has no such message.
    NoMessage {
        /// The conversation.
        conversation: String,
        /// The message id or position asked for.
        message: String,
    },
    /// A value cannot be stored as given (for example a NUL character in a user id).
    Invalid {
        /// Which value.
        what: String,
        /// Why.
        reason: String,
    },
    /// Stored data that memor cannot read back (a message's JSON, a header).
    Corrupt {
        /// Where in the store.
        what: String,
        /// memor's message.
        reason: String,
    },
    /// memor-core refused a change (for example selecting a response that does not exist).
    Core(memor_core::Error),
    /// A recorded conversation could not be rendered in the format asked for.
    Render(memor_render::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Location { given, reason } => write!(f, "cannot open `{given}`: {reason}"),
            Error::Database { location, message } => write!(f, "{location}: {message}"),
            Error::SchemaTooNew { location, component, found, known } => write!(
                f,
                "{location}: the {component} schema is version {found}, written by a newer memor; \
                 this one knows versions up to {known}"
            ),
            Error::NoConversation { id } => write!(f, "no conversation `{id}`"),
            Error::NoMessage { conversation, message } => {
                write!(f, "conversation `{conversation}` has no message `{message}`")
            }
            Error::Invalid { what, reason } => write!(f, "{what}: {reason}"),
            Error::Corrupt { what, reason } => write!(f, "{what} cannot be read back: {reason}"),
            Error::Core(e) => match e.detail() {
                Some(detail) => write!(f, "{e} ({detail})"),
                None => write!(f, "{e}"),
            },
            Error::Render(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Core(e) => Some(e),
            Error::Render(e) => Some(e),
            _ => None,
        }
    }
}

impl From<memor_core::Error> for Error {
    fn from(e: memor_core::Error) -> Self {
        Error::Core(e)
    }
}

impl From<memor_render::Error> for Error {
    fn from(e: memor_render::Error) -> Self {
        Error::Render(e)
    }
}
