//! The [`Store`] trait: conversations and their messages in a database.

use memor_core::{Message, Session};

use crate::{Change, Conversation, ListFilter, Location, NewConversation, Result, SearchFilter, SearchHit};

/// A database of conversations, each a memor [`Session`] that comes back byte for byte as it
/// went in (every candidate, mask, template, tool part and metadata kept).
///
/// Every call that writes is one transaction: it happens whole or not at all. Two writers of
/// one conversation (threads or processes) are serialized: both changes are kept, in commit
/// order.
///
/// ```
/// use memor_core::{Document, Prompt, Response, Session};
/// use memor_store::{NewConversation, Store};
///
/// let dir = std::env::temp_dir().join(format!("memor-store-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let store = memor_store::open(dir.join("memor.db").to_str().unwrap())?;
/// let mut session = Session::new(Some("demo".into()));
/// session.add_message(Prompt::builder().message("Hi").build());
/// session.add_message(Response::builder().message("Hello!").build()?);
/// let stored = store.import(&session, &NewConversation::default())?;
/// assert_eq!(store.load(&stored.id)?.to_json(), session.to_json());
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Store: Send + Sync {
    /// Where the store lives (never with a password).
    fn location(&self) -> &Location;

    /// Creates an empty conversation.
    fn create(&self, new: &NewConversation) -> Result<Conversation> {
        self.import(&Session::new(new.title.clone()), &NewConversation { title: None, ..new.clone() })
    }

    /// Stores a session as a new conversation (its title unless `new` gives one).
    fn import(&self, session: &Session, new: &NewConversation) -> Result<Conversation>;

    /// The conversation with this id.
    fn get(&self, id: &str) -> Result<Conversation>;

    /// The conversation with this id or, failing that, the most recently changed one with
    /// this title.
    fn find(&self, id_or_title: &str) -> Result<Conversation>;

    /// Conversations matching the filter, most recently changed first.
    fn list(&self, filter: &ListFilter) -> Result<Vec<Conversation>>;

    /// The conversation as a memor session.
    fn load(&self, id: &str) -> Result<Session>;

    /// Makes the changes in order, in one transaction.
    fn apply(&self, id: &str, changes: &[Change]) -> Result<()>;

    /// Archives (`true`) or restores a conversation: it stays, but [`list`](Self::list) and
    /// [`search`](Self::search) skip it unless asked.
    fn archive(&self, id: &str, archived: bool) -> Result<()>;

    /// Deletes a conversation and its messages for good.
    fn delete(&self, id: &str) -> Result<()>;

    /// A new conversation with the same messages, statuses and metadata.
    fn copy(&self, id: &str, title: Option<&str>) -> Result<Conversation>;

    /// Full-text search over the messages of the conversations the filter allows, best first:
    /// a hit holds every word of `query` (stemmed) but the [stop words](crate::is_stop_word),
    /// which neither backend searches for; a query with no other word is an error.
    fn search(&self, query: &str, filter: &SearchFilter) -> Result<Vec<SearchHit>>;

    /// Appends messages, enabled, in one transaction.
    fn append(&self, id: &str, messages: &[Message]) -> Result<()> {
        let changes: Vec<Change> = messages.iter().map(|m| Change::Append(m.clone(), true)).collect();
        self.apply(id, &changes)
    }

    /// Replaces the title.
    fn rename(&self, id: &str, title: Option<&str>) -> Result<()> {
        self.apply(id, &[Change::Rename(title.map(str::to_owned))])
    }
}
