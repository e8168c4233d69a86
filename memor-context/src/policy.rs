//! [`Policy`]: how a session is fitted into a window.

use std::collections::BTreeSet;

use memor_providers::Tool;

use crate::{ModelTable, Result};

/// How a session is fitted: a token budget (the whole window: request and reply) with a
/// reserve for the reply, optionally at most the last N messages, messages that are always
/// kept, and the provider's ordering rule.
///
/// System messages, pinned messages and the newest user turn are always kept; a tool call and
/// its results are kept or dropped together; the other messages are kept newest first while
/// they fit.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// The window: request plus reply, in tokens.
    pub budget: usize,
    /// The tokens left for the reply: the request may use `budget - reserve`.
    pub reserve: usize,
    /// At most this many non-system messages (the last ones), if set.
    pub last: Option<usize>,
    /// Ids of messages that are always kept (with their tool exchange).
    pub pinned: BTreeSet<String>,
    /// Whether the first non-system message sent must be a user turn (Anthropic, Gemini,
    /// Mistral): leading assistant turns that may be dropped are dropped.
    pub user_first: bool,
    /// The tool definitions sent with every request (counted in the fixed overhead).
    pub tools: Vec<Tool>,
    /// Whether dropped messages are counted too (for the report). Without it a fit counts only
    /// what it keeps and the first group that does not fit, and older dropped messages have
    /// no count.
    pub count_dropped: bool,
}

impl Policy {
    /// A budget of `budget` tokens, no reserve, no other limit; dropped messages counted.
    pub fn new(budget: usize) -> Self {
        Policy {
            budget,
            reserve: 0,
            last: None,
            pinned: BTreeSet::new(),
            user_first: false,
            tools: Vec::new(),
            count_dropped: true,
        }
    }

    /// The last `n` messages, whatever their tokens.
    pub fn last_messages(n: usize) -> Self {
        Policy { last: Some(n), ..Policy::new(usize::MAX) }
    }

    /// The model's window as the budget, its default reserve
    /// ([`ModelInfo::default_reserve`](crate::ModelInfo::default_reserve)) and its provider's
    /// ordering rule; [`UnknownModel`](crate::Error::UnknownModel) when the table does not
    /// know it.
    pub fn for_model(model: &str, table: &ModelTable) -> Result<Self> {
        let info = table.get(model)?;
        Ok(Policy { reserve: info.default_reserve(), user_first: info.family.user_first(), ..Policy::new(info.window) })
    }

    /// Sets the reply reserve.
    #[must_use]
    pub fn reserve(mut self, tokens: usize) -> Self {
        self.reserve = tokens;
        self
    }

    /// Keeps at most the last `n` non-system messages.
    #[must_use]
    pub fn last(mut self, n: usize) -> Self {
        self.last = Some(n);
        self
    }

    /// Always keeps the message with this id.
    #[must_use]
    pub fn pin(mut self, id: impl Into<String>) -> Self {
        self.pinned.insert(id.into());
        self
    }

    /// Sets the ordering rule.
    #[must_use]
    pub fn user_first(mut self, user_first: bool) -> Self {
        self.user_first = user_first;
        self
    }

    /// Sets the tool definitions sent with every request.
    #[must_use]
    pub fn tools(mut self, tools: Vec<Tool>) -> Self {
        self.tools = tools;
        self
    }

    /// Sets whether dropped messages are counted.
    #[must_use]
    pub fn count_dropped(mut self, count: bool) -> Self {
        self.count_dropped = count;
        self
    }

    /// What the request may use.
    pub fn available(&self) -> Result<usize> {
        match self.budget.checked_sub(self.reserve) {
            Some(available) if available > 0 => Ok(available),
            _ => Err(crate::Error::Budget { budget: self.budget, reserve: self.reserve }),
        }
    }
}
