//! Integration tests of `memor-tokenize`: memor 1.1's golden data for the estimators, Python
//! tiktoken's token ids for the exact counters, the OpenAI cookbook's chat counts.

// Tests: a failed unwrap is a failed check, which is what we want here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(feature = "bpe")]
mod bpe;
mod chat;
mod estimators;
mod fixtures;
mod models;
mod objects;
mod registry;
