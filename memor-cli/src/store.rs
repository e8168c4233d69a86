//! `memor store …`: list, show, export, import, search, archive and delete stored conversations.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use memor_core::{Document, Message, Session};
use memor_render::RendererRegistry;
use memor_store::{Conversation, ListFilter, NewConversation, SearchFilter, SearchHit, Store};
use serde_json::{Value, json};

use crate::Failure;

/// What `memor store` was asked.
pub(crate) enum StoreCommand {
    List { filter: ListFilter, json: bool },
    Show { conversation: String },
    Export { conversation: String, out: Option<PathBuf>, format: Option<String> },
    Import { files: Vec<PathBuf>, new: NewConversation },
    Search { query: String, filter: SearchFilter, json: bool },
    Archive { conversation: String, undo: bool },
    Delete { conversation: String },
}

impl From<memor_store::Error> for Failure {
    fn from(e: memor_store::Error) -> Self {
        Failure::plain(e.to_string())
    }
}

pub(crate) fn run(db: &str, command: StoreCommand) -> Result<(), Failure> {
    let store = match command {
        StoreCommand::Import { .. } => memor_store::open(db)?,
        _ => memor_store::open_existing(db)?,
    };
    let store = store.as_ref();
    let mut out = std::io::stdout().lock();
    match command {
        StoreCommand::List { filter, json } => {
            let found = store.list(&filter)?;
            if json {
                let list: Vec<Value> = found.iter().map(conversation_json).collect();
                print(&mut out, &Value::from(list).to_string())?;
            } else {
                for c in &found {
                    let line = format!(
                        "{}  {}  {:>5} messages  {}{}",
                        c.id,
                        date(c.updated_at),
                        c.messages,
                        c.title.as_deref().unwrap_or("(untitled)"),
                        if c.archived_at.is_some() { "  (archived)" } else { "" }
                    );
                    print(&mut out, &line)?;
                }
            }
        }
        StoreCommand::Show { conversation } => {
            let c = store.find(&conversation)?;
            let session = store.load(&c.id)?;
            let heading = format!("{} · {}", c.title.as_deref().unwrap_or("(untitled)"), c.id);
            let color = out.is_terminal();
            print(&mut out, &transcript(&heading, &session, color))?;
        }
        StoreCommand::Export { conversation, out: file, format } => {
            let c = store.find(&conversation)?;
            let session = store.load(&c.id)?;
            let text = match &format {
                Some(format) => {
                    let rendered = RendererRegistry::global().render_session_json(&session, format, true)?;
                    crate::warn(&rendered.warnings);
                    rendered.json
                }
                None => session.to_json(),
            };
            match file.filter(|path| !crate::load::is_std(path)) {
                Some(path) if format.is_none() => session.save(&path)?,
                Some(path) => memor_core::write_atomic(&path, text.as_bytes())?,
                None => print(&mut out, &text)?,
            }
        }
        StoreCommand::Import { files, new } => import(store, &files, &new, &mut out)?,
        StoreCommand::Search { query, filter, json } => {
            let hits = store.search(&query, &filter)?;
            if json {
                let list: Vec<Value> = hits.iter().map(hit_json).collect();
                print(&mut out, &Value::from(list).to_string())?;
            } else {
                for h in &hits {
                    let title = h.title.as_deref().unwrap_or("(untitled)");
                    let snippet = h.snippet.replace(['\n', '\r'], " ");
                    print(&mut out, &format!("{} #{} {} ({title}): {snippet}", h.conversation, h.index, h.role))?;
                }
            }
        }
        StoreCommand::Archive { conversation, undo } => {
            let c = store.find(&conversation)?;
            store.archive(&c.id, !undo)?;
        }
        StoreCommand::Delete { conversation } => {
            let c = store.find(&conversation)?;
            store.delete(&c.id)?;
        }
    }
    Ok(())
}

/// Imports each file as a conversation, printing its id; a progress bar on a terminal.
fn import(store: &dyn Store, files: &[PathBuf], new: &NewConversation, out: &mut impl Write) -> Result<(), Failure> {
    let progress = crate::progress::bar(files.len() as u64, "importing");
    for file in files {
        let session = crate::load::session(file).map_err(|mut failure| {
            failure.detail =
                Some(format!("{}{}", file.display(), failure.detail.map(|d| format!(": {d}")).unwrap_or_default()));
            failure
        })?;
        let c = store.import(&session, new)?;
        progress.suspend(|| print(out, &c.id))?;
        progress.inc(1);
    }
    progress.finish();
    Ok(())
}

/// A line on stdout (see [`crate::output`]).
fn print(out: &mut impl Write, line: &str) -> Result<(), Failure> {
    crate::output::written(writeln!(out, "{line}"))
}

/// A readable transcript: a heading, then each message with its role, time, model and tokens,
/// masked messages and candidates marked; with `color`, each message's header line is bold
/// (masked ones dim) for a terminal.
pub(crate) fn transcript(heading: &str, session: &Session, color: bool) -> String {
    let mut text = format!("{heading} · {} messages\n", session.len());
    for (i, (message, enabled)) in session.messages().iter().zip(session.messages_status()).enumerate() {
        let (time, model) = match message {
            Message::Prompt(p) => (p.date_created(), None),
            Message::Response(r) => (r.date_created(), Some(r.model())),
        };
        let header_start = text.len() + 1;
        text.push_str(&format!("\n[{i}] {}", message.role().as_str()));
        text.push_str(&format!(" · {}", time.to_chrono().format("%Y-%m-%d %H:%M:%S %z")));
        if let Some(model) = model.filter(|m| !m.is_empty()) {
            text.push_str(&format!(" · {model}"));
        }
        if let Some(tokens) = message.tokens() {
            text.push_str(&format!(" · {tokens} tokens"));
        }
        if let Message::Prompt(p) = message
            && p.responses().len() > 1
        {
            let selected = p.selected_response_index();
            text.push_str(&format!(" · {} candidates, #{selected} selected", p.responses().len()));
        }
        if !enabled {
            text.push_str(" · masked");
        }
        if color {
            text.insert_str(header_start, if *enabled { "\x1b[1m" } else { "\x1b[2m" });
            text.push_str("\x1b[0m");
        }
        text.push('\n');
        for line in message.message().lines() {
            text.push_str("    ");
            text.push_str(line);
            text.push('\n');
        }
    }
    text
}

fn date(unix_ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(unix_ms)
        .map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_else(|| unix_ms.to_string())
}

fn conversation_json(c: &Conversation) -> Value {
    json!({
        "id": c.id,
        "title": c.title,
        "agent": c.agent,
        "user": c.user,
        "metadata": c.metadata,
        "messages": c.messages,
        "created_at": c.created_at,
        "updated_at": c.updated_at,
        "archived_at": c.archived_at,
    })
}

fn hit_json(h: &SearchHit) -> Value {
    json!({
        "conversation": h.conversation,
        "title": h.title,
        "message": h.message,
        "index": h.index,
        "role": h.role,
        "snippet": h.snippet,
        "score": h.score,
    })
}
