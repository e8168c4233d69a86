//! Rules the code base keeps, checked by `cargo xtask tidy` and by `cargo test`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates `memor-core` must never depend on: our other crates, template engines, plugin
/// registries, HTTP clients and async runtimes.
const FORBIDDEN_IN_CORE: &[&str] = &[
    "memor-render",
    "memor-templates",
    "memor-tokenize",
    "memor-providers",
    "memor-cli",
    "tera",
    "minijinja",
    "handlebars",
    "inventory",
    "linkme",
    "ctor",
    "reqwest",
    "ureq",
    "hyper",
    "http",
    "tokio",
    "async-std",
    "smol",
    "futures",
];

/// Crates `memor-store` must never depend on: what is built on stored conversations.
const FORBIDDEN_IN_STORE: &[&str] =
    &["memor-providers", "memor-tokenize", "memor-context", "memor-recall", "memor-cli", "ureq"];

pub(crate) fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

pub(crate) fn check(root: &Path) -> Result<(), String> {
    forbidden_dependencies(root, "memor-core", FORBIDDEN_IN_CORE)?;
    forbidden_dependencies(root, "memor-store", FORBIDDEN_IN_STORE)?;
    // The arrows point one way: `memor-context` sits on the tokenizers and providers and
    // under the CLI.
    forbidden_dependencies(root, "memor-context", &["memor-cli"])?;
    // Embedders make vectors and know nothing of storage or of what recalls with them.
    forbidden_dependencies(root, "memor-embed", &["memor-store", "memor-recall", "memor-context", "memor-cli"])?;
    for lower in ["memor-tokenize", "memor-providers", "memor-render"] {
        forbidden_dependencies(root, lower, &["memor-context", "memor-cli"])?;
    }
    test_only(root, "memor-testkit")?;
    file_headers(root)
}

/// `package`'s normal dependencies (the whole tree) include none of `forbidden`.
fn forbidden_dependencies(root: &Path, package: &str, forbidden: &[&str]) -> Result<(), String> {
    let tree = cargo_tree(root, &["--package", package, "--edges", "normal"])?;
    let names: Vec<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
    if names.first() != Some(&package) {
        return Err(format!("cargo tree output looks wrong:\n{tree}"));
    }
    let mut bad: Vec<&str> = names.iter().copied().filter(|n| forbidden.contains(n)).collect();
    bad.sort_unstable();
    bad.dedup();
    if bad.is_empty() { Ok(()) } else { Err(format!("{package} must not depend on {bad:?}")) }
}

/// No crate of the workspace builds on `package` (it may be a dev-dependency only).
fn test_only(root: &Path, package: &str) -> Result<(), String> {
    let tree = cargo_tree(root, &["--workspace", "--invert", package, "--edges", "normal"])?;
    let users: Vec<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).filter(|n| *n != package).collect();
    if users.is_empty() {
        Ok(())
    } else {
        Err(format!("{users:?} must not depend on {package} (a dev-dependency only)"))
    }
}

/// What `cargo tree ARGS --prefix none --format {p}` prints.
fn cargo_tree(root: &Path, args: &[&str]) -> Result<String, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .arg("tree")
        .args(args)
        .args(["--prefix", "none", "--format", "{p}"])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run cargo tree: {e}"))?;
    if !out.status.success() {
        return Err(format!("cargo tree failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Every Rust source file opens with a `//!` line saying what it holds.
fn file_headers(root: &Path) -> Result<(), String> {
    let mut missing = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if path.is_dir() {
                if !matches!(name.as_ref(), "target" | ".git" | "testdata") && !name.starts_with('.') {
                    stack.push(path);
                }
            } else if name.ends_with(".rs") {
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                if !text.starts_with("//!") {
                    missing.push(path.display().to_string());
                }
            }
        }
    }
    if missing.is_empty() { Ok(()) } else { Err(format!("files without a `//!` header: {missing:?}")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy() {
        check(&workspace_root()).unwrap();
    }

    #[test]
    fn the_dependency_check_can_fail() {
        let err = forbidden_dependencies(&workspace_root(), "memor-cli", &["memor-core"]).unwrap_err();
        assert_eq!(err, "memor-cli must not depend on [\"memor-core\"]");
    }

    #[test]
    fn the_test_only_check_can_fail() {
        let err = test_only(&workspace_root(), "memor-core").unwrap_err();
        assert!(
            err.contains("\"memor-render\"") && err.ends_with("must not depend on memor-core (a dev-dependency only)"),
            "{err}"
        );
    }
}
