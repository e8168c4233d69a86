//! `memor chat`: a conversation with a provider, saved in memor's format after every turn, in
//! a file or in a store.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use memor_core::{Document, FileStamp, Message, Prompt, Role, Session};
use memor_providers::{ChatOptions, Client, Provider, ProviderRegistry};
use memor_store::{NewConversation, Recorder, Store};

use crate::Failure;

/// What `memor chat` was asked.
pub(crate) struct ChatArgs {
    pub(crate) provider: String,
    pub(crate) model: String,
    pub(crate) base_url: Option<String>,
    pub(crate) session: Option<PathBuf>,
    pub(crate) stored: Option<Stored>,
    pub(crate) system: Option<String>,
    /// The title of a new session (a stored conversation is titled by `--conversation`).
    pub(crate) title: Option<String>,
    pub(crate) temperature: Option<f64>,
    pub(crate) top_p: Option<f64>,
    pub(crate) top_k: Option<u64>,
    pub(crate) max_tokens: Option<u64>,
    /// How many candidate replies to ask for.
    pub(crate) candidates: Option<u32>,
    pub(crate) stream: bool,
    /// `--context` and `--summarize`.
    pub(crate) window: Option<crate::window::ChatWindow>,
}

/// A stored conversation to chat in (`--store DB --conversation ID_OR_TITLE`).
pub(crate) struct Stored {
    pub(crate) db: String,
    pub(crate) conversation: String,
    pub(crate) user: Option<String>,
    pub(crate) agent: Option<String>,
    /// `--memory`: recall before each turn, remember after it.
    pub(crate) memory: bool,
    /// `--embedder`: the embedder memories are recalled and remembered with.
    pub(crate) embedder: Option<String>,
}

/// Where the turns go: nowhere, a file, or a store.
enum Sink<'s> {
    None,
    /// The session file, and its stamp as we last read or wrote it: a save fails rather than
    /// overwrite another program's update.
    File(PathBuf, Option<FileStamp>),
    Store(Box<Recorder<'s>>),
}

/// The store and conversation `stored` names, the conversation created (with that title) if
/// there is none.
fn open_stored(stored: &Stored) -> Result<(Box<dyn Store>, String), Failure> {
    let store = memor_store::open(&stored.db)?;
    let id = match store.find(&stored.conversation) {
        Ok(found) => found.id,
        Err(memor_store::Error::NoConversation { .. }) => {
            let mut new = NewConversation::titled(stored.conversation.as_str());
            (new.user, new.agent) = (stored.user.clone(), stored.agent.clone());
            store.create(&new)?.id
        }
        Err(e) => return Err(e.into()),
    };
    Ok((store, id))
}

/// Runs the conversation: each input line is a user turn; the whole session so far is sent;
/// each reply is printed and the session saved (when a file is given) after every turn, unless
/// another program saved the file since we read it (then the turn fails: nothing is lost). On a
/// terminal a failed turn is reported and the chat goes on (the file stays as after the last
/// good turn); from a script it ends the command with the error.
pub(crate) fn run(args: ChatArgs) -> Result<(), Failure> {
    let provider = ProviderRegistry::global().get(&args.provider)?;
    let mut options = ChatOptions::new(&args.model);
    options.base_url = args.base_url.clone();
    options.temperature = args.temperature;
    options.top_p = args.top_p;
    options.top_k = args.top_k;
    options.max_tokens = args.max_tokens;
    options.candidates = args.candidates;
    let opened = args.stored.as_ref().map(open_stored).transpose()?;
    let (mut session, mut sink) = match (&opened, &args.session) {
        (Some((store, id)), _) => {
            let recorder = Recorder::from_conversation(store.as_ref(), id)?;
            (recorder.session().clone(), Sink::Store(Box::new(recorder)))
        }
        (None, Some(path)) => {
            // Checked before any (billed) call: a reply that cannot be saved is lost.
            savable(path)?;
            // Stamped before it is read, so that a save in between fails our next save.
            let stamp = FileStamp::of(path)?;
            let session = if path.exists() { crate::load::session(path)? } else { Session::new(args.title.clone()) };
            (session, Sink::File(path.clone(), stamp))
        }
        (None, None) => (Session::new(args.title.clone()), Sink::None),
    };
    match &args.system {
        Some(text) if session.is_empty() => {
            session.add_message(Prompt::builder().message(text.as_str()).role(Role::System).build());
        }
        Some(text) if !starts_with_system(&session, text) => eprintln!(
            "warning: --system not applied: the conversation already holds {} messages, and a system prompt \
             goes only into a new one",
            session.len()
        ),
        _ => {}
    }
    let fitter = args.window.as_ref().map(|w| crate::window::Fitter::new(w, &options)).transpose()?;
    let memory = match (&args.stored, &opened) {
        (Some(stored), Some((_, id))) if stored.memory => {
            let model = crate::consolidate::ModelArgs::of_chat(&args.provider, &args.model, args.base_url.clone());
            let embedder = stored.embedder.as_deref();
            Some(crate::chat_memory::ChatMemory::open(&stored.db, id, stored.user.clone(), embedder, model)?)
        }
        _ => None,
    };
    let chat = Chat { args: &args, provider, options, client: Client::default(), fitter, memory };
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
        match chat.turn(&session, line, &mut sink) {
            Ok(next) => session = next,
            Err(failure) if interactive => eprintln!("error: {}", failure.message),
            Err(failure) => {
                chat.finish();
                return Err(failure);
            }
        }
    }
    chat.finish();
    Ok(())
}

/// Whether `session` begins with the system prompt `text`.
fn starts_with_system(session: &Session, text: &str) -> bool {
    session.messages().first().is_some_and(|m| m.role() == Role::System && m.message() == text)
}

/// Fails unless `path` can be saved: an existing file, or a new one in an existing directory.
fn savable(path: &std::path::Path) -> Result<(), Failure> {
    if crate::load::is_std(path) {
        return Err(Failure::plain("--session takes a file: stdin holds the turns"));
    }
    if path.is_dir() {
        return Err(Failure::plain(format!("--session {}: a directory, not a session file", path.display())));
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => std::path::Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Failure {
            message: format!("--session {}: the directory {} does not exist", path.display(), dir.display()),
            detail: Some("nothing was sent: the replies could not be saved".to_owned()),
        });
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
    memory: Option<crate::chat_memory::ChatMemory>,
}

impl Chat<'_> {
    /// Waits for the memory work still running in the background.
    fn finish(&self) {
        if let Some(memory) = &self.memory {
            memory.finish();
        }
    }

    /// Sends `session` plus the user's `line`, keeps the turn (file or store), prints the
    /// reply; the session after it. A system prompt not yet kept goes with the first turn.
    fn turn(&self, session: &Session, line: String, sink: &mut Sink<'_>) -> Result<Session, Failure> {
        let mut out = std::io::stdout();
        let mut turn = session.clone();
        let recalled = match &self.memory {
            Some(memory) => memory.recall(&line)?,
            None => None,
        };
        let recalled_at = recalled.map(|system| {
            turn.add_message(system);
            turn.len() - 1
        });
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
        if let Some(at) = recalled_at {
            // Kept with the turn it went with; not sent again.
            turn.mask_message(at)?;
        }
        keep(sink, &turn)?;
        crate::output::written(match self.args.stream {
            true => writeln!(out).and_then(|()| out.flush()),
            false => writeln!(out, "{}", first.message()).and_then(|()| out.flush()),
        })?;
        if let Some(memory) = &self.memory {
            memory.remember()?;
        }
        Ok(turn)
    }
}

/// Saves the turn's file, or commits the turn to the store in one transaction: its new
/// messages (a system prompt not yet stored, the prompt with every candidate, the reply, a
/// summary) and the masks the context step set.
fn keep(sink: &mut Sink<'_>, turn: &Session) -> Result<(), Failure> {
    match sink {
        Sink::None => {}
        Sink::File(path, stamp) => *stamp = Some(turn.save_if_unchanged(path, stamp.as_ref())?),
        Sink::Store(recorder) => {
            recorder.sync(turn)?;
            if let Err(e) = recorder.commit() {
                // Nothing was written: forget the turn so that the next one is not sent twice.
                recorder.reload()?;
                return Err(e.into());
            }
        }
    }
    Ok(())
}
