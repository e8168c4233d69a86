//! [`turns`]: a session's enabled messages with their text and their parts (tool calls, tool
//! results, images), checked so that tool calls and their results stay together.

use memor_core::{Image, Message, Reasoning, Role, Session, ToolCall, ToolResult};
use memor_render::MessageRef;
use serde_json::{Map, Value};

use crate::{Error, Result};

/// One enabled message of a session as a provider sends it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Turn<'a> {
    /// Its index in the session.
    pub index: usize,
    /// Who wrote it.
    pub role: Role,
    /// Its text: memor's STRING render (a prompt through its template).
    pub text: String,
    /// The tool calls it asks for (an assistant turn).
    pub tool_calls: &'a [ToolCall],
    /// The tool results it carries (a user turn).
    pub tool_results: &'a [ToolResult],
    /// The images it carries (a user turn).
    pub images: &'a [Image],
    /// The reasoning state it carries (an assistant turn), of any provider: each provider
    /// sends back only its own.
    pub reasoning: &'a [Reasoning],
}

impl Turn<'_> {
    /// Whether it is text only (sent exactly as before tools and images existed).
    pub fn is_text_only(&self) -> bool {
        self.tool_calls.is_empty() && self.tool_results.is_empty() && self.images.is_empty()
    }
}

/// The enabled messages of a session with their parts (masked messages left out), after
/// checking that tool calls and results are paired: every tool result answers a call of the
/// assistant turn just before it, and every call of an assistant turn is answered by the next
/// turn when there is one. Otherwise a [`ToolPairing`](Error::ToolPairing) error names the
/// message and the call.
pub fn turns(session: &Session) -> Result<Vec<Turn<'_>>> {
    let turns = session
        .iter()
        .zip(session.messages_status())
        .enumerate()
        .filter(|(_, (_, on))| **on)
        .map(|(index, (m, _))| turn(index, m))
        .collect::<Result<Vec<_>>>()?;
    check_pairing(&turns)?;
    Ok(turns)
}

fn turn(index: usize, m: &Message) -> Result<Turn<'_>> {
    Ok(Turn {
        index,
        role: m.role(),
        text: crate::provider::text(MessageRef::from(m))?,
        tool_calls: m.tool_calls(),
        tool_results: m.tool_results(),
        images: m.images(),
        reasoning: m.reasoning(),
    })
}

fn pairing(index: usize, call_id: &str, problem: impl Into<String>) -> Error {
    Error::ToolPairing { index, call_id: call_id.to_owned(), problem: problem.into() }
}

fn check_pairing(turns: &[Turn<'_>]) -> Result<()> {
    for (i, turn) in turns.iter().enumerate() {
        if let Some(call) = turn.tool_calls.first().filter(|_| turn.role != Role::Assistant) {
            return Err(pairing(
                turn.index,
                &call.id,
                format!("is on a {} message, not an assistant one", turn.role.as_str()),
            ));
        }
        if let Some(result) = turn.tool_results.first().filter(|_| turn.role != Role::User) {
            return Err(pairing(
                turn.index,
                &result.call_id,
                format!("is answered on a {} message, not a user one", turn.role.as_str()),
            ));
        }
        let previous = i.checked_sub(1).and_then(|p| turns.get(p));
        for result in turn.tool_results {
            let asked = previous.is_some_and(|p| p.tool_calls.iter().any(|c| c.id == result.call_id));
            if !asked {
                return Err(pairing(
                    turn.index,
                    &result.call_id,
                    "is answered but was not asked for by the message just before",
                ));
            }
        }
        if let Some(next) = turns.get(i + 1) {
            for call in turn.tool_calls {
                if !next.tool_results.iter().any(|r| r.call_id == call.id) {
                    return Err(pairing(
                        turn.index,
                        &call.id,
                        format!("is not answered by the next message ({})", next.index),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The turns for `provider`, with images allowed on user turns only.
pub(crate) fn user_images_only<'s>(provider: &str, session: &'s Session) -> Result<Vec<Turn<'s>>> {
    let turns = turns(session)?;
    if let Some(turn) = turns.iter().find(|t| !t.images.is_empty() && t.role != Role::User) {
        return Err(Error::Unsupported {
            provider: provider.to_owned(),
            what: format!("images on a {} message (message {})", turn.role.as_str(), turn.index),
        });
    }
    Ok(turns)
}

/// The items of `turn`'s reasoning state that `provider` gave, in order (those of other
/// providers are left out: a session moved to another provider drops them).
pub(crate) fn reasoning_of<'a>(turn: &Turn<'a>, provider: &str) -> Vec<&'a Map<String, Value>> {
    turn.reasoning.iter().filter(|r| r.provider == provider).map(|r| &r.item).collect()
}
