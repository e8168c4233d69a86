//! A consolidation or reflection batch written to SQLite in the caller's transaction.

use memor_store::rusqlite::{self, OptionalExtension, Transaction, params};

use crate::backend::Batch;
use crate::sql::{now, sources_json};
use crate::vectors::to_blob;
use crate::{Error, Result};

/// Writes `batch`: its memories with their `add` events, its revisions (each only if the
/// memory is still as it was read), their events, and the progress marks.
pub(super) fn apply(tx: &Transaction<'_>, batch: &Batch<'_>, error: &dyn Fn(rusqlite::Error) -> Error) -> Result<()> {
    for a in &batch.progress {
        let held: Option<i64> = tx
            .query_row("SELECT position FROM memory_progress WHERE task = ?1 AND key = ?2", [a.task, a.key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(error)?;
        if held.unwrap_or(0) != a.from {
            return Err(Error::Moved { task: a.task.to_owned(), key: a.key.to_owned() });
        }
    }
    let at = now();
    super::insert(tx, batch.adds.iter().map(|a| &a.memory), batch.model, batch.actor, error)?;
    let mut event = tx
        .prepare_cached(
            "INSERT INTO memory_events (memory_id, action, at, text, previous, actor, sources, related) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(error)?;
    for added in &batch.adds {
        let (id, text) = (&added.memory.id, &added.memory.memory.text);
        event
            .execute(params![
                id,
                "add",
                at,
                text,
                None::<String>,
                batch.actor,
                sources_json(added.sources),
                None::<String>
            ])
            .map_err(error)?;
    }
    for r in &batch.revisions {
        let changed = if r.action == "supersede" {
            tx.execute(
                "UPDATE memories SET status = 'superseded', superseded_by = ?3, updated_at = ?4 \
                 WHERE id = ?1 AND status = 'active' AND text = ?2",
                params![r.id, r.expected, r.related, at],
            )
        } else {
            tx.execute(
                "UPDATE memories SET text = coalesce(?3, text), metadata = coalesce(?4, metadata), \
                 event_start = coalesce(?5, event_start), event_end = coalesce(?6, event_end), \
                 time_in_text = time_in_text OR ?5 IS NOT NULL, embedding = coalesce(?7, embedding), \
                 model = CASE WHEN ?7 IS NULL THEN model ELSE ?8 END, updated_at = ?9 \
                 WHERE id = ?1 AND status = 'active' AND text = ?2",
                params![
                    r.id,
                    r.expected,
                    r.text,
                    r.metadata.map(|m| serde_json::Value::Object(m.clone()).to_string()),
                    r.event.map(|e| e.start.timestamp_millis()),
                    r.event.map(|e| e.end.timestamp_millis()),
                    r.vector.as_deref().map(to_blob),
                    batch.model.map(|(name, _)| name),
                    at,
                ],
            )
        }
        .map_err(error)?;
        if changed == 0 {
            return Err(Error::Changed { id: r.id.to_owned() });
        }
        super::changed(tx, r.id).map_err(error)?;
        event
            .execute(params![r.id, r.action, at, r.text, r.expected, batch.actor, sources_json(r.sources), r.related])
            .map_err(error)?;
    }
    for a in &batch.progress {
        tx.execute(
            "INSERT INTO memory_progress VALUES (?1, ?2, ?3) ON CONFLICT (task, key) DO UPDATE SET position = ?3",
            params![a.task, a.key, a.to],
        )
        .map_err(error)?;
    }
    if !batch.adds.is_empty() || !batch.revisions.is_empty() {
        super::bump(tx).map_err(error)?;
    }
    Ok(())
}
