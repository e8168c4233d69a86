//! The command line, as clap parses it: one struct per command with its help and examples;
//! [`parse`] turns it into the [`Command`] that `run` executes.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use memor_core::Kind;

use crate::window::Context;

/// The exit codes, at the end of `memor --help`.
const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  a file is invalid or cannot be read or written, or a call failed: memor's message is
     the first line of stderr (a `  detail:` line may follow)
  2  the command line is wrong (the message, then the usage)

KIND is prompt, response, session or template; without --kind it comes from the file's
\"type\" field (no \"type\": a template). `-` as a FILE is stdin (or stdout for an output).
Run `memor help COMMAND` for a command's options and examples.";

/// `memor`: check, convert, measure, render, search and chat with memor 1.1 files.
#[derive(Parser)]
#[command(name = "memor", after_help = EXIT_CODES, subcommand_required = true, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

/// `FILE [--kind KIND]`.
#[derive(Args)]
struct Input {
    /// The memor file (`-`: stdin)
    file: PathBuf,
    /// What FILE holds: prompt, response, session or template (default: its "type" field)
    #[arg(long, value_name = "KIND")]
    kind: Option<Kind>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Exit 0 and print `ok KIND` if FILE is a valid memor file
    #[command(after_help = "Examples:\n  memor check chat.json\n  memor check p.json --kind prompt")]
    Check(Input),
    /// Load FILE and write OUT in memor 1.1's own format
    #[command(after_help = "Example:\n  memor save old.json -o new.json")]
    Save {
        #[command(flatten)]
        input: Input,
        /// Where to write (`-`: stdout)
        #[arg(short, long = "output", value_name = "OUT")]
        out: PathBuf,
    },
    /// Print the size memor's get_size() reports
    Size(Input),
    /// Print FILE rendered in a format, as JSON
    #[command(after_help = "Examples:\n  memor render chat.json --format openai\n  memor formats")]
    Render {
        #[command(flatten)]
        input: Input,
        /// A render format id (`memor formats` lists them)
        #[arg(long, value_name = "ID", default_value = "string")]
        format: String,
    },
    /// Print the indices of the messages of a session that match QUERY, as JSON
    #[command(after_help = "Examples:\n  memor search chat.json invoice\n  memor search chat.json '^\\d+$' --regex")]
    Search {
        /// The session file (`-`: stdin)
        file: PathBuf,
        /// Text to find (a Python regular expression with --regex)
        query: String,
        /// QUERY is a Python regular expression
        #[arg(long)]
        regex: bool,
        /// Match case exactly
        #[arg(long)]
        case_sensitive: bool,
        /// Stop with an error after this many seconds
        #[arg(long, value_name = "SECONDS", value_parser = seconds)]
        timeout: Option<Duration>,
    },
    /// Print a readable transcript of a session (role, time, model, tokens, masks, candidates)
    #[command(after_help = "Example:\n  memor show chat.json | less")]
    Show {
        /// The session file (`-`: stdin)
        file: PathBuf,
    },
    /// Write a session as memor's table (CSV, JSON Lines, Parquet) or OpenAI's fine-tuning JSONL
    #[command(after_help = "Examples:\n  memor export chat.json --to csv -o chat.csv\n  \
                            memor export chat.json --to parquet -o chat.parquet\n  \
                            memor export chat.json --to openai-jsonl >> train.jsonl")]
    Export {
        /// The session file (`-`: stdin)
        file: PathBuf,
        /// The format
        #[arg(long, value_name = "FORMAT")]
        to: crate::convert::ExportFormat,
        /// Where to write (default and `-`: stdout)
        #[arg(short, long = "output", value_name = "OUT", default_value = "-")]
        out: PathBuf,
    },
    /// Make a session file of memor's table, or of OpenAI, Anthropic or LangChain messages
    #[command(after_help = "Examples:\n  memor import chat.csv --from csv -o chat.json\n  \
                            memor import request.json --from anthropic -o chat.json --title support")]
    Import {
        /// The file to read (`-`: stdin)
        file: PathBuf,
        /// What FILE holds
        #[arg(long, value_name = "FORMAT")]
        from: crate::convert::ImportFormat,
        /// The session file to write (`-`: stdout)
        #[arg(short, long = "output", value_name = "OUT")]
        out: PathBuf,
        /// The session's title
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
    },
    /// List the render format ids
    Formats,
    /// Print the token count of FILE's text, or of each stdin line with --lines
    #[command(after_help = "Examples:\n  memor tokens chat.json --counter o200k_base\n  \
                            printf '\"hello\"\\n' | memor tokens --lines --counter cl100k_base")]
    Tokens {
        /// The memor file (`-`: stdin)
        #[arg(required_unless_present = "lines", conflicts_with = "lines")]
        file: Option<PathBuf>,
        /// What FILE holds (default: its "type" field)
        #[arg(long, value_name = "KIND")]
        kind: Option<Kind>,
        /// A token counter id (`memor counters` lists them)
        #[arg(long, value_name = "ID", default_value = "universal")]
        counter: String,
        /// Count each line of stdin, one JSON string per line (an empty line counts 0)
        #[arg(long)]
        lines: bool,
    },
    /// List the token counter ids
    Counters,
    /// Chat with a provider: each stdin line is a user turn, each reply is printed
    #[command(after_help = "\
Examples:
  memor chat --provider openai --model gpt-4o-mini --session chat.json
  memor chat --provider ollama --model llama3.2 --context auto --summarize
  memor chat --provider anthropic --model claude-3-5-haiku-latest --store chats.db --conversation work

The key comes from OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY or MISTRAL_API_KEY.")]
    Chat(Box<ChatCli>),
    /// Show what of a session would be sent to MODEL, with the tokens of each message
    #[command(after_help = "Examples:\n  memor window chat.json --model gpt-4o\n  \
                            memor window chat.json --model my-model --budget 8000 --json")]
    Window {
        /// The session file (`-`: stdin)
        file: PathBuf,
        /// The model (its window and counter come from memor's model table)
        #[arg(long, value_name = "MODEL")]
        model: String,
        /// The window in tokens (needed for a model the table does not know)
        #[arg(long, value_name = "N")]
        budget: Option<usize>,
        /// Tokens kept free for the reply
        #[arg(long, value_name = "N")]
        reserve: Option<usize>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// List the provider ids
    Providers,
    /// Conversations in a SQLite or PostgreSQL store
    #[command(
        subcommand,
        after_help = "DB is a SQLite file path, sqlite://PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DB \
                      (the password may come from PGPASSWORD)."
    )]
    Store(StoreCli),
    /// Long-term memory: remember, index, recall and forget
    #[command(
        subcommand,
        after_help = "DB is a SQLite file path, sqlite://PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DB: \
                      memories live beside the stored conversations."
    )]
    Memory(crate::memory::MemoryCli),
    /// Serve long-term memory to agents over the Model Context Protocol (stdio)
    Mcp(crate::mcp::McpArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell)
    #[command(after_help = "Example:\n  memor completions bash > ~/.local/share/bash-completion/completions/memor")]
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
}

/// `memor chat`'s options.
#[derive(Args)]
struct ChatCli {
    /// The provider id (`memor providers` lists them)
    #[arg(long, value_name = "ID")]
    provider: String,
    /// The model
    #[arg(long, value_name = "MODEL")]
    model: String,
    /// The provider's base URL (default: its public endpoint)
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Read and save the conversation in this session file (created if new)
    #[arg(long, value_name = "FILE", conflicts_with = "store")]
    session: Option<PathBuf>,
    /// The system prompt of a new conversation
    #[arg(long, value_name = "TEXT")]
    system: Option<String>,
    /// The title of a new session (a new stored conversation takes --conversation's)
    #[arg(long, value_name = "TITLE", conflicts_with = "store")]
    title: Option<String>,
    /// Sampling temperature
    #[arg(long, value_name = "T")]
    temperature: Option<f64>,
    /// Nucleus sampling
    #[arg(long, value_name = "P")]
    top_p: Option<f64>,
    /// Sample among the K likeliest tokens (where the provider has it)
    #[arg(long, value_name = "K")]
    top_k: Option<u64>,
    /// The most tokens of a reply
    #[arg(long, value_name = "N")]
    max_tokens: Option<u64>,
    /// Ask for N candidate replies (all kept, the first goes on)
    #[arg(long, value_name = "N")]
    candidates: Option<u32>,
    /// Print the reply as it arrives
    #[arg(long)]
    stream: bool,
    /// Send what fits the model's window (auto) or N tokens
    #[arg(long, value_name = "auto|N")]
    context: Option<Context>,
    /// Summarize what does not fit (needs --context)
    #[arg(long, requires = "context")]
    summarize: bool,
    /// The model that writes summaries (default: --model)
    #[arg(long, value_name = "MODEL", requires = "summarize")]
    summary_model: Option<String>,
    /// Chat in a stored conversation (each good turn committed in one transaction)
    #[arg(long, value_name = "DB", requires = "conversation")]
    store: Option<String>,
    /// The stored conversation's id or title (created if new)
    #[arg(long, value_name = "ID_OR_TITLE", requires = "store")]
    conversation: Option<String>,
    /// The user of a new stored conversation
    #[arg(long, value_name = "U")]
    user: Option<String>,
    /// The agent of a new stored conversation
    #[arg(long, value_name = "A")]
    agent: Option<String>,
    /// Recall memories for each turn and remember its messages (needs --store)
    #[arg(long, requires = "store")]
    memory: bool,
    /// The embedder memories are recalled and remembered with (see `memor memory`)
    #[arg(long, value_name = "ID", requires = "memory")]
    embedder: Option<String>,
}

/// `memor store …`.
#[derive(Subcommand)]
enum StoreCli {
    /// List conversations, most recently changed first
    #[command(after_help = "Example:\n  memor store list chats.db --since 2025-05-08 --json")]
    List {
        /// The store
        db: String,
        #[command(flatten)]
        owner: Owner,
        /// Changed at or after T (2025-05-08, UTC, or an RFC 3339 time)
        #[arg(long, value_name = "T", value_parser = unix_ms)]
        since: Option<i64>,
        /// Changed before T
        #[arg(long, value_name = "T", value_parser = unix_ms)]
        until: Option<i64>,
        /// Include archived conversations
        #[arg(long)]
        archived: bool,
        /// At most N
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
        /// Skip the first N
        #[arg(long, value_name = "N", default_value_t = 0)]
        offset: u64,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Print a readable transcript
    Show {
        /// The store
        db: String,
        /// The conversation's id or title
        conversation: String,
    },
    /// Write the memor session file (or a render format)
    Export {
        /// The store
        db: String,
        /// The conversation's id or title
        conversation: String,
        /// Where to write (default: stdout)
        #[arg(short, long = "output", value_name = "FILE")]
        out: Option<PathBuf>,
        /// A render format id instead of the session file
        #[arg(long, value_name = "ID")]
        format: Option<String>,
    },
    /// Store memor session files, print each new id
    Import {
        /// The store (created if new)
        db: String,
        /// The session files
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        owner: Owner,
        /// The title (default: each session's own)
        #[arg(long, value_name = "T")]
        title: Option<String>,
    },
    /// Full-text search over stored messages
    Search {
        /// The store
        db: String,
        /// The words to find
        query: String,
        #[command(flatten)]
        owner: Owner,
        /// Only in this conversation
        #[arg(long, value_name = "ID")]
        conversation: Option<String>,
        /// Include archived conversations
        #[arg(long)]
        archived: bool,
        /// At most N hits
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Hide (or show again) a conversation in list and search
    Archive {
        /// The store
        db: String,
        /// The conversation's id or title
        conversation: String,
        /// Show it again
        #[arg(long)]
        undo: bool,
    },
    /// Delete a conversation for good
    Delete {
        /// The store
        db: String,
        /// The conversation's id or title
        conversation: String,
    },
}

/// `--user` and `--agent`.
#[derive(Args)]
struct Owner {
    /// The user
    #[arg(long, value_name = "U")]
    user: Option<String>,
    /// The agent or application
    #[arg(long, value_name = "A")]
    agent: Option<String>,
}

/// `--timeout SECONDS`: a positive number of seconds.
fn seconds(text: &str) -> Result<Duration, String> {
    text.parse::<f64>()
        .ok()
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .filter(|d| !d.is_zero())
        .ok_or_else(|| format!("--timeout needs a positive number of seconds, not `{text}`"))
}

/// Unix milliseconds of a date (`2025-05-08`, midnight UTC) or an RFC 3339 time.
fn unix_ms(text: &str) -> Result<i64, String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(t.timestamp_millis());
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp_millis())
        .ok_or_else(|| format!("`{text}` is not a date (2025-05-08) or an RFC 3339 time"))
}

/// What to do.
pub(crate) enum Command {
    Check { file: PathBuf, kind: Option<Kind> },
    Save { file: PathBuf, out: PathBuf, kind: Option<Kind> },
    Size { file: PathBuf, kind: Option<Kind> },
    Render { file: PathBuf, kind: Option<Kind>, format: String },
    Search { file: PathBuf, query: String, regex: bool, case_sensitive: bool, timeout: Option<Duration> },
    Show { file: PathBuf },
    Export { file: PathBuf, to: crate::convert::ExportFormat, out: PathBuf },
    Import { file: PathBuf, from: crate::convert::ImportFormat, out: PathBuf, title: Option<String> },
    Formats,
    Tokens { source: TokenSource, counter: String },
    Counters,
    Chat(Box<crate::chat::ChatArgs>),
    Providers,
    Store { db: String, command: Box<crate::store::StoreCommand> },
    Memory(crate::memory::MemoryCli),
    Mcp(crate::mcp::McpArgs),
    Window(crate::window::WindowArgs),
    Completions(clap_complete::Shell),
}

/// What `memor tokens` counts.
pub(crate) enum TokenSource {
    File { file: PathBuf, kind: Option<Kind> },
    Lines,
}

/// The command line, with `--version` saying which memor files it reads.
pub(crate) fn command() -> clap::Command {
    let version = format!("{} (memor {} files)", env!("CARGO_PKG_VERSION"), memor_core::MEMOR_VERSION);
    Cli::command().version(version.leak() as &'static str)
}

/// The command `args` ask for; an error (or `--help`, `--version`) is clap's, to print.
pub(crate) fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, clap::Error> {
    let mut command = command();
    let matches = command.try_get_matches_from_mut(std::iter::once(OsString::from("memor")).chain(args))?;
    let cli = Cli::from_arg_matches(&matches)?;
    convert(cli.command).map_err(|message| command.error(clap::error::ErrorKind::ArgumentConflict, message))
}

/// The usage line of the (sub)command `args` name, for an error clap gives without it.
pub(crate) fn usage(args: &[OsString]) -> String {
    fn deepest(command: &mut clap::Command, mut args: std::slice::Iter<'_, OsString>) -> String {
        let name = args.next().and_then(|a| a.to_str()).map(str::to_owned);
        match name.and_then(|name| command.find_subcommand_mut(&name)) {
            Some(sub) => deepest(sub, args),
            None => command.render_usage().to_string(),
        }
    }
    let mut command = command();
    command.build();
    deepest(&mut command, args.iter())
}

fn convert(command: Cmd) -> Result<Command, String> {
    Ok(match command {
        Cmd::Check(Input { file, kind }) => Command::Check { file, kind },
        Cmd::Save { input: Input { file, kind }, out } => Command::Save { file, out, kind },
        Cmd::Size(Input { file, kind }) => Command::Size { file, kind },
        Cmd::Render { input: Input { file, kind }, format } => Command::Render { file, kind, format },
        Cmd::Search { file, query, regex, case_sensitive, timeout } => {
            Command::Search { file, query, regex, case_sensitive, timeout }
        }
        Cmd::Show { file } => Command::Show { file },
        Cmd::Export { file, to, out } => Command::Export { file, to, out },
        Cmd::Import { file, from, out, title } => Command::Import { file, from, out, title },
        Cmd::Formats => Command::Formats,
        Cmd::Counters => Command::Counters,
        Cmd::Providers => Command::Providers,
        Cmd::Tokens { file, kind, counter, lines } => {
            let source = match (file, lines) {
                (Some(file), false) => TokenSource::File { file, kind },
                _ => TokenSource::Lines,
            };
            Command::Tokens { source, counter }
        }
        Cmd::Chat(chat) => Command::Chat(Box::new(chat_args(*chat)?)),
        Cmd::Window { file, model, budget, reserve, json } => {
            Command::Window(crate::window::WindowArgs { file, model, budget, reserve, json })
        }
        Cmd::Store(store) => store_command(store),
        Cmd::Memory(memory) => Command::Memory(memory),
        Cmd::Mcp(mcp) => Command::Mcp(mcp),
        Cmd::Completions { shell } => Command::Completions(shell),
    })
}

fn chat_args(c: ChatCli) -> Result<crate::chat::ChatArgs, String> {
    let stored = match (c.store, c.conversation) {
        (Some(db), Some(conversation)) => Some(crate::chat::Stored {
            db,
            conversation,
            user: c.user,
            agent: c.agent,
            memory: c.memory,
            embedder: c.embedder,
        }),
        _ => None,
    };
    Ok(crate::chat::ChatArgs {
        provider: c.provider,
        model: c.model,
        base_url: c.base_url,
        session: c.session,
        stored,
        system: c.system,
        title: c.title,
        temperature: c.temperature,
        top_p: c.top_p,
        top_k: c.top_k,
        max_tokens: c.max_tokens,
        candidates: c.candidates,
        stream: c.stream,
        window: crate::window::ChatWindow::new(c.context, c.summarize, c.summary_model)?,
    })
}

fn store_command(store: StoreCli) -> Command {
    use crate::store::StoreCommand;
    let (db, command) = match store {
        StoreCli::List { db, owner, since, until, archived, limit, offset, json } => {
            let mut filter = memor_store::ListFilter::default();
            (filter.user, filter.agent, filter.archived, filter.offset) = (owner.user, owner.agent, archived, offset);
            (filter.since, filter.until) = (since, until);
            filter.limit = limit.unwrap_or(filter.limit);
            (db, StoreCommand::List { filter, json })
        }
        StoreCli::Show { db, conversation } => (db, StoreCommand::Show { conversation }),
        StoreCli::Export { db, conversation, out, format } => (db, StoreCommand::Export { conversation, out, format }),
        StoreCli::Import { db, files, owner, title } => {
            let mut new = memor_store::NewConversation::default();
            (new.title, new.user, new.agent) = (title, owner.user, owner.agent);
            (db, StoreCommand::Import { files, new })
        }
        StoreCli::Search { db, query, owner, conversation, archived, limit, json } => {
            let mut filter = memor_store::SearchFilter::default();
            (filter.user, filter.agent, filter.conversation, filter.archived) =
                (owner.user, owner.agent, conversation, archived);
            filter.limit = limit.unwrap_or(filter.limit);
            (db, StoreCommand::Search { query, filter, json })
        }
        StoreCli::Archive { db, conversation, undo } => (db, StoreCommand::Archive { conversation, undo }),
        StoreCli::Delete { db, conversation } => (db, StoreCommand::Delete { conversation }),
    };
    Command::Store { db, command: Box::new(command) }
}
