//! The golden data: memor 1.1's under the workspace's `testdata/`, tiktoken's under
//! `tests/data/`.

use std::path::PathBuf;

use serde_json::Value;

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A file under the workspace's `testdata/`, parsed.
pub fn testdata(relative: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata").join(relative);
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// A file under the workspace's `testdata/`, as text.
pub fn testdata_text(relative: &str) -> String {
    read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata").join(relative))
}

/// A file under this crate's `tests/data/`, parsed.
pub fn data(relative: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(relative);
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}
