//! Opening a database written with the first released schema (`store` version 1, committed as
//! `tests/data/store-v1.db`, made from the corpus sessions S000, S003, S009 and S012 plus a
//! conversation with its first message masked) upgrades it in place, losing nothing.

use memor_core::{Document, Session};
use memor_store::{ListFilter, SearchFilter, SqliteOptions, SqliteStore, Store};

#[test]
fn the_first_schema_upgrades_and_keeps_every_byte() {
    let dir = crate::tempdir();
    let path = dir.join("v1.db");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/store-v1.db"), &path).unwrap();
    let store = SqliteStore::open(&path, &SqliteOptions::default()).unwrap();
    let sql = rusqlite::Connection::open(&path).unwrap();
    let version: i64 =
        sql.query_row("SELECT version FROM memor_schema WHERE component = 'store'", [], |r| r.get(0)).unwrap();
    assert!(version >= 4, "upgraded to the current schema, found {version}");
    let by_id: i64 =
        sql.query_row("SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages_by_id'", [], |r| r.get(0)).unwrap();
    assert_eq!(by_id, 0, "version 3 drops the index of messages by id");

    let mut all = ListFilter::default();
    all.archived = true;
    let conversations = store.list(&all).unwrap();
    assert_eq!(conversations.len(), 5);
    let sessions = crate::fixture_sessions();
    for name in ["S000", "S003", "S009", "S012"] {
        let file = sessions.iter().find(|f| f.ends_with(format!("{name}.json"))).unwrap();
        let expected = Session::load(file).unwrap().to_json();
        let stored = conversations.iter().find(|c| c.metadata.get("source").is_some_and(|s| s == name)).unwrap();
        assert_eq!(store.load(&stored.id).unwrap().to_json(), expected, "{name}");
        assert_eq!(stored.archived_at.is_some(), name == "S012");
    }
    let edited = store.find("edited").unwrap();
    assert_eq!(store.load(&edited.id).unwrap().messages_status()[..2], [false, true]);
    // Messages stored before the upgrade are in the new full-text index.
    let hits = store.search("fibonacci", &SearchFilter::default()).unwrap();
    assert!(hits.iter().any(|h| h.conversation == edited.id), "{hits:?}");
    // Messages appended after it are indexed too (version 4 indexes them without a trigger).
    let triggers: i64 = sql
        .query_row("SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages_fts_insert'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(triggers, 0, "version 4 drops the insert trigger");
    let mut late = Session::new(None);
    late.add_message(memor_core::Prompt::builder().message("a quokka after the upgrade").build());
    let c = store.import(&late, &Default::default()).unwrap();
    let hits = store.search("quokka", &SearchFilter::default()).unwrap();
    assert_eq!(hits.iter().map(|h| h.conversation.as_str()).collect::<Vec<_>>(), [c.id.as_str()]);
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let dir = crate::tempdir();
    let path = dir.join("newer.db");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/store-v1.db"), &path).unwrap();
    rusqlite::Connection::open(&path).unwrap().execute("UPDATE memor_schema SET version = 99", []).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = SqliteStore::open(&path, &SqliteOptions::default()).unwrap_err().to_string();
    assert!(err.contains("the store schema is version 99, written by a newer memor"), "{err}");
    assert!(err.starts_with(&path.display().to_string()), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
