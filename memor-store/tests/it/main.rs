//! Integration tests of `memor-store`: every backend test runs on a real SQLite file and on
//! the real PostgreSQL server named by `MEMOR_TEST_POSTGRES_URL` (which `cargo xtask ci`
//! starts; with `MEMOR_REQUIRE_POSTGRES=1` its absence fails the run).

// Tests: a failed unwrap is a failed check, which is what we want here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod backends;
mod errors;
mod recorder;
mod roundtrip;
mod suite;
#[cfg(feature = "postgres")]
mod tls_front;
mod upgrade;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh, empty directory under the system's temporary directory.
pub(crate) fn tempdir() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir =
        std::env::temp_dir().join(format!("memor-store-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The conformance corpus's session files.
pub(crate) fn fixture_sessions() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/conformance/objects/sessions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 16, "the conformance corpus has 16 session files");
    files
}
