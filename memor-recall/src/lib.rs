//! Long-term memory: what was said and learned, recalled across conversations by meaning,
//! words and time, in the same database as the conversation store.
//!
//! - [`Memories`] keeps [`Memory`] items (episodes: stored messages; facts; insights) with
//!   their scope, source, times, status and history, and recalls them with [`Search`]:
//!   BM25 (SQLite FTS5, PostgreSQL tsvector) and cosine over vectors, fused by reciprocal
//!   rank, lifted by the span a time expression in the query names ([`when`]).
//! - [`index`] turns stored conversations into episode memories, each message once,
//!   resumably, with no model beyond the embedder.
//! - [`consolidate`] turns user messages into observations kept coherent (ADD, UPDATE,
//!   SUPERSEDE, NONE against similar memories), and [`reflect`] draws insights from them,
//!   both asking an [`llm::Llm`] with the [`prompts`] templates; every change is in a
//!   memory's [`Memories::history`].
//!
//! ## Feature Flags
//!
//! - `sqlite` (default): memories in the store's SQLite file.
//! - `postgres`: memories in PostgreSQL, vectors in pgvector columns with an HNSW index.

mod backend;
#[cfg(feature = "sqlite")]
mod codes;
pub mod consolidate;
mod error;
mod fuse;
pub mod index;
#[cfg(feature = "sqlite")]
mod lists;
pub mod llm;
mod memories;
mod model;
#[cfg(feature = "postgres")]
mod postgres;
pub mod prompts;
pub mod reflect;
mod sql;
#[cfg(feature = "sqlite")]
mod sqlite;
mod vectors;
pub mod when;

pub use error::{Error, Result};
pub use memories::Memories;
pub use model::{Embedding, Event, Filter, Hit, Kind, Memory, NewMemory, Scope, Search, Source, Status, Why};
