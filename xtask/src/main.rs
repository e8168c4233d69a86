//! Workspace automation, run as `cargo xtask <task>`.
//!
//! - `ci`: what CI runs: format check, clippy and the docs with warnings denied, then the whole
//!   test suite (with Python memor 1.1, the providers' pinned Python SDKs and pyarrow installed,
//!   for the interoperability tests, the SDK judge of `memor-providers` and the Parquet export
//!   of `memor-cli`), closing on
//!   one line that sums all test binaries: `tests: N passed, N failed`. Clippy runs with the
//!   default features and with the non-default ones in [`FEATURES`]; the docs and the tests
//!   build with [`FEATURES`].
//!   The tests run against a PostgreSQL server started for the run ([`postgres::Server`]) and
//!   stopped after it, and with all-MiniLM-L6-v2 fetched into the target directory
//!   ([`models::minilm`]) for `memor-embed/local-embed`.
//! - `tidy`: the checks that also run as a test (dependency direction, file headers).
//! - `with-postgres CMD [ARGS…]`: runs a command with `MEMOR_TEST_POSTGRES_URL` naming a
//!   server started for it (for a single test or a benchmark), and stops the server after.
//! - `minilm`: fetches all-MiniLM-L6-v2 for memor-embed's `local-embed` tests and benchmark if
//!   needed, and prints its directory (for `MEMOR_TEST_MINILM_DIR`).

mod models;
mod postgres;
mod tidy;

use std::io::{BufRead, BufReader};
use std::process::{Command, ExitCode, Stdio};

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("ci") => ci(),
        Some("tidy") => tidy::check(&tidy::workspace_root()).map(|()| println!("tidy: ok")),
        Some("with-postgres") => with_postgres(std::env::args().skip(2).collect()),
        Some("minilm") => models::minilm(&tidy::workspace_root()).map(|dir| println!("{}", dir.display())),
        _ => Err(
            "usage: cargo xtask ci | cargo xtask tidy | cargo xtask with-postgres CMD [ARGS...] | cargo xtask minilm"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The non-default features CI also builds, lints and tests (the default ones are on anyway).
const FEATURES: &str =
    "memor-providers/async,memor-store/postgres,memor-recall/postgres,memor-cli/parquet,memor-embed/local-embed";

fn ci() -> Result<(), String> {
    python_memor()?;
    python_requirements(SDK_REQUIREMENTS, "the SDK judge of memor-providers")?;
    python_requirements(CLI_REQUIREMENTS, "the Parquet tests of memor-cli")?;
    run("fmt", &["fmt", "--all", "--", "--check"], &[])?;
    // With the default features too: code gated on a feature can leave an import unused without it.
    run("clippy", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"], &[])?;
    run("clippy", &["clippy", "--workspace", "--all-targets", "--features", FEATURES, "--", "-D", "warnings"], &[])?;
    run("doc", &["doc", "--workspace", "--no-deps", "--features", FEATURES], &[("RUSTDOCFLAGS", "-D warnings")])?;
    test()
}

/// `cargo test --workspace` (with [`FEATURES`]), its output passed through, then one closing line
/// that sums every test binary's result (cargo's own last line is often an empty doc-test run).
fn test() -> Result<(), String> {
    println!("==> cargo test --workspace --features {FEATURES}");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let minilm = models::minilm(&tidy::workspace_root())?;
    let server = postgres::Server::start()?;
    let mut child = Command::new(cargo)
        .args(["test", "--workspace", "--features", FEATURES])
        .env("MEMOR_REQUIRE_PYTHON", "1")
        .env("MEMOR_TEST_POSTGRES_URL", &server.url)
        .env("MEMOR_TEST_POSTGRES_CA", &server.ca)
        .env("MEMOR_REQUIRE_POSTGRES", "1")
        .env("MEMOR_TEST_MINILM_DIR", &minilm)
        .env("MEMOR_REQUIRE_MINILM", "1")
        .current_dir(tidy::workspace_root())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("test: cannot run cargo: {e}"))?;
    let (mut passed, mut failed) = (0u64, 0u64);
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(summary) = line.strip_prefix("test result: ") {
                passed += count(summary, "passed");
                failed += count(summary, "failed");
            }
        }
    }
    let status = child.wait().map_err(|e| format!("test: {e}"))?;
    drop(server);
    println!("tests: {passed} passed, {failed} failed");
    if status.success() && passed > 0 { Ok(()) } else { Err(format!("test failed ({status})")) }
}

/// The number before `what` in a summary such as `ok. 7 passed; 0 failed; ...`.
fn count(summary: &str, what: &str) -> u64 {
    summary
        .split(['.', ';'])
        .find_map(|part| part.trim().strip_suffix(what))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// `cargo xtask with-postgres CMD [ARGS…]`.
fn with_postgres(command: Vec<String>) -> Result<(), String> {
    let (program, args) = command.split_first().ok_or("usage: cargo xtask with-postgres CMD [ARGS...]")?;
    let server = postgres::Server::start()?;
    let status = Command::new(program)
        .args(args)
        .env("MEMOR_TEST_POSTGRES_URL", &server.url)
        .env("MEMOR_TEST_POSTGRES_CA", &server.ca)
        .status()
        .map_err(|e| format!("{program}: {e}"))?;
    drop(server);
    if status.success() { Ok(()) } else { Err(format!("{program} failed ({status})")) }
}

/// The interoperability tests load our files in Python memor 1.1: install it if needed.
fn python_memor() -> Result<(), String> {
    let probe = ["-c", "import memor; assert memor.MEMOR_VERSION == '1.1'"];
    let installed = || Command::new("python3").args(probe).output().is_ok_and(|o| o.status.success());
    if installed() {
        return Ok(());
    }
    println!("==> python3 -m pip install memor==1.1");
    let status = Command::new("python3")
        .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "memor==1.1"])
        .env("PIP_ROOT_USER_ACTION", "ignore")
        .status()
        .map_err(|e| format!("python3 is needed for the interoperability tests: {e}"))?;
    if status.success() && installed() {
        Ok(())
    } else {
        Err("could not install Python memor 1.1 (python3 -m pip install memor==1.1)".into())
    }
}

/// The requirements file that pins the providers' official Python SDKs: the SDK judge of
/// `memor-providers` (`tests/it/sdk_judge.rs`) runs them.
const SDK_REQUIREMENTS: &str = "memor-providers/tests/sdk/requirements.txt";

/// The requirements file that pins what `memor-cli`'s tests read its exports with (pyarrow).
const CLI_REQUIREMENTS: &str = "memor-cli/tests/requirements.txt";

/// Installs the pinned versions of a requirements file (relative to the workspace root) if
/// they are not all there; `needed_by` says which tests need them.
fn python_requirements(file: &str, needed_by: &str) -> Result<(), String> {
    let requirements = tidy::workspace_root().join(file);
    let text = std::fs::read_to_string(&requirements).map_err(|e| format!("{}: {e}", requirements.display()))?;
    let pins: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    // Each pinned distribution at its pinned version.
    let probe = pins
        .iter()
        .filter_map(|pin| pin.split_once("=="))
        .map(|(name, version)| format!("assert importlib.metadata.version({name:?}) == {version:?}"))
        .collect::<Vec<_>>()
        .join("; ");
    let probe = format!("import importlib.metadata; {probe}");
    let installed = || Command::new("python3").args(["-c", &probe]).output().is_ok_and(|o| o.status.success());
    if installed() {
        return Ok(());
    }
    println!("==> python3 -m pip install -r {file}");
    let status = Command::new("python3")
        .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"])
        .arg(&requirements)
        .env("PIP_ROOT_USER_ACTION", "ignore")
        .status()
        .map_err(|e| format!("python3 is needed for {needed_by}: {e}"))?;
    if status.success() && installed() {
        Ok(())
    } else {
        Err(format!("could not install what {needed_by} need (python3 -m pip install -r {file})"))
    }
}

fn run(step: &str, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    println!("==> cargo {}", args.join(" "));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(tidy::workspace_root())
        .status()
        .map_err(|e| format!("{step}: cannot run cargo: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{step} failed ({status})")) }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_cargo_test_summaries() {
        let ok = "ok. 22 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 2.03s";
        assert_eq!((count(ok, "passed"), count(ok, "failed")), (22, 0));
        let bad = "FAILED. 7 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 15.73s";
        assert_eq!((count(bad, "passed"), count(bad, "failed")), (7, 1));
    }
}
