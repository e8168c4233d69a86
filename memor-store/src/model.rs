//! What the store's calls take and give: conversations, filters, changes, search hits.

use memor_core::Message;
use serde_json::{Map, Value};

/// A stored conversation (its messages are read with [`Store::load`](crate::Store::load)).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Conversation {
    /// Its id (a UUID, given by the store).
    pub id: String,
    /// The session's title.
    pub title: Option<String>,
    /// The agent or application it belongs to.
    pub agent: Option<String>,
    /// The user it belongs to.
    pub user: Option<String>,
    /// Free-form metadata.
    pub metadata: Map<String, Value>,
    /// How many messages it holds.
    pub messages: u64,
    /// When it was stored, in Unix milliseconds.
    pub created_at: i64,
    /// When it last changed, in Unix milliseconds.
    pub updated_at: i64,
    /// When it was archived, in Unix milliseconds.
    pub archived_at: Option<i64>,
}

/// What a new conversation is created with.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct NewConversation {
    /// The title (for an import: the session's own title when `None`).
    pub title: Option<String>,
    /// The agent or application name.
    pub agent: Option<String>,
    /// The user id.
    pub user: Option<String>,
    /// Free-form metadata.
    pub metadata: Map<String, Value>,
}

impl NewConversation {
    /// A conversation with this title and nothing else.
    pub fn titled(title: impl Into<String>) -> Self {
        NewConversation { title: Some(title.into()), ..Self::default() }
    }

    /// Sets the agent name.
    pub fn agent(mut self, agent: impl Into<String>) -> Self {
        self.agent = Some(agent.into());
        self
    }

    /// Sets the user id.
    pub fn user(mut self, user: impl Into<String>) -> Self {
        self.user = Some(user.into());
        self
    }
}

/// Which conversations [`Store::list`](crate::Store::list) returns, newest change first.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ListFilter {
    /// Only this user's.
    pub user: Option<String>,
    /// Only this agent's.
    pub agent: Option<String>,
    /// Only those changed at or after this time (Unix milliseconds).
    pub since: Option<i64>,
    /// Only those changed before this time (Unix milliseconds).
    pub until: Option<i64>,
    /// Archived ones too.
    pub archived: bool,
    /// At most this many.
    pub limit: u64,
    /// After skipping this many.
    pub offset: u64,
}

impl Default for ListFilter {
    fn default() -> Self {
        ListFilter { user: None, agent: None, since: None, until: None, archived: false, limit: 100, offset: 0 }
    }
}

/// Which message of a conversation a change is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageRef {
    /// The first message with this id.
    Id(String),
    /// The message at this index of the loaded session (0 is the first).
    Index(usize),
}

impl std::fmt::Display for MessageRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MessageRef::Id(id) => f.write_str(id),
            MessageRef::Index(i) => write!(f, "#{i}"),
        }
    }
}

/// One change to a conversation; [`Store::apply`](crate::Store::apply) makes a list of them
/// in one transaction.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Change {
    /// Adds a message at the end, enabled or masked.
    Append(Message, bool),
    /// Adds a message before the first one (a summary, say), enabled or masked.
    Prepend(Message, bool),
    /// Enables (`true`) or masks (`false`) a message.
    SetEnabled(MessageRef, bool),
    /// Selects a prompt's response.
    SelectResponse(MessageRef, u64),
    /// Replaces a message's text.
    Edit(MessageRef, String),
    /// Replaces a message whole (same place, same status).
    Replace(MessageRef, Message),
    /// Removes a message.
    Delete(MessageRef),
    /// Replaces the title.
    Rename(Option<String>),
}

/// One message found by [`Store::search`](crate::Store::search).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct SearchHit {
    /// The conversation.
    pub conversation: String,
    /// The conversation's title.
    pub title: Option<String>,
    /// The message's id.
    pub message: String,
    /// The message's index in the conversation's session.
    pub index: u64,
    /// The message's role (`user`, `assistant`, `system`).
    pub role: String,
    /// The matching words in their context, each match between `[` and `]`.
    pub snippet: String,
    /// The search engine's relevance (higher is better; comparable within one search).
    pub score: f64,
}

/// Which messages [`Store::search`](crate::Store::search) looks at.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct SearchFilter {
    /// Only this user's conversations.
    pub user: Option<String>,
    /// Only this agent's conversations.
    pub agent: Option<String>,
    /// Only this conversation.
    pub conversation: Option<String>,
    /// Archived conversations too.
    pub archived: bool,
    /// At most this many hits, best first.
    pub limit: u64,
}

impl Default for SearchFilter {
    fn default() -> Self {
        SearchFilter { user: None, agent: None, conversation: None, archived: false, limit: 20 }
    }
}
