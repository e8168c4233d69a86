//! Workspace automation, run as `cargo xtask <task>`.
//!
//! - `ci`: what CI runs: format check, clippy with warnings denied, the whole test suite (with
//!   Python memor 1.1 installed, for the interoperability tests), and the docs with warnings
//!   denied.
//! - `tidy`: the checks that also run as a test (dependency direction, file headers).

mod tidy;

use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("ci") => ci(),
        Some("tidy") => tidy::check(&tidy::workspace_root()).map(|()| println!("tidy: ok")),
        _ => Err("usage: cargo xtask ci | cargo xtask tidy".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn ci() -> Result<(), String> {
    python_memor()?;
    run("fmt", &["fmt", "--all", "--", "--check"], &[])?;
    run(
        "clippy",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    run(
        "test",
        &["test", "--workspace"],
        &[("MEMOR_REQUIRE_PYTHON", "1")],
    )?;
    run(
        "doc",
        &["doc", "--workspace", "--no-deps"],
        &[("RUSTDOCFLAGS", "-D warnings")],
    )
}

/// The interoperability tests load our files in Python memor 1.1: install it if needed.
fn python_memor() -> Result<(), String> {
    let probe = ["-c", "import memor; assert memor.MEMOR_VERSION == '1.1'"];
    let installed = || {
        Command::new("python3")
            .args(probe)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if installed() {
        return Ok(());
    }
    println!("==> python3 -m pip install memor==1.1");
    let status = Command::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "memor==1.1",
        ])
        .env("PIP_ROOT_USER_ACTION", "ignore")
        .status()
        .map_err(|e| format!("python3 is needed for the interoperability tests: {e}"))?;
    if status.success() && installed() {
        Ok(())
    } else {
        Err("could not install Python memor 1.1 (python3 -m pip install memor==1.1)".into())
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
    if status.success() {
        Ok(())
    } else {
        Err(format!("{step} failed ({status})"))
    }
}
