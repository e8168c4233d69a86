//! The vectors of a SQLite store, held in memory as 8-bit codes for the exact scan, kept in
//! step with the file by a generation counter that every write of memories bumps.

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
    /// The `memory_generation` values it reflects: (every write, removals).
    seen: (i64, i64),
    /// The highest row id read.
    high: i64,
    dims: usize,
    rows: Vec<i64>,
    meta: Vec<Meta>,
    codes: Codes,
    names: HashMap<String, u32>,
}

/// The generation counters: `(writes, removals)`.
pub(crate) fn generation(tx: &Transaction<'_>) -> rusqlite::Result<(i64, i64)> {
    tx.query_row("SELECT value, removals FROM memory_generation WHERE only = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
}

impl Cache {
    /// Brings the cache up to date with the file: nothing to do when nothing was written,
    /// the new rows when memories were only added, everything when any was removed.
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
        if now.1 != self.seen.1 || dims != self.dims {
            *self = Cache { dims, codes: Codes::new(dims), ..Cache::default() };
        }
        let mut stmt = tx
            .prepare(
                "SELECT rowid, user_id, agent, conversation_id, source_conversation, kind, event_start, event_end, \
                 embedding FROM memories WHERE rowid > ?1 AND status = 'active' AND embedding IS NOT NULL ORDER BY rowid",
            )
            .map_err(error)?;
        let mut rows = stmt.query([self.high]).map_err(error)?;
        while let Some(row) = rows.next().map_err(error)? {
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
            let event =
                match (row.get::<_, Option<i64>>(6).map_err(error)?, row.get::<_, Option<i64>>(7).map_err(error)?) {
                    (Some(s), Some(e)) => Some((s, e)),
                    _ => None,
                };
            self.codes.push(&vector);
            self.rows.push(rowid);
            self.meta.push(Meta { user, agent, conversation, source, kind, event });
            self.high = rowid;
        }
        self.codes.index();
        self.seen = now;
        Ok(())
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
            user.is_none_or(|u| u.is_some() && m.user == u)
                && agent.is_none_or(|a| a.is_some() && m.agent == a)
                && conversation.is_none_or(|c| c.is_some() && (m.conversation == c || m.source == c))
                && (filter.kinds.is_empty() || filter.kinds.contains(&m.kind))
                && during.is_none_or(|(s, e)| m.event.is_some_and(|(es, ee)| es < e && s < ee.max(es + 1)))
        };
        self.codes.top(query, n, keep).into_iter().map(|(i, score)| (self.rows[i], score)).collect()
    }
}
