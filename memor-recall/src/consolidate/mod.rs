//! Consolidation: the user messages of stored conversations turned into observations (facts)
//! that stay coherent. Per batch of new user messages: **filter** (what tells about the user;
//! hypothetical and fictional content dropped), **extract** (observations, with the time they
//! happened resolved against the message's own timestamp), **decide** for each against the
//! similar active memories (ADD, UPDATE, SUPERSEDE, NONE), then everything the batch changes,
//! its history and the progress mark are written in one transaction.
//!
//! A step whose reply is malformed or refused is asked once more; if it fails again the batch
//! (and the rest of that conversation) stays unconsolidated, is reported, and the next run
//! starts from it. A run stopped at any moment leaves each batch applied or not at all; a
//! second run adds nothing.

mod decide;
mod read;

use std::ops::Range;

use memor_core::{Message, Role, Session};
use memor_embed::Embedder;
use memor_store::Conversation;

use crate::backend::Advance;
use crate::llm::{Llm, Step, ask_json};
use crate::prompts::Prompts;
use crate::{Error, Memories, Result};

/// The progress task consolidation marks (per conversation: messages taken).
pub(crate) const TASK: &str = "consolidate";

/// How a consolidation run goes.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Options {
    /// Only this conversation (id or title; all when `None`).
    pub conversation: Option<String>,
    /// User messages per batch (one transaction, one filter and one extract call).
    pub batch: usize,
    /// The filter's score (0 to 3) a message needs to be kept.
    pub min_score: u8,
    /// How many similar memories each observation is decided against.
    pub similar: usize,
    /// The steps' templates.
    pub prompts: Prompts,
}

impl Default for Options {
    fn default() -> Self {
        Options { conversation: None, batch: 8, min_score: 2, similar: 5, prompts: Prompts::default() }
    }
}

/// A batch that could not be consolidated (it and the rest of its conversation wait for the
/// next run).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Failed {
    /// The conversation.
    pub conversation: String,
    /// The positions of the batch's messages in it.
    pub messages: Range<usize>,
    /// Why.
    pub error: String,
}

/// What a consolidation run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// Conversations with messages not consolidated before.
    pub conversations: usize,
    /// User messages read.
    pub messages: usize,
    /// User messages the filter kept.
    pub kept: usize,
    /// Observations extracted.
    pub observations: usize,
    /// Memories added.
    pub added: usize,
    /// Memories updated (merged).
    pub updated: usize,
    /// Memories superseded.
    pub superseded: usize,
    /// Observations already known.
    pub unchanged: usize,
    /// Batches left unconsolidated.
    pub failed: Vec<Failed>,
}

/// Texts equal but for case, spacing and a final full stop.
pub(crate) fn same(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim().trim_end_matches('.').split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

/// A user message of a batch.
pub(crate) struct Said<'s> {
    /// Its label in the prompts (`1`, `2`, …).
    pub(crate) label: String,
    pub(crate) id: &'s str,
    pub(crate) text: &'s str,
    pub(crate) at: chrono::DateTime<chrono::Utc>,
}

/// Consolidates the user messages of the stored conversations not consolidated yet, asking
/// `llm`; observations get vectors from `embedder` when given. `progress` is told the messages
/// done and the total after each batch. A store error ends the run; a failed step is reported
/// in [`Report::failed`].
pub fn run(
    memories: &Memories,
    llm: &dyn Llm,
    embedder: Option<&dyn Embedder>,
    options: &Options,
    mut progress: impl FnMut(usize, usize),
) -> Result<Report> {
    let store = memories.conversations();
    let only = options.conversation.as_deref();
    let (pending, total) = crate::index::pending(memories, only, |id| memories.progress(TASK, id))?;
    let mut report = Report { conversations: pending.len(), ..Report::default() };
    let mut done = 0;
    let batch = options.batch.max(1);
    for (conversation, mark) in pending {
        let session: Session = store.load(&conversation.id)?;
        let messages = session.messages();
        let mut start = (mark as usize).min(messages.len());
        while start < messages.len() {
            let (end, said) = next_batch(messages, start, batch);
            match consolidate(memories, llm, embedder, options, &conversation, &said, start..end, &mut report) {
                Ok(()) => {}
                Err(e @ (Error::Step { .. } | Error::Changed { .. } | Error::Moved { .. })) => {
                    report.failed.push(Failed {
                        conversation: conversation.id.clone(),
                        messages: start..end,
                        error: e.to_string(),
                    });
                    done += messages.len() - start;
                    progress(done, total);
                    break;
                }
                Err(e) => return Err(e),
            }
            done += end - start;
            progress(done, total);
            start = end;
        }
    }
    Ok(report)
}

/// The user messages from `start` until `batch` of them are taken, and where the batch ends.
fn next_batch(messages: &[Message], start: usize, batch: usize) -> (usize, Vec<Said<'_>>) {
    let mut said = Vec::new();
    let mut end = start;
    while end < messages.len() && said.len() < batch {
        let message = &messages[end];
        end += 1;
        let Message::Prompt(prompt) = message else { continue };
        if prompt.role() != Role::User || prompt.message().trim().is_empty() {
            continue;
        }
        said.push(Said {
            label: (said.len() + 1).to_string(),
            id: message.id(),
            text: prompt.message(),
            at: prompt.date_created().to_chrono().with_timezone(&chrono::Utc),
        });
    }
    (end, said)
}

/// One batch: filter, extract, decide, write (the mark moved over `span`).
#[allow(clippy::too_many_arguments, reason = "one batch's whole context, passed down once")]
fn consolidate(
    memories: &Memories,
    llm: &dyn Llm,
    embedder: Option<&dyn Embedder>,
    options: &Options,
    conversation: &Conversation,
    said: &[Said<'_>],
    span: Range<usize>,
    report: &mut Report,
) -> Result<()> {
    report.messages += said.len();
    let mut observations = Vec::new();
    if !said.is_empty() {
        let lines = read::lines(said);
        let prompt = options.prompts.render(Step::Filter, &[("messages", lines)])?;
        let scores = ask_json(llm, Step::Filter, &prompt, |v| read::scores(v, said))?;
        let kept: Vec<&Said<'_>> =
            said.iter().zip(&scores).filter(|(_, s)| **s >= options.min_score).map(|(m, _)| m).collect();
        report.kept += kept.len();
        if !kept.is_empty() {
            let lines = read::lines(kept.iter().copied());
            let prompt = options.prompts.render(Step::Extract, &[("messages", lines)])?;
            observations = ask_json(llm, Step::Extract, &prompt, |v| read::observations(v, said, &kept))?;
        }
    }
    report.observations += observations.len();
    let mut plan = decide::Plan::new(memories, llm, embedder, options, conversation);
    for observation in observations {
        plan.decide(observation, report)?;
    }
    plan.write(Advance { task: TASK, key: &conversation.id, from: span.start as i64, to: span.end as i64 })
}
