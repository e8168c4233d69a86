//! Full-text search over messages with SQLite's FTS5 (BM25 ranking, snippets).

use rusqlite::params;

use crate::rows;
use crate::search_query::words;
use crate::{Error, Result, SearchFilter, SearchHit};

pub(crate) fn search(
    tx: &rusqlite::Transaction<'_>,
    path: &str,
    query: &str,
    filter: &SearchFilter,
) -> Result<Vec<SearchHit>> {
    // Each word as an FTS5 string: the user's text is never FTS5 syntax.
    let fts: Vec<String> = words(query)?.iter().map(|w| format!("\"{w}\"")).collect();
    let error = |e: rusqlite::Error| Error::Database { location: path.to_owned(), message: e.to_string() };
    let mut stmt = tx
        .prepare_cached(
            "SELECT m.conversation_id, c.header, m.id, m.role, \
             snippet(messages_fts, 0, '[', ']', '…', 16), -bm25(messages_fts), \
             (SELECT COUNT(*) FROM messages o WHERE o.conversation_id = m.conversation_id AND o.position < m.position) \
             FROM messages_fts JOIN messages m ON m.seq = messages_fts.rowid \
             JOIN conversations c ON c.id = m.conversation_id \
             WHERE messages_fts MATCH ?1 AND (?2 IS NULL OR c.user_id = ?2) AND (?3 IS NULL OR c.agent = ?3) \
             AND (?4 IS NULL OR c.id = ?4) AND (?5 OR c.archived_at IS NULL) \
             ORDER BY bm25(messages_fts), m.seq LIMIT ?6",
        )
        .map_err(error)?;
    let limit = i64::try_from(filter.limit).unwrap_or(i64::MAX);
    let args = params![fts.join(" "), filter.user, filter.agent, filter.conversation, filter.archived, limit];
    let found = stmt
        .query_map(args, |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, f64>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })
        .map_err(error)?;
    let mut hits = Vec::new();
    for row in found {
        let (conversation, header, message, role, snippet, score, index) = row.map_err(error)?;
        let title = rows::title(&header, || format!("{path}: conversation {conversation}"))?;
        hits.push(SearchHit { conversation, title, message, index: index.max(0) as u64, role, snippet, score });
    }
    Ok(hits)
}
