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

/// A session's file text built from its header and its messages' stored JSON, as memor
/// writes a whole session (`json.dumps` lays out a list as `[a, b]`), so that loading a stored
/// conversation is one streamed pass, as loading a file is.
pub(crate) struct Splice<'h> {
    header: &'h str,
    /// Where the messages list and the status list open (just after their `[`).
    at: Option<(usize, usize)>,
    text: String,
    status: String,
    count: usize,
}

impl<'h> Splice<'h> {
    pub(crate) fn new(header: &'h str) -> Self {
        // The first `"messages": []` is the key: before it stand only the type, the title (a
        // string, whose quotes are escaped) and the render counter. The last
        // `"messages_status": []` is the key: after it stand only the version and the dates.
        let list = header.find("\"messages\": []").map(|i| i + "\"messages\": [".len());
        let status = header.rfind("\"messages_status\": []").map(|i| i + "\"messages_status\": [".len());
        let at = list.zip(status).filter(|(list, status)| list < status);
        let mut text = BUFFER.with_borrow_mut(std::mem::take);
        text.push_str(&header[..at.map_or(0, |(list, _)| list)]);
        Splice { header, at, text, status: String::new(), count: 0 }
    }

    /// Adds the next message.
    pub(crate) fn push(&mut self, json: &str, enabled: bool) {
        if self.count > 0 {
            self.text.push_str(", ");
            self.status.push_str(", ");
        }
        self.text.push_str(json);
        self.status.push_str(if enabled { "true" } else { "false" });
        self.count += 1;
    }

    /// The session, when the text loads and holds every message pushed; `None` sends the
    /// caller to the exact path, [`session_by_message`].
    pub(crate) fn load(mut self) -> Option<Session> {
        let (list, status) = self.at?;
        self.text.push_str(&self.header[list..status]);
        self.text.push_str(&self.status);
        self.text.push_str(&self.header[status..]);
        Session::from_json(&self.text).ok().filter(|s| s.len() == self.count)
    }
}

/// The largest text a thread keeps for its next [`Splice`] (the text is only read while the
/// session is parsed, and a conversation's is megabytes: growing a fresh one every load, in
/// copies and page faults, made a load about 6% slower in a paired run of the store bench).
const KEEP: usize = 64 << 20;

thread_local! {
    static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

impl Drop for Splice<'_> {
    fn drop(&mut self) {
        if self.text.capacity() <= KEEP {
            let mut text = std::mem::take(&mut self.text);
            text.clear();
            BUFFER.set(text);
        }
    }
}

/// The session of a header and its messages, each loaded on its own: the exact path beside
/// [`Splice`], which also names a message that cannot be read.
pub(crate) fn session_by_message(
    header_json: &str,
    messages: Vec<StoredMessage>,
    what: impl Fn() -> String,
) -> Result<Session> {
    let mut session = parse_header(header_json, &what)?;
    let (created, modified) = (session.date_created(), session.date_modified());
    let (mut list, mut status) = (Vec::with_capacity(messages.len()), Vec::with_capacity(messages.len()));
    for (i, stored) in messages.into_iter().enumerate() {
        list.push(message(&stored.kind, &stored.json, || format!("{}, message {i}", what()))?);
        status.push(stored.enabled);
    }
    session.update_messages(list, Some(status))?;
    session.set_dates(created, modified);
    Ok(session)
}

/// The columns a conversation is read from, in the order [`StoredConversation`] takes them
/// (the same SQL for both backends).
pub(crate) const CONVERSATION: &str = "SELECT c.id, c.header, c.agent, c.user_id, c.metadata, c.created_at, \
     c.updated_at, c.archived_at, (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) FROM conversations c";

/// A conversation row as read, before its header and metadata are.
pub(crate) struct StoredConversation {
    pub(crate) id: String,
    pub(crate) header: String,
    pub(crate) agent: Option<String>,
    pub(crate) user: Option<String>,
    pub(crate) metadata: String,
    pub(crate) created_at: i64,
    pub(crate) updated_at: i64,
    pub(crate) archived_at: Option<i64>,
    pub(crate) messages: i64,
}

impl StoredConversation {
    /// The conversation; `location` names the database in an error.
    pub(crate) fn finish(self, location: &str) -> Result<crate::Conversation> {
        let what = || format!("{location}: conversation {}", self.id);
        let title = title(&self.header, what)?;
        let metadata = match serde_json::from_str(&self.metadata) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => return Err(Error::Corrupt { what: what(), reason: "its metadata is not a JSON object".into() }),
        };
        Ok(crate::Conversation {
            id: self.id,
            title,
            agent: self.agent,
            user: self.user,
            metadata,
            messages: self.messages.max(0) as u64,
            created_at: self.created_at,
            updated_at: self.updated_at,
            archived_at: self.archived_at,
        })
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Both paths give the session, for titles and texts that look like the keys.
    #[test]
    fn the_fast_and_the_exact_path_agree() {
        for title in [None, Some("\"messages\": [], \"messages_status\": []"), Some("]")] {
            let mut session = Session::new(title.map(str::to_owned));
            session.add_message(Prompt::builder().message("a \"messages\": []").build());
            session.add_message(Response::builder().message("b \"messages_status\": []").build().unwrap());
            session.disable_message(1).unwrap();
            let header = header(&session);
            let mut splice = Splice::new(&header);
            let mut stored = Vec::new();
            for (m, &enabled) in session.messages().iter().zip(session.messages_status()) {
                let row = MessageRow::of(m, enabled).unwrap();
                splice.push(&row.json, enabled);
                stored.push(StoredMessage { kind: row.kind.to_owned(), json: row.json, enabled });
            }
            assert_eq!(splice.load().unwrap().to_json(), session.to_json());
            assert_eq!(session_by_message(&header, stored, String::new).unwrap().to_json(), session.to_json());
        }
    }

    /// A header of another shape sends the caller to the exact path.
    #[test]
    fn an_odd_header_is_not_spliced() {
        let mut splice = Splice::new("{\"type\": \"Session\"}");
        splice.push("{}", true);
        assert!(splice.load().is_none());
    }
}
