//! [`Recorder`]: a stored conversation in memory, its new messages written in one commit.

use memor_core::{Message, Prompt, Response, Session};
use memor_render::RendererRegistry;
use serde_json::Value;

use crate::{Change, Error, MessageRef, NewConversation, Result, Store};

/// A conversation loaded from a [`Store`], grown in memory and committed in one transaction,
/// so an application can stay stateless between requests:
///
/// 1. [`Recorder::from_conversation`] loads the history;
/// 2. [`render`](Self::render) gives it in any registered format for the next request;
/// 3. [`add`](Self::add) and [`add_replies`](Self::add_replies) take the user's message and the
///    provider's replies (what `memor_providers::Client::chat` returns);
/// 4. [`commit`](Self::commit) writes only what is new.
///
/// Two recorders committing to one conversation at once both keep their messages, in commit
/// order (each commit appends after whatever is stored by then).
#[derive(Debug)]
pub struct Recorder<'s> {
    store: &'s dyn Store,
    id: String,
    session: Session,
    /// How many of the session's messages are stored; the rest are pending appends.
    stored: usize,
    pending: Vec<Change>,
}

impl std::fmt::Debug for dyn Store + '_ {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Store({})", self.location())
    }
}

impl<'s> Recorder<'s> {
    /// Loads conversation `id` from `store`.
    pub fn from_conversation(store: &'s dyn Store, id: &str) -> Result<Self> {
        let session = store.load(id)?;
        Ok(Recorder { store, id: id.to_owned(), stored: session.len(), session, pending: Vec::new() })
    }

    /// Creates a conversation and records into it.
    pub fn create(store: &'s dyn Store, new: &NewConversation) -> Result<Self> {
        let conversation = store.create(new)?;
        Self::from_conversation(store, &conversation.id)
    }

    /// The conversation's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The conversation as stored plus what is not committed yet.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// How many changes wait for [`commit`](Self::commit).
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// The session rendered in a registered format (`openai`, `string`, …), uncounted.
    pub fn render(&self, format: &str) -> Result<Value> {
        Ok(RendererRegistry::global().render_session(&self.session, format, false)?.value)
    }

    /// Adds a message (enabled).
    pub fn add(&mut self, message: impl Into<Message>) {
        let message = message.into();
        self.session.add_message(message.clone());
        self.pending.push(Change::Append(message, true));
    }

    /// Adds a provider's replies to the newest prompt: the prompt keeps every candidate, with
    /// the first selected, and the first is added as the assistant's message. When the newest
    /// message is not an uncommitted prompt, only the first reply is added.
    pub fn add_replies(&mut self, replies: Vec<Response>) -> Result<()> {
        let Some(first) = replies.first().cloned() else {
            return Err(Error::Invalid { what: "replies".into(), reason: "the list is empty".into() });
        };
        let last = self.session.len().checked_sub(1);
        if let (Some(i), Some(Change::Append(Message::Prompt(pending), _))) = (last, self.pending.last_mut())
            && let Some(Message::Prompt(prompt)) = self.session.get_message_mut(i)
            && prompt.id() == pending.id()
        {
            prompt.update_responses(replies);
            prompt.select_response(0);
            *pending = prompt.clone();
        }
        self.add(first);
        Ok(())
    }

    /// Adds a prompt and the replies to it (see [`add_replies`](Self::add_replies)).
    pub fn add_turn(&mut self, prompt: Prompt, replies: Vec<Response>) -> Result<()> {
        self.add(prompt);
        self.add_replies(replies)
    }

    /// Masks (`false`) or enables (`true`) the message at `index`.
    pub fn set_enabled(&mut self, index: usize, enabled: bool) -> Result<()> {
        match enabled {
            true => self.session.enable_message(index)?,
            false => self.session.disable_message(index)?,
        }
        if index < self.stored {
            self.pending.push(Change::SetEnabled(MessageRef::Index(index), enabled));
        } else if let Some(Change::Append(_, status)) =
            self.pending.iter_mut().filter(|c| matches!(c, Change::Append(..))).nth(index - self.stored)
        {
            // Not stored yet: other writers may append first, so no index would stay right.
            *status = enabled;
        }
        Ok(())
    }

    /// Makes the recorded session `target`, an edited copy of [`session`](Self::session):
    /// messages it adds at the end are appended, those before the first recorded one (a
    /// summary, say) prepended, and changed statuses and messages queued, all by message id.
    /// A message added between recorded ones is refused, as is one `target` drops (use the
    /// store's `Change::Delete`).
    pub fn sync(&mut self, target: &Session) -> Result<()> {
        let index: std::collections::HashMap<&str, usize> =
            self.session.messages().iter().enumerate().map(|(i, m)| (m.id(), i)).collect();
        let pairs: Vec<(&Message, bool)> =
            target.messages().iter().zip(target.messages_status().iter().copied()).collect();
        // Nothing recorded yet: everything is appended.
        let first_known = pairs.iter().position(|(m, _)| index.contains_key(m.id())).unwrap_or(0);
        let last_known = pairs.iter().rposition(|(m, _)| index.contains_key(m.id())).map_or(0, |i| i + 1);
        let known = pairs[first_known..last_known].iter().filter(|(m, _)| index.contains_key(m.id())).count();
        if known != last_known - first_known {
            return Err(Error::Invalid {
                what: "sync".into(),
                reason: "a message was added between recorded ones".into(),
            });
        }
        if known != index.len() {
            return Err(Error::Invalid { what: "sync".into(), reason: "a recorded message is missing".into() });
        }
        let mut changes = Vec::new();
        for (message, enabled) in pairs[..first_known].iter().rev() {
            changes.push(Change::Prepend((*message).clone(), *enabled));
        }
        for (message, enabled) in &pairs[first_known..last_known] {
            let i = index[message.id()];
            let id = MessageRef::Id(message.id().to_owned());
            if self.session.messages()[i] != **message {
                changes.push(Change::Replace(id.clone(), (*message).clone()));
            }
            if self.session.messages_status()[i] != *enabled {
                changes.push(Change::SetEnabled(id, *enabled));
            }
        }
        for (message, enabled) in &pairs[last_known..] {
            changes.push(Change::Append((*message).clone(), *enabled));
        }
        self.pending.extend(changes);
        self.session = target.clone();
        Ok(())
    }

    /// Writes every pending change in one transaction; how many there were. On an error
    /// nothing is written and the changes stay pending.
    pub fn commit(&mut self) -> Result<usize> {
        if self.pending.is_empty() {
            return Ok(0);
        }
        self.store.apply(&self.id, &self.pending)?;
        self.stored = self.session.len();
        Ok(std::mem::take(&mut self.pending).len())
    }

    /// Reads the conversation again (what other writers committed), dropping pending changes.
    pub fn reload(&mut self) -> Result<()> {
        self.session = self.store.load(&self.id)?;
        self.stored = self.session.len();
        self.pending.clear();
        Ok(())
    }
}
