//! Integration tests of `memor-core` against memor 1.1's golden data and its own promises.

mod api_calls;
mod dates;
mod files;
mod fixtures;
mod floats;
mod invalid_inputs;
mod models;
mod objects;
mod roundtrip;
