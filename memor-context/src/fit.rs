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

/// Messages that are kept or dropped together: one message, or a tool call and its results.
struct Group {
    /// Positions in the list of enabled messages: `first..end`.
    first: usize,
    end: usize,
    mandatory: bool,
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
    let messages: Vec<(usize, &'s Message)> = session
        .iter()
        .zip(session.messages_status())
        .enumerate()
        .filter(|(_, (_, on))| **on)
        .map(|(i, (m, _))| (i, m))
        .collect();
    let newest = messages.iter().rposition(|(_, m)| m.role() == Role::User);
    let groups = groups(&messages, policy, newest)?;
    let mut tally = Tally { messages: &messages, tokens: vec![None; messages.len()], memo: counter.memo() };

    let mut keep = vec![false; groups.len()];
    let (mut newest_tokens, mut pinned_tokens, mut count) = (0, 0, 0);
    for (g, group) in groups.iter().enumerate().filter(|(_, g)| g.mandatory) {
        keep[g] = true;
        let tokens = tally.group(group)?;
        match newest {
            Some(n) if (group.first..group.end).contains(&n) => newest_tokens += tokens,
            _ => pinned_tokens += tokens,
        }
        count += non_system(&messages, group);
    }
    let mut used = fixed + newest_tokens + pinned_tokens;
    if used > available {
        return Err(Error::TooLarge {
            newest: newest_tokens,
            newest_index: newest.map(|n| messages[n].0),
            pinned: pinned_tokens,
            fixed,
            available,
            budget: policy.budget,
            reserve: policy.reserve,
        });
    }
    for (g, group) in groups.iter().enumerate().rev().filter(|(_, g)| !g.mandatory) {
        let tokens = tally.group(group)?;
        let len = non_system(&messages, group);
        if used + tokens > available || policy.last.is_some_and(|n| count + len > n) {
            break;
        }
        keep[g] = true;
        used += tokens;
        count += len;
    }
    let mut warnings = Vec::new();
    if policy.user_first {
        for (g, group) in groups.iter().enumerate() {
            let role = messages[group.first].1.role();
            if !keep[g] || role == Role::System {
                continue;
            }
            if role == Role::User {
                break;
            }
            if group.mandatory {
                let index = messages[group.first].0;
                warnings.push(format!(
                    "the request starts with a {} turn (message {index}) that must be kept; the provider may refuse it",
                    role.as_str()
                ));
                break;
            }
            keep[g] = false;
            used -= tally.group(group)?;
        }
    }

    let kept_count = groups.iter().zip(&keep).filter(|(_, k)| **k).map(|(g, _)| g.end - g.first).sum::<usize>();
    let (mut kept, mut dropped) = (Vec::with_capacity(kept_count), Vec::with_capacity(messages.len() - kept_count));
    for (g, group) in groups.iter().enumerate() {
        for (position, &(index, message)) in messages.iter().enumerate().take(group.end).skip(group.first) {
            let tokens = match (keep[g], policy.count_dropped) {
                (false, false) => tally.tokens[position],
                _ => Some(tally.one(position)?),
            };
            let entry = Entry { index, id: Cow::Borrowed(message.id()), role: message.role(), tokens };
            if keep[g] { kept.push(entry) } else { dropped.push(entry) }
        }
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

/// The groups of the enabled `messages`: a message with tool results joins the message with
/// the calls just before it. A result that answers no call there is an [`Error::Orphan`].
fn groups(messages: &[(usize, &Message)], policy: &Policy, newest: Option<usize>) -> Result<Vec<Group>> {
    let mut groups: Vec<Group> = Vec::new();
    for (position, (index, message)) in messages.iter().enumerate() {
        let mandatory = message.role() == Role::System
            || newest == Some(position)
            || (!policy.pinned.is_empty() && policy.pinned.contains(message.id()));
        if !message.tool_results().is_empty() {
            let previous = position.checked_sub(1).map(|p| messages[p].1);
            let asked = |id: &str| previous.is_some_and(|p| p.tool_calls().iter().any(|c| c.id == id));
            if let Some(orphan) = message.tool_results().iter().find(|r| !asked(&r.call_id)) {
                return Err(Error::Orphan { index: *index, call_id: orphan.call_id.clone() });
            }
            if let Some(group) = groups.last_mut() {
                group.end = position + 1;
                group.mandatory |= mandatory;
                continue;
            }
        }
        groups.push(Group { first: position, end: position + 1, mandatory });
    }
    Ok(groups)
}

fn non_system(messages: &[(usize, &Message)], group: &Group) -> usize {
    messages[group.first..group.end].iter().filter(|(_, m)| m.role() != Role::System).count()
}

/// Counts messages once each during a fit.
struct Tally<'a, 'c> {
    messages: &'a [(usize, &'a Message)],
    tokens: Vec<Option<usize>>,
    memo: Memo<'c>,
}

impl Tally<'_, '_> {
    fn group(&mut self, group: &Group) -> Result<usize> {
        (group.first..group.end).map(|p| self.one(p)).sum()
    }

    fn one(&mut self, position: usize) -> Result<usize> {
        if let Some(tokens) = self.tokens[position] {
            return Ok(tokens);
        }
        let message = self.messages[position].1;
        let text = text(message)?;
        let item = Item {
            role: message.role(),
            text: &text,
            tool_calls: message.tool_calls(),
            tool_results: message.tool_results(),
            images: message.images(),
        };
        let tokens = self.memo.count(&item)?;
        self.tokens[position] = Some(tokens);
        Ok(tokens)
    }
}

/// A message's text as providers send it: memor's STRING render.
pub(crate) fn text(message: &Message) -> Result<String> {
    Ok(match message {
        Message::Prompt(p) => p.text()?,
        Message::Response(r) => r.text()?,
    })
}
