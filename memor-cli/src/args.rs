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
       memor search FILE QUERY [--regex] [--case-sensitive] [--timeout SECONDS]
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
       memor chat ... --store DB --conversation ID_OR_TITLE [--user U] [--agent A]
                                            chat in a stored conversation (created if new): each
                                            good turn committed in one transaction
       memor window FILE --model MODEL [--budget N] [--reserve N] [--json]
                                            what of FILE would be sent to MODEL, with tokens
       memor providers                      list the provider ids
       memor store list DB [--user U] [--agent A] [--since T] [--until T] [--archived]
                  [--limit N] [--offset N] [--json]
                                            list conversations, most recently changed first
       memor store show DB ID_OR_TITLE      print a readable transcript
       memor store export DB ID_OR_TITLE [-o FILE] [--format ID]
                                            write the memor session file (or a render format)
       memor store import DB FILE... [--user U] [--agent A] [--title T]
                                            store memor session files, print each new id
       memor store search DB QUERY [--user U] [--agent A] [--conversation ID] [--limit N] [--json]
                                            full-text search over stored messages
       memor store archive DB ID_OR_TITLE [--undo]
                                            hide (or show again) a conversation in list and search
       memor store delete DB ID_OR_TITLE    delete a conversation for good

KIND is prompt, response, session or template; without --kind it comes from the file's
\"type\" field (no \"type\": a template). DB is a SQLite file path, sqlite://PATH or
postgres://USER[:PASSWORD]@HOST[:PORT]/DB (the password may come from PGPASSWORD). T is a
date (2025-05-08, UTC) or an RFC 3339 time (2025-05-08T14:30:00+02:00).";

/// Unix milliseconds of a date (`2025-05-08`, midnight UTC) or an RFC 3339 time.
fn unix_ms(text: &str) -> Result<i64, lexopt::Error> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(t.timestamp_millis());
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp_millis())
        .ok_or_else(|| format!("`{text}` is not a date (2025-05-08) or an RFC 3339 time").into())
}

/// What to do.
pub(crate) enum Command {
    Check { file: PathBuf, kind: Option<Kind> },
    Save { file: PathBuf, out: PathBuf, kind: Option<Kind> },
    Size { file: PathBuf, kind: Option<Kind> },
    Render { file: PathBuf, kind: Option<Kind>, format: String },
    Search { file: PathBuf, query: String, regex: bool, case_sensitive: bool, timeout: Option<std::time::Duration> },
    Formats,
    Tokens { source: TokenSource, counter: String },
    Counters,
    Chat(Box<crate::chat::ChatArgs>),
    Providers,
    Store { db: String, command: Box<crate::store::StoreCommand> },
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
    let (mut store, mut conversation, mut user, mut agent, mut title) =
        (None::<String>, None::<String>, None::<String>, None::<String>, None::<String>);
    let (mut archived, mut json, mut limit, mut offset, mut undo) = (false, false, None::<u64>, 0u64, false);
    let (mut since, mut until) = (None::<i64>, None::<i64>);
    let mut timeout = None::<std::time::Duration>;
    let (mut budget, mut reserve) = (None::<usize>, None::<usize>);
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
            Long("store") => store = Some(parser.value()?.string()?),
            Long("conversation") => conversation = Some(parser.value()?.string()?),
            Long("user") => user = Some(parser.value()?.string()?),
            Long("agent") => agent = Some(parser.value()?.string()?),
            Long("title") => title = Some(parser.value()?.string()?),
            Long("archived") => archived = true,
            Long("json") => json = true,
            Long("limit") => limit = Some(parser.value()?.parse()?),
            Long("offset") => offset = parser.value()?.parse()?,
            Long("undo") => undo = true,
            Long("since") => since = Some(unix_ms(&parser.value()?.string()?)?),
            Long("until") => until = Some(unix_ms(&parser.value()?.string()?)?),
            Long("timeout") => {
                let seconds: f64 = parser.value()?.parse()?;
                let duration = std::time::Duration::try_from_secs_f64(seconds).ok().filter(|d| !d.is_zero());
                timeout = Some(duration.ok_or("--timeout needs a positive number of seconds")?);
            }
            Long("budget") => budget = Some(parser.value()?.parse()?),
            Long("reserve") => reserve = Some(parser.value()?.parse()?),
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
            Command::Search { file, query, regex, case_sensitive, timeout }
        }
        "formats" => Command::Formats,
        "counters" => Command::Counters,
        "providers" => Command::Providers,
        "chat" => {
            if session.is_some() && store.is_some() {
                return Err("`chat` takes --session FILE or --store DB, not both".into());
            }
            let stored = match (store, conversation) {
                (Some(db), Some(conversation)) => Some(crate::chat::Stored { db, conversation, user, agent }),
                (Some(_), None) => return Err("`chat --store DB` needs --conversation ID_OR_TITLE".into()),
                (None, Some(_)) => return Err("`chat --conversation` needs --store DB".into()),
                (None, None) => None,
            };
            Command::Chat(Box::new(crate::chat::ChatArgs {
                provider: provider.ok_or("`chat` needs --provider ID")?,
                model: model.ok_or("`chat` needs --model MODEL")?,
                base_url,
                session,
                stored,
                system,
                temperature,
                top_p,
                max_tokens,
                stream,
                window: crate::window::ChatWindow::new(context, summarize, summary_model)?,
            }))
        }
        "store" => {
            use crate::store::StoreCommand;
            let sub = next("a subcommand (list, show, export, import, search, archive, delete)")?.string()?;
            let db = next("a DB (a SQLite file or a postgres:// URL)")?.string()?;
            let mut conversation_arg = || next("a conversation ID_OR_TITLE")?.string();
            let command = match sub.as_str() {
                "list" => {
                    let mut filter = memor_store::ListFilter::default();
                    (filter.user, filter.agent, filter.archived, filter.offset) = (user, agent, archived, offset);
                    (filter.since, filter.until) = (since, until);
                    filter.limit = limit.unwrap_or(filter.limit);
                    StoreCommand::List { filter, json }
                }
                "show" => StoreCommand::Show { conversation: conversation_arg()? },
                "export" => StoreCommand::Export { conversation: conversation_arg()?, out, format },
                "import" => {
                    let files: Vec<PathBuf> = positional.by_ref().map(PathBuf::from).collect();
                    if files.is_empty() {
                        return Err("`store import` needs one or more FILEs".into());
                    }
                    let mut new = memor_store::NewConversation::default();
                    (new.title, new.user, new.agent) = (title, user, agent);
                    StoreCommand::Import { files, new }
                }
                "search" => {
                    let query = next("a QUERY")?.string()?;
                    let mut filter = memor_store::SearchFilter::default();
                    (filter.user, filter.agent, filter.conversation, filter.archived) =
                        (user, agent, conversation, archived);
                    filter.limit = limit.unwrap_or(filter.limit);
                    StoreCommand::Search { query, filter, json }
                }
                "archive" => StoreCommand::Archive { conversation: conversation_arg()?, undo },
                "delete" => StoreCommand::Delete { conversation: conversation_arg()? },
                other => return Err(format!("unknown `store` subcommand `{other}`").into()),
            };
            Command::Store { db, command: Box::new(command) }
        }
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
