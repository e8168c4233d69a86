//! What both SQL backends share: rows read back.

use serde_json::{Map, Value};

use crate::model::{Kind, Scope, Source, Status};
use crate::when::TimeRange;
use crate::{Error, Memory, Result};

/// A memory's columns as the backends read them.
pub(crate) struct Columns {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) status: String,
    pub(crate) text: String,
    pub(crate) user: Option<String>,
    pub(crate) agent: Option<String>,
    pub(crate) conversation: Option<String>,
    pub(crate) source_conversation: Option<String>,
    pub(crate) source_message: Option<String>,
    pub(crate) recorded_at: i64,
    pub(crate) event_start: Option<i64>,
    pub(crate) event_end: Option<i64>,
    pub(crate) time_in_text: bool,
    pub(crate) importance: f64,
    pub(crate) metadata: String,
    pub(crate) superseded_by: Option<String>,
    pub(crate) model: Option<String>,
}

/// The select list `Columns` is read from, in order.
pub(crate) const COLUMNS: &str = "m.id, m.kind, m.status, m.text, m.user_id, m.agent, m.conversation_id, \
     m.source_conversation, m.source_message, m.recorded_at, m.event_start, m.event_end, m.time_in_text, \
     m.importance, m.metadata, m.superseded_by, m.model";

impl Columns {
    pub(crate) fn finish(self) -> Result<Memory> {
        let what = || format!("memory {}", self.id);
        let kind =
            Kind::parse(&self.kind).ok_or_else(|| Error::corrupt(what(), format!("unknown kind `{}`", self.kind)))?;
        let status = Status::parse(&self.status)
            .ok_or_else(|| Error::corrupt(what(), format!("unknown status `{}`", self.status)))?;
        let metadata: Map<String, Value> =
            serde_json::from_str(&self.metadata).map_err(|e| Error::corrupt(what(), format!("metadata: {e}")))?;
        let event = match (self.event_start, self.event_end) {
            (Some(start), Some(end)) => {
                Some(range(start, end).ok_or_else(|| Error::corrupt(what(), "event time out of range"))?)
            }
            _ => None,
        };
        Ok(Memory {
            id: self.id,
            text: self.text,
            kind,
            status,
            scope: Scope { user: self.user, agent: self.agent, conversation: self.conversation },
            source: self.source_conversation.map(|conversation| Source { conversation, message: self.source_message }),
            recorded_at: self.recorded_at,
            event,
            time_in_text: self.time_in_text,
            importance: self.importance as f32,
            metadata,
            superseded_by: self.superseded_by,
            model: self.model,
        })
    }
}

/// The span from `start` to `end` (Unix milliseconds).
pub(crate) fn range(start: i64, end: i64) -> Option<TimeRange> {
    Some(TimeRange {
        start: chrono::DateTime::from_timestamp_millis(start)?,
        end: chrono::DateTime::from_timestamp_millis(end)?,
    })
}

/// The sources recorded with an event (a JSON list of `{conversation, message}`).
pub(crate) fn sources(json: &str) -> Result<Vec<Source>> {
    let bad = |reason: String| Error::corrupt("a memory event's sources", reason);
    let list: Vec<Value> = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
    list.iter()
        .map(|v| {
            let conversation = v["conversation"].as_str().ok_or_else(|| bad("no conversation".into()))?;
            Ok(Source { conversation: conversation.to_owned(), message: v["message"].as_str().map(str::to_owned) })
        })
        .collect()
}

/// The JSON list an event's sources are written as.
pub(crate) fn sources_json(sources: &[Source]) -> String {
    let list: Vec<Value> =
        sources.iter().map(|s| serde_json::json!({"conversation": s.conversation, "message": s.message})).collect();
    Value::Array(list).to_string()
}

/// The `add` event that heads a memory's history, made from the memory's row (adds are not
/// written as events: a bulk add writes one row per memory, not two); its text is what was
/// added, the text before the first update if there was one. `None` when the add was written
/// as an event (with its sources and the model that decided it, by consolidation).
pub(crate) fn add_event(
    memory: &Memory,
    added_at: i64,
    added_by: Option<String>,
    later: &[crate::Event],
) -> Option<crate::Event> {
    if later.iter().any(|e| e.action == "add") {
        return None;
    }
    let first_update = later.iter().find(|e| e.action == "update").and_then(|e| e.previous.clone());
    Some(crate::Event {
        memory: memory.id.clone(),
        action: "add".to_owned(),
        at: added_at,
        text: Some(first_update.unwrap_or_else(|| memory.text.clone())),
        previous: None,
        actor: added_by,
        sources: memory.source.clone().into_iter().collect(),
        related: None,
    })
}

/// Now, in Unix milliseconds.
pub(crate) fn now() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
