//! [`PostgresStore`]: the store on a PostgreSQL server (a small connection pool, row locks
//! per conversation, tsvector search).

mod pool;
mod schema;
mod tls;

use memor_core::Session;
use postgres::types::ToSql;
use postgres::{IsolationLevel, Row, Transaction};

use crate::migrate::{self, SchemaTx};
use crate::ops::{self, ConversationRow, Located, Tx};
use crate::rows::{self, CONVERSATION, MessageRow, StoredConversation, StoredMessage};
use crate::search_query::words;
use crate::{
    Change, Conversation, Error, ListFilter, Location, MessageRef, NewConversation, PgConfig, Result, SearchFilter,
    SearchHit, Store,
};
use pool::Pool;

/// Conversations in a PostgreSQL database, for deployments that share one.
///
/// Writers of one conversation are serialized by a row lock on it, so concurrent appends from
/// any number of processes keep every message, in commit order. PostgreSQL text cannot hold
/// NUL characters: the messages' memor JSON (which escapes them) is what is kept and given
/// back; the search and title columns have them replaced by spaces.
pub struct PostgresStore {
    location: Location,
    pool: Pool,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").field("location", &self.location).finish_non_exhaustive()
    }
}

/// The driver's message: the server's own words when it sent any, otherwise the driver's
/// with its causes (`error performing TLS handshake: invalid peer certificate: …`).
fn message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_owned(),
        },
        None => {
            let mut text = e.to_string();
            let mut cause = std::error::Error::source(e);
            while let Some(c) = cause {
                text.push_str(": ");
                text.push_str(&c.to_string());
                cause = c.source();
            }
            text
        }
    }
}

/// A value for a text column: NUL characters, which PostgreSQL refuses, become spaces.
fn column(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\0') { text.replace('\0', " ").into() } else { text.into() }
}

impl PostgresStore {
    /// Connects to the database (checking the server and the credentials at once) and
    /// brings the schema up to date.
    pub fn connect(config: &PgConfig) -> Result<PostgresStore> {
        let store = PostgresStore { location: Location::Postgres(config.clone()), pool: Pool::new(config)? };
        store.migrate("store", schema::SCRIPTS)?;
        Ok(store)
    }

    /// Brings the tables of `component` to their newest version, in one transaction (see
    /// `SqliteStore::migrate`); concurrent openers wait for each other.
    pub fn migrate(&self, component: &str, scripts: &[&str]) -> Result<()> {
        self.write(|tx| {
            tx.run_one("SELECT pg_advisory_xact_lock(7264155610922373)", &[])?;
            let location = tx.shown.to_owned();
            migrate::migrate(&mut Schema(tx), &location, component, scripts)
        })
    }

    /// Runs `f` in a read-committed transaction on a pooled connection, committing when it
    /// returns `Ok` and rolling back otherwise: how other parts of memor write their own
    /// tables in the same database.
    pub fn write_sql<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&mut Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let mut client = self.pool.get()?;
        let mut tx = client.transaction().map_err(|e| self.error(&e))?;
        let value = f(&mut tx)?;
        tx.commit().map_err(|e| self.error(&e))?;
        Ok(value)
    }

    /// Runs `f` in a read-only snapshot on a pooled connection.
    pub fn read_sql<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&mut Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let mut client = self.pool.get()?;
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(|e| self.error(&e))?;
        let value = f(&mut tx)?;
        tx.commit().map_err(|e| self.error(&e))?;
        Ok(value)
    }

    /// A driver error as this store reports it: the server and database (never the
    /// password) and the server's words.
    pub fn sql_error(&self, e: &postgres::Error) -> Error {
        self.error(e)
    }

    fn error(&self, e: &postgres::Error) -> Error {
        Error::Database { location: self.pool.shown().to_owned(), message: message(e) }
    }

    /// Runs `f` in a read-committed transaction, committing when it succeeds.
    fn write<T>(&self, f: impl FnOnce(&mut PgTx<'_, '_>) -> Result<T>) -> Result<T> {
        let mut client = self.pool.get()?;
        let tx = client.transaction().map_err(|e| self.error(&e))?;
        let mut pg = PgTx { tx, shown: self.pool.shown() };
        let value = f(&mut pg)?;
        pg.tx.commit().map_err(|e| self.error(&e))?;
        Ok(value)
    }

    /// Runs `f` in a read-only snapshot.
    fn read<T>(&self, f: impl FnOnce(&mut Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut client = self.pool.get()?;
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(|e| self.error(&e))?;
        let value = f(&mut tx)?;
        tx.commit().map_err(|e| self.error(&e))?;
        Ok(value)
    }

    fn conversations(
        &self,
        tx: &mut Transaction<'_>,
        sql: &str,
        args: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Conversation>> {
        let rows = tx.query(sql, args).map_err(|e| self.error(&e))?;
        rows.iter().map(|row| self.conversation_of(row)).collect()
    }

    fn conversation_of(&self, row: &Row) -> Result<Conversation> {
        let stored = StoredConversation {
            id: row.get(0),
            header: row.get(1),
            agent: row.get(2),
            user: row.get(3),
            metadata: row.get(4),
            created_at: row.get(5),
            updated_at: row.get(6),
            archived_at: row.get(7),
            messages: row.get(8),
        };
        stored.finish(self.pool.shown())
    }
}

impl Store for PostgresStore {
    fn location(&self) -> &Location {
        &self.location
    }

    fn import(&self, session: &Session, new: &NewConversation) -> Result<Conversation> {
        let id = self.write(|tx| ops::import(tx, session, new))?;
        self.get(&id)
    }

    fn get(&self, id: &str) -> Result<Conversation> {
        self.read(|tx| {
            let sql = format!("{CONVERSATION} WHERE c.id = $1");
            self.conversations(tx, &sql, &[&id])?.pop().ok_or_else(|| Error::NoConversation { id: id.to_owned() })
        })
    }

    fn find(&self, id_or_title: &str) -> Result<Conversation> {
        self.read(|tx| {
            let sql = format!(
                "{CONVERSATION} WHERE c.id = $1 OR c.title = $1 \
                 ORDER BY c.id = $1 DESC, c.archived_at IS NOT NULL, c.updated_at DESC LIMIT 1"
            );
            let title = column(id_or_title);
            self.conversations(tx, &sql, &[&title.as_ref()])?
                .pop()
                .ok_or_else(|| Error::NoConversation { id: id_or_title.to_owned() })
        })
    }

    fn list(&self, filter: &ListFilter) -> Result<Vec<Conversation>> {
        self.read(|tx| {
            let sql = format!(
                "{CONVERSATION} WHERE ($1::TEXT IS NULL OR c.user_id = $1) AND ($2::TEXT IS NULL OR c.agent = $2) \
                 AND ($3::BIGINT IS NULL OR c.updated_at >= $3) AND ($4::BIGINT IS NULL OR c.updated_at < $4) \
                 AND ($5 OR c.archived_at IS NULL) \
                 ORDER BY c.updated_at DESC, c.created_at DESC, c.id LIMIT $6 OFFSET $7"
            );
            let limit = i64::try_from(filter.limit).unwrap_or(i64::MAX);
            let offset = i64::try_from(filter.offset).unwrap_or(i64::MAX);
            let args: [&(dyn ToSql + Sync); 7] =
                [&filter.user, &filter.agent, &filter.since, &filter.until, &filter.archived, &limit, &offset];
            self.conversations(tx, &sql, &args)
        })
    }

    fn load(&self, id: &str) -> Result<Session> {
        self.read(|tx| {
            let header = tx
                .query_opt("SELECT header FROM conversations WHERE id = $1", &[&id])
                .map_err(|e| self.error(&e))?
                .ok_or_else(|| Error::NoConversation { id: id.to_owned() })?;
            let rows = tx
                .query("SELECT kind, json, enabled FROM messages WHERE conversation_id = $1 ORDER BY position", &[&id])
                .map_err(|e| self.error(&e))?;
            let header: &str = header.get(0);
            let mut splice = rows::Splice::new(header);
            for row in &rows {
                splice.push(row.get(1), row.get(2));
            }
            if let Some(session) = splice.load() {
                return Ok(session);
            }
            let messages =
                rows.iter().map(|r| StoredMessage { kind: r.get(0), json: r.get(1), enabled: r.get(2) }).collect();
            rows::session_by_message(header, messages, || format!("{}: conversation {id}", self.pool.shown()))
        })
    }

    fn apply(&self, id: &str, changes: &[Change]) -> Result<()> {
        self.write(|tx| ops::apply(tx, id, changes))
    }

    fn archive(&self, id: &str, archived: bool) -> Result<()> {
        self.write(|tx| {
            let now = rows::now_ms();
            let at = archived.then_some(now);
            let n = tx.run_one(
                "UPDATE conversations SET archived_at = $2, updated_at = $3 WHERE id = $1",
                &[&id, &at, &now],
            )?;
            if n == 0 { Err(Error::NoConversation { id: id.to_owned() }) } else { Ok(()) }
        })
    }

    fn delete(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let n = tx.run_one("DELETE FROM conversations WHERE id = $1", &[&id])?;
            if n == 0 { Err(Error::NoConversation { id: id.to_owned() }) } else { Ok(()) }
        })
    }

    fn copy(&self, id: &str, title: Option<&str>) -> Result<Conversation> {
        let copy = self.write(|tx| ops::copy(tx, id, title))?;
        self.get(&copy)
    }

    fn search(&self, query: &str, filter: &SearchFilter) -> Result<Vec<SearchHit>> {
        let words = words(query)?.join(" ");
        self.read(|tx| {
            let rows = tx
                .query(
                    "SELECT m.conversation_id, c.header, m.id, m.role, \
                     ts_headline('english', left(m.text, 100000), q, \
                     'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1'), \
                     ts_rank_cd(m.tsv, q)::FLOAT8, \
                     (SELECT COUNT(*) FROM messages o WHERE o.conversation_id = m.conversation_id \
                      AND o.position < m.position) \
                     FROM messages m JOIN conversations c ON c.id = m.conversation_id, \
                     plainto_tsquery('english', $1) q \
                     WHERE m.tsv @@ q AND ($2::TEXT IS NULL OR c.user_id = $2) AND ($3::TEXT IS NULL OR c.agent = $3) \
                     AND ($4::TEXT IS NULL OR c.id = $4) AND ($5 OR c.archived_at IS NULL) \
                     ORDER BY 6 DESC, m.seq LIMIT $6",
                    &[
                        &words,
                        &filter.user,
                        &filter.agent,
                        &filter.conversation,
                        &filter.archived,
                        &i64::try_from(filter.limit).unwrap_or(i64::MAX),
                    ],
                )
                .map_err(|e| self.error(&e))?;
            rows.iter()
                .map(|r| {
                    let conversation: String = r.get(0);
                    let header: String = r.get(1);
                    let title = rows::title(&header, || format!("{}: conversation {conversation}", self.pool.shown()))?;
                    Ok(SearchHit {
                        title,
                        message: r.get(2),
                        role: r.get(3),
                        snippet: r.get(4),
                        score: r.get(5),
                        index: r.get::<_, i64>(6).max(0) as u64,
                        conversation,
                    })
                })
                .collect()
        })
    }
}

/// An open write transaction, as the shared code sees it.
pub(crate) struct PgTx<'c, 's> {
    tx: Transaction<'c>,
    shown: &'s str,
}

impl PgTx<'_, '_> {
    fn error(&self, e: &postgres::Error) -> Error {
        Error::Database { location: self.shown.to_owned(), message: message(e) }
    }

    fn run_one(&mut self, sql: &str, args: &[&(dyn ToSql + Sync)]) -> Result<u64> {
        match self.tx.execute(sql, args) {
            Ok(n) => Ok(n),
            Err(e) => Err(self.error(&e)),
        }
    }

    /// The parameters of a message row, in the column order of the statements that write one.
    fn message_args<'a>(
        id: &'a &'a str,
        position: &'a i64,
        row: &'a MessageRow,
        text: &'a &'a str,
        model: &'a Option<String>,
    ) -> [&'a (dyn ToSql + Sync); 12] {
        [
            id,
            position,
            &row.id,
            &row.kind,
            &row.role,
            model,
            &row.tokens,
            &row.date_created,
            &row.date_modified,
            &row.enabled,
            text,
            &row.json,
        ]
    }
}

impl Tx for PgTx<'_, '_> {
    fn header(&mut self, id: &str) -> Result<Option<String>> {
        let row = self.tx.query_opt("SELECT header FROM conversations WHERE id = $1 FOR UPDATE", &[&id]);
        Ok(row.map_err(|e| self.error(&e))?.map(|r| r.get(0)))
    }

    fn insert_conversation(&mut self, row: &ConversationRow) -> Result<()> {
        let title = row.title.as_deref().map(column);
        let title = title.as_deref();
        self.run_one(
            "INSERT INTO conversations (id, title, agent, user_id, metadata, header, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
            &[&row.id, &title, &row.agent, &row.user, &row.metadata, &row.header, &row.created_at],
        )
        .map(drop)
    }

    fn update_header(&mut self, id: &str, header: &str, title: Option<&str>, now: i64) -> Result<()> {
        let title = title.map(column);
        let title = title.as_deref();
        self.run_one(
            "UPDATE conversations SET header = $2, title = $3, updated_at = $4 WHERE id = $1",
            &[&id, &header, &title, &now],
        )
        .map(drop)
    }

    fn bounds(&mut self, id: &str) -> Result<Option<(i64, i64)>> {
        let row = self
            .tx
            .query_one("SELECT MIN(position), MAX(position) FROM messages WHERE conversation_id = $1", &[&id])
            .map_err(|e| self.error(&e))?;
        Ok(row.get::<_, Option<i64>>(0).zip(row.get::<_, Option<i64>>(1)))
    }

    fn insert_message(&mut self, id: &str, position: i64, row: &MessageRow) -> Result<()> {
        let text = column(&row.text);
        let text = text.as_ref();
        let model = row.model.as_deref().map(|m| column(m).into_owned());
        let args = Self::message_args(&id, &position, row, &text, &model);
        self.run_one(
            "INSERT INTO messages (conversation_id, position, id, kind, role, model, tokens, date_created, \
             date_modified, enabled, text, json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            &args,
        )
        .map(drop)
    }

    fn locate(&mut self, id: &str, which: &MessageRef) -> Result<Option<Located>> {
        let cols = "SELECT position, kind, json, enabled FROM messages WHERE conversation_id = $1";
        let found = match which {
            MessageRef::Id(mid) => {
                self.tx.query_opt(&format!("{cols} AND id = $2 ORDER BY position LIMIT 1"), &[&id, &mid.as_str()])
            }
            MessageRef::Index(i) => {
                let offset = i64::try_from(*i).unwrap_or(i64::MAX);
                self.tx.query_opt(&format!("{cols} ORDER BY position LIMIT 1 OFFSET $2"), &[&id, &offset])
            }
        };
        let found = found.map_err(|e| self.error(&e))?;
        Ok(found.map(|r| Located { position: r.get(0), kind: r.get(1), json: r.get(2), enabled: r.get(3) }))
    }

    fn replace_message(&mut self, id: &str, position: i64, row: &MessageRow) -> Result<()> {
        let text = column(&row.text);
        let text = text.as_ref();
        let model = row.model.as_deref().map(|m| column(m).into_owned());
        let args = Self::message_args(&id, &position, row, &text, &model);
        self.run_one(
            "UPDATE messages SET id = $3, kind = $4, role = $5, model = $6, tokens = $7, date_created = $8, \
             date_modified = $9, enabled = $10, text = $11, json = $12 WHERE conversation_id = $1 AND position = $2",
            &args,
        )
        .map(drop)
    }

    fn set_enabled(&mut self, id: &str, position: i64, enabled: bool) -> Result<()> {
        self.run_one(
            "UPDATE messages SET enabled = $3 WHERE conversation_id = $1 AND position = $2",
            &[&id, &position, &enabled],
        )
        .map(drop)
    }

    fn delete_message(&mut self, id: &str, position: i64) -> Result<()> {
        self.run_one("DELETE FROM messages WHERE conversation_id = $1 AND position = $2", &[&id, &position]).map(drop)
    }

    fn copy_messages(&mut self, from: &str, to: &str) -> Result<()> {
        self.run_one(
            "INSERT INTO messages (conversation_id, position, id, kind, role, model, tokens, date_created, \
             date_modified, enabled, text, json) SELECT $2, position, id, kind, role, model, tokens, date_created, \
             date_modified, enabled, text, json FROM messages WHERE conversation_id = $1 ORDER BY position",
            &[&from, &to],
        )
        .map(drop)
    }

    fn owners(&mut self, id: &str) -> Result<(Option<String>, Option<String>, String)> {
        let row = self
            .tx
            .query_one("SELECT agent, user_id, metadata FROM conversations WHERE id = $1", &[&id])
            .map_err(|e| self.error(&e))?;
        Ok((row.get(0), row.get(1), row.get(2)))
    }
}

/// The migration runner's view of a write transaction.
struct Schema<'t, 'c, 's>(&'t mut PgTx<'c, 's>);

impl SchemaTx for Schema<'_, '_, '_> {
    fn version(&mut self, component: &str) -> Result<i64> {
        let tx = &mut *self.0;
        tx.tx
            .batch_execute(
                "CREATE TABLE IF NOT EXISTS memor_schema (component TEXT PRIMARY KEY, version BIGINT NOT NULL)",
            )
            .map_err(|e| tx.error(&e))?;
        let row = tx
            .tx
            .query_opt("SELECT version FROM memor_schema WHERE component = $1", &[&component])
            .map_err(|e| tx.error(&e))?;
        Ok(row.map_or(0, |r| r.get(0)))
    }

    fn run(&mut self, sql: &str) -> Result<()> {
        let tx = &mut *self.0;
        tx.tx.batch_execute(sql).map_err(|e| tx.error(&e))
    }

    fn set_version(&mut self, component: &str, version: i64) -> Result<()> {
        self.0
            .run_one(
                "INSERT INTO memor_schema (component, version) VALUES ($1, $2) \
                 ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                &[&component, &version],
            )
            .map(drop)
    }
}
