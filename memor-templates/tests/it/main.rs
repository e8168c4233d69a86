//! Integration tests of `memor-templates`: the Python golden data (memor 1.1 conformance
//! fixtures and Python 3.11 `str.format` outcomes) checked against the port.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(feature = "tera")]
mod engines;
#[cfg(feature = "tera")]
mod limits;
mod no_panic;
mod prompts;
mod python_format;
mod python_repr;
mod support;
mod templates;
