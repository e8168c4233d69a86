//! memor-recall's integration tests: one suite, run on SQLite and on PostgreSQL, and the time
//! expressions.

// Tests and tools: a failed unwrap is a failed check, which is what we want here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod backends;
mod consolidate;
mod episodes;
mod suite;
#[cfg(feature = "sqlite")]
mod upgrade;
mod when;

use std::path::PathBuf;

/// A new empty directory for one test.
pub(crate) fn tempdir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "memor-recall-it-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
