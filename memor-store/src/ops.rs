//! The writes both backends share, written once against [`Tx`], a transaction's primitives.

use memor_core::{Message, Session};

use crate::rows::{self, MessageRow};
use crate::{Change, Error, MessageRef, NewConversation, Result};

/// A conversation as its row holds it.
pub(crate) struct ConversationRow {
    pub(crate) id: String,
    pub(crate) agent: Option<String>,
    pub(crate) user: Option<String>,
    pub(crate) metadata: String,
    pub(crate) header: String,
    pub(crate) title: Option<String>,
    pub(crate) created_at: i64,
}

/// A message found in a transaction.
pub(crate) struct Located {
    pub(crate) position: i64,
    pub(crate) kind: String,
    pub(crate) json: String,
    pub(crate) enabled: bool,
}

/// What a backend's open transaction can do. Each call is one statement or a few; the
/// backend commits after the shared code returns `Ok`, and rolls back otherwise.
pub(crate) trait Tx {
    /// The conversation's header, locking the conversation against other writers until the
    /// transaction ends (PostgreSQL: `FOR UPDATE`; SQLite holds the database's write lock).
    fn header(&mut self, id: &str) -> Result<Option<String>>;
    fn insert_conversation(&mut self, row: &ConversationRow) -> Result<()>;
    fn update_header(&mut self, id: &str, header: &str, title: Option<&str>, now: i64) -> Result<()>;
    /// The lowest and highest positions, if the conversation has messages.
    fn bounds(&mut self, id: &str) -> Result<Option<(i64, i64)>>;
    fn insert_message(&mut self, id: &str, position: i64, row: &MessageRow) -> Result<()>;
    fn locate(&mut self, id: &str, which: &MessageRef) -> Result<Option<Located>>;
    fn replace_message(&mut self, id: &str, position: i64, row: &MessageRow) -> Result<()>;
    fn set_enabled(&mut self, id: &str, position: i64, enabled: bool) -> Result<()>;
    fn delete_message(&mut self, id: &str, position: i64) -> Result<()>;
    /// Copies every message row of `from` into `to`.
    fn copy_messages(&mut self, from: &str, to: &str) -> Result<()>;
    /// The agent, user and metadata of a conversation.
    fn owners(&mut self, id: &str) -> Result<(Option<String>, Option<String>, String)>;
}

/// A new conversation row for `header`.
pub(crate) fn new_row(new: &NewConversation, header: String, title: Option<String>) -> Result<ConversationRow> {
    rows::no_nul("agent", new.agent.as_deref())?;
    rows::no_nul("user id", new.user.as_deref())?;
    Ok(ConversationRow {
        id: uuid::Uuid::new_v4().to_string(),
        agent: new.agent.clone(),
        user: new.user.clone(),
        metadata: serde_json::Value::Object(new.metadata.clone()).to_string(),
        header,
        title,
        created_at: rows::now_ms(),
    })
}

/// Creates a conversation holding `session`'s messages; its id.
pub(crate) fn import(tx: &mut dyn Tx, session: &Session, new: &NewConversation) -> Result<String> {
    let mut header_session;
    let header = match &new.title {
        Some(title) => {
            header_session = session.clone();
            header_session.update_title(Some(title.clone()));
            header_session.set_dates(session.date_created(), session.date_modified());
            rows::header(&header_session)
        }
        None => rows::header(session),
    };
    let title = new.title.clone().or_else(|| session.title().map(str::to_owned));
    let row = new_row(new, header, title)?;
    tx.insert_conversation(&row)?;
    for (position, (message, &enabled)) in session.messages().iter().zip(session.messages_status()).enumerate() {
        tx.insert_message(&row.id, position as i64, &MessageRow::of(message, enabled)?)?;
    }
    Ok(row.id)
}

/// Copies a conversation; the copy's id.
pub(crate) fn copy(tx: &mut dyn Tx, id: &str, title: Option<&str>) -> Result<String> {
    let header = tx.header(id)?.ok_or_else(|| Error::NoConversation { id: id.to_owned() })?;
    let what = || format!("conversation {id}");
    let header_title = rows::title(&header, what)?;
    let header = match title {
        Some(t) => rows::retitled(&header, Some(t.to_owned()), what)?,
        None => header,
    };
    let (agent, user, metadata) = tx.owners(id)?;
    let new = NewConversation { title: None, agent, user, metadata: Default::default() };
    let mut row = new_row(&new, header, title.map(str::to_owned).or(header_title))?;
    row.metadata = metadata;
    tx.insert_conversation(&row)?;
    tx.copy_messages(id, &row.id)?;
    Ok(row.id)
}

/// Makes `changes` to conversation `id`, in order.
pub(crate) fn apply(tx: &mut dyn Tx, id: &str, changes: &[Change]) -> Result<()> {
    let what = || format!("conversation {id}");
    let mut header = tx.header(id)?.ok_or_else(|| Error::NoConversation { id: id.to_owned() })?;
    let mut title = None;
    let mut bounds = tx.bounds(id)?;
    for change in changes {
        match change {
            Change::Append(message, enabled) => {
                let position = bounds.map_or(0, |(_, hi)| hi + 1);
                tx.insert_message(id, position, &MessageRow::of(message, *enabled)?)?;
                bounds = Some((bounds.map_or(position, |(lo, _)| lo), position));
            }
            Change::Prepend(message, enabled) => {
                let position = bounds.map_or(0, |(lo, _)| lo - 1);
                tx.insert_message(id, position, &MessageRow::of(message, *enabled)?)?;
                bounds = Some((position, bounds.map_or(position, |(_, hi)| hi)));
            }
            Change::SetEnabled(which, enabled) => {
                let found = locate(tx, id, which)?;
                tx.set_enabled(id, found.position, *enabled)?;
            }
            Change::SelectResponse(which, index) => edit(tx, id, which, |message| match message {
                Message::Prompt(prompt) => match prompt.select_response(*index) {
                    Some(_) => Ok(()),
                    None => Err(Error::Invalid {
                        what: format!("message {which}"),
                        reason: format!("has no response {index} ({} responses)", prompt.responses().len()),
                    }),
                },
                Message::Response(_) => Err(Error::Invalid {
                    what: format!("message {which}"),
                    reason: "is a response; only prompts have responses to select".to_owned(),
                }),
            })?,
            Change::Edit(which, text) => edit(tx, id, which, |message| {
                match message {
                    Message::Prompt(p) => p.update_message(text.as_str()),
                    Message::Response(r) => r.update_message(text.as_str()),
                }
                Ok(())
            })?,
            Change::Replace(which, message) => {
                let found = locate(tx, id, which)?;
                tx.replace_message(id, found.position, &MessageRow::of(message, found.enabled)?)?;
            }
            Change::Delete(which) => {
                let found = locate(tx, id, which)?;
                tx.delete_message(id, found.position)?;
                bounds = tx.bounds(id)?;
            }
            Change::Rename(new_title) => {
                header = rows::retitled(&header, new_title.clone(), what)?;
                title = Some(new_title.clone());
            }
        }
    }
    if changes.iter().any(|c| !matches!(c, Change::Rename(_) | Change::SetEnabled(..))) {
        header = rows::touched(&header, what)?;
    }
    let title = match title {
        Some(t) => t,
        None => rows::title(&header, what)?,
    };
    tx.update_header(id, &header, title.as_deref(), rows::now_ms())
}

fn locate(tx: &mut dyn Tx, id: &str, which: &MessageRef) -> Result<crate::ops::Located> {
    tx.locate(id, which)?.ok_or_else(|| Error::NoMessage { conversation: id.to_owned(), message: which.to_string() })
}

/// Reads a message, changes it with `f`, writes it back in place.
fn edit(tx: &mut dyn Tx, id: &str, which: &MessageRef, f: impl FnOnce(&mut Message) -> Result<()>) -> Result<()> {
    let found = locate(tx, id, which)?;
    let mut message = rows::message(&found.kind, &found.json, || format!("conversation {id}, message {which}"))?;
    f(&mut message)?;
    tx.replace_message(id, found.position, &MessageRow::of(&message, found.enabled)?)
}
