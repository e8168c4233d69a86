//! Integration tests of `memor-core` against memor 1.1's golden data and its own promises.

// Tests and tools: a failed unwrap is a failed check, which is what we want here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod any;
mod api_calls;
mod dates;
mod files;
mod fixtures;
mod floats;
mod invalid_inputs;
mod models;
mod objects;
mod parts;
mod python;
mod roundtrip;
mod shared_templates;
