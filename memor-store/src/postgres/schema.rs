//! The PostgreSQL schema of the conversation store, one script per version (the same
//! versions as SQLite's).

/// `store` version 1: conversations and their messages.
const V1: &str = "
CREATE TABLE conversations (
    id          TEXT PRIMARY KEY,
    title       TEXT,
    agent       TEXT,
    user_id     TEXT,
    metadata    TEXT NOT NULL,
    header      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    archived_at BIGINT
);
CREATE INDEX conversations_by_update ON conversations (updated_at);
CREATE INDEX conversations_by_user ON conversations (user_id, updated_at);
CREATE INDEX conversations_by_agent ON conversations (agent, updated_at);
CREATE INDEX conversations_by_title ON conversations (title, updated_at);
CREATE TABLE messages (
    seq             BIGSERIAL PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    position        BIGINT NOT NULL,
    id              TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('prompt', 'response')),
    role            TEXT NOT NULL,
    model           TEXT,
    tokens          BIGINT,
    date_created    BIGINT NOT NULL,
    date_modified   BIGINT NOT NULL,
    enabled         BOOLEAN NOT NULL,
    text            TEXT NOT NULL,
    json            TEXT NOT NULL,
    UNIQUE (conversation_id, position)
);
CREATE INDEX messages_by_id ON messages (conversation_id, id);
";

/// `store` version 2: full-text search (a generated tsvector of the first 100,000 characters
/// of each message, as tsvector values are limited to 1 MB, and a GIN index).
const V2: &str = "
ALTER TABLE messages ADD COLUMN tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('english', left(text, 100000))) STORED;
CREATE INDEX messages_tsv ON messages USING GIN (tsv);
";

/// The scripts, oldest first.
pub(crate) const SCRIPTS: &[&str] = &[V1, V2];
