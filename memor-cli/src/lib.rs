//! The `memor` command: check, convert, measure, render and search memor 1.1 files from
//! scripts.
//!
//! The contract scripts rely on is documented in the workspace README: exit 0 on success,
//! 1 when a file is invalid or cannot be read or written (memor's message on the first line
//! of stderr), 2 when the command line is wrong.
//!
//! The command is a library function so that a binary linking plugin crates (render formats
//! registered with `memor_render::register_renderer!`) can offer them: see
//! `memor-plugin-example`.

mod args;
mod chat;
mod chat_memory;
mod consolidate;
mod convert;
mod load;
mod mcp;
mod memory;
mod output;
#[cfg(feature = "parquet")]
mod parquet_table;
mod progress;
mod store;
mod window;

use std::process::ExitCode;

use std::io::{BufRead, Write};
use std::mem::ManuallyDrop;
use std::path::Path;

use args::{Command, TokenSource};
use memor_core::AnyDocument;
use memor_render::{MessageRef, RendererRegistry, SearchOptions, Warning};
use memor_tokenize::CounterRegistry;
use memor_tokenize::prelude::*;

/// Runs the `memor` command with the process's arguments.
pub fn main() -> ExitCode {
    let arguments: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let command = match args::parse(arguments.clone()) {
        Ok(command) => command,
        Err(e) => return usage(&e, &arguments),
    };
    match run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failed(failure),
    }
}

/// `--help` and `--version` on stdout (exit 0); a wrong command line on stderr, memor's
/// message first, then the usage (exit 2).
fn usage(e: &clap::Error, arguments: &[std::ffi::OsString]) -> ExitCode {
    use clap::error::ErrorKind;
    let text = e.render().to_string();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            return match output::text(&text) {
                Ok(()) => ExitCode::SUCCESS,
                Err(failure) => failed(failure),
            };
        }
        // `memor` alone: the help, as a usage error.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => eprint!("{}", text.replace("Usage: ", "usage: ")),
        _ => {
            let mut text = text.strip_prefix("error: ").unwrap_or(&text).replace("Usage: ", "usage: ");
            if !text.contains("usage: ") {
                let usage = args::usage(arguments).replace("Usage: ", "usage: ");
                text = text.replacen("\n\n", &format!("\n\n{usage}\n\n"), 1);
            }
            eprint!("memor: {text}");
        }
    }
    ExitCode::from(2)
}

/// Exit 1, memor's message first on stderr.
fn failed(Failure { message, detail }: Failure) -> ExitCode {
    eprintln!("{message}");
    if let Some(detail) = detail {
        eprintln!("  detail: {detail}");
    }
    ExitCode::FAILURE
}

/// memor's message, and what it leaves out.
struct Failure {
    message: String,
    detail: Option<String>,
}

impl Failure {
    fn plain(message: impl Into<String>) -> Self {
        Failure { message: message.into(), detail: None }
    }
}

impl From<memor_providers::Error> for Failure {
    fn from(e: memor_providers::Error) -> Self {
        Failure::plain(e.to_string())
    }
}

impl From<memor_core::Error> for Failure {
    fn from(e: memor_core::Error) -> Self {
        Failure { message: e.to_string(), detail: e.detail().map(str::to_owned) }
    }
}

impl From<memor_tokenize::Error> for Failure {
    fn from(e: memor_tokenize::Error) -> Self {
        Failure { message: e.to_string(), detail: None }
    }
}

impl From<memor_context::Error> for Failure {
    fn from(e: memor_context::Error) -> Self {
        Failure::plain(e.to_string())
    }
}

impl From<memor_render::Error> for Failure {
    fn from(e: memor_render::Error) -> Self {
        Failure { message: e.to_string(), detail: e.detail() }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Check { file, kind } => output::line(format!("ok {}", load(&file, kind)?.kind()))?,
        Command::Save { file, out, kind } => match load::is_std(&out) {
            true => output::text(&load(&file, kind)?.to_json())?,
            false => load(&file, kind)?.save(&out)?,
        },
        Command::Size { file, kind } => output::line(load(&file, kind)?.get_size())?,
        Command::Render { file, kind, format } => {
            let registry = RendererRegistry::global();
            let rendered = match &*load(&file, kind)? {
                AnyDocument::Prompt(p) => registry.render_message(MessageRef::Prompt(p), &format, true)?,
                AnyDocument::Response(r) => registry.render_message(MessageRef::Response(r), &format, true)?,
                AnyDocument::Session(s) => {
                    let rendered = registry.render_session_json(s, &format, true)?;
                    warn(&rendered.warnings);
                    return output::line(rendered.json);
                }
                AnyDocument::Template(_) => {
                    return Err(Failure {
                        message: "a template renders only through a prompt".into(),
                        detail: Some(format!("{} holds a template", file.display())),
                    });
                }
            };
            warn(&rendered.warnings);
            output::line(rendered.value)?;
        }
        Command::Search { file, query, regex, case_sensitive, timeout } => {
            let session = ManuallyDrop::new(load::session(&file)?);
            let found = memor_render::search(&session, &query, SearchOptions { regex, case_sensitive, timeout })?;
            warn(&found.warnings);
            output::line(serde_json::Value::from(found.indices))?;
        }
        Command::Show { file } => {
            let session = load::session(&file)?;
            let heading = format!("{} · {}", session.title().unwrap_or("(untitled)"), file.display());
            let color = std::io::IsTerminal::is_terminal(&std::io::stdout());
            output::text(&store::transcript(&heading, &session, color))?;
        }
        Command::Export { file, to, out } => {
            to.available()?;
            convert::write(&out, &convert::export(&load::session(&file)?, to)?)?;
        }
        Command::Import { file, from, out, title } => {
            let mut session = convert::import(&convert::read(&file)?, from, &file)?;
            if title.is_some() {
                session.update_title(title);
            }
            convert::save(&session, &out)?;
        }
        Command::Formats => {
            for id in RendererRegistry::global().ids() {
                output::line(id)?;
            }
        }
        Command::Counters => {
            for id in CounterRegistry::global().ids() {
                output::line(id)?;
            }
        }
        Command::Tokens { source, counter } => tokens(source, &counter)?,
        Command::Chat(args) => chat::run(*args)?,
        Command::Store { db, command } => store::run(&db, *command)?,
        Command::Memory(command) => memory::run(command)?,
        Command::Mcp(args) => mcp::run(args)?,
        Command::Window(args) => window::run(&args)?,
        Command::Completions(shell) => {
            let mut text = Vec::new();
            clap_complete::generate(shell, &mut args::command(), "memor", &mut text);
            output::text(&String::from_utf8_lossy(&text))?;
        }
        Command::Providers => {
            for id in memor_providers::ProviderRegistry::global().ids() {
                output::line(id)?;
            }
        }
    }
    Ok(())
}

/// Loads a file for a command that ends the process after using it: the document is never
/// freed (the operating system takes the memory back at once), which saves freeing a large
/// session's strings one by one, about a tenth of a `memor check`.
fn load(file: &Path, kind: Option<memor_core::Kind>) -> Result<ManuallyDrop<AnyDocument>, Failure> {
    Ok(ManuallyDrop::new(load::document(file, kind)?))
}

/// `memor tokens`: a file's text (memor's STRING render), or each stdin line's JSON string.
fn tokens(source: TokenSource, counter: &str) -> Result<(), Failure> {
    let counter = CounterRegistry::global().get(counter)?;
    match source {
        TokenSource::File { file, kind } => {
            // What a counter builds on first use (the exact encodings' character tables; a
            // plug-in may load more) is built on the other core while the file loads; a file
            // that does not load is reported at once, the warm-up left to the process's end.
            let warm = std::thread::spawn(move || counter.count(""));
            let document = load(&file, kind)?;
            // What the warm-up ran into, the count itself meets and reports.
            let _ = warm.join();
            let count = match &*document {
                AnyDocument::Prompt(p) => p.estimate_tokens(counter)?,
                AnyDocument::Response(r) => r.estimate_tokens(counter)?,
                AnyDocument::Session(s) => s.estimate_tokens(counter)?,
                AnyDocument::Template(t) => counter.count(t.content().unwrap_or_default()),
            };
            output::line(count)?;
        }
        TokenSource::Lines => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for (i, line) in std::io::stdin().lock().lines().enumerate() {
                let line = line.map_err(|e| Failure::plain(format!("stdin: {e}")))?;
                let count = match line.trim() {
                    // An empty line is an empty text: its count keeps the lines in step.
                    "" => 0,
                    _ => counter.count(&json_string(&line).map_err(|what| Failure {
                        message: format!("line {}: {what}", i + 1),
                        detail: Some(LINES.to_owned()),
                    })?),
                };
                output::written(writeln!(out, "{count}"))?;
            }
            output::written(out.flush())?;
        }
    }
    Ok(())
}

/// What `memor tokens --lines` reads.
const LINES: &str = "each line of stdin is one JSON string, such as \"hello\\nworld\" (an empty line counts 0)";

/// The text of a line holding one JSON string, or what the line holds instead.
fn json_string(line: &str) -> Result<String, String> {
    match serde_json::from_str::<serde_json::Value>(line) {
        Ok(serde_json::Value::String(text)) => Ok(text),
        Ok(other) => {
            let what = match other {
                serde_json::Value::Null => "null",
                serde_json::Value::Bool(_) => "a boolean",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::Array(_) => "a list",
                _ => "an object",
            };
            Err(format!("{what}, not a JSON string"))
        }
        Err(e) => Err(format!("column {}: not a JSON string (a string is quoted: \"…\")", e.column())),
    }
}

fn warn(warnings: &[Warning]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}
