//! The filter's and the extractor's prompts' inputs, and their replies read against their
//! schemas (every id one that was asked about, every value in range).

use serde_json::Value;

use super::Said;
use crate::when::{self, TimeRange};

/// An observation extracted from a user message.
#[derive(Clone, Debug)]
pub(crate) struct Observation<'s> {
    pub(crate) text: String,
    /// The message it comes from.
    pub(crate) message: &'s str,
    /// When the message was written.
    pub(crate) at: chrono::DateTime<chrono::Utc>,
    /// When what it describes happened, when the message says.
    pub(crate) event: Option<TimeRange>,
    pub(crate) importance: f32,
}

/// The messages as prompt lines: `[N] (written DATE) TEXT`, newlines inside a message kept
/// as ` / `.
pub(crate) fn lines<'a, 's: 'a>(said: impl IntoIterator<Item = &'a Said<'s>>) -> String {
    let lines: Vec<String> = said
        .into_iter()
        .map(|m| {
            format!("[{}] (written {}) {}", m.label, m.at.format("%Y-%m-%d %H:%M UTC"), m.text.replace('\n', " / "))
        })
        .collect();
    lines.join("\n")
}

/// A label as the model wrote it (`"2"`, `2`, `"[2]"`).
fn label(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().trim_start_matches('[').trim_end_matches(']').trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The list under `key` of a reply.
fn list<'v>(reply: &'v Value, key: &str) -> Result<&'v Vec<Value>, String> {
    reply.get(key).and_then(Value::as_array).ok_or_else(|| format!("no `{key}` list"))
}

/// The filter's scores, one per message in order (a message the reply leaves out scores 0).
pub(crate) fn scores(reply: &Value, said: &[Said<'_>]) -> Result<Vec<u8>, String> {
    let mut scores = vec![0; said.len()];
    for (i, entry) in list(reply, "messages")?.iter().enumerate() {
        let id = entry.get("id").and_then(label).ok_or_else(|| format!("messages[{i}] has no `id`"))?;
        let at = said.iter().position(|m| m.label == id).ok_or_else(|| format!("messages[{i}]: no message `{id}`"))?;
        let score =
            entry.get("score").and_then(Value::as_f64).ok_or_else(|| format!("messages[{i}] has no `score`"))?;
        if !(0.0..=3.0).contains(&score) || score.fract() != 0.0 {
            return Err(format!("messages[{i}]: score {score} is not 0, 1, 2 or 3"));
        }
        scores[at] = score as u8;
    }
    Ok(scores)
}

/// The extractor's observations, each from a message the filter kept (one from a message it
/// dropped is left out: the filter has judged it not worth remembering).
pub(crate) fn observations<'s>(
    reply: &Value,
    said: &[Said<'s>],
    kept: &[&Said<'s>],
) -> Result<Vec<Observation<'s>>, String> {
    let mut out = Vec::new();
    for (i, entry) in list(reply, "observations")?.iter().enumerate() {
        let id = entry.get("message").and_then(label).ok_or_else(|| format!("observations[{i}] has no `message`"))?;
        if !said.iter().any(|m| m.label == id) {
            return Err(format!("observations[{i}]: no message `{id}`"));
        }
        let Some(message) = kept.iter().find(|m| m.label == id) else { continue };
        let text = match entry.get("text") {
            Some(Value::String(t)) if !t.trim().is_empty() => t.trim().to_owned(),
            _ => return Err(format!("observations[{i}] has no `text`")),
        };
        let event = match entry.get("when") {
            None | Some(Value::Null) => None,
            Some(Value::String(words)) => when::resolve(words, message.at).range,
            Some(other) => return Err(format!("observations[{i}]: `when` is {other}, not words or null")),
        };
        let importance = match entry.get("importance") {
            None | Some(Value::Null) => 0.5,
            Some(v) => match v.as_f64() {
                Some(x) if (0.0..=1.0).contains(&x) => x as f32,
                _ => return Err(format!("observations[{i}]: importance {v} is not between 0 and 1")),
            },
        };
        out.push(Observation { text, message: message.id, at: message.at, event, importance });
    }
    Ok(out)
}
