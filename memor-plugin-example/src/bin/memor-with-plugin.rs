//! The `memor` command, linked with the example plugin: `memor-with-plugin formats` lists
//! `markdown`.

// Referencing the crate keeps the linker from dropping its registration.
use memor_plugin_example as _;

fn main() -> std::process::ExitCode {
    memor_cli::main()
}
