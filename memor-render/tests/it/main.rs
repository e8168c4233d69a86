//! Integration tests of `memor-render` against memor 1.1's golden data.

// Tests: a failed unwrap is a failed check, which is what we want here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod api_calls;
mod engines;
mod fixtures;
mod render;
mod table;
mod xml;
