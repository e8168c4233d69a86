//! The memor 1.1 data model: prompts, responses, sessions and templates, with files that
//! Python memor 1.1 reads and writes byte for byte.
//!
//! This crate knows nothing of rendering, template engines, tokenizers or providers; those
//! build on it (`memor-render`, `memor-templates`, `memor-tokenize`, `memor-providers`). Its
//! only I/O is reading and writing its own files.
//!
//! ```
//! use memor_core::{Document, Prompt, Response, Role, Session};
//!
//! let mut session = Session::new(Some("demo".into()));
//! session.add_message(Prompt::builder().message("What is memor?").build());
//! session.add_message(Response::builder().message("A memory library.").temperature(0.2).build()?);
//! let text = session.to_json(); // exactly what Python memor 1.1 writes
//! let loaded = Session::from_json(&text)?;
//! assert_eq!(loaded, session);
//! assert_eq!(loaded.get_size(), text.len());
//! # Ok::<(), memor_core::Error>(())
//! ```
//!
//! Compatibility rulings (where this crate deliberately differs from memor 1.1) are listed in
//! the workspace README.

mod date;
mod document;
mod error;
mod file;
pub mod id;
pub mod json;
mod kind;
mod message;
pub mod models;
mod number;
mod parts;
mod prompt;
pub mod pychar;
mod pyfloat;
mod response;
mod role;
mod session;
mod template;
mod validate;

pub use date::Timestamp;
pub use document::{AnyDocument, Document};
pub use error::{Error, Result};
pub use file::{FileStamp, write_atomic};
pub use kind::{Kind, UnknownKind};
pub use message::Message;
pub use number::Number;
pub use parts::{Image, Reasoning, ToolCall, ToolResult};
pub use prompt::{Prompt, PromptBuilder};
pub use pyfloat::{PyFloat, shortest_digits};
pub use response::{Response, ResponseBuilder};
pub use role::{Role, UnknownRole};
pub use session::Session;
pub use template::{MEMOR_ENGINE, PromptTemplate};

/// The memor version this crate is compatible with, and writes into every file.
pub const MEMOR_VERSION: &str = "1.1";
