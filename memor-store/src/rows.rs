//! Sessions as rows and back, free of any database: what both backends store.
//!
//! A conversation row keeps the session's *header*: the session's memor JSON with no messages
//! (title, render counter, warnings, dates), so what memor writes is decided by memor-core
//! alone. A message row keeps the message's memor JSON text, plus columns to query by.

use memor_core::{Document, Message, Prompt, Response, Session, Timestamp};

use crate::{Error, Result};

/// One message as stored.
#[derive(Clone, Debug)]
pub(crate) struct MessageRow {
    pub(crate) id: String,
    pub(crate) kind: &'static str,
    pub(crate) role: &'static str,
    pub(crate) model: Option<String>,
    pub(crate) tokens: Option<i64>,
    pub(crate) date_created: i64,
    pub(crate) date_modified: i64,
    pub(crate) enabled: bool,
    pub(crate) text: String,
    pub(crate) json: String,
}

/// What a stored message row gives back to assemble a session.
pub(crate) struct StoredMessage {
    pub(crate) kind: String,
    pub(crate) json: String,
    pub(crate) enabled: bool,
}

impl MessageRow {
    pub(crate) fn of(message: &Message, enabled: bool) -> Result<MessageRow> {
        let json = memor_core::json::to_string(message)
            .map_err(|e| Error::Invalid { what: format!("message {}", message.id()), reason: e.to_string() })?;
        let (kind, model, created, modified) = match message {
            Message::Prompt(p) => ("prompt", None, p.date_created(), p.date_modified()),
            Message::Response(r) => ("response", Some(r.model().to_owned()), r.date_created(), r.date_modified()),
        };
        Ok(MessageRow {
            id: message.id().to_owned(),
            kind,
            role: message.role().as_str(),
            model,
            tokens: message.tokens().and_then(|t| i64::try_from(t).ok()),
            date_created: unix_ms(created),
            date_modified: unix_ms(modified),
            enabled,
            text: message.message().to_owned(),
            json,
        })
    }
}

/// A message read back from its kind and memor JSON.
pub(crate) fn message(kind: &str, json: &str, what: impl Fn() -> String) -> Result<Message> {
    let corrupt = |reason: String| Error::Corrupt { what: what(), reason };
    match kind {
        "prompt" => Prompt::from_json(json).map(Message::from).map_err(|e| corrupt(e.to_string())),
        "response" => Response::from_json(json).map(Message::from).map_err(|e| corrupt(e.to_string())),
        other => Err(corrupt(format!("unknown message kind `{other}`"))),
    }
}

/// The session's memor JSON without its messages.
pub(crate) fn header(session: &Session) -> String {
    let mut header = session.clone();
    header.clear_messages();
    header.set_dates(session.date_created(), session.date_modified());
    header.to_json()
}

/// The header with another title, and `date_modified` now (as memor's `update_title`).
pub(crate) fn retitled(header_json: &str, title: Option<String>, what: impl Fn() -> String) -> Result<String> {
    let mut header = parse_header(header_json, &what)?;
    header.update_title(title);
    Ok(header.to_json())
}

/// The header with `date_modified` now (as memor's `add_message` and friends).
pub(crate) fn touched(header_json: &str, what: impl Fn() -> String) -> Result<String> {
    let mut header = parse_header(header_json, &what)?;
    header.set_dates(header.date_created(), Timestamp::now());
    Ok(header.to_json())
}

fn parse_header(header_json: &str, what: &impl Fn() -> String) -> Result<Session> {
    Session::from_json(header_json).map_err(|e| Error::Corrupt { what: what(), reason: e.to_string() })
}

/// The session of a header and its messages in order.
pub(crate) fn session(
    header_json: &str,
    messages: impl IntoIterator<Item = StoredMessage>,
    what: impl Fn() -> String,
) -> Result<Session> {
    let mut session = parse_header(header_json, &what)?;
    let (created, modified) = (session.date_created(), session.date_modified());
    let (mut list, mut status) = (Vec::new(), Vec::new());
    for (i, stored) in messages.into_iter().enumerate() {
        list.push(message(&stored.kind, &stored.json, || format!("{}, message {i}", what()))?);
        status.push(stored.enabled);
    }
    session.update_messages(list, Some(status))?;
    session.set_dates(created, modified);
    Ok(session)
}

/// The title a header holds.
pub(crate) fn title(header_json: &str, what: impl Fn() -> String) -> Result<Option<String>> {
    Ok(parse_header(header_json, &what)?.title().map(str::to_owned))
}

/// Unix milliseconds of a timestamp.
pub(crate) fn unix_ms(t: Timestamp) -> i64 {
    t.to_chrono().timestamp_millis()
}

/// Now, in Unix milliseconds.
pub(crate) fn now_ms() -> i64 {
    unix_ms(Timestamp::now())
}

/// Refuses NUL characters in a value PostgreSQL cannot hold in a text column.
pub(crate) fn no_nul(what: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(v) if v.contains('\0') => {
            Err(Error::Invalid { what: what.to_owned(), reason: "contains a NUL character".to_owned() })
        }
        _ => Ok(()),
    }
}
