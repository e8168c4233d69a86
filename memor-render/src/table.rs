//! Sessions as tables (DECISIONS D17): memor's `to_dataframe` rows, to and from CSV and JSON
//! Lines, without pandas.
//!
//! A row is one message: `metadata` (every key of the message's JSON that is not a main
//! column), `status`, then the main columns `type`, `message`, `role`, `id`, `date_created`,
//! `date_modified`. In CSV, `metadata` and `status` are JSON text.

use memor_core::{Document, Message, Prompt, Response, Session};
use serde_json::{Map, Value};

use crate::{Error, MessageRef, Result};

/// The columns, in memor's order.
pub const COLUMNS: [&str; 8] = ["metadata", "status", "type", "message", "role", "id", "date_created", "date_modified"];

const MAIN: [&str; 6] = ["type", "message", "role", "id", "date_created", "date_modified"];

/// One row per message (masked ones too): memor's `to_dataframe()`.
pub fn rows(session: &Session) -> Vec<Map<String, Value>> {
    session
        .iter()
        .zip(session.messages_status())
        .map(|(message, status)| {
            let Value::Object(json) = MessageRef::from(message).to_value() else {
                return Map::new();
            };
            let (main, metadata): (Vec<_>, Vec<_>) = json.into_iter().partition(|(k, _)| MAIN.contains(&k.as_str()));
            let mut row = Map::new();
            row.insert("metadata".into(), Value::Object(metadata.into_iter().collect()));
            row.insert("status".into(), Value::Bool(*status));
            row.extend(main);
            row
        })
        .collect()
}

/// memor's `from_dataframe(rows)`: replaces the session's messages and statuses (the title
/// stays, the render counter goes back to 0).
pub fn replace_from_rows(session: &mut Session, rows: &[Map<String, Value>]) -> Result<()> {
    let mut messages = Vec::with_capacity(rows.len());
    let mut status = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let bad = |what: &str| Error::Table { row: i, message: what.to_owned() };
        let mut json = Map::new();
        for key in MAIN {
            json.insert(key.into(), row.get(key).cloned().ok_or_else(|| bad(&format!("missing column `{key}`")))?);
        }
        match row.get("metadata") {
            Some(Value::Object(metadata)) => json.extend(metadata.clone()),
            _ => return Err(bad("`metadata` must be an object")),
        }
        status.push(match row.get("status") {
            Some(Value::Bool(b)) => *b,
            _ => return Err(bad("`status` must be true or false")),
        });
        let text = Value::Object(json).to_string();
        let message = if row.get("type").and_then(Value::as_str) == Some("Prompt") {
            Message::from(Prompt::from_json(&text)?)
        } else {
            Message::from(Response::from_json(&text)?)
        };
        messages.push(message);
    }
    session.update_messages(messages, Some(status))?;
    session.reset_render_counter();
    Ok(())
}

/// The rows as JSON Lines: one JSON object per line.
pub fn to_jsonl(session: &Session) -> String {
    rows(session).into_iter().map(|row| format!("{}\n", Value::Object(row))).collect()
}

/// Rows from JSON Lines (blank lines are skipped).
pub fn from_jsonl(text: &str) -> Result<Vec<Map<String, Value>>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| match serde_json::from_str(line) {
            Ok(Value::Object(row)) => Ok(row),
            Ok(_) => Err(Error::Table { row: i, message: "not a JSON object".into() }),
            Err(e) => Err(Error::Table { row: i, message: e.to_string() }),
        })
        .collect()
}

/// The rows as CSV (RFC 4180; `metadata` and `status` as JSON), with a header line.
pub fn to_csv(session: &Session) -> String {
    let mut out = String::new();
    push_record(&mut out, COLUMNS.iter().map(|c| (*c).to_owned()));
    for row in rows(session) {
        push_record(
            &mut out,
            COLUMNS.iter().map(|c| match row.get(*c) {
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
                None => String::new(),
            }),
        );
    }
    out
}

fn push_record(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

/// Rows from CSV written by [`to_csv`] (a header naming the columns, in any order).
pub fn from_csv(text: &str) -> Result<Vec<Map<String, Value>>> {
    let mut records = parse_csv(text)?.into_iter();
    let header = records.next().unwrap_or_default();
    records
        .enumerate()
        .map(|(i, record)| {
            let bad = |message: String| Error::Table { row: i, message };
            if record.len() != header.len() {
                return Err(bad(format!("{} fields for {} columns", record.len(), header.len())));
            }
            let mut row = Map::new();
            for (name, field) in header.iter().zip(record) {
                let value = match name.as_str() {
                    "metadata" | "status" => serde_json::from_str(&field).map_err(|e| bad(format!("`{name}`: {e}")))?,
                    _ => Value::String(field),
                };
                row.insert(name.clone(), value);
            }
            Ok(row)
        })
        .collect()
}

fn parse_csv(text: &str) -> Result<Vec<Vec<String>>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(Error::Table { row: records.len(), message: "unterminated quoted field".into() });
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}
