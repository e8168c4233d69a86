//! Memories in the store's SQLite file: FTS5 (BM25) for words, vectors as blobs scanned in
//! memory, all written in the store's transactions.

mod apply;
mod cache;
mod schema;

use std::sync::{Arc, Mutex};

use memor_store::rusqlite::{self, OptionalExtension, ToSql, Transaction, params, params_from_iter};
use memor_store::{SqliteStore, Store};

use crate::backend::{Backend, Mark, Prepared};
use crate::fuse::Candidate;
use crate::sql::{COLUMNS, Columns, now};
use crate::vectors::{dot, from_blob, normalized, to_blob};
use crate::{Error, Event, Filter, Memory, Result, Status};

use cache::Cache;

/// Long-term memory in a [`SqliteStore`]'s file.
pub(crate) struct Sqlite {
    store: Arc<SqliteStore>,
    cache: Mutex<Cache>,
}

impl Sqlite {
    /// Adds memory's tables to the store's file (a migration of the `memory` component).
    pub(crate) fn new(store: Arc<SqliteStore>) -> Result<Sqlite> {
        store.migrate("memory", schema::SCRIPTS)?;
        Ok(Sqlite { store, cache: Mutex::new(Cache::default()) })
    }

    fn error(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        move |e| Error::Store(self.store.sql_error(&e))
    }

    fn read<T>(&self, f: impl FnOnce(&Transaction<'_>, &dyn Fn(rusqlite::Error) -> Error) -> Result<T>) -> Result<T> {
        let error = self.error();
        self.store.read_sql(|tx| f(tx, &error))
    }

    fn write<T>(&self, f: impl FnOnce(&Transaction<'_>, &dyn Fn(rusqlite::Error) -> Error) -> Result<T>) -> Result<T> {
        let error = self.error();
        self.store.write_sql(|tx| f(tx, &error))
    }
}

/// `WHERE` conditions (joined by `AND`, on `memories m`) and their values for `filter`.
fn conditions(filter: &Filter, active_only: bool) -> (String, Vec<Box<dyn ToSql>>) {
    let mut sql = vec![];
    let mut args: Vec<Box<dyn ToSql>> = vec![];
    if active_only || !filter.all_statuses {
        sql.push("m.status = 'active'".to_owned());
    }
    let named = [("m.user_id", &filter.user), ("m.agent", &filter.agent)];
    for (column, value) in named {
        if let Some(value) = value {
            args.push(Box::new(value.clone()));
            sql.push(format!("{column} = ?{}", args.len()));
        }
    }
    if let Some(c) = &filter.conversation {
        args.push(Box::new(c.clone()));
        let n = args.len();
        sql.push(format!("(m.conversation_id = ?{n} OR m.source_conversation = ?{n})"));
    }
    if !filter.kinds.is_empty() {
        let names: Vec<String> = filter.kinds.iter().map(|k| format!("'{}'", k.as_str())).collect();
        sql.push(format!("m.kind IN ({})", names.join(", ")));
    }
    if let Some(during) = &filter.during {
        args.push(Box::new(during.end.timestamp_millis()));
        args.push(Box::new(during.start.timestamp_millis()));
        let n = args.len();
        sql.push(format!("m.event_start < ?{} AND ?{n} < max(m.event_end, m.event_start + 1)", n - 1));
    }
    let text = if sql.is_empty() { "1".to_owned() } else { sql.join(" AND ") };
    (text, args)
}

fn columns(row: &rusqlite::Row<'_>) -> rusqlite::Result<Columns> {
    Ok(Columns {
        id: row.get(0)?,
        kind: row.get(1)?,
        status: row.get(2)?,
        text: row.get(3)?,
        user: row.get(4)?,
        agent: row.get(5)?,
        conversation: row.get(6)?,
        source_conversation: row.get(7)?,
        source_message: row.get(8)?,
        recorded_at: row.get(9)?,
        event_start: row.get(10)?,
        event_end: row.get(11)?,
        time_in_text: row.get(12)?,
        importance: row.get(13)?,
        metadata: row.get(14)?,
        superseded_by: row.get(15)?,
        model: row.get(16)?,
    })
}

/// Counts a write of memories, which readers of the vectors catch up with.
fn bump(tx: &Transaction<'_>) -> rusqlite::Result<usize> {
    tx.execute("UPDATE memory_generation SET value = value + 1 WHERE only = 1", [])
}

/// How many of the latest changes `memory_changes` keeps.
pub(crate) const KEPT_CHANGES: i64 = 10_000;

/// Records that the memory `id`'s vector, scope or status changed: the `removals` counter
/// numbers the change, and the oldest changes beyond [`KEPT_CHANGES`] are dropped.
fn changed(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<()> {
    let seq: i64 = tx.query_row(
        "UPDATE memory_generation SET removals = removals + 1 WHERE only = 1 RETURNING removals",
        [],
        |r| r.get(0),
    )?;
    tx.execute("INSERT INTO memory_changes (seq, row) SELECT ?1, rowid FROM memories WHERE id = ?2", params![seq, id])?;
    tx.execute("DELETE FROM memory_changes WHERE seq <= ?1", [seq - KEPT_CHANGES])?;
    Ok(())
}

/// Below this many memories every word of a query is looked up.
const WEIGHTED_FROM: i64 = 1000;

/// The words of a query BM25 gives weight to: FTS5's BM25 gives a term held by more than half
/// of the documents an IDF of almost nothing, yet ranking its matches costs as much as any
/// (all of them, for a word like "the"); such words are left out once the store holds
/// [`WEIGHTED_FROM`] memories, unless every word is one (then the rarest stays). A word as
/// the index keeps it (stemmed) is the one looked up; one not found is kept.
fn weighted(tx: &Transaction<'_>, words: &[String]) -> rusqlite::Result<Vec<String>> {
    let total: i64 = tx.query_row("SELECT coalesce(max(rowid), 0) FROM memories", [], |r| r.get(0))?;
    if total < WEIGHTED_FROM || words.len() < 2 {
        return Ok(words.to_vec());
    }
    let mut stmt = tx.prepare_cached("SELECT doc FROM memories_fts_vocab WHERE term = ?1")?;
    let mut counted = Vec::with_capacity(words.len());
    for w in words {
        let docs: i64 = stmt.query_row([w], |r| r.get(0)).optional()?.unwrap_or(0);
        counted.push((w, docs));
    }
    let kept: Vec<String> = counted.iter().filter(|(_, d)| *d * 2 <= total).map(|(w, _)| (*w).clone()).collect();
    if !kept.is_empty() {
        return Ok(kept);
    }
    let rarest = counted.iter().min_by_key(|(_, d)| *d).map(|(w, _)| (*w).clone());
    Ok(rarest.into_iter().collect())
}

/// Records `model` as the store's, or checks it is.
fn hold_model(
    tx: &Transaction<'_>,
    model: Option<(&str, usize)>,
    error: &dyn Fn(rusqlite::Error) -> Error,
) -> Result<()> {
    let Some((model, dims)) = model else { return Ok(()) };
    let held: Option<(String, i64)> = tx
        .query_row("SELECT model, dimensions FROM memory_model WHERE only = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .map_err(error)?;
    match held {
        None => {
            tx.execute("INSERT INTO memory_model VALUES (1, ?1, ?2)", params![model, dims as i64]).map_err(error)?;
        }
        Some((held, _)) if held != model => return Err(Error::Model { store: held, given: model.to_owned() }),
        Some((_, held)) if held as usize != dims => {
            return Err(Error::Dimensions { what: "the vectors given".into(), expected: held as usize, found: dims });
        }
        Some(_) => {}
    }
    Ok(())
}

/// Inserts memories (an episode already there is skipped); gives how many were new.
fn insert<'a>(
    tx: &Transaction<'_>,
    items: impl Iterator<Item = &'a Prepared<'a>>,
    model: Option<(&str, usize)>,
    actor: &str,
    error: &dyn Fn(rusqlite::Error) -> Error,
) -> Result<usize> {
    let mut insert = tx
        .prepare_cached(
            "INSERT INTO memories (id, kind, text, user_id, agent, conversation_id, source_conversation, \
             source_message, recorded_at, event_start, event_end, time_in_text, importance, metadata, model, \
             embedding, added_at, added_by, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?17) \
             ON CONFLICT DO NOTHING",
        )
        .map_err(error)?;
    let mut index = tx.prepare_cached("INSERT INTO memories_fts (rowid, text) VALUES (?1, ?2)").map_err(error)?;
    let mut added = 0;
    for p in items {
        let m = p.memory;
        let source = m.source.as_ref();
        let new = insert
            .execute(params![
                p.id,
                m.kind.as_str(),
                m.text,
                m.scope.user,
                m.scope.agent,
                m.scope.conversation,
                source.map(|s| &s.conversation),
                source.and_then(|s| s.message.as_ref()),
                p.recorded_at,
                m.event.map(|e| e.start.timestamp_millis()),
                m.event.map(|e| e.end.timestamp_millis()),
                m.time_in_text,
                f64::from(m.importance),
                serde_json::Value::Object(m.metadata.clone()).to_string(),
                p.vector.as_ref().and(model.map(|(name, _)| name)),
                p.vector.as_deref().map(to_blob),
                p.added_at,
                actor,
            ])
            .map_err(error)?;
        if new == 1 {
            index.execute(params![tx.last_insert_rowid(), m.text]).map_err(error)?;
        }
        added += new;
    }
    Ok(added)
}

impl Backend for Sqlite {
    fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    fn model(&self) -> Result<Option<(String, usize)>> {
        self.read(|tx, error| {
            tx.query_row("SELECT model, dimensions FROM memory_model WHERE only = 1", [], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })
            .optional()
            .map_err(error)
            .map(|m| m.map(|(model, dims)| (model, dims.max(0) as usize)))
        })
    }

    fn add(
        &self,
        items: &[Prepared<'_>],
        model: Option<(&str, usize)>,
        actor: &str,
        mark: Option<Mark<'_>>,
    ) -> Result<usize> {
        self.write(|tx, error| {
            hold_model(tx, model, error)?;
            let added = insert(tx, items.iter(), model, actor, error)?;
            if let Some(mark) = mark {
                tx.execute(
                    "INSERT INTO memory_marks VALUES (?1, ?2) ON CONFLICT (conversation_id) DO UPDATE SET position = ?2",
                    params![mark.conversation, mark.position],
                )
                .map_err(error)?;
            }
            if added > 0 {
                bump(tx).map_err(error)?;
            }
            Ok(added)
        })
    }

    fn lexical(&self, words: &[String], filter: &Filter, limit: usize) -> Result<Vec<i64>> {
        if words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let words = self.read(|tx, error| weighted(tx, words).map_err(error))?;
        let expression: Vec<String> = words.iter().map(|w| format!("\"{}\"", w.replace('"', "\"\""))).collect();
        let expression = expression.join(" OR ");
        let (cond, args) = conditions(filter, true);
        fn with<'a>(args: &'a [Box<dyn ToSql>], extra: &[&'a dyn ToSql]) -> Vec<&'a dyn ToSql> {
            args.iter().map(|a| a.as_ref() as &dyn ToSql).chain(extra.iter().copied()).collect()
        }
        // The best matches by BM25 alone first (FTS5 ranks them without reading the
        // memories), then the filter on those: the answer when enough of them pass or when
        // they were all the matches; otherwise the whole ranking under the filter.
        let wide = limit.saturating_mul(4).max(200);
        self.read(|tx, error| {
            let mut stmt = tx
                .prepare_cached(
                    "SELECT rowid, rank FROM memories_fts WHERE memories_fts MATCH ?1 ORDER BY rank LIMIT ?2",
                )
                .map_err(error)?;
            let rows =
                stmt.query_map(params![expression, wide as i64], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?)));
            let mut ranked = rows.map_err(error)?.collect::<rusqlite::Result<Vec<(i64, f64)>>>().map_err(error)?;
            ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            let ids: Vec<String> = ranked.iter().map(|(row, _)| row.to_string()).collect();
            let ids = format!("[{}]", ids.join(","));
            let sql = format!(
                "SELECT m.rowid FROM memories m WHERE m.rowid IN (SELECT value FROM json_each(?{})) AND {cond}",
                args.len() + 1
            );
            let mut stmt = tx.prepare_cached(&sql).map_err(error)?;
            let kept = stmt.query_map(params_from_iter(with(&args, &[&ids])), |r| r.get::<_, i64>(0)).map_err(error)?;
            let kept: std::collections::HashSet<i64> = kept.collect::<rusqlite::Result<_>>().map_err(error)?;
            let passed: Vec<i64> =
                ranked.iter().map(|(row, _)| *row).filter(|row| kept.contains(row)).take(limit).collect();
            if ranked.len() < wide || passed.len() >= limit {
                return Ok(passed);
            }
            let n = args.len() + 2;
            let sql = format!(
                "SELECT m.rowid FROM memories_fts f JOIN memories m ON m.rowid = f.rowid \
                 WHERE memories_fts MATCH ?{} AND {cond} ORDER BY f.rank, m.rowid LIMIT ?{n}",
                n - 1
            );
            let mut stmt = tx.prepare_cached(&sql).map_err(error)?;
            let limit = limit as i64;
            let rows =
                stmt.query_map(params_from_iter(with(&args, &[&expression, &limit])), |r| r.get(0)).map_err(error)?;
            rows.collect::<rusqlite::Result<Vec<i64>>>().map_err(error)
        })
    }

    fn nearest(&self, query: &[f32], dims: usize, filter: &Filter, limit: usize) -> Result<Vec<(i64, f32)>> {
        // The scan's best candidates, re-scored exactly. The scan reads memory only, so the
        // connection is free meanwhile (for the lexical ranking of the same search); a row
        // removed between the two reads is left out.
        let rough = {
            let mut cache = self.cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            self.read(|tx, error| cache.refresh(tx, dims, error))?;
            cache.scan(query, filter, (limit * 2).max(limit + 16))
        };
        self.read(|tx, error| {
            let mut stmt = tx.prepare_cached("SELECT embedding FROM memories WHERE rowid = ?1").map_err(error)?;
            let mut exact = Vec::with_capacity(rough.len());
            for (row, _) in rough {
                let Some(blob) = stmt.query_row([row], |r| r.get::<_, Vec<u8>>(0)).optional().map_err(error)? else {
                    continue;
                };
                let vector = from_blob(&blob, dims)
                    .ok_or_else(|| Error::corrupt(format!("the vector of memory row {row}"), "wrong size"))?;
                exact.push((row, dot(query, &normalized(&vector))));
            }
            exact.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            exact.truncate(limit);
            Ok(exact)
        })
    }

    fn candidates(&self, rows: &[i64]) -> Result<Vec<(Candidate, Memory)>> {
        self.read(|tx, error| {
            let mut stmt =
                tx.prepare_cached(&format!("SELECT {COLUMNS} FROM memories m WHERE m.rowid = ?1")).map_err(error)?;
            let mut found = Vec::with_capacity(rows.len());
            for &row in rows {
                let Some(columns) = stmt.query_row([row], columns).optional().map_err(error)? else { continue };
                let memory = columns.finish()?;
                let candidate = Candidate::of(row, &memory);
                found.push((candidate, memory));
            }
            Ok(found)
        })
    }

    fn get(&self, id: &str) -> Result<Memory> {
        self.read(|tx, error| {
            let sql = format!("SELECT {COLUMNS} FROM memories m WHERE m.id = ?1");
            let found = tx.query_row(&sql, [id], columns).optional().map_err(error)?;
            found.ok_or_else(|| Error::NoMemory { id: id.to_owned() })?.finish()
        })
    }

    fn list(&self, filter: &Filter, limit: usize, offset: usize) -> Result<Vec<Memory>> {
        let (cond, mut args) = conditions(filter, false);
        args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
        args.push(Box::new(offset as i64));
        let n = args.len();
        let sql = format!(
            "SELECT {COLUMNS} FROM memories m WHERE {cond} ORDER BY m.recorded_at DESC, m.rowid DESC LIMIT ?{} OFFSET ?{n}",
            n - 1
        );
        self.read(|tx, error| {
            let mut stmt = tx.prepare(&sql).map_err(error)?;
            let rows = stmt.query_map(params_from_iter(args.iter()), columns).map_err(error)?;
            rows.map(|r| r.map_err(error)?.finish()).collect()
        })
    }

    fn set_status(&self, id: &str, status: Status, actor: &str, related: Option<&str>) -> Result<()> {
        self.write(|tx, error| {
            let text: Option<String> =
                tx.query_row("SELECT text FROM memories WHERE id = ?1", [id], |r| r.get(0)).optional().map_err(error)?;
            let text = text.ok_or_else(|| Error::NoMemory { id: id.to_owned() })?;
            let at = now();
            tx.execute(
                "UPDATE memories SET status = ?2, superseded_by = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, status.as_str(), related, at],
            )
            .map_err(error)?;
            let action = match status {
                Status::Active => "restore",
                Status::Superseded => "supersede",
                Status::Forgotten => "forget",
            };
            tx.execute(
                "INSERT INTO memory_events (memory_id, action, at, previous, actor, related) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, action, at, text, actor, related],
            )
            .map_err(error)?;
            changed(tx, id).map_err(error)?;
            bump(tx).map_err(error)?;
            Ok(())
        })
    }

    fn history(&self, id: &str) -> Result<Vec<Event>> {
        let memory = self.get(id)?;
        let (added_at, added_by, later) = self.read(|tx, error| {
            let (added_at, added_by): (i64, Option<String>) = tx
                .query_row("SELECT added_at, added_by FROM memories WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .map_err(error)?;
            let mut stmt = tx
                .prepare(
                    "SELECT memory_id, action, at, text, previous, actor, sources, related FROM memory_events \
                     WHERE memory_id = ?1 ORDER BY seq",
                )
                .map_err(error)?;
            let rows = stmt
                .query_map([id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, Option<String>>(7)?,
                    ))
                })
                .map_err(error)?;
            let mut events = Vec::new();
            for row in rows {
                let (memory, action, at, text, previous, actor, sources, related) = row.map_err(error)?;
                events.push(Event {
                    memory,
                    action,
                    at,
                    text,
                    previous,
                    actor,
                    sources: crate::sql::sources(&sources)?,
                    related,
                });
            }
            Ok((added_at, added_by, events))
        })?;
        let mut all: Vec<Event> = Vec::from_iter(crate::sql::add_event(&memory, added_at, added_by, &later));
        all.extend(later);
        Ok(all)
    }

    fn mark(&self, conversation: &str) -> Result<i64> {
        self.read(|tx, error| {
            tx.query_row("SELECT position FROM memory_marks WHERE conversation_id = ?1", [conversation], |r| r.get(0))
                .optional()
                .map_err(error)
                .map(Option::unwrap_or_default)
        })
    }

    fn apply(&self, batch: &crate::backend::Batch<'_>) -> Result<()> {
        self.write(|tx, error| {
            hold_model(tx, batch.model, error)?;
            apply::apply(tx, batch, error)
        })
    }

    fn progress(&self, task: &str, key: &str) -> Result<i64> {
        self.read(|tx, error| {
            tx.query_row("SELECT position FROM memory_progress WHERE task = ?1 AND key = ?2", [task, key], |r| r.get(0))
                .optional()
                .map_err(error)
                .map(Option::unwrap_or_default)
        })
    }

    fn changed_since(&self, seq: i64, filter: &Filter) -> Result<(Vec<Memory>, i64)> {
        let mut filter = filter.clone();
        filter.all_statuses = true;
        let (cond, mut args) = conditions(&filter, false);
        args.push(Box::new(seq));
        let sql = format!(
            "SELECT {COLUMNS} FROM memories m JOIN (SELECT memory_id, max(seq) AS last FROM memory_events \
             WHERE seq > ?{} GROUP BY memory_id) e ON e.memory_id = m.id WHERE {cond} ORDER BY e.last",
            args.len()
        );
        self.read(|tx, error| {
            let last: i64 =
                tx.query_row("SELECT coalesce(max(seq), 0) FROM memory_events", [], |r| r.get(0)).map_err(error)?;
            let mut stmt = tx.prepare(&sql).map_err(error)?;
            let rows = stmt.query_map(params_from_iter(args.iter()), columns).map_err(error)?;
            let memories = rows.map(|r| r.map_err(error)?.finish()).collect::<Result<Vec<Memory>>>()?;
            Ok((memories, last))
        })
    }
}
