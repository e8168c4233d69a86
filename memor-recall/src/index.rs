//! The episode index: every message of the stored conversations as an episode memory, each
//! message once, resumable, with no model beyond the embedder.
//!
//! A conversation's mark (how many of its messages are indexed) is written in the same
//! transaction as the memories of each batch, so a run stopped at any moment resumes after
//! the last whole batch; an episode already present (same conversation and message id) is
//! skipped, so a rerun adds nothing.

use memor_core::{Message, Session};
use memor_embed::Embedder;
use memor_store::{Conversation, ListFilter};
use serde_json::{Map, Value};

use crate::model::{Kind, Scope, Source};
use crate::when::{self, TimeRange};
use crate::{Memories, NewMemory, Result};

/// How an index run goes.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Options {
    /// Only this conversation (all when `None`).
    pub conversation: Option<String>,
    /// Messages per transaction (and per embedding call).
    pub batch: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { conversation: None, batch: 128 }
    }
}

/// What an index run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// Conversations looked at.
    pub conversations: usize,
    /// Messages not indexed before this run.
    pub messages: usize,
    /// Episodes added.
    pub added: usize,
}

/// The episode memory of the message at `position` of a stored conversation (`None` for a
/// message with no text and for a system message).
pub fn episode(conversation: &Conversation, position: usize, message: &Message) -> Option<NewMemory> {
    let text = message.message();
    // System messages are instructions (or recalled memories), not what was said.
    if text.trim().is_empty() || message.role() == memor_core::Role::System {
        return None;
    }
    let written = match message {
        Message::Prompt(p) => p.date_created(),
        Message::Response(r) => r.date_created(),
    }
    .to_chrono()
    .with_timezone(&chrono::Utc);
    let stated = when::resolve(text, written).range;
    let instant = TimeRange { start: written, end: written + chrono::Duration::milliseconds(1) };
    let mut metadata = Map::new();
    metadata.insert("role".into(), Value::from(message.role().as_str()));
    metadata.insert("position".into(), Value::from(position));
    Some(NewMemory {
        text: text.to_owned(),
        kind: Kind::Episode,
        scope: Scope {
            user: conversation.user.clone(),
            agent: conversation.agent.clone(),
            conversation: Some(conversation.id.clone()),
        },
        source: Some(Source { conversation: conversation.id.clone(), message: Some(message.id().to_owned()) }),
        recorded_at: Some(written.timestamp_millis()),
        event: Some(stated.unwrap_or(instant)),
        time_in_text: stated.is_some(),
        importance: 0.5,
        metadata,
        embedding: None,
    })
}

/// The conversations (`only` this one, or all, archived too) with messages past their mark,
/// each with its mark, and how many messages that leaves.
pub(crate) fn pending(
    memories: &Memories,
    only: Option<&str>,
    mark: impl Fn(&str) -> Result<i64>,
) -> Result<(Vec<(Conversation, i64)>, usize)> {
    let store = memories.conversations();
    let conversations = match only {
        Some(id) => vec![store.find(id)?],
        None => {
            let mut filter = ListFilter::default();
            filter.limit = u64::MAX;
            filter.archived = true;
            store.list(&filter)?
        }
    };
    let mut pending = Vec::new();
    let mut total = 0;
    for c in conversations {
        let at = mark(&c.id)?.max(0);
        if (at as u64) < c.messages {
            total += (c.messages - at as u64) as usize;
            pending.push((c, at));
        }
    }
    Ok((pending, total))
}

/// Indexes the messages of the stored conversations not indexed yet; `progress` is told the
/// messages done and the total after each batch.
pub fn run(
    memories: &Memories,
    embedder: Option<&dyn Embedder>,
    options: &Options,
    mut progress: impl FnMut(usize, usize),
) -> Result<Report> {
    let store = memories.conversations();
    let (pending, total) = pending(memories, options.conversation.as_deref(), |id| memories.indexed(id))?;
    let mut report = Report { conversations: pending.len(), messages: total, added: 0 };
    let mut done = 0;
    let batch = options.batch.max(1);
    for (conversation, mark) in pending {
        let session: Session = store.load(&conversation.id)?;
        let messages = session.messages();
        let mut start = (mark.max(0) as usize).min(messages.len());
        while start < messages.len() {
            let end = (start + batch).min(messages.len());
            let mut new: Vec<NewMemory> =
                (start..end).filter_map(|i| episode(&conversation, i, &messages[i])).collect();
            if let Some(embedder) = embedder {
                let texts: Vec<&str> = new.iter().map(|m| m.text.as_str()).collect();
                let vectors = crate::memories::embed_texts(embedder, &texts)?;
                for (m, v) in new.iter_mut().zip(vectors) {
                    m.embedding = Some(crate::Embedding { model: embedder.model().to_owned(), vector: v });
                }
            }
            report.added += memories.add_indexed(&new, &conversation.id, end as i64)?;
            done += end - start;
            progress(done, total);
            start = end;
        }
    }
    Ok(report)
}
