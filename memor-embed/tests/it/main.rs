//! memor-embed's integration tests: the HTTP embedders against a loopback server, the
//! registry, the official SDKs as judges, and (feature `local-embed`) all-MiniLM-L6-v2
//! against sentence-transformers' vectors.
// Tests: a failed unwrap or expect is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod errors;
mod gemini;
#[cfg(feature = "local-embed")]
mod local;
mod mistral;
mod ollama;
mod openai;
mod registry;
mod sdk_judge;
mod server;
