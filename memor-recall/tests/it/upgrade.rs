//! A file whose `memory` component is at version 3 (new memories indexed by a trigger)
//! upgrades to version 4, which indexes them by its own insert: every memory is then in the
//! full-text index once, before and after; and to version 5, which logs changed memories.

use memor_recall::{Memories, NewMemory, Search};
use memor_store::rusqlite::Connection;

#[test]
fn version_3_upgrades_and_memories_added_before_and_after_are_found_by_their_words() {
    let path = crate::tempdir().join("memory-v3.db");
    let path = path.to_str().unwrap();
    Memories::open(path).unwrap().add(NewMemory::fact("a wombat before the upgrade").user("u")).unwrap();
    {
        // Back to version 3 as it was: the insert trigger, no change log, and the version mark.
        let sql = Connection::open(path).unwrap();
        sql.execute_batch(
            "CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN \
                 INSERT INTO memories_fts (rowid, text) VALUES (new.rowid, new.text); \
             END; \
             DROP TABLE memory_changes; \
             UPDATE memor_schema SET version = 3 WHERE component = 'memory';",
        )
        .unwrap();
    }
    let memories = Memories::open(path).unwrap();
    let sql = Connection::open(path).unwrap();
    let version: i64 =
        sql.query_row("SELECT version FROM memor_schema WHERE component = 'memory'", [], |r| r.get(0)).unwrap();
    assert!(version >= 4, "found version {version}");
    let triggers: i64 = sql
        .query_row("SELECT COUNT(*) FROM sqlite_master WHERE name = 'memories_fts_insert'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(triggers, 0, "version 4 drops the insert trigger");
    memories.add(NewMemory::fact("a quokka after the upgrade").user("u")).unwrap();
    for (word, text) in [("wombat", "a wombat before the upgrade"), ("quokka", "a quokka after the upgrade")] {
        let hits = memories.search(&Search::text(word)).unwrap();
        assert_eq!(hits.iter().map(|h| h.memory.text.as_str()).collect::<Vec<_>>(), [text], "{word}");
    }
    // The index holds each memory's words once: the upgrade word is in both, counted twice.
    let docs: i64 =
        sql.query_row("SELECT doc FROM memories_fts_vocab WHERE term = 'upgrad'", [], |r| r.get(0)).unwrap();
    assert_eq!(docs, 2);
    // Version 5's change log takes a forget.
    let id = memories.search(&Search::text("wombat")).unwrap()[0].memory.id.clone();
    memories.forget(&id).unwrap();
    assert!(memories.search(&Search::text("wombat")).unwrap().is_empty());
}
