//! Integration tests of memor-context: exact counts against tiktoken-rs, the window rules as
//! properties and as the known bugs of other libraries, summaries and counting endpoints
//! against loopback servers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod bugs;
mod endpoint;
mod models;
mod openai;
mod properties;
#[allow(dead_code, unused_imports)]
#[path = "../../../memor-providers/tests/it/server.rs"]
mod server;
mod summary;
mod support;
