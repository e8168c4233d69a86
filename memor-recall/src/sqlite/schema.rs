//! Long-term memory's tables in the store's SQLite file (component `memory`).

/// `SCRIPTS[i]` takes the `memory` component from version `i` to `i + 1`.
pub(crate) const SCRIPTS: &[&str] = &[V1, V2, V3, V4, V5];

const V1: &str = "
CREATE TABLE memories (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    text TEXT NOT NULL,
    user_id TEXT,
    agent TEXT,
    conversation_id TEXT,
    source_conversation TEXT,
    source_message TEXT,
    recorded_at INTEGER NOT NULL,
    event_start INTEGER,
    event_end INTEGER,
    time_in_text INTEGER NOT NULL DEFAULT 0,
    importance REAL NOT NULL DEFAULT 0.5,
    metadata TEXT NOT NULL DEFAULT '{}',
    superseded_by TEXT,
    model TEXT,
    embedding BLOB,
    added_at INTEGER NOT NULL,
    added_by TEXT,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX memories_episode ON memories (source_conversation, source_message) WHERE kind = 'episode';
CREATE INDEX memories_user ON memories (user_id, status, recorded_at);
CREATE TABLE memory_model (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    model TEXT NOT NULL,
    dimensions INTEGER NOT NULL
);
CREATE TABLE memory_events (
    seq INTEGER PRIMARY KEY,
    memory_id TEXT NOT NULL,
    action TEXT NOT NULL,
    at INTEGER NOT NULL,
    text TEXT,
    previous TEXT,
    actor TEXT,
    sources TEXT NOT NULL DEFAULT '[]',
    related TEXT
);
CREATE INDEX memory_events_memory ON memory_events (memory_id, seq);
CREATE TABLE memory_marks (
    conversation_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    position INTEGER NOT NULL
);
CREATE TABLE memory_generation (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    value INTEGER NOT NULL,
    removals INTEGER NOT NULL
);
INSERT INTO memory_generation VALUES (1, 0, 0);
CREATE VIRTUAL TABLE memories_fts USING fts5 (
    text, content = 'memories', content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN
    INSERT INTO memories_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN
    INSERT INTO memories_fts (memories_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER memories_fts_update AFTER UPDATE OF text ON memories BEGIN
    INSERT INTO memories_fts (memories_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO memories_fts (rowid, text) VALUES (new.rowid, new.text);
END;
";

/// Progress marks of consolidation and reflection: `(task, key)` to a position.
const V2: &str = "
CREATE TABLE memory_progress (
    task TEXT NOT NULL,
    key TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (task, key)
);
";

/// How many memories hold each indexed term, for leaving out of a query the words BM25 gives
/// no weight (those in more than half of the memories).
const V3: &str = "
CREATE VIRTUAL TABLE memories_fts_vocab USING fts5vocab (memories_fts, 'row');
";

/// New memories enter the full-text index by the insert's own statement, not by a trigger: a
/// statement that fires a trigger gets a savepoint, and FTS5 flushes its pending terms at each
/// one (a small segment per memory, then merges; the store's schema 4 says more).
const V4: &str = "DROP TRIGGER memories_fts_insert;";

/// The rows whose vector, scope or status changed after they were added, numbered by the
/// `removals` counter each change bumps: a process holding the vectors in memory replaces
/// those rows rather than reading them all again (the last `sqlite::KEPT_CHANGES` are kept;
/// a reader further behind reads everything).
const V5: &str = "
CREATE TABLE memory_changes (
    seq INTEGER PRIMARY KEY,
    row INTEGER NOT NULL
);
";
