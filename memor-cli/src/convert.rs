//! `memor export` (a session as memor's table in CSV, JSON Lines or Parquet, or as OpenAI's
//! fine-tuning chat JSONL) and `memor import` (memor's table, an OpenAI `messages` list or chat-completions
//! request, an Anthropic messages request, LangChain message dicts, into a session file).

use std::path::Path;

use memor_core::{Document, Message, Prompt, Response, Role, Session};
use memor_render::{RendererRegistry, table};
use serde_json::{Map, Value};

use crate::Failure;

/// What `memor export` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum ExportFormat {
    /// memor's table (`to_dataframe` columns), `metadata` and `status` as JSON
    Csv,
    /// memor's table, one JSON object per row
    Jsonl,
    /// memor's table as a Parquet file (`metadata` as JSON text); needs the `parquet` feature
    Parquet,
    /// One line `{"messages": [...]}`: OpenAI's fine-tuning chat format (unmasked messages)
    OpenaiJsonl,
}

impl ExportFormat {
    /// Whether this build can write the format: Parquet needs the `parquet` feature (checked
    /// before a large session is read).
    pub(crate) fn available(self) -> Result<(), Failure> {
        match self {
            #[cfg(not(feature = "parquet"))]
            ExportFormat::Parquet => Err(without_parquet()),
            _ => Ok(()),
        }
    }
}

#[cfg(not(feature = "parquet"))]
fn without_parquet() -> Failure {
    Failure {
        message: "this memor was built without the `parquet` feature: it cannot write Parquet".to_owned(),
        detail: Some("rebuild it with the feature: cargo install --path memor-cli --features parquet".to_owned()),
    }
}

/// What `memor import` reads.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum ImportFormat {
    /// memor's table as CSV
    Csv,
    /// memor's table as JSON Lines
    Jsonl,
    /// An OpenAI `messages` list, a chat-completions request, or fine-tuning JSONL lines
    Openai,
    /// An Anthropic messages request (`system` and `messages`)
    Anthropic,
    /// LangChain message dicts (`{"type": "human", "content": …}` or `messages_to_dict`'s
    /// `{"type": …, "data": {"content": …}}`)
    Langchain,
}

/// The export of `session`.
pub(crate) fn export(session: &Session, to: ExportFormat) -> Result<Vec<u8>, Failure> {
    Ok(match to {
        ExportFormat::Csv => in_chunks(session, table::to_csv, true)?.into_bytes(),
        ExportFormat::Jsonl => in_chunks(session, table::to_jsonl, false)?.into_bytes(),
        #[cfg(feature = "parquet")]
        ExportFormat::Parquet => crate::parquet_table::write(&table::rows(session))?,
        #[cfg(not(feature = "parquet"))]
        ExportFormat::Parquet => return Err(without_parquet()),
        ExportFormat::OpenaiJsonl => {
            let rendered = RendererRegistry::global().render_session_json(session, "openai", true)?;
            crate::warn(&rendered.warnings);
            format!("{{\"messages\":{}}}\n", rendered.json).into_bytes()
        }
    })
}

/// Messages per step of the progress bar of a table export or import.
const CHUNK: usize = 2048;

/// `to_text(session)` written a chunk of messages at a time, with a progress bar (a CSV header
/// only once): the same text as one call.
fn in_chunks(session: &Session, to_text: fn(&Session) -> String, header: bool) -> Result<String, Failure> {
    if session.len() <= CHUNK {
        return Ok(to_text(session));
    }
    let progress = crate::progress::bar(session.len() as u64, "exporting");
    let mut text = String::new();
    for (messages, status) in session.messages().chunks(CHUNK).zip(session.messages_status().chunks(CHUNK)) {
        let mut part = Session::with_messages(None, messages.to_vec());
        part.update_messages_status(status.to_vec())?;
        let part = to_text(&part);
        match header && !text.is_empty() {
            true => text.push_str(part.split_once("\r\n").map_or("", |(_, rows)| rows)),
            false => text.push_str(&part),
        }
        progress.inc(messages.len() as u64);
    }
    progress.finish();
    Ok(text)
}

/// The session of memor's table `rows`, a chunk of rows at a time with a progress bar.
fn from_rows(rows: &[Map<String, Value>]) -> Result<Session, Failure> {
    let mut session = Session::default();
    if rows.len() <= CHUNK {
        table::replace_from_rows(&mut session, rows)?;
        return Ok(session);
    }
    let progress = crate::progress::bar(rows.len() as u64, "importing");
    let (mut messages, mut status) = (Vec::with_capacity(rows.len()), Vec::with_capacity(rows.len()));
    for (i, chunk) in rows.chunks(CHUNK).enumerate() {
        let mut part = Session::default();
        table::replace_from_rows(&mut part, chunk).map_err(|e| match e {
            // The row of the whole table, not of the chunk.
            memor_render::Error::Table { row, message } => memor_render::Error::Table { row: row + i * CHUNK, message },
            e => e,
        })?;
        messages.extend_from_slice(part.messages());
        status.extend_from_slice(part.messages_status());
        progress.inc(chunk.len() as u64);
    }
    progress.finish();
    session.update_messages(messages, Some(status))?;
    Ok(session)
}

/// The session `text` (read from `source`) holds in the format `from`.
pub(crate) fn import(text: &str, from: ImportFormat, source: &Path) -> Result<Session, Failure> {
    let bad = |message: String| Failure { message, detail: Some(format!("reading {}", source.display())) };
    let mut session = Session::default();
    match from {
        ImportFormat::Csv | ImportFormat::Jsonl => {
            let rows = match from {
                ImportFormat::Csv => table::from_csv(text)?,
                _ => table::from_jsonl(text)?,
            };
            return from_rows(&rows);
        }
        ImportFormat::Openai => {
            // One JSON value, or fine-tuning JSONL (one `{"messages"}` object per line).
            let values: Vec<Value> = match serde_json::from_str(text) {
                Ok(value) => vec![value],
                Err(_) => text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty())
                    .map(|(i, l)| serde_json::from_str(l).map_err(|e| bad(format!("line {}: not JSON: {e}", i + 1))))
                    .collect::<Result<_, _>>()?,
            };
            for value in values {
                let messages = match &value {
                    Value::Array(list) => list,
                    Value::Object(o) => o
                        .get("messages")
                        .and_then(Value::as_array)
                        .ok_or_else(|| bad("an OpenAI request needs a `messages` list".to_owned()))?,
                    _ => return Err(bad("not an OpenAI `messages` list or request".to_owned())),
                };
                for (i, m) in messages.iter().enumerate() {
                    let role = m.get("role").and_then(Value::as_str).unwrap_or_default();
                    add(&mut session, role, m.get("content"), i).map_err(bad)?;
                }
            }
        }
        ImportFormat::Anthropic => {
            let value: Value = serde_json::from_str(text).map_err(|e| bad(format!("not JSON: {e}")))?;
            if let Some(system) = value.get("system") {
                add(&mut session, "system", Some(system), 0).map_err(bad)?;
            }
            let messages = value
                .get("messages")
                .and_then(Value::as_array)
                .ok_or_else(|| bad("an Anthropic request needs a `messages` list".to_owned()))?;
            for (i, m) in messages.iter().enumerate() {
                let role = m.get("role").and_then(Value::as_str).unwrap_or_default();
                add(&mut session, role, m.get("content"), i).map_err(bad)?;
            }
        }
        ImportFormat::Langchain => {
            let value: Value = serde_json::from_str(text).map_err(|e| bad(format!("not JSON: {e}")))?;
            let messages = match &value {
                Value::Array(list) => list,
                Value::Object(o) => o
                    .get("messages")
                    .and_then(Value::as_array)
                    .ok_or_else(|| bad("LangChain messages are a list of message dicts".to_owned()))?,
                _ => return Err(bad("LangChain messages are a list of message dicts".to_owned())),
            };
            for (i, m) in messages.iter().enumerate() {
                let data = m.get("data").unwrap_or(m);
                let role = match m.get("type").and_then(Value::as_str).unwrap_or_default() {
                    "human" => "user",
                    "ai" => "assistant",
                    "system" => "system",
                    other => other,
                };
                add(&mut session, role, data.get("content"), i).map_err(bad)?;
            }
        }
    }
    Ok(session)
}

/// Adds the message `i` of role `role` whose content is `content` (a string, or a list of
/// parts whose text parts are joined).
fn add(session: &mut Session, role: &str, content: Option<&Value>, i: usize) -> Result<(), String> {
    let text = match content {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(parts)) => parts
            .iter()
            .map(|p| match p {
                Value::String(text) => Some(text.as_str()),
                Value::Object(part) => part_text(part),
                _ => None,
            })
            .collect::<Option<Vec<&str>>>()
            .ok_or_else(|| format!("message {i}: only text parts can be imported"))?
            .concat(),
        Some(Value::Null) | None => String::new(),
        Some(_) => return Err(format!("message {i}: `content` must be a string or a list of parts")),
    };
    let message = match role {
        "system" | "developer" => Message::from(Prompt::builder().message(text).role(Role::System).build()),
        "user" => Message::from(Prompt::builder().message(text).build()),
        "assistant" => {
            Message::from(Response::builder().message(text).build().map_err(|e| format!("message {i}: {e}"))?)
        }
        other => return Err(format!("message {i}: role `{other}` cannot be imported (system, user or assistant)")),
    };
    session.add_message(message);
    Ok(())
}

/// The text of a `{"type": "text", "text": …}` part.
fn part_text(part: &Map<String, Value>) -> Option<&str> {
    match part.get("type").and_then(Value::as_str) {
        Some("text" | "input_text" | "output_text") => part.get("text").and_then(Value::as_str),
        _ => None,
    }
}

/// Reads `path` (`-`: stdin) as text.
pub(crate) fn read(path: &Path) -> Result<String, Failure> {
    let result = match crate::load::is_std(path) {
        true => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text).map(|_| text)
        }
        false => std::fs::read_to_string(path),
    };
    result.map_err(|e| Failure::plain(format!("{}: {e}", path.display())))
}

/// Writes `bytes` to `path` atomically (`-`: stdout).
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    match crate::load::is_std(path) {
        true => crate::output::bytes(bytes),
        false => Ok(memor_core::write_atomic(path, bytes)?),
    }
}

/// Writes `session` to `path` as memor's file (`-`: stdout).
pub(crate) fn save(session: &Session, path: &Path) -> Result<(), Failure> {
    match crate::load::is_std(path) {
        true => crate::output::text(&session.to_json()),
        false => Ok(session.save(path)?),
    }
}
