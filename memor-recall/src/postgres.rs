//! Memories in PostgreSQL: tsvector + GIN for words, pgvector columns with an HNSW index
//! (cosine) for vectors, written in the store's transactions.

use std::sync::Arc;

use memor_store::pg::types::ToSql;
use memor_store::pg::{self, Row, Transaction};
use memor_store::{PostgresStore, Store};

use crate::backend::{Backend, Batch, Mark, Prepared};
use crate::fuse::Candidate;
use crate::sql::{COLUMNS, Columns, now, sources_json};
use crate::{Error, Event, Filter, Memory, Result, Status};

/// `SCRIPTS[i]` takes the `memory` component from version `i` to `i + 1`.
const SCRIPTS: &[&str] = &[V1, V2];

const V1: &str = "
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE memories (
    row_id BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    text TEXT NOT NULL,
    user_id TEXT,
    agent TEXT,
    conversation_id TEXT,
    source_conversation TEXT,
    source_message TEXT,
    recorded_at BIGINT NOT NULL,
    event_start BIGINT,
    event_end BIGINT,
    time_in_text BOOLEAN NOT NULL DEFAULT FALSE,
    importance DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    metadata TEXT NOT NULL DEFAULT '{}',
    superseded_by TEXT,
    model TEXT,
    embedding vector,
    added_at BIGINT NOT NULL,
    added_by TEXT,
    updated_at BIGINT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', left(text, 100000))) STORED
);
CREATE UNIQUE INDEX memories_episode ON memories (source_conversation, source_message) WHERE kind = 'episode';
CREATE INDEX memories_user ON memories (user_id, status, recorded_at);
CREATE INDEX memories_tsv ON memories USING GIN (tsv);
CREATE TABLE memory_model (
    only_one INTEGER PRIMARY KEY CHECK (only_one = 1),
    model TEXT NOT NULL,
    dimensions INTEGER NOT NULL
);
CREATE TABLE memory_events (
    seq BIGSERIAL PRIMARY KEY,
    memory_id TEXT NOT NULL,
    action TEXT NOT NULL,
    at BIGINT NOT NULL,
    text TEXT,
    previous TEXT,
    actor TEXT,
    sources TEXT NOT NULL DEFAULT '[]',
    related TEXT
);
CREATE INDEX memory_events_memory ON memory_events (memory_id, seq);
CREATE TABLE memory_marks (
    conversation_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    position BIGINT NOT NULL
);
";

/// Progress marks of consolidation and reflection: `(task, key)` to a position.
const V2: &str = "
CREATE TABLE memory_progress (
    task TEXT NOT NULL,
    key TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (task, key)
);
";

/// Long-term memory in a [`PostgresStore`]'s database.
pub(crate) struct Postgres {
    store: Arc<PostgresStore>,
}

impl Postgres {
    pub(crate) fn new(store: Arc<PostgresStore>) -> Result<Postgres> {
        store.migrate("memory", SCRIPTS)?;
        Ok(Postgres { store })
    }

    fn read<T>(&self, f: impl FnOnce(&mut Transaction<'_>, &dyn Fn(pg::Error) -> Error) -> Result<T>) -> Result<T> {
        let error = |e: pg::Error| Error::Store(self.store.sql_error(&e));
        self.store.read_sql(|tx| f(tx, &error))
    }

    fn write<T>(&self, f: impl FnOnce(&mut Transaction<'_>, &dyn Fn(pg::Error) -> Error) -> Result<T>) -> Result<T> {
        let error = |e: pg::Error| Error::Store(self.store.sql_error(&e));
        self.store.write_sql(|tx| f(tx, &error))
    }
}

/// pgvector's text form of a vector.
fn literal(vector: &[f32]) -> String {
    let parts: Vec<String> = vector.iter().map(f32::to_string).collect();
    format!("[{}]", parts.join(","))
}

/// `WHERE` conditions on `memories m` for `filter`, numbering placeholders after `args`.
fn conditions(filter: &Filter, active_only: bool, args: &mut Vec<Box<dyn ToSql + Sync>>) -> String {
    let mut sql = vec![];
    if active_only || !filter.all_statuses {
        sql.push("m.status = 'active'".to_owned());
    }
    for (column, value) in [("m.user_id", &filter.user), ("m.agent", &filter.agent)] {
        if let Some(value) = value {
            args.push(Box::new(value.clone()));
            sql.push(format!("{column} = ${}", args.len()));
        }
    }
    if let Some(c) = &filter.conversation {
        args.push(Box::new(c.clone()));
        let n = args.len();
        sql.push(format!("(m.conversation_id = ${n} OR m.source_conversation = ${n})"));
    }
    if !filter.kinds.is_empty() {
        let names: Vec<String> = filter.kinds.iter().map(|k| format!("'{}'", k.as_str())).collect();
        sql.push(format!("m.kind IN ({})", names.join(", ")));
    }
    if let Some(during) = &filter.during {
        args.push(Box::new(during.end.timestamp_millis()));
        args.push(Box::new(during.start.timestamp_millis()));
        let n = args.len();
        sql.push(format!("m.event_start < ${} AND ${n} < greatest(m.event_end, m.event_start + 1)", n - 1));
    }
    if sql.is_empty() { "TRUE".to_owned() } else { sql.join(" AND ") }
}

fn refs(args: &[Box<dyn ToSql + Sync>]) -> Vec<&(dyn ToSql + Sync)> {
    args.iter().map(|a| a.as_ref() as &(dyn ToSql + Sync)).collect()
}

fn columns(row: &Row, at: usize) -> Columns {
    Columns {
        id: row.get(at),
        kind: row.get(at + 1),
        status: row.get(at + 2),
        text: row.get(at + 3),
        user: row.get(at + 4),
        agent: row.get(at + 5),
        conversation: row.get(at + 6),
        source_conversation: row.get(at + 7),
        source_message: row.get(at + 8),
        recorded_at: row.get(at + 9),
        event_start: row.get(at + 10),
        event_end: row.get(at + 11),
        time_in_text: row.get(at + 12),
        importance: row.get(at + 13),
        metadata: row.get(at + 14),
        superseded_by: row.get(at + 15),
        model: row.get(at + 16),
    }
}

/// Records `model` as the store's (and indexes its vectors), or checks it is.
fn hold_model(
    tx: &mut Transaction<'_>,
    model: Option<(&str, usize)>,
    error: &dyn Fn(pg::Error) -> Error,
) -> Result<()> {
    let Some((model, dims)) = model else { return Ok(()) };
    // One writer at a time decides the model.
    tx.execute("LOCK TABLE memory_model IN EXCLUSIVE MODE", &[]).map_err(error)?;
    let held = tx.query_opt("SELECT model, dimensions FROM memory_model", &[]).map_err(error)?;
    match held.map(|r| (r.get::<_, String>(0), r.get::<_, i32>(1))) {
        None => {
            tx.execute("INSERT INTO memory_model VALUES (1, $1, $2)", &[&model, &(dims as i32)]).map_err(error)?;
            // pgvector indexes a column of one dimension: index the cast.
            tx.batch_execute(&format!(
                "CREATE INDEX memories_hnsw ON memories USING hnsw ((embedding::vector({dims})) vector_cosine_ops)"
            ))
            .map_err(error)?;
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
    tx: &mut Transaction<'_>,
    items: impl Iterator<Item = &'a Prepared<'a>>,
    model: Option<(&str, usize)>,
    actor: &str,
    error: &dyn Fn(pg::Error) -> Error,
) -> Result<usize> {
    let insert = tx
        .prepare(
            "INSERT INTO memories (id, kind, text, user_id, agent, conversation_id, source_conversation, \
             source_message, recorded_at, event_start, event_end, time_in_text, importance, metadata, model, \
             embedding, added_at, added_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
             $13, $14, $15, $16::text::vector, $17, $18, $17) ON CONFLICT DO NOTHING",
        )
        .map_err(error)?;
    let mut added = 0;
    for p in items {
        let m = p.memory;
        let source = m.source.as_ref();
        let vector = p.vector.as_deref().map(literal);
        let changed = tx
            .execute(
                &insert,
                &[
                    &p.id,
                    &m.kind.as_str(),
                    &m.text,
                    &m.scope.user,
                    &m.scope.agent,
                    &m.scope.conversation,
                    &source.map(|s| s.conversation.as_str()),
                    &source.and_then(|s| s.message.as_deref()),
                    &p.recorded_at,
                    &m.event.map(|e| e.start.timestamp_millis()),
                    &m.event.map(|e| e.end.timestamp_millis()),
                    &m.time_in_text,
                    &f64::from(m.importance),
                    &serde_json::Value::Object(m.metadata.clone()).to_string(),
                    &p.vector.as_ref().and(model.map(|(name, _)| name)),
                    &vector,
                    &p.added_at,
                    &actor,
                ],
            )
            .map_err(error)?;
        added += changed as usize;
    }
    Ok(added)
}

/// Writes a consolidation or reflection batch (see the SQLite backend's `apply`).
fn apply(tx: &mut Transaction<'_>, batch: &Batch<'_>, error: &dyn Fn(pg::Error) -> Error) -> Result<()> {
    for a in &batch.progress {
        // The row locked (made first if new), so that of two runs deciding the same batch
        // the second finds the mark moved.
        tx.execute(
            "INSERT INTO memory_progress VALUES ($1, $2, 0) ON CONFLICT (task, key) DO NOTHING",
            &[&a.task, &a.key],
        )
        .map_err(error)?;
        let held: i64 = tx
            .query_one(
                "SELECT position FROM memory_progress WHERE task = $1 AND key = $2 FOR UPDATE",
                &[&a.task, &a.key],
            )
            .map_err(error)?
            .get(0);
        if held != a.from {
            return Err(Error::Moved { task: a.task.to_owned(), key: a.key.to_owned() });
        }
    }
    hold_model(tx, batch.model, error)?;
    insert(tx, batch.adds.iter().map(|a| &a.memory), batch.model, batch.actor, error)?;
    let at = now();
    let event = tx
        .prepare(
            "INSERT INTO memory_events (memory_id, action, at, text, previous, actor, sources, related) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .map_err(error)?;
    for added in &batch.adds {
        let (id, text) = (&added.memory.id, &added.memory.memory.text);
        let none: Option<&str> = None;
        tx.execute(&event, &[id, &"add", &at, text, &none, &batch.actor, &sources_json(added.sources), &none])
            .map_err(error)?;
    }
    for r in &batch.revisions {
        let changed = if r.action == "supersede" {
            tx.execute(
                "UPDATE memories SET status = 'superseded', superseded_by = $3, updated_at = $4 \
                 WHERE id = $1 AND status = 'active' AND text = $2",
                &[&r.id, &r.expected, &r.related, &at],
            )
        } else {
            let metadata = r.metadata.map(|m| serde_json::Value::Object(m.clone()).to_string());
            let vector = r.vector.as_deref().map(literal);
            tx.execute(
                "UPDATE memories SET text = coalesce($3, text), metadata = coalesce($4, metadata), \
                 event_start = coalesce($5, event_start), event_end = coalesce($6, event_end), \
                 time_in_text = time_in_text OR $5::bigint IS NOT NULL, \
                 embedding = coalesce($7::text::vector, embedding), \
                 model = CASE WHEN $7::text IS NULL THEN model ELSE $8 END, updated_at = $9 \
                 WHERE id = $1 AND status = 'active' AND text = $2",
                &[
                    &r.id,
                    &r.expected,
                    &r.text,
                    &metadata,
                    &r.event.map(|e| e.start.timestamp_millis()),
                    &r.event.map(|e| e.end.timestamp_millis()),
                    &vector,
                    &batch.model.map(|(name, _)| name),
                    &at,
                ],
            )
        }
        .map_err(error)?;
        if changed == 0 {
            return Err(Error::Changed { id: r.id.to_owned() });
        }
        tx.execute(
            &event,
            &[&r.id, &r.action, &at, &r.text, &r.expected, &batch.actor, &sources_json(r.sources), &r.related],
        )
        .map_err(error)?;
    }
    for a in &batch.progress {
        tx.execute(
            "INSERT INTO memory_progress VALUES ($1, $2, $3) ON CONFLICT (task, key) DO UPDATE SET position = $3",
            &[&a.task, &a.key, &a.to],
        )
        .map_err(error)?;
    }
    Ok(())
}

impl Backend for Postgres {
    fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    fn model(&self) -> Result<Option<(String, usize)>> {
        self.read(|tx, error| {
            let row = tx.query_opt("SELECT model, dimensions FROM memory_model", &[]).map_err(error)?;
            Ok(row.map(|r| (r.get::<_, String>(0), r.get::<_, i32>(1).max(0) as usize)))
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
                    "INSERT INTO memory_marks VALUES ($1, $2) ON CONFLICT (conversation_id) DO UPDATE SET position = $2",
                    &[&mark.conversation, &mark.position],
                )
                .map_err(error)?;
            }
            Ok(added)
        })
    }

    fn lexical(&self, words: &[String], filter: &Filter, limit: usize) -> Result<Vec<i64>> {
        if words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        // Words are letters and digits only: safe inside a tsquery.
        let mut args: Vec<Box<dyn ToSql + Sync>> = vec![Box::new(words.join(" | "))];
        let cond = conditions(filter, true, &mut args);
        args.push(Box::new(limit as i64));
        let sql = format!(
            "SELECT m.row_id FROM memories m, to_tsquery('english', $1) q WHERE m.tsv @@ q AND {cond} \
             ORDER BY ts_rank(m.tsv, q) DESC, m.row_id LIMIT ${}",
            args.len()
        );
        self.read(|tx, error| {
            let rows = tx.query(&sql, &refs(&args)).map_err(error)?;
            Ok(rows.iter().map(|r| r.get(0)).collect())
        })
    }

    fn nearest(&self, query: &[f32], dims: usize, filter: &Filter, limit: usize) -> Result<Vec<(i64, f32)>> {
        let mut args: Vec<Box<dyn ToSql + Sync>> = vec![Box::new(literal(query))];
        let cond = conditions(filter, true, &mut args);
        args.push(Box::new(limit as i64));
        let sql = format!(
            "SELECT m.row_id, 1 - (m.embedding::vector({dims}) <=> $1::text::vector({dims})) FROM memories m \
             WHERE m.embedding IS NOT NULL AND {cond} ORDER BY m.embedding::vector({dims}) <=> $1::text::vector({dims}) \
             LIMIT ${}",
            args.len()
        );
        self.write(|tx, error| {
            // The index's candidate list must hold the filtered hits.
            tx.batch_execute(&format!("SET LOCAL hnsw.ef_search = {}", (limit * 2).clamp(40, 1000))).map_err(error)?;
            let rows = tx.query(&sql, &refs(&args)).map_err(error)?;
            Ok(rows.iter().map(|r| (r.get::<_, i64>(0), r.get::<_, f64>(1) as f32)).collect())
        })
    }

    fn candidates(&self, rows: &[i64]) -> Result<Vec<(Candidate, Memory)>> {
        let sql = format!("SELECT m.row_id, {COLUMNS} FROM memories m WHERE m.row_id = ANY($1)");
        let found = self.read(|tx, error| tx.query(&sql, &[&rows]).map_err(error))?;
        let mut by_row = std::collections::HashMap::new();
        for row in &found {
            let memory = columns(row, 1).finish()?;
            let candidate = Candidate::of(row.get(0), &memory);
            by_row.insert(candidate.id, (candidate, memory));
        }
        Ok(rows.iter().filter_map(|r| by_row.remove(r)).collect())
    }

    fn get(&self, id: &str) -> Result<Memory> {
        let sql = format!("SELECT {COLUMNS} FROM memories m WHERE m.id = $1");
        let row = self.read(|tx, error| tx.query_opt(&sql, &[&id]).map_err(error))?;
        columns(&row.ok_or_else(|| Error::NoMemory { id: id.to_owned() })?, 0).finish()
    }

    fn list(&self, filter: &Filter, limit: usize, offset: usize) -> Result<Vec<Memory>> {
        let mut args: Vec<Box<dyn ToSql + Sync>> = vec![];
        let cond = conditions(filter, false, &mut args);
        args.push(Box::new(i64::try_from(limit).unwrap_or(i64::MAX)));
        args.push(Box::new(offset as i64));
        let n = args.len();
        let sql = format!(
            "SELECT {COLUMNS} FROM memories m WHERE {cond} ORDER BY m.recorded_at DESC, m.row_id DESC LIMIT ${} OFFSET ${n}",
            n - 1
        );
        let rows = self.read(|tx, error| tx.query(&sql, &refs(&args)).map_err(error))?;
        rows.iter().map(|r| columns(r, 0).finish()).collect()
    }

    fn set_status(&self, id: &str, status: Status, actor: &str, related: Option<&str>) -> Result<()> {
        self.write(|tx, error| {
            let row = tx.query_opt("SELECT text FROM memories WHERE id = $1 FOR UPDATE", &[&id]).map_err(error)?;
            let text: String = row.ok_or_else(|| Error::NoMemory { id: id.to_owned() })?.get(0);
            let at = now();
            tx.execute(
                "UPDATE memories SET status = $2, superseded_by = $3, updated_at = $4 WHERE id = $1",
                &[&id, &status.as_str(), &related, &at],
            )
            .map_err(error)?;
            let action = match status {
                Status::Active => "restore",
                Status::Superseded => "supersede",
                Status::Forgotten => "forget",
            };
            tx.execute(
                "INSERT INTO memory_events (memory_id, action, at, previous, actor, related) VALUES ($1, $2, $3, $4, $5, $6)",
                &[&id, &action, &at, &text, &actor, &related],
            )
            .map_err(error)?;
            Ok(())
        })
    }

    fn history(&self, id: &str) -> Result<Vec<Event>> {
        let memory = self.get(id)?;
        let (added, rows) = self.read(|tx, error| {
            let added = tx.query_one("SELECT added_at, added_by FROM memories WHERE id = $1", &[&id]).map_err(error)?;
            let rows = tx
                .query(
                    "SELECT memory_id, action, at, text, previous, actor, sources, related FROM memory_events \
                     WHERE memory_id = $1 ORDER BY seq",
                    &[&id],
                )
                .map_err(error)?;
            Ok((added, rows))
        })?;
        let later = rows
            .iter()
            .map(|r| {
                Ok(Event {
                    memory: r.get(0),
                    action: r.get(1),
                    at: r.get(2),
                    text: r.get(3),
                    previous: r.get(4),
                    actor: r.get(5),
                    sources: crate::sql::sources(r.get(6))?,
                    related: r.get(7),
                })
            })
            .collect::<Result<Vec<Event>>>()?;
        let mut all: Vec<Event> = Vec::from_iter(crate::sql::add_event(&memory, added.get(0), added.get(1), &later));
        all.extend(later);
        Ok(all)
    }

    fn mark(&self, conversation: &str) -> Result<i64> {
        let row = self.read(|tx, error| {
            tx.query_opt("SELECT position FROM memory_marks WHERE conversation_id = $1", &[&conversation])
                .map_err(error)
        })?;
        Ok(row.map(|r| r.get(0)).unwrap_or_default())
    }

    fn apply(&self, batch: &Batch<'_>) -> Result<()> {
        self.write(|tx, error| apply(tx, batch, error))
    }

    fn progress(&self, task: &str, key: &str) -> Result<i64> {
        let row = self.read(|tx, error| {
            tx.query_opt("SELECT position FROM memory_progress WHERE task = $1 AND key = $2", &[&task, &key])
                .map_err(error)
        })?;
        Ok(row.map(|r| r.get(0)).unwrap_or_default())
    }

    fn changed_since(&self, seq: i64, filter: &Filter) -> Result<(Vec<Memory>, i64)> {
        let mut filter = filter.clone();
        filter.all_statuses = true;
        let mut args: Vec<Box<dyn ToSql + Sync>> = vec![Box::new(seq)];
        let cond = conditions(&filter, false, &mut args);
        let sql = format!(
            "SELECT {COLUMNS} FROM memories m JOIN (SELECT memory_id, max(seq) AS last FROM memory_events \
             WHERE seq > $1 GROUP BY memory_id) e ON e.memory_id = m.id WHERE {cond} ORDER BY e.last"
        );
        self.read(|tx, error| {
            let last: i64 = tx.query_one("SELECT coalesce(max(seq), 0) FROM memory_events", &[]).map_err(error)?.get(0);
            let rows = tx.query(&sql, &refs(&args)).map_err(error)?;
            let memories = rows.iter().map(|r| columns(r, 0).finish()).collect::<Result<Vec<Memory>>>()?;
            Ok((memories, last))
        })
    }
}
