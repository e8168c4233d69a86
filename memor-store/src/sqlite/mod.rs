//! [`SqliteStore`]: the store in one SQLite file (WAL, foreign keys, a busy timeout, FTS5).

mod schema;
mod search;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use memor_core::Session;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::migrate::{self, SchemaTx};
use crate::ops::{self, ConversationRow, Located, Tx};
use crate::rows::{self, CONVERSATION, MessageRow, StoredConversation, StoredMessage};
use crate::{
    Change, Conversation, Error, ListFilter, Location, MessageRef, NewConversation, Result, SearchFilter, SearchHit,
    Store,
};

/// How a SQLite store is opened.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SqliteOptions {
    /// Create the file if it does not exist (otherwise a missing file is an error).
    pub create: bool,
    /// How long a write waits for another writer before it fails.
    pub busy_timeout: Duration,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        SqliteOptions { create: true, busy_timeout: Duration::from_secs(10) }
    }
}

/// Conversations in a SQLite file.
///
/// The file is in WAL mode with `synchronous = NORMAL`: a commit survives the process being
/// killed at any moment; after a power cut the newest commits may be missing, never half
/// there. One connection serves the process (calls from several threads take turns); other
/// processes may open the same file, and their writes are serialized by SQLite's lock.
pub struct SqliteStore {
    location: Location,
    path: String,
    conn: Mutex<Connection>,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.path).finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// Opens (by default creating) the store at `path`, bringing its schema up to date.
    pub fn open(path: impl AsRef<Path>, options: &SqliteOptions) -> Result<SqliteStore> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let fail = |message: String| Error::Database { location: shown.clone(), message };
        if path.is_dir() {
            return Err(fail("is a directory, not a SQLite database file".into()));
        }
        if !options.create && !path.exists() {
            return Err(fail("no such file".into()));
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if options.create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(path, flags).map_err(|e| fail(message(&e)))?;
        let setup = || -> rusqlite::Result<()> {
            conn.busy_timeout(options.busy_timeout)?;
            conn.pragma_update(None, "foreign_keys", true)?;
            let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                conn.pragma_update(None, "journal_mode", "WAL")?;
            }
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            // Loads read whole conversations: a 64 MiB page cache and memory-mapped reads.
            conn.pragma_update(None, "cache_size", -65536)?;
            conn.pragma_update(None, "mmap_size", 268_435_456)
        };
        setup().map_err(|e| fail(message(&e)))?;
        let store =
            SqliteStore { location: Location::Sqlite(PathBuf::from(path)), path: shown, conn: Mutex::new(conn) };
        store.migrate("store", schema::SCRIPTS)?;
        Ok(store)
    }

    /// Brings the tables of `component` to their newest version, in one transaction:
    /// `scripts[i]` (SQL statements) takes version `i` to `i + 1`. Other parts of memor keep
    /// their own tables in the same file this way; a database whose `component` is newer
    /// than `scripts` knows is refused, untouched.
    pub fn migrate(&self, component: &str, scripts: &[&str]) -> Result<()> {
        self.write(|tx| {
            let location = tx.path.to_owned();
            migrate::migrate(&mut Schema(tx), &location, component, scripts)
        })
    }

    /// Runs `f` in a write transaction (`BEGIN IMMEDIATE`) on the store's connection,
    /// committing when it returns `Ok` and rolling back otherwise: how other parts of memor
    /// write their own tables in the same file, atomically with nothing else in between.
    pub fn write_sql<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let mut conn = self.connection()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| self.error(&e))?;
        let value = f(&tx)?;
        tx.commit().map_err(|e| self.error(&e))?;
        Ok(value)
    }

    /// Runs `f` in a read transaction (one consistent view) on the store's connection.
    pub fn read_sql<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let mut conn = self.connection()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred).map_err(|e| self.error(&e))?;
        let value = f(&tx)?;
        tx.commit().map_err(|e| self.error(&e))?;
        Ok(value)
    }

    /// A driver error as this store reports it: the file and SQLite's words.
    pub fn sql_error(&self, e: &rusqlite::Error) -> Error {
        self.error(e)
    }

    /// Runs `f` in a write transaction (`BEGIN IMMEDIATE`), committing when it succeeds.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut SqlTx<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.connection()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| self.error(&e))?;
        let mut sql = SqlTx { tx: &tx, path: &self.path };
        let value = f(&mut sql)?;
        tx.commit().map_err(|e| self.error(&e))?;
        Ok(value)
    }

    /// Runs `f` in a read transaction (one consistent view).
    fn read<T>(&self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.connection()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred).map_err(|e| self.error(&e))?;
        let value = f(&tx)?;
        tx.commit().map_err(|e| self.error(&e))?;
        Ok(value)
    }

    fn connection(&self) -> Result<MutexGuard<'_, Connection>> {
        // A thread that panicked mid-call left no open transaction (rusqlite rolls it back on
        // drop), so the connection is still good.
        Ok(self.conn.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    fn error(&self, e: &rusqlite::Error) -> Error {
        Error::Database { location: self.path.clone(), message: message(e) }
    }

    fn conversation_where(&self, tx: &rusqlite::Transaction<'_>, id: &str) -> Result<Conversation> {
        let sql = format!("{CONVERSATION} WHERE c.id = ?1");
        let found = tx.query_row(&sql, [id], conversation_of).optional().map_err(|e| self.error(&e))?;
        found.ok_or_else(|| Error::NoConversation { id: id.to_owned() })?.finish(&self.path)
    }
}

/// The driver's message, with SQLite's own words for the common failures.
fn message(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(code, Some(text)) => match code.code {
            rusqlite::ErrorCode::NotADatabase => "not a SQLite database (file is not a database)".to_owned(),
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                format!("{text} (another process holds the write lock; try again later)")
            }
            _ => text.clone(),
        },
        other => other.to_string(),
    }
}

fn conversation_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredConversation> {
    Ok(StoredConversation {
        id: row.get(0)?,
        header: row.get(1)?,
        agent: row.get(2)?,
        user: row.get(3)?,
        metadata: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
        archived_at: row.get(7)?,
        messages: row.get(8)?,
    })
}

impl Store for SqliteStore {
    fn location(&self) -> &Location {
        &self.location
    }

    fn import(&self, session: &Session, new: &NewConversation) -> Result<Conversation> {
        let id = self.write(|tx| ops::import(tx, session, new))?;
        self.get(&id)
    }

    fn get(&self, id: &str) -> Result<Conversation> {
        self.read(|tx| self.conversation_where(tx, id))
    }

    fn find(&self, id_or_title: &str) -> Result<Conversation> {
        self.read(|tx| {
            let sql = format!(
                "{CONVERSATION} WHERE c.id = ?1 OR c.title = ?1 \
                 ORDER BY c.id = ?1 DESC, c.archived_at IS NOT NULL, c.updated_at DESC LIMIT 1"
            );
            let found = tx.query_row(&sql, [id_or_title], conversation_of).optional().map_err(|e| self.error(&e))?;
            found.ok_or_else(|| Error::NoConversation { id: id_or_title.to_owned() })?.finish(&self.path)
        })
    }

    fn list(&self, filter: &ListFilter) -> Result<Vec<Conversation>> {
        self.read(|tx| {
            let sql = format!(
                "{CONVERSATION} WHERE (?1 IS NULL OR c.user_id = ?1) AND (?2 IS NULL OR c.agent = ?2) \
                 AND (?3 IS NULL OR c.updated_at >= ?3) AND (?4 IS NULL OR c.updated_at < ?4) \
                 AND (?5 OR c.archived_at IS NULL) \
                 ORDER BY c.updated_at DESC, c.created_at DESC, c.id LIMIT ?6 OFFSET ?7"
            );
            let mut stmt = tx.prepare(&sql).map_err(|e| self.error(&e))?;
            let limit = i64::try_from(filter.limit).unwrap_or(i64::MAX);
            let offset = i64::try_from(filter.offset).unwrap_or(i64::MAX);
            let args = params![filter.user, filter.agent, filter.since, filter.until, filter.archived, limit, offset];
            let raw = stmt.query_map(args, conversation_of).map_err(|e| self.error(&e))?;
            let mut out = Vec::new();
            for r in raw {
                out.push(r.map_err(|e| self.error(&e))?.finish(&self.path)?);
            }
            Ok(out)
        })
    }

    fn load(&self, id: &str) -> Result<Session> {
        self.read(|tx| {
            let header: Option<String> = tx
                .query_row("SELECT header FROM conversations WHERE id = ?1", [id], |r| r.get(0))
                .optional()
                .map_err(|e| self.error(&e))?;
            let header = header.ok_or_else(|| Error::NoConversation { id: id.to_owned() })?;
            let mut stmt = tx
                .prepare_cached("SELECT kind, json, enabled FROM messages WHERE conversation_id = ?1 ORDER BY position")
                .map_err(|e| self.error(&e))?;
            // The fast path borrows each row's text straight into the session's file text.
            let mut splice = rows::Splice::new(&header);
            let mut rows = stmt.query([id]).map_err(|e| self.error(&e))?;
            while let Some(row) = rows.next().map_err(|e| self.error(&e))? {
                let json = row.get_ref(1).and_then(|v| Ok(v.as_str()?)).map_err(|e| self.error(&e))?;
                splice.push(json, row.get(2).map_err(|e| self.error(&e))?);
            }
            drop(rows);
            if let Some(session) = splice.load() {
                return Ok(session);
            }
            let rows = stmt
                .query_map([id], |r| Ok(StoredMessage { kind: r.get(0)?, json: r.get(1)?, enabled: r.get(2)? }))
                .map_err(|e| self.error(&e))?;
            let mut messages = Vec::new();
            for row in rows {
                messages.push(row.map_err(|e| self.error(&e))?);
            }
            rows::session_by_message(&header, messages, || format!("{}: conversation {id}", self.path))
        })
    }

    fn apply(&self, id: &str, changes: &[Change]) -> Result<()> {
        self.write(|tx| ops::apply(tx, id, changes))
    }

    fn archive(&self, id: &str, archived: bool) -> Result<()> {
        self.write(|tx| {
            let now = rows::now_ms();
            let at = archived.then_some(now);
            let n = tx
                .tx
                .execute(
                    "UPDATE conversations SET archived_at = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, at, now],
                )
                .map_err(|e| tx.error(&e))?;
            if n == 0 { Err(Error::NoConversation { id: id.to_owned() }) } else { Ok(()) }
        })
    }

    fn delete(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let n = tx.tx.execute("DELETE FROM conversations WHERE id = ?1", [id]).map_err(|e| tx.error(&e))?;
            if n == 0 { Err(Error::NoConversation { id: id.to_owned() }) } else { Ok(()) }
        })
    }

    fn copy(&self, id: &str, title: Option<&str>) -> Result<Conversation> {
        let copy = self.write(|tx| ops::copy(tx, id, title))?;
        self.get(&copy)
    }

    fn search(&self, query: &str, filter: &SearchFilter) -> Result<Vec<SearchHit>> {
        self.read(|tx| search::search(tx, &self.path, query, filter))
    }
}

/// An open write transaction, as the shared code sees it.
pub(crate) struct SqlTx<'a> {
    tx: &'a rusqlite::Transaction<'a>,
    path: &'a str,
}

impl SqlTx<'_> {
    fn error(&self, e: &rusqlite::Error) -> Error {
        Error::Database { location: self.path.to_owned(), message: message(e) }
    }

    fn exec(&self, sql: &str, args: impl rusqlite::Params) -> Result<usize> {
        let mut stmt = self.tx.prepare_cached(sql).map_err(|e| self.error(&e))?;
        stmt.execute(args).map_err(|e| self.error(&e))
    }
}

impl Tx for SqlTx<'_> {
    fn header(&mut self, id: &str) -> Result<Option<String>> {
        let mut stmt =
            self.tx.prepare_cached("SELECT header FROM conversations WHERE id = ?1").map_err(|e| self.error(&e))?;
        stmt.query_row([id], |r| r.get(0)).optional().map_err(|e| self.error(&e))
    }

    fn insert_conversation(&mut self, row: &ConversationRow) -> Result<()> {
        self.exec(
            "INSERT INTO conversations (id, title, agent, user_id, metadata, header, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![row.id, row.title, row.agent, row.user, row.metadata, row.header, row.created_at],
        )
        .map(drop)
    }

    fn update_header(&mut self, id: &str, header: &str, title: Option<&str>, now: i64) -> Result<()> {
        self.exec(
            "UPDATE conversations SET header = ?2, title = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, header, title, now],
        )
        .map(drop)
    }

    fn bounds(&mut self, id: &str) -> Result<Option<(i64, i64)>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT MIN(position), MAX(position) FROM messages WHERE conversation_id = ?1")
            .map_err(|e| self.error(&e))?;
        let (lo, hi): (Option<i64>, Option<i64>) =
            stmt.query_row([id], |r| Ok((r.get(0)?, r.get(1)?))).map_err(|e| self.error(&e))?;
        Ok(lo.zip(hi))
    }

    fn insert_message(&mut self, id: &str, position: i64, row: &MessageRow) -> Result<()> {
        self.exec(
            "INSERT INTO messages (conversation_id, position, id, kind, role, model, tokens, date_created, \
             date_modified, enabled, text, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            message_params(&id, &position, row),
        )?;
        let seq = self.tx.last_insert_rowid();
        self.exec("INSERT INTO messages_fts (rowid, text) VALUES (?1, ?2)", params![seq, row.text]).map(drop)
    }

    fn locate(&mut self, id: &str, which: &MessageRef) -> Result<Option<Located>> {
        let of = |r: &rusqlite::Row<'_>| {
            Ok(Located { position: r.get(0)?, kind: r.get(1)?, json: r.get(2)?, enabled: r.get(3)? })
        };
        let cols = "SELECT position, kind, json, enabled FROM messages WHERE conversation_id = ?1";
        let found = match which {
            MessageRef::Id(mid) => {
                let sql = format!("{cols} AND id = ?2 ORDER BY position LIMIT 1");
                self.tx.query_row(&sql, params![id, mid], of).optional()
            }
            MessageRef::Index(i) => {
                let sql = format!("{cols} ORDER BY position LIMIT 1 OFFSET ?2");
                self.tx.query_row(&sql, params![id, i64::try_from(*i).unwrap_or(i64::MAX)], of).optional()
            }
        };
        found.map_err(|e| self.error(&e))
    }

    fn replace_message(&mut self, id: &str, position: i64, row: &MessageRow) -> Result<()> {
        self.exec(
            "UPDATE messages SET id = ?3, kind = ?4, role = ?5, model = ?6, tokens = ?7, date_created = ?8, \
             date_modified = ?9, enabled = ?10, text = ?11, json = ?12 WHERE conversation_id = ?1 AND position = ?2",
            message_params(&id, &position, row),
        )
        .map(drop)
    }

    fn set_enabled(&mut self, id: &str, position: i64, enabled: bool) -> Result<()> {
        self.exec(
            "UPDATE messages SET enabled = ?3 WHERE conversation_id = ?1 AND position = ?2",
            params![id, position, enabled],
        )
        .map(drop)
    }

    fn delete_message(&mut self, id: &str, position: i64) -> Result<()> {
        self.exec("DELETE FROM messages WHERE conversation_id = ?1 AND position = ?2", params![id, position]).map(drop)
    }

    fn copy_messages(&mut self, from: &str, to: &str) -> Result<()> {
        self.exec(
            "INSERT INTO messages (conversation_id, position, id, kind, role, model, tokens, date_created, \
             date_modified, enabled, text, json) SELECT ?2, position, id, kind, role, model, tokens, date_created, \
             date_modified, enabled, text, json FROM messages WHERE conversation_id = ?1 ORDER BY position",
            params![from, to],
        )?;
        self.exec(
            "INSERT INTO messages_fts (rowid, text) SELECT seq, text FROM messages WHERE conversation_id = ?1",
            [to],
        )
        .map(drop)
    }

    fn owners(&mut self, id: &str) -> Result<(Option<String>, Option<String>, String)> {
        self.tx
            .query_row("SELECT agent, user_id, metadata FROM conversations WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(|e| self.error(&e))
    }
}

/// The parameters of a message row, in the column order of the statements that write one.
fn message_params<'a>(id: &'a &'a str, position: &'a i64, row: &'a MessageRow) -> [&'a dyn rusqlite::ToSql; 12] {
    [
        id,
        position,
        &row.id,
        &row.kind,
        &row.role,
        &row.model,
        &row.tokens,
        &row.date_created,
        &row.date_modified,
        &row.enabled,
        &row.text,
        &row.json,
    ]
}

/// The migration runner's view of a write transaction.
struct Schema<'t, 'a>(&'t mut SqlTx<'a>);

impl SchemaTx for Schema<'_, '_> {
    fn version(&mut self, component: &str) -> Result<i64> {
        let tx = &self.0;
        tx.tx
            .execute_batch(
                "CREATE TABLE IF NOT EXISTS memor_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)",
            )
            .map_err(|e| tx.error(&e))?;
        let v: Option<i64> = tx
            .tx
            .query_row("SELECT version FROM memor_schema WHERE component = ?1", [component], |r| r.get(0))
            .optional()
            .map_err(|e| tx.error(&e))?;
        Ok(v.unwrap_or(0))
    }

    fn run(&mut self, sql: &str) -> Result<()> {
        self.0.tx.execute_batch(sql).map_err(|e| self.0.error(&e))
    }

    fn set_version(&mut self, component: &str, version: i64) -> Result<()> {
        self.0
            .exec(
                "INSERT INTO memor_schema (component, version) VALUES (?1, ?2) \
                 ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                params![component, version],
            )
            .map(drop)
    }
}
