//! [`fit`]: which messages of a session go into the request, as a pure function of the
//! session, the [`Policy`] and the [`Counter`].

use std::borrow::Cow;

use memor_core::{Message, Role, Session};
use memor_render::prelude::*;

use crate::counting::Memo;
use crate::{Counter, Error, Item, Policy, Result};

/// One message of a fit: where it is in the session and what it costs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry<'s> {
    /// Its index in the session's messages.
    pub index: usize,
    /// Its id (borrowed from the session; [`Fit::into_owned`] copies it).
    pub id: Cow<'s, str>,
    /// Who wrote it.
    pub role: Role,
    /// Its tokens in the request (for a dropped message, `None` when the policy does not count
    /// dropped messages and the fit did not need its count).
    pub tokens: Option<usize>,
}

/// What a fit keeps and drops, against the budget. Masked messages are in neither list: they
/// are never sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit<'s> {
    /// The counter's id.
    pub counter: String,
    /// The budget: request and reply.
    pub budget: usize,
    /// The reserve for the reply.
    pub reserve: usize,
    /// Tokens every request costs (reply priming, tool definitions), included in `total`.
    pub fixed: usize,
    /// The request's tokens: `fixed` plus every kept message's; at most `budget - reserve`.
    pub total: usize,
    /// The messages sent, in order.
    pub kept: Vec<Entry<'s>>,
    /// The messages left out, in order.
    pub dropped: Vec<Entry<'s>>,
    /// What the caller should know (a request that must start with an assistant turn).
    pub warnings: Vec<String>,
}

impl Fit<'_> {
    /// The fit with its own copies of the ids, free of the session.
    pub fn into_owned(self) -> Fit<'static> {
        let own = |entries: Vec<Entry<'_>>| {
            entries.into_iter().map(|e| Entry { id: Cow::Owned(e.id.into_owned()), ..e }).collect()
        };
        Fit { kept: own(self.kept), dropped: own(self.dropped), ..self }
    }

    /// The session to send: the kept messages only (a new session with the same title).
    pub fn request(&self, session: &Session) -> Session {
        let messages = self.kept.iter().filter_map(|e| session.get_message(e.index).cloned()).collect();
        Session::with_messages(session.title().map(str::to_owned), messages)
    }
}

/// Fits `session`'s enabled messages into `policy`'s budget, counting with `counter`.
///
/// Always kept: system messages, pinned messages and the newest user turn (each with its tool
/// exchange); if they alone do not fit, [`Error::TooLarge`] gives the numbers. Then, newest
/// first, each further group (a message, or an assistant's tool calls with the message holding
/// their results) while it fits and within [`Policy::last`]; the first group that does not fit
/// ends the window, so what is kept is the longest run of recent messages that fits. With
/// [`Policy::user_first`], leading non-user turns that are not required are dropped too.
///
/// Only the messages it keeps (and the first group that does not fit) are rendered and
/// counted, unless [`Policy::count_dropped`] asks for every count; every count goes through the
/// counter's cache.
///
/// ```
/// use memor_context::{Counter, OpenAiCounter, Policy, fit};
/// use memor_core::{Prompt, Response, Role, Session};
///
/// let mut session = Session::new(None);
/// session.add_message(Prompt::builder().message("Be brief.").role(Role::System).build());
/// for i in 0..10 {
///     session.add_message(Prompt::builder().message(format!("Question {i}?")).build());
///     session.add_message(Response::builder().message(format!("Answer {i}.")).build()?);
/// }
/// session.add_message(Prompt::builder().message("And now?").build());
///
/// let counter = Counter::new(OpenAiCounter::for_model("gpt-4o")?);
/// let fit = fit(&session, &Policy::new(60), &counter)?;
/// assert_eq!(fit.kept[0].index, 0); // the system message
/// assert_eq!(fit.kept.last().map(|e| e.index), Some(21)); // the newest user turn
/// assert!(fit.total <= 60 && !fit.dropped.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn fit<'s>(session: &'s Session, policy: &Policy, counter: &Counter) -> Result<Fit<'s>> {
    let available = policy.available()?;
    let fixed = counter.fixed(&policy.tools)?;
    let view = View { messages: session.messages(), on: session.messages_status() };
    let mut tally = Tally { view: &view, tokens: vec![UNCOUNTED; view.messages.len()], memo: counter.memo() };

    // One pass over the session: pairing, system and pinned messages.
    let mut mandatory = Vec::new();
    let mut previous: Option<usize> = None;
    for (i, m) in view.messages.iter().enumerate() {
        if !view.enabled(i) {
            continue;
        }
        if let Some(result) = m
            .tool_results()
            .iter()
            .find(|r| !previous.is_some_and(|p| view.messages[p].tool_calls().iter().any(|c| c.id == r.call_id)))
        {
            return Err(Error::Orphan { index: i, call_id: result.call_id.clone() });
        }
        if m.role() == Role::System || (!policy.pinned.is_empty() && policy.pinned.contains(m.id())) {
            let (first, last) = view.group(i);
            mandatory.extend([first, last]);
        }
        previous = Some(i);
    }
    mandatory.sort_unstable();
    mandatory.dedup();
    let pinned_tokens = mandatory.iter().map(|&i| tally.one(i)).sum::<Result<usize>>()?;
    let newest = (0..view.messages.len()).rev().find(|&i| view.enabled(i) && view.messages[i].role() == Role::User);
    let mut newest_tokens = 0;
    if let Some(n) = newest {
        let (first, last) = view.group(n);
        for i in [first, last] {
            if let Err(at) = mandatory.binary_search(&i) {
                mandatory.insert(at, i);
                newest_tokens += tally.one(i)?;
            }
        }
    }
    let mut used = fixed + newest_tokens + pinned_tokens;
    if used > available {
        return Err(Error::TooLarge {
            newest: newest_tokens,
            newest_index: newest,
            pinned: pinned_tokens,
            fixed,
            available,
            budget: policy.budget,
            reserve: policy.reserve,
        });
    }
    let is_mandatory = |i: usize| mandatory.binary_search(&i).is_ok();
    let mut count = mandatory.iter().filter(|&&i| view.messages[i].role() != Role::System).count();

    // Newest first: every enabled message at or after `cut` is kept.
    let mut cut = 0;
    let mut below = view.messages.len();
    while let Some(last) = view.previous(below) {
        if is_mandatory(last) {
            below = last;
            continue;
        }
        let (first, _) = view.group(last);
        let tokens = tally.one(first)? + if first == last { 0 } else { tally.one(last)? };
        let len = if first == last { 1 } else { 2 };
        if used + tokens > available || policy.last.is_some_and(|n| count + len > n) {
            cut = last + 1;
            break;
        }
        used += tokens;
        count += len;
        below = first;
    }

    let mut warnings = Vec::new();
    if policy.user_first {
        let pinned_first = mandatory.iter().copied().find(|&i| i < cut && view.messages[i].role() != Role::System);
        loop {
            let first = pinned_first.or_else(|| {
                (cut..view.messages.len()).find(|&i| view.enabled(i) && view.messages[i].role() != Role::System)
            });
            let Some(first) = first else { break };
            let role = view.messages[first].role();
            if role == Role::User {
                break;
            }
            if is_mandatory(first) {
                warnings.push(format!(
                    "the request starts with a {} turn (message {first}) that must be kept; the provider may refuse it",
                    role.as_str()
                ));
                break;
            }
            let (_, last) = view.group(first);
            used -= tally.one(first)? + if first == last { 0 } else { tally.one(last)? };
            cut = last + 1;
        }
    }

    let enabled = view.on.iter().filter(|on| **on).count();
    let kept_count = mandatory.iter().filter(|&&i| i < cut).count()
        + (cut..view.messages.len()).filter(|&i| view.enabled(i)).count();
    let (mut kept, mut dropped) = (Vec::with_capacity(kept_count), Vec::with_capacity(enabled - kept_count));
    let mut pinned = mandatory.iter().copied().peekable();
    for (index, message) in view.messages.iter().enumerate() {
        if !view.enabled(index) {
            continue;
        }
        let required = pinned.next_if_eq(&index).is_some();
        let keep = required || index >= cut;
        let tokens = match keep || policy.count_dropped {
            true => Some(tally.one(index)?),
            false => tally.counted(index),
        };
        let entry = Entry { index, id: Cow::Borrowed(message.id()), role: message.role(), tokens };
        if keep { kept.push(entry) } else { dropped.push(entry) }
    }
    Ok(Fit {
        counter: counter.id(),
        budget: policy.budget,
        reserve: policy.reserve,
        fixed,
        total: used,
        kept,
        dropped,
        warnings,
    })
}

/// The session's messages and which are enabled.
struct View<'s> {
    messages: &'s [Message],
    on: &'s [bool],
}

impl View<'_> {
    fn enabled(&self, i: usize) -> bool {
        self.on.get(i).copied().unwrap_or(false)
    }

    /// The enabled message before `i`.
    fn previous(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&k| self.enabled(k))
    }

    /// The first and last message of `i`'s group: a message with tool results goes with the
    /// message before it (its calls), a message with tool calls with the next one when that
    /// holds results.
    fn group(&self, i: usize) -> (usize, usize) {
        let m = &self.messages[i];
        if !m.tool_results().is_empty() {
            return (self.previous(i).unwrap_or(i), i);
        }
        if !m.tool_calls().is_empty() {
            let next = (i + 1..self.messages.len()).find(|&k| self.enabled(k));
            if let Some(next) = next.filter(|&k| !self.messages[k].tool_results().is_empty()) {
                return (i, next);
            }
        }
        (i, i)
    }
}

/// A message not counted yet (no message has 2^32 − 1 tokens: a count that large is stored as
/// one less, which no budget can tell apart).
const UNCOUNTED: u32 = u32::MAX;

/// Counts messages once each during a fit.
struct Tally<'v, 'c> {
    view: &'v View<'v>,
    /// Per message of the session: its count, or [`UNCOUNTED`].
    tokens: Vec<u32>,
    memo: Memo<'c>,
}

impl Tally<'_, '_> {
    fn counted(&self, index: usize) -> Option<usize> {
        self.tokens.get(index).filter(|t| **t != UNCOUNTED).map(|t| *t as usize)
    }

    fn one(&mut self, index: usize) -> Result<usize> {
        if let Some(tokens) = self.counted(index) {
            return Ok(tokens);
        }
        let message = &self.view.messages[index];
        let text = text(message)?;
        let item = Item {
            role: message.role(),
            text: &text,
            tool_calls: message.tool_calls(),
            tool_results: message.tool_results(),
            images: message.images(),
        };
        let tokens = self.memo.count(&item)?;
        if let Some(slot) = self.tokens.get_mut(index) {
            *slot = u32::try_from(tokens).unwrap_or(UNCOUNTED - 1).min(UNCOUNTED - 1);
        }
        Ok(tokens)
    }
}

/// A message's text as providers send it: memor's STRING render (a response's message as it
/// is, as memor-render's `Context::text` gives it; a prompt through its template).
pub(crate) fn text(message: &Message) -> Result<Cow<'_, str>> {
    Ok(match message {
        Message::Prompt(p) => Cow::Owned(p.text()?),
        Message::Response(r) => Cow::Borrowed(r.message()),
    })
}
