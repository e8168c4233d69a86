//! What a database gives long-term memory: the calls each backend implements in its SQL.

use memor_store::Store;

use crate::fuse::Candidate;
use crate::when::TimeRange;
use crate::{Event, Filter, Memory, NewMemory, Result, Source, Status};

/// Memories validated and given their ids and times, ready to be written.
pub(crate) struct Prepared<'a> {
    pub(crate) id: String,
    pub(crate) memory: &'a NewMemory,
    pub(crate) recorded_at: i64,
    /// When it is added (now).
    pub(crate) added_at: i64,
    /// The unit vector to store.
    pub(crate) vector: Option<Vec<f32>>,
}

/// Where an episode index run has got to in one conversation.
pub(crate) struct Mark<'a> {
    pub(crate) conversation: &'a str,
    pub(crate) position: i64,
}

/// A change to a memory already written, decided on what was read: it is applied only if
/// the memory is still active with the text it was decided on (else [`crate::Error::Changed`]).
pub(crate) struct Revision<'a> {
    pub(crate) id: &'a str,
    /// The text the change was decided on.
    pub(crate) expected: &'a str,
    /// `update` (a new text, metadata, event time and vector) or `supersede`.
    pub(crate) action: &'a str,
    /// The new text (for `update`).
    pub(crate) text: Option<&'a str>,
    pub(crate) metadata: Option<&'a serde_json::Map<String, serde_json::Value>>,
    pub(crate) event: Option<TimeRange>,
    pub(crate) vector: Option<Vec<f32>>,
    /// The memory that supersedes this one (for `supersede`).
    pub(crate) related: Option<&'a str>,
    /// The messages the change comes from.
    pub(crate) sources: &'a [Source],
}

/// A memory added with its `add` event written out (who decided, from which messages).
pub(crate) struct Added<'a> {
    pub(crate) memory: Prepared<'a>,
    pub(crate) sources: &'a [Source],
}

/// Everything one consolidation or reflection step writes, in one transaction.
pub(crate) struct Batch<'a> {
    pub(crate) adds: Vec<Added<'a>>,
    pub(crate) revisions: Vec<Revision<'a>>,
    /// The vectors' model, when any change holds a vector.
    pub(crate) model: Option<(&'a str, usize)>,
    /// Who decided (a model id).
    pub(crate) actor: &'a str,
    /// Progress marks it moves.
    pub(crate) progress: Vec<Advance<'a>>,
}

/// A progress mark a batch moves: from where the batch was decided (the write fails with
/// [`crate::Error::Moved`] if another run moved it meanwhile) to after it.
#[derive(Clone, Copy)]
pub(crate) struct Advance<'a> {
    pub(crate) task: &'a str,
    pub(crate) key: &'a str,
    pub(crate) from: i64,
    pub(crate) to: i64,
}

/// A database that keeps memories beside conversations.
pub(crate) trait Backend: Send + Sync {
    /// The conversations in the same database.
    fn store(&self) -> &dyn Store;
    /// The embedding model and dimensions of the vectors held, once any is.
    fn model(&self) -> Result<Option<(String, usize)>>;
    /// Writes `items` (and their `add` events, the model when it is the first, and `mark`)
    /// in one transaction; an episode already indexed is skipped. Gives how many were new.
    fn add(
        &self,
        items: &[Prepared<'_>],
        model: Option<(&str, usize)>,
        actor: &str,
        mark: Option<Mark<'_>>,
    ) -> Result<usize>;
    /// Row ids of the best lexical matches of `words` (an FTS/tsquery expression's words).
    fn lexical(&self, words: &[String], filter: &Filter, limit: usize) -> Result<Vec<i64>>;
    /// Row ids and cosines of the vectors nearest `query` (a unit vector of the store's
    /// `dims`, checked by the caller).
    fn nearest(&self, query: &[f32], dims: usize, filter: &Filter, limit: usize) -> Result<Vec<(i64, f32)>>;
    /// The memories of these row ids, with what fusion needs.
    fn candidates(&self, rows: &[i64]) -> Result<Vec<(Candidate, Memory)>>;
    /// One memory.
    fn get(&self, id: &str) -> Result<Memory>;
    /// Memories, newest first.
    fn list(&self, filter: &Filter, limit: usize, offset: usize) -> Result<Vec<Memory>>;
    /// Changes a memory's status, recording the event.
    fn set_status(&self, id: &str, status: Status, actor: &str, related: Option<&str>) -> Result<()>;
    /// A memory's history, oldest first.
    fn history(&self, id: &str) -> Result<Vec<Event>>;
    /// How many messages of `conversation` the episode index has taken.
    fn mark(&self, conversation: &str) -> Result<i64>;
    /// Writes `batch` in one transaction: all of it, or nothing.
    fn apply(&self, batch: &Batch<'_>) -> Result<()>;
    /// A task's progress mark for `key` (0 when none).
    fn progress(&self, task: &str, key: &str) -> Result<i64>;
    /// The memories `filter` accepts (any status) with an event after `seq`, and the last
    /// event's sequence number.
    fn changed_since(&self, seq: i64, filter: &Filter) -> Result<(Vec<Memory>, i64)>;
}
