//! The command line.

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::prelude::*;
use memor_core::Kind;

pub(crate) const USAGE: &str = "\
usage: memor check FILE [--kind KIND]       exit 0 and print `ok KIND` if FILE is valid
       memor save FILE -o OUT [--kind KIND]  load FILE, write OUT in memor 1.1 format
       memor size FILE [--kind KIND]        print the size memor's get_size() reports
       memor render FILE [--kind KIND] [--format ID]
                                            print the render as JSON (default format: string)
       memor search FILE QUERY [--regex] [--case-sensitive]
                                            print the indices of matching messages as JSON
       memor formats                        list the render format ids
       memor tokens FILE [--kind KIND] [--counter ID]
                                            print the token count of FILE's text (default: universal)
       memor tokens --lines [--counter ID]  count each line of stdin (one JSON string per line)
       memor counters                       list the token counter ids
       memor chat --provider ID --model MODEL [--base-url URL] [--session FILE] [--system TEXT]
                  [--temperature T] [--top-p P] [--max-tokens N] [--stream]
                  [--context auto|N [--summarize [--summary-model MODEL]]]
                                            chat: each stdin line is a user turn, each reply printed
       memor window FILE --model MODEL [--budget N] [--reserve N] [--json]
                                            what of FILE would be sent to MODEL, with tokens
       memor providers                      list the provider ids

KIND is prompt, response, session or template; without --kind it comes from the file's
\"type\" field (no \"type\": a template).";

/// What to do.
pub(crate) enum Command {
    Check { file: PathBuf, kind: Option<Kind> },
    Save { file: PathBuf, out: PathBuf, kind: Option<Kind> },
    Size { file: PathBuf, kind: Option<Kind> },
    Render { file: PathBuf, kind: Option<Kind>, format: String },
    Search { file: PathBuf, query: String, regex: bool, case_sensitive: bool },
    Formats,
    Tokens { source: TokenSource, counter: String },
    Counters,
    Chat(crate::chat::ChatArgs),
    Providers,
    Window(crate::window::WindowArgs),
}

/// What `memor tokens` counts.
pub(crate) enum TokenSource {
    File { file: PathBuf, kind: Option<Kind> },
    Lines,
}

pub(crate) enum Parsed {
    Run(Command),
    Print(String),
}

pub(crate) fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, lexopt::Error> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut positional: Vec<OsString> = Vec::new();
    let (mut out, mut kind, mut format) = (None::<PathBuf>, None::<Kind>, None::<String>);
    let (mut regex, mut case_sensitive, mut lines, mut counter) = (false, false, false, None::<String>);
    let (mut provider, mut model, mut base_url, mut session, mut system) =
        (None::<String>, None::<String>, None::<String>, None::<PathBuf>, None::<String>);
    let (mut temperature, mut top_p, mut max_tokens, mut stream) = (None::<f64>, None::<f64>, None::<u64>, false);
    let (mut budget, mut reserve, mut json) = (None::<usize>, None::<usize>, false);
    let (mut context, mut summarize, mut summary_model) = (None::<crate::window::Context>, false, None::<String>);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Parsed::Print(USAGE.to_owned())),
            Short('V') | Long("version") => {
                let version =
                    format!("memor {} (memor {} files)", env!("CARGO_PKG_VERSION"), memor_core::MEMOR_VERSION);
                return Ok(Parsed::Print(version));
            }
            Long("kind") => kind = Some(parser.value()?.parse()?),
            Short('o') | Long("output") => out = Some(parser.value()?.into()),
            Long("format") => format = Some(parser.value()?.string()?),
            Long("regex") => regex = true,
            Long("case-sensitive") => case_sensitive = true,
            Long("lines") => lines = true,
            Long("counter") => counter = Some(parser.value()?.string()?),
            Long("provider") => provider = Some(parser.value()?.string()?),
            Long("model") => model = Some(parser.value()?.string()?),
            Long("base-url") => base_url = Some(parser.value()?.string()?),
            Long("session") => session = Some(parser.value()?.into()),
            Long("system") => system = Some(parser.value()?.string()?),
            Long("temperature") => temperature = Some(parser.value()?.parse()?),
            Long("top-p") => top_p = Some(parser.value()?.parse()?),
            Long("max-tokens") => max_tokens = Some(parser.value()?.parse()?),
            Long("stream") => stream = true,
            Long("budget") => budget = Some(parser.value()?.parse()?),
            Long("reserve") => reserve = Some(parser.value()?.parse()?),
            Long("json") => json = true,
            Long("context") => context = Some(parser.value()?.parse()?),
            Long("summarize") => summarize = true,
            Long("summary-model") => summary_model = Some(parser.value()?.string()?),
            Value(v) => positional.push(v),
            _ => return Err(arg.unexpected()),
        }
    }
    let mut positional = positional.into_iter();
    let name = positional.next().ok_or("missing command")?.string()?;
    let mut next = |what: &str| positional.next().ok_or_else(|| lexopt::Error::from(format!("`{name}` needs {what}")));
    let command = match name.as_str() {
        "check" => Command::Check { file: next("a FILE")?.into(), kind },
        "size" => Command::Size { file: next("a FILE")?.into(), kind },
        "save" => Command::Save { file: next("a FILE")?.into(), out: out.ok_or("`save` needs -o OUT")?, kind },
        "render" => {
            Command::Render { file: next("a FILE")?.into(), kind, format: format.unwrap_or_else(|| "string".into()) }
        }
        "search" => {
            let file = next("a FILE")?.into();
            let query = next("a QUERY")?.string()?;
            Command::Search { file, query, regex, case_sensitive }
        }
        "formats" => Command::Formats,
        "counters" => Command::Counters,
        "providers" => Command::Providers,
        "chat" => Command::Chat(crate::chat::ChatArgs {
            provider: provider.ok_or("`chat` needs --provider ID")?,
            model: model.ok_or("`chat` needs --model MODEL")?,
            base_url,
            session,
            system,
            temperature,
            top_p,
            max_tokens,
            stream,
            window: crate::window::ChatWindow::new(context, summarize, summary_model)?,
        }),
        "window" => Command::Window(crate::window::WindowArgs {
            file: next("a FILE")?.into(),
            model: model.ok_or("`window` needs --model MODEL")?,
            budget,
            reserve,
            json,
        }),
        "tokens" => {
            let source = if lines {
                TokenSource::Lines
            } else {
                TokenSource::File { file: next("a FILE or --lines")?.into(), kind }
            };
            Command::Tokens { source, counter: counter.unwrap_or_else(|| "universal".into()) }
        }
        other => return Err(format!("unknown command `{other}`").into()),
    };
    if let Some(extra) = positional.next() {
        return Err(format!("unexpected argument {extra:?}").into());
    }
    Ok(Parsed::Run(command))
}
