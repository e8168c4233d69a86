//! `memor`: check, convert and measure memor 1.1 files from scripts.
//!
//! The contract scripts rely on is documented in the workspace README: exit 0 on success,
//! 1 when a file is invalid or cannot be read or written (memor's message on the first line
//! of stderr), 2 when the command line is wrong.

mod args;

use std::process::ExitCode;

use args::{Command, Parsed};
use memor_core::AnyDocument;

fn main() -> ExitCode {
    let command = match args::parse(std::env::args_os().skip(1)) {
        Ok(Parsed::Run(command)) => command,
        Ok(Parsed::Print(text)) => {
            println!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("memor: {e}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    match run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            if let Some(detail) = e.detail() {
                eprintln!("  detail: {detail}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> memor_core::Result<()> {
    match command {
        Command::Check { file, kind } => {
            let doc = AnyDocument::load(&file, kind)?;
            println!("ok {}", doc.kind());
        }
        Command::Save { file, out, kind } => AnyDocument::load(&file, kind)?.save(&out)?,
        Command::Size { file, kind } => println!("{}", AnyDocument::load(&file, kind)?.get_size()),
    }
    Ok(())
}
