//! The one error type of memor-recall.

use std::fmt;

/// What can go wrong storing or recalling memories.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The conversation store (the database underneath) failed.
    Store(memor_store::Error),
    /// A search was asked for with nothing to search by.
    EmptyQuery,
    /// A vector's length is not the store's (or the query's) dimension.
    Dimensions {
        /// What held the vector (a memory's position in the call, the query).
        what: String,
        /// The length the store's model has.
        expected: usize,
        /// The length given.
        found: usize,
    },
    /// Vectors of one embedding model given to a store that holds another's.
    Model {
        /// The model whose vectors the store holds.
        store: String,
        /// The model given.
        given: String,
    },
    /// No memory has this id.
    NoMemory {
        /// The id asked for.
        id: String,
    },
    /// A value that cannot be stored or used as given.
    Invalid {
        /// Which value.
        what: String,
        /// Why.
        reason: String,
    },
    /// Stored data that cannot be read back (a vector blob of the wrong size, bad JSON).
    Corrupt {
        /// Where.
        what: String,
        /// What is wrong.
        reason: String,
    },
    /// The embedder failed (after its retries).
    Embed(memor_embed::Error),
    /// A memory changed between being read and a change decided on it being written.
    Changed {
        /// The memory.
        id: String,
    },
    /// Another run moved a progress mark while this batch was being decided (it did the
    /// same messages): nothing of this batch was written.
    Moved {
        /// The task (`consolidate`, `reflect`).
        task: String,
        /// Its key (a conversation, a user).
        key: String,
    },
    /// A language-model step failed (after its retry): the batch it was deciding was not
    /// written.
    Step {
        /// The step (`filter`, `extract`, `decide`, `reflect`).
        step: &'static str,
        /// What went wrong, the reply's problem or the provider's error.
        reason: String,
    },
}

/// `Result` with memor-recall's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn invalid(what: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::Invalid { what: what.into(), reason: reason.into() }
    }

    pub(crate) fn corrupt(what: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::Corrupt { what: what.into(), reason: reason.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Store(e) => e.fmt(f),
            Error::EmptyQuery => f.write_str("the query is empty: give words to search for or a vector"),
            Error::Dimensions { what, expected, found } => {
                write!(f, "{what} has {found} dimensions, but the store's vectors have {expected}")
            }
            Error::Model { store, given } => write!(
                f,
                "this store holds vectors of the embedding model `{store}`, not `{given}`: \
                 search and add with `{store}`, or use another database"
            ),
            Error::NoMemory { id } => write!(f, "no memory has the id `{id}`"),
            Error::Invalid { what, reason } => write!(f, "{what}: {reason}"),
            Error::Corrupt { what, reason } => write!(f, "corrupt memory data in {what}: {reason}"),
            Error::Embed(e) => write!(f, "embedding failed: {e}"),
            Error::Changed { id } => write!(
                f,
                "memory `{id}` changed while a change to it was being decided; nothing of the batch was written (run again)"
            ),
            Error::Moved { task, key } => {
                write!(f, "another run did the {task} work on `{key}` meanwhile; nothing of this batch was written")
            }
            Error::Step { step, reason } => write!(f, "the {step} step failed: {reason}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Store(e) => Some(e),
            Error::Embed(e) => Some(e),
            _ => None,
        }
    }
}

impl From<memor_store::Error> for Error {
    fn from(e: memor_store::Error) -> Self {
        Error::Store(e)
    }
}

impl From<memor_embed::Error> for Error {
    fn from(e: memor_embed::Error) -> Self {
        Error::Embed(e)
    }
}
