//! `memor chat`: a conversation with a provider, saved in memor's format after every turn.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use memor_core::{Document, Message, Prompt, Role, Session};
use memor_providers::{ChatOptions, Client, ProviderRegistry};

use crate::Failure;

/// What `memor chat` was asked.
pub(crate) struct ChatArgs {
    pub(crate) provider: String,
    pub(crate) model: String,
    pub(crate) base_url: Option<String>,
    pub(crate) session: Option<PathBuf>,
    pub(crate) system: Option<String>,
    pub(crate) temperature: Option<f64>,
    pub(crate) top_p: Option<f64>,
    pub(crate) max_tokens: Option<u64>,
    pub(crate) stream: bool,
}

/// Runs the conversation: each input line is a user turn; the whole session so far is sent;
/// each reply is printed and the session saved (when a file is given) after every turn.
pub(crate) fn run(args: ChatArgs) -> Result<(), Failure> {
    let provider = ProviderRegistry::global().get(&args.provider)?;
    let mut options = ChatOptions::new(&args.model);
    options.base_url = args.base_url.clone();
    options.temperature = args.temperature;
    options.top_p = args.top_p;
    options.max_tokens = args.max_tokens;
    let mut session = match &args.session {
        Some(path) if path.exists() => Session::load(path)?,
        _ => Session::default(),
    };
    if let (Some(system), true) = (&args.system, session.is_empty()) {
        session.add_message(Prompt::builder().message(system.as_str()).role(Role::System).build());
    }
    let client = Client::default();
    let interactive = std::io::stdin().is_terminal();
    let mut out = std::io::stdout();
    let mut lines = std::io::stdin().lock().lines();
    loop {
        if interactive {
            eprint!("> ");
            let _ = std::io::stderr().flush();
        }
        let Some(line) = lines.next() else { break };
        let line = line.map_err(|e| Failure::plain(format!("stdin: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let mut turn = session.clone();
        turn.add_message(Prompt::builder().message(line).build());
        let replies = if args.stream {
            let reply = client.chat_stream(provider, &turn, &options, |piece| {
                let _ = out.write_all(piece.as_bytes());
                let _ = out.flush();
            })?;
            vec![reply]
        } else {
            client.chat(provider, &turn, &options)?
        };
        let Some(first) = replies.first().cloned() else {
            return Err(Failure::plain(format!("{}: the reply held no message", args.provider)));
        };
        // The prompt keeps every candidate (memor's multiple responses); the conversation
        // goes on with the first, which is also the next request's assistant turn.
        if let Some(Message::Prompt(prompt)) = turn.get_message_mut(turn.len() - 1) {
            prompt.update_responses(replies);
            prompt.select_response(0);
        }
        turn.add_message(first.clone());
        let _ = match args.stream {
            true => writeln!(out),
            false => writeln!(out, "{}", first.message()),
        };
        let _ = out.flush();
        if let Some(path) = &args.session {
            turn.save(path)?;
        }
        session = turn;
    }
    Ok(())
}
