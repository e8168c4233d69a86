//! The command line.

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::prelude::*;
use memor_core::Kind;

pub(crate) const USAGE: &str = "\
usage: memor check FILE [--kind KIND]       exit 0 and print `ok KIND` if FILE is valid
       memor save FILE -o OUT [--kind KIND]  load FILE, write OUT in memor 1.1 format
       memor size FILE [--kind KIND]        print the size memor's get_size() reports

KIND is prompt, response, session or template; without --kind it comes from the file's
\"type\" field (no \"type\": a template).";

pub(crate) enum Command {
    Check {
        file: PathBuf,
        kind: Option<Kind>,
    },
    Save {
        file: PathBuf,
        out: PathBuf,
        kind: Option<Kind>,
    },
    Size {
        file: PathBuf,
        kind: Option<Kind>,
    },
}

pub(crate) enum Parsed {
    Run(Command),
    Print(String),
}

pub(crate) fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, lexopt::Error> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut name: Option<String> = None;
    let mut file: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut kind: Option<Kind> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Parsed::Print(USAGE.to_owned())),
            Short('V') | Long("version") => {
                return Ok(Parsed::Print(format!(
                    "memor {} (memor {} files)",
                    env!("CARGO_PKG_VERSION"),
                    memor_core::MEMOR_VERSION
                )));
            }
            Long("kind") => kind = Some(parser.value()?.parse()?),
            Short('o') | Long("output") => out = Some(parser.value()?.into()),
            Value(v) if name.is_none() => name = Some(v.string()?),
            Value(v) if file.is_none() => file = Some(v.into()),
            _ => return Err(arg.unexpected()),
        }
    }
    let name = name.ok_or("missing command")?;
    let file = || {
        file.clone()
            .ok_or_else(|| lexopt::Error::from(format!("`{name}` needs a FILE")))
    };
    let command = match name.as_str() {
        "check" => Command::Check {
            file: file()?,
            kind,
        },
        "size" => Command::Size {
            file: file()?,
            kind,
        },
        "save" => Command::Save {
            file: file()?,
            out: out.ok_or("`save` needs -o OUT")?,
            kind,
        },
        other => return Err(format!("unknown command `{other}`").into()),
    };
    Ok(Parsed::Run(command))
}
