//! The SQLite schema of the conversation store, one script per version.

/// `store` version 1: conversations and their messages.
const V1: &str = "
CREATE TABLE conversations (
    id          TEXT PRIMARY KEY,
    title       TEXT,
    agent       TEXT,
    user_id     TEXT,
    metadata    TEXT NOT NULL,
    header      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    archived_at INTEGER
);
CREATE INDEX conversations_by_update ON conversations (updated_at);
CREATE INDEX conversations_by_user ON conversations (user_id, updated_at);
CREATE INDEX conversations_by_agent ON conversations (agent, updated_at);
CREATE INDEX conversations_by_title ON conversations (title, updated_at);
CREATE TABLE messages (
    seq             INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    id              TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('prompt', 'response')),
    role            TEXT NOT NULL,
    model           TEXT,
    tokens          INTEGER,
    date_created    INTEGER NOT NULL,
    date_modified   INTEGER NOT NULL,
    enabled         INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    text            TEXT NOT NULL,
    json            TEXT NOT NULL,
    UNIQUE (conversation_id, position)
);
CREATE INDEX messages_by_id ON messages (conversation_id, id);
";

/// `store` version 2: full-text search over messages (FTS5, kept in step by triggers; the
/// rows stored before are indexed by the migration).
const V2: &str = "
CREATE VIRTUAL TABLE messages_fts USING fts5 (
    text,
    content = 'messages',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
END;
";

/// `store` version 3: no index of messages by id. Ids are random, so every batch of appends
/// dirtied a page of that index per message (a third of the cost of an append); finding a
/// message by id, which only an edit does, now reads the conversation's rows in order.
const V3: &str = "DROP INDEX messages_by_id;";

/// `store` version 4: appended messages enter the full-text index by the store's own
/// single-row insert, not by a trigger. A statement that fires a trigger may write several
/// rows, so SQLite opens a savepoint for it, and FTS5 flushes its pending terms to disk at
/// every savepoint: one small segment per message, then merges (more than half the cost of an
/// append, measured with `perf`). The delete and update triggers stay (edits are rare).
const V4: &str = "DROP TRIGGER messages_fts_insert;";

/// The scripts, oldest first.
pub(crate) const SCRIPTS: &[&str] = &[V1, V2, V3, V4];
