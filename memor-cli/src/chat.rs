//! `memor chat`: a conversation with a provider, saved in memor's format after every turn.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use memor_core::{Document, Message, Prompt, Role, Session};
use memor_providers::{ChatOptions, Client, Provider, ProviderRegistry};

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
    /// `--context` and `--summarize`.
    pub(crate) window: Option<crate::window::ChatWindow>,
}

/// Runs the conversation: each input line is a user turn; the whole session so far is sent;
/// each reply is printed and the session saved (when a file is given) after every turn. On a
/// terminal a failed turn is reported and the chat goes on (the file stays as after the last
/// good turn); from a script it ends the command with the error.
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
    let fitter = args.window.as_ref().map(|w| crate::window::Fitter::new(w, &options)).transpose()?;
    let chat = Chat { args: &args, provider, options, client: Client::default(), fitter };
    let interactive = std::io::stdin().is_terminal();
    if interactive {
        eprintln!("memor chat: {} {}, {} earlier messages; Ctrl-D ends", args.provider, args.model, session.len());
    }
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
        match chat.turn(&session, line) {
            Ok(next) => session = next,
            Err(failure) if interactive => eprintln!("error: {}", failure.message),
            Err(failure) => return Err(failure),
        }
    }
    Ok(())
}

/// What every turn uses.
struct Chat<'a> {
    args: &'a ChatArgs,
    provider: &'a dyn Provider,
    options: ChatOptions,
    client: Client,
    fitter: Option<crate::window::Fitter>,
}

impl Chat<'_> {
    /// Sends `session` plus the user's `line`, prints the reply, saves; the session after it.
    fn turn(&self, session: &Session, line: String) -> Result<Session, Failure> {
        let mut out = std::io::stdout();
        let mut turn = session.clone();
        turn.add_message(Prompt::builder().message(line).build());
        // The context step: what is sent fits the window; `turn` becomes the session to keep
        // (with a new summary and the messages it covers masked, when one was made).
        let fitted = match &self.fitter {
            Some(fitter) => {
                let prepared = fitter.prepare(&turn, self.provider, &self.client)?;
                turn = prepared.session;
                Some(prepared.request)
            }
            None => None,
        };
        let sent = fitted.as_ref().unwrap_or(&turn);
        let replies = if self.args.stream {
            let reply = self.client.chat_stream(self.provider, sent, &self.options, |piece| {
                let _ = out.write_all(piece.as_bytes());
                let _ = out.flush();
            })?;
            vec![reply]
        } else {
            self.client.chat(self.provider, sent, &self.options)?
        };
        let Some(first) = replies.first().cloned() else {
            return Err(Failure::plain(format!("{}: the reply held no message", self.args.provider)));
        };
        // The prompt keeps every candidate (memor's multiple responses); the conversation
        // goes on with the first, which is also the next request's assistant turn.
        if let Some(Message::Prompt(prompt)) = turn.get_message_mut(turn.len() - 1) {
            prompt.update_responses(replies);
            prompt.select_response(0);
        }
        turn.add_message(first.clone());
        let _ = match self.args.stream {
            true => writeln!(out),
            false => writeln!(out, "{}", first.message()),
        };
        let _ = out.flush();
        if let Some(path) = &self.args.session {
            turn.save(path)?;
        }
        Ok(turn)
    }
}
