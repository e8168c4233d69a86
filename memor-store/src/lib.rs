//! Conversations in SQL: memor sessions stored in SQLite (embedded, the default) or
//! PostgreSQL (shared), read back byte for byte, searched by their words, recorded turn by turn.
//!
//! ```
//! use memor_core::{Prompt, Response};
//! use memor_store::{NewConversation, Recorder, Store};
//!
//! # let dir = std::env::temp_dir().join(format!("memor-store-lib-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir).unwrap();
//! let store = memor_store::open(dir.join("chats.db").to_str().unwrap())?;
//! let chat = store.create(&NewConversation::titled("support").user("u-42"))?;
//!
//! let mut recorder = Recorder::from_conversation(store.as_ref(), &chat.id)?;
//! recorder.add(Prompt::builder().message("Where is my order?").build());
//! recorder.add(Response::builder().message("It ships today.").model("gpt-4o").build()?);
//! recorder.commit()?; // both messages, one transaction
//!
//! let history = recorder.render("openai")?; // what the next request sends
//! assert_eq!(history[1]["content"], "It ships today.");
//! assert_eq!(store.search("order", &Default::default())?[0].conversation, chat.id);
//! # std::fs::remove_dir_all(&dir).ok();
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The store is one layer of tables (`conversations`, `messages`) and versioned migrations
//! that other parts of memor can extend with tables of their own (`SqliteStore::migrate`);
//! it knows nothing of recall, context windows or providers.
//!
//! ## Feature Flags
//!
//! - `sqlite` (default): [`SqliteStore`], with SQLite compiled in.
//! - `postgres`: `PostgresStore`, through the blocking `postgres` client.

mod error;
mod location;
mod migrate;
mod model;
mod ops;
#[cfg(feature = "postgres")]
mod postgres;
mod recorder;
mod rows;
mod search_query;
#[cfg(feature = "sqlite")]
mod sqlite;
mod stop;
mod store;

pub use error::{Error, Result};
pub use location::{Location, PgConfig};
pub use model::{Change, Conversation, ListFilter, MessageRef, NewConversation, SearchFilter, SearchHit};
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
pub use recorder::Recorder;
#[cfg(feature = "sqlite")]
pub use sqlite::{SqliteOptions, SqliteStore};
pub use stop::{is_stop_word, query_words};
pub use store::Store;

/// The PostgreSQL client this crate is built on, for code that writes its own tables beside
/// the store's ([`PostgresStore::write_sql`]).
#[cfg(feature = "postgres")]
pub use ::postgres as pg;
/// The SQLite driver this crate is built on, for code that writes its own tables beside the
/// store's ([`SqliteStore::write_sql`]).
#[cfg(feature = "sqlite")]
pub use rusqlite;

/// Opens the store at `given` (a file path, `sqlite://PATH` or `postgres://…`), creating a
/// SQLite file that does not exist yet, and brings its schema up to date.
pub fn open(given: &str) -> Result<Box<dyn Store>> {
    open_location(&Location::parse(given)?, true)
}

/// Opens an existing store: a SQLite file that does not exist is an error, not a new file.
pub fn open_existing(given: &str) -> Result<Box<dyn Store>> {
    open_location(&Location::parse(given)?, false)
}

#[cfg_attr(not(feature = "sqlite"), allow(unused_variables, reason = "only a SQLite file is created"))]
fn open_location(location: &Location, create: bool) -> Result<Box<dyn Store>> {
    match location {
        #[cfg(feature = "sqlite")]
        Location::Sqlite(path) => {
            let options = SqliteOptions { create, ..SqliteOptions::default() };
            Ok(Box::new(SqliteStore::open(path, &options)?))
        }
        #[cfg(feature = "postgres")]
        Location::Postgres(config) => Ok(Box::new(PostgresStore::connect(config)?)),
        #[allow(unreachable_patterns, reason = "reached when a backend's feature is off")]
        other => Err(Error::Location {
            given: other.to_string(),
            reason: "this build of memor-store was compiled without that backend's feature".to_owned(),
        }),
    }
}
