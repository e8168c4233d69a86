//! The vectors of a SQLite store, held in memory as 8-bit codes for the exact scan, kept in
//! step with the file by its generation counters: new rows are read as they come; a row
//! whose vector, scope or status changed (`memory_changes`) is dropped and, if still active,
//! read again, so a forget or a consolidation's revision costs the next search a few rows,
//! not a reload of every vector.

use std::collections::HashMap;

use memor_store::rusqlite::{self, Transaction};

use crate::codes::Codes;
use crate::model::Kind;
use crate::vectors::from_blob;
use crate::{Error, Filter, Result};

/// What the scan filters on, per row.
#[derive(Debug)]
struct Meta {
    user: Option<u32>,
    agent: Option<u32>,
    conversation: Option<u32>,
    source: Option<u32>,
    kind: Kind,
    event: Option<(i64, i64)>,
}

/// The active memories' vectors.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    /// The `memory_generation` values it reflects: (every write, changes).
    seen: (i64, i64),
    /// The highest row id read.
    high: i64,
    dims: usize,
    /// Per entry: its row id, what the filter reads, and whether the row has left it (a
    /// changed row's new vector is a new entry).
    rows: Vec<i64>,
    meta: Vec<Meta>,
    gone: Vec<bool>,
    gone_count: usize,
    /// The entry of each row id, made when rows first change.
    entry: Option<HashMap<i64, usize>>,
    codes: Codes,
    names: HashMap<String, u32>,
}

/// The generation counters: `(writes, changes)`.
pub(crate) fn generation(tx: &Transaction<'_>) -> rusqlite::Result<(i64, i64)> {
    tx.query_row("SELECT value, removals FROM memory_generation WHERE only = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// The columns a row is read with, then `FROM memories WHERE ...`.
const READ: &str = "SELECT rowid, user_id, agent, conversation_id, source_conversation, kind, event_start, event_end, \
     embedding FROM memories";

impl Cache {
    /// Brings the cache up to date with the file: nothing to do when nothing was written;
    /// else the changed rows again, then the new ones. Everything is read again when the
    /// dimensions differ, when the changes since the last look are no longer all recorded
    /// (more than `KEPT_CHANGES` of them, or a counter bumped by another hand), or when
    /// more than half of the entries are gone.
    pub(crate) fn refresh(
        &mut self,
        tx: &Transaction<'_>,
        dims: usize,
        error: &dyn Fn(rusqlite::Error) -> Error,
    ) -> Result<()> {
        let now = generation(tx).map_err(error)?;
        if now == self.seen && dims == self.dims {
            return Ok(());
        }
        if dims != self.dims || !self.catch_up(tx, now.1, error)? {
            *self = Cache { dims, codes: Codes::new(dims), ..Cache::default() };
        }
        let mut stmt = tx
            .prepare(&format!("{READ} WHERE rowid > ?1 AND status = 'active' AND embedding IS NOT NULL ORDER BY rowid"))
            .map_err(error)?;
        let mut rows = stmt.query([self.high]).map_err(error)?;
        while let Some(row) = rows.next().map_err(error)? {
            self.high = self.push(row, error)?;
        }
        self.codes.index();
        self.seen = now;
        Ok(())
    }

    /// Drops the entries of the rows changed since the last look and reads again those
    /// still active; `false` when that cannot be done and everything must be read.
    fn catch_up(
        &mut self,
        tx: &Transaction<'_>,
        changes: i64,
        error: &dyn Fn(rusqlite::Error) -> Error,
    ) -> Result<bool> {
        let since = self.seen.1;
        if changes == since {
            return Ok(true);
        }
        if self.rows.is_empty() || changes < since {
            return Ok(false);
        }
        let mut stmt = tx.prepare("SELECT row FROM memory_changes WHERE seq > ?1 AND seq <= ?2").map_err(error)?;
        let changed = stmt.query_map([since, changes], |r| r.get::<_, i64>(0)).map_err(error)?;
        let changed: Vec<i64> = changed.collect::<rusqlite::Result<_>>().map_err(error)?;
        if changed.len() as i64 != changes - since {
            return Ok(false);
        }
        let (rows, gone) = (&self.rows, &self.gone);
        let entry = self
            .entry
            .get_or_insert_with(|| rows.iter().enumerate().filter(|(i, _)| !gone[*i]).map(|(i, &r)| (r, i)).collect());
        for row in &changed {
            if let Some(i) = entry.remove(row) {
                self.gone[i] = true;
                self.gone_count += 1;
            }
        }
        if self.gone_count * 2 > self.rows.len() {
            return Ok(false);
        }
        // Rows past `high` are read with the new ones.
        let mut again: Vec<i64> = changed.into_iter().filter(|row| *row <= self.high).collect();
        again.sort_unstable();
        again.dedup();
        let mut stmt = tx
            .prepare_cached(&format!("{READ} WHERE rowid = ?1 AND status = 'active' AND embedding IS NOT NULL"))
            .map_err(error)?;
        for row in again {
            let mut rows = stmt.query([row]).map_err(error)?;
            if let Some(found) = rows.next().map_err(error)? {
                self.push(found, error)?;
            }
        }
        Ok(true)
    }

    /// Adds the row `row` holds (read by [`READ`]) as a new entry; gives its row id.
    fn push(&mut self, row: &rusqlite::Row<'_>, error: &dyn Fn(rusqlite::Error) -> Error) -> Result<i64> {
        let dims = self.dims;
        let rowid: i64 = row.get(0).map_err(error)?;
        let blob = row.get_ref(8).map_err(error)?.as_blob().map_err(|e| error(e.into()))?;
        let vector = from_blob(blob, dims).ok_or_else(|| {
            Error::corrupt(
                format!("the vector of memory row {rowid}"),
                format!("{} bytes, not {}", blob.len(), dims * 4),
            )
        })?;
        let mut name = |i: usize| -> Result<Option<u32>> {
            let text: Option<String> = row.get(i).map_err(error)?;
            Ok(text.map(|t| self.intern(t)))
        };
        let (user, agent, conversation, source) = (name(1)?, name(2)?, name(3)?, name(4)?);
        let kind: String = row.get(5).map_err(error)?;
        let kind = Kind::parse(&kind)
            .ok_or_else(|| Error::corrupt(format!("memory row {rowid}"), format!("unknown kind `{kind}`")))?;
        let event = match (row.get::<_, Option<i64>>(6).map_err(error)?, row.get::<_, Option<i64>>(7).map_err(error)?) {
            (Some(s), Some(e)) => Some((s, e)),
            _ => None,
        };
        if let Some(entry) = &mut self.entry {
            entry.insert(rowid, self.rows.len());
        }
        self.codes.push(&vector);
        self.rows.push(rowid);
        self.meta.push(Meta { user, agent, conversation, source, kind, event });
        self.gone.push(false);
        Ok(rowid)
    }

    fn intern(&mut self, name: String) -> u32 {
        let next = self.names.len() as u32;
        *self.names.entry(name).or_insert(next)
    }

    /// The `n` rows nearest `query` (a unit vector) that `filter` accepts, by the 8-bit scan:
    /// `(row id, approximate cosine)`, nearest first.
    pub(crate) fn scan(&self, query: &[f32], filter: &Filter, n: usize) -> Vec<(i64, f32)> {
        // A name the cache has never seen matches no row.
        let wanted =
            |name: &Option<String>| -> Option<Option<u32>> { name.as_ref().map(|n| self.names.get(n).copied()) };
        let (user, agent, conversation) = (wanted(&filter.user), wanted(&filter.agent), wanted(&filter.conversation));
        let during = filter.during.map(|r| (r.start.timestamp_millis(), r.end.timestamp_millis()));
        let keep = |i: usize| {
            let m = &self.meta[i];
            !self.gone[i]
                && user.is_none_or(|u| u.is_some() && m.user == u)
                && agent.is_none_or(|a| a.is_some() && m.agent == a)
                && conversation.is_none_or(|c| c.is_some() && (m.conversation == c || m.source == c))
                && (filter.kinds.is_empty() || filter.kinds.contains(&m.kind))
                && during.is_none_or(|(s, e)| m.event.is_some_and(|(es, ee)| es < e && s < ee.max(es + 1)))
        };
        self.codes.top(query, n, keep).into_iter().map(|(i, score)| (self.rows[i], score)).collect()
    }
}

#[cfg(test)]
mod tests {
    use memor_store::rusqlite::{Connection, params};

    use super::*;
    use crate::vectors::to_blob;

    fn axis(i: usize) -> Vec<f32> {
        let mut v = vec![0.0; 4];
        v[i] = 1.0;
        v
    }

    fn store() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        for script in super::super::schema::SCRIPTS {
            conn.execute_batch(script).unwrap();
        }
        // Three along the first axes, five between them all.
        for i in 1..=8 {
            let vector = if i <= 3 { axis(i - 1) } else { vec![0.5; 4] };
            conn.execute(
                "INSERT INTO memories (rowid, id, kind, text, recorded_at, embedding, added_at, updated_at) \
                 VALUES (?1, ?2, 'fact', 'x', 0, ?3, 0, 0)",
                params![i, format!("m{i}"), to_blob(&vector)],
            )
            .unwrap();
        }
        conn.execute("UPDATE memory_generation SET value = value + 1", []).unwrap();
        conn
    }

    /// A write of the memory `id` as the backend makes it: the row, its change, the counter.
    fn write(conn: &mut Connection, id: &str, sql: &str) {
        let tx = conn.transaction().unwrap();
        tx.execute(sql, [id]).unwrap();
        super::super::changed(&tx, id).unwrap();
        super::super::bump(&tx).unwrap();
        tx.commit().unwrap();
    }

    fn refresh(cache: &mut Cache, conn: &mut Connection) {
        let tx = conn.transaction().unwrap();
        cache.refresh(&tx, 4, &|e| Error::corrupt("the test store", e.to_string())).unwrap();
    }

    /// The rows the scan gives for `query`, with their (rounded) cosines.
    fn scan(cache: &Cache, query: usize) -> Vec<(i64, i32)> {
        cache
            .scan(&axis(query), &Filter::default(), 10)
            .into_iter()
            .map(|(r, s)| (r, (s * 100.0).round() as i32))
            .collect()
    }

    #[test]
    fn changed_rows_are_replaced_without_reading_every_row_again() {
        let mut conn = store();
        let mut cache = Cache::default();
        refresh(&mut cache, &mut conn);
        assert_eq!(cache.codes.len(), 8);
        assert_eq!(scan(&cache, 1)[0], (2, 100));

        // Forgotten: out of the scan, its entry left in place (a reload would hold 7 entries).
        write(&mut conn, "m2", "UPDATE memories SET status = 'forgotten' WHERE id = ?1");
        refresh(&mut cache, &mut conn);
        assert_eq!(cache.codes.len(), 8);
        assert!(scan(&cache, 1).iter().all(|(r, _)| *r != 2), "{:?}", scan(&cache, 1));

        // Revised: found by its new vector, no longer by its old one.
        let blob = to_blob(&axis(3));
        let tx = conn.transaction().unwrap();
        tx.execute("UPDATE memories SET embedding = ?2 WHERE id = ?1", params!["m1", blob]).unwrap();
        super::super::changed(&tx, "m1").unwrap();
        super::super::bump(&tx).unwrap();
        tx.commit().unwrap();
        refresh(&mut cache, &mut conn);
        assert_eq!(cache.codes.len(), 9);
        assert_eq!(scan(&cache, 3)[0], (1, 100));
        assert_eq!(scan(&cache, 0).iter().find(|(r, _)| *r == 1), Some(&(1, 0)));

        // Restored: back in the scan.
        write(&mut conn, "m2", "UPDATE memories SET status = 'active' WHERE id = ?1");
        refresh(&mut cache, &mut conn);
        assert_eq!((cache.codes.len(), scan(&cache, 1)[0]), (10, (2, 100)));

        // More than half of the entries gone: everything is read again, and only what is live.
        for id in ["m3", "m4", "m5", "m6"] {
            write(&mut conn, id, "UPDATE memories SET status = 'forgotten' WHERE id = ?1");
        }
        refresh(&mut cache, &mut conn);
        assert_eq!(cache.codes.len(), 4);
        assert_eq!(scan(&cache, 3)[0], (1, 100));
        assert!(scan(&cache, 2).iter().all(|(r, _)| *r != 3));
    }

    #[test]
    fn a_change_that_was_not_recorded_makes_the_cache_read_everything() {
        let mut conn = store();
        let mut cache = Cache::default();
        refresh(&mut cache, &mut conn);
        // Another hand forgets a memory and bumps the counter, without a change row.
        conn.execute_batch(
            "UPDATE memories SET status = 'forgotten' WHERE id = 'm2'; \
             UPDATE memory_generation SET value = value + 1, removals = removals + 1;",
        )
        .unwrap();
        refresh(&mut cache, &mut conn);
        assert_eq!(cache.codes.len(), 7);
        assert!(scan(&cache, 1).iter().all(|(r, _)| *r != 2));
    }

    #[test]
    fn only_the_latest_changes_are_kept() {
        let mut conn = store();
        for _ in 0..3 {
            write(&mut conn, "m1", "UPDATE memories SET updated_at = updated_at + 1 WHERE id = ?1");
        }
        conn.execute("UPDATE memory_generation SET removals = removals + ?1", [super::super::KEPT_CHANGES]).unwrap();
        write(&mut conn, "m1", "UPDATE memories SET updated_at = updated_at + 1 WHERE id = ?1");
        let kept: Vec<i64> = conn
            .prepare("SELECT seq FROM memory_changes")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(kept, [super::super::KEPT_CHANGES + 4]);
    }
}
