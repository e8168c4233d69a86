//! memor-recall's integration tests.

// Tests and tools: a failed unwrap is a failed check, which is what we want here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod when;
