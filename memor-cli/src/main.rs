//! The `memor` binary.

fn main() -> std::process::ExitCode {
    memor_cli::main()
}
