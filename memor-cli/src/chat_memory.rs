//! `memor chat --store DB --memory`: before each turn the memories the user's message recalls
//! go into the request as a system message (kept with the turn, masked once it is answered, so
//! the request can be reproduced and later requests do not repeat it); after the turn its
//! messages are remembered as episodes, and the conversation's new user messages are
//! consolidated into observations (then reflected on) in the background.

use memor_core::{Prompt, Role};
use memor_embed::Embedder;
use memor_recall::index::{self, Options};
use memor_recall::{Hit, Memories, Search};

use crate::Failure;

/// The system message's template: `{memories}` becomes one line per memory.
pub(crate) const TEMPLATE: &str = "Memories from earlier conversations that may help, most relevant first \
(use them only where they are relevant):\n{memories}";

/// How many memories go into a request.
const K: usize = 5;

/// Long-term memory for a stored chat.
pub(crate) struct ChatMemory {
    memories: Memories,
    embedder: Option<std::sync::Arc<dyn Embedder>>,
    user: Option<String>,
    conversation: String,
    background: crate::consolidate::Background,
}

impl ChatMemory {
    /// Memory in the database `db`, for the stored conversation `conversation`.
    /// Memory in the database `db`, for the stored conversation `conversation`; `model` is
    /// what consolidation asks.
    pub(crate) fn open(
        db: &str,
        conversation: &str,
        user: Option<String>,
        embedder: Option<&str>,
        model: crate::consolidate::ModelArgs,
    ) -> Result<Self, Failure> {
        let memories = Memories::open(db)?;
        let embedder: Option<std::sync::Arc<dyn Embedder>> =
            crate::memory::embedder(&memories, embedder)?.map(std::sync::Arc::from);
        let background = crate::consolidate::Background::new(db, conversation, user.clone(), model, embedder.clone());
        Ok(ChatMemory { memories, embedder, user, conversation: conversation.to_owned(), background })
    }

    /// The system message for `line`, when it recalls anything.
    pub(crate) fn recall(&self, line: &str) -> Result<Option<Prompt>, Failure> {
        let mut search = Search::text(line).k(K);
        search.filter.user = self.user.clone();
        let hits = match &self.embedder {
            Some(embedder) => self.memories.search_with(&search, embedder.as_ref())?,
            None => self.memories.search(&search)?,
        };
        if hits.is_empty() {
            return Ok(None);
        }
        Ok(Some(Prompt::builder().message(render(&hits)).role(Role::System).build()))
    }

    /// Remembers the conversation's new messages as episodes, and starts consolidating them.
    pub(crate) fn remember(&self) -> Result<(), Failure> {
        let mut options = Options::default();
        options.conversation = Some(self.conversation.clone());
        index::run(&self.memories, self.embedder.as_deref(), &options, |_, _| {})?;
        self.background.start();
        Ok(())
    }

    /// Waits for the consolidation still running (the chat is over).
    pub(crate) fn finish(&self) {
        self.background.finish();
    }
}

/// [`TEMPLATE`] filled with `hits`.
fn render(hits: &[Hit]) -> String {
    let lines: Vec<String> = hits
        .iter()
        .map(|h| {
            let when = h
                .memory
                .event
                .map(|e| e.start)
                .or_else(|| chrono::DateTime::from_timestamp_millis(h.memory.recorded_at));
            match when {
                Some(when) => format!("- [{}] {}", when.format("%Y-%m-%d"), h.memory.text),
                None => format!("- {}", h.memory.text),
            }
        })
        .collect();
    TEMPLATE.replace("{memories}", &lines.join("\n"))
}
