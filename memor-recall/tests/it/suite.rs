//! The behaviour both backends must have: lexical, vector, hybrid and time-aware recall,
//! scopes, forgetting, superseding, history, and the errors.

use chrono::{TimeZone, Utc};
use memor_recall::when::TimeRange;
use memor_recall::{Error, Filter, Kind, Memories, NewMemory, Search, Status};

fn texts(hits: &[memor_recall::Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.memory.text.as_str()).collect()
}

fn day(y: i32, m: u32, d: u32) -> TimeRange {
    let start = Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap();
    TimeRange { start, end: start + chrono::Duration::days(1) }
}

fn facts(memories: &Memories) {
    for text in [
        "Ana is vegetarian and cooks lentil soup on Sundays",
        "Ana works as a nurse at the hospital in Porto",
        "Ana's brother Rui plays the cello",
    ] {
        memories.add(NewMemory::fact(text).user("ana")).unwrap();
    }
    memories.add(NewMemory::fact("Ben works as a nurse in Leeds").user("ben")).unwrap();
}

/// Ids grow with time (UUIDv7), so each new memory and its events go at the end of the
/// indexes by id instead of at a random page of them.
#[test]
fn memory_ids_sort_in_the_order_the_memories_were_added() {
    for (backend, memories) in crate::backends::all() {
        let batch: Vec<NewMemory> = (0..50).map(|i| NewMemory::fact(format!("fact {i}"))).collect();
        let mut ids = memories.add_all(&batch).unwrap();
        ids.push(memories.add(NewMemory::fact("one more")).unwrap());
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(sorted, ids, "{backend}");
        assert!(ids.iter().all(|id| uuid::Uuid::parse_str(id).is_ok_and(|u| u.get_version_num() == 7)), "{backend}");
    }
}

#[test]
fn words_find_the_memory_that_holds_them_and_say_so() {
    for (backend, memories) in crate::backends::all() {
        facts(&memories);
        let hits = memories.search(&Search::text("which hospital does she work at?").user("ana")).unwrap();
        assert_eq!(hits[0].memory.text, "Ana works as a nurse at the hospital in Porto", "{backend}");
        assert_eq!(hits[0].why.lexical_rank, Some(1), "{backend}");
        assert_eq!(hits[0].why.vector_rank, None, "{backend}");
        assert!(hits.iter().all(|h| h.memory.scope.user.as_deref() == Some("ana")), "{backend}: {:?}", texts(&hits));
        // Stemming: "cooking" finds "cooks".
        let hits = memories.search(&Search::text("cooking").user("ana")).unwrap();
        assert_eq!(texts(&hits), ["Ana is vegetarian and cooks lentil soup on Sundays"], "{backend}");
    }
}

/// A question's stop words match nothing: "what did" must not rank the memories that only
/// ask something, and a query of stop words alone finds nothing by its words. PostgreSQL
/// never indexes them; SQLite must not ask for them.
#[test]
fn stop_words_match_nothing() {
    for (backend, memories) in crate::backends::all() {
        for text in ["What did you do on Sunday?", "What did they say to you?", "Ana cooks lentil soup"] {
            memories.add(NewMemory::fact(text).user("ana")).unwrap();
        }
        let hits = memories.search(&Search::text("What did Ana cook?").user("ana")).unwrap();
        assert_eq!(texts(&hits), ["Ana cooks lentil soup"], "{backend}");
        let hits = memories.search(&Search::text("what did you do").user("ana")).unwrap();
        assert!(hits.is_empty(), "{backend}: {:?}", texts(&hits));
    }
}

#[test]
fn a_user_scope_never_recalls_another_users_memories() {
    for (backend, memories) in crate::backends::all() {
        facts(&memories);
        let hits = memories.search(&Search::text("nurse").user("ben")).unwrap();
        assert_eq!(texts(&hits), ["Ben works as a nurse in Leeds"], "{backend}");
        let hits = memories.search(&Search::text("nurse").user("nobody")).unwrap();
        assert!(hits.is_empty(), "{backend}");
        let hits = memories.search(&Search::text("nurse")).unwrap();
        assert_eq!(hits.len(), 2, "{backend}");
    }
}

/// Four memories on the axes of a 4-dimensional space.
#[test]
fn a_few_matches_of_one_user_among_many_of_another_are_all_found() {
    for (backend, memories) in crate::backends::all() {
        // Ben's memories match better (shorter, the word twice): the best matches overall
        // are all his, so Ana's must come from the filtered ranking.
        let bens: Vec<NewMemory> =
            (0..600).map(|i| NewMemory::fact(format!("garden garden {i}")).user("ben")).collect();
        memories.add_all(&bens).unwrap();
        for text in
            ["Ana planted tomatoes in her garden by the river", "Ana's garden has a pond", "Ana sold her garden tools"]
        {
            memories.add(NewMemory::fact(text).user("ana")).unwrap();
        }
        let hits = memories.search(&Search::text("garden").user("ana").k(10)).unwrap();
        let mut found = texts(&hits);
        found.sort();
        assert_eq!(
            found,
            ["Ana planted tomatoes in her garden by the river", "Ana sold her garden tools", "Ana's garden has a pond"],
            "{backend}"
        );
        let bens = memories.search(&Search::text("garden").user("ben").k(10)).unwrap();
        assert_eq!(bens.len(), 10, "{backend}");
        assert!(bens.iter().all(|h| h.memory.scope.user.as_deref() == Some("ben")), "{backend}");
    }
}

/// SQLite leaves out of a large store's query the words most memories hold (FTS5 would rank
/// every one of their matches for almost no weight). PostgreSQL's `ts_rank` has no such rule.
#[test]
fn a_word_in_most_memories_neither_ranks_nor_matches_once_the_store_is_large() {
    for (backend, memories) in crate::backends::all() {
        if backend != "sqlite" {
            continue;
        }
        let notes: Vec<NewMemory> = (0..1200).map(|i| NewMemory::fact(format!("note {i}")).user("ana")).collect();
        memories.add_all(&notes).unwrap();
        for text in ["the garden by the river", "the garden pond", "the old garden tools"] {
            memories.add(NewMemory::fact(text).user("ana")).unwrap();
        }
        let hits = memories.search(&Search::text("note garden").k(5)).unwrap();
        let mut found = texts(&hits);
        found.sort();
        assert_eq!(found, ["the garden by the river", "the garden pond", "the old garden tools"]);
        // A query of that word alone still finds what holds it.
        assert_eq!(memories.search(&Search::text("note").k(5)).unwrap().len(), 5);
    }
}

fn axes(memories: &Memories) {
    let rows: [(&str, [f32; 4]); 4] = [
        ("north", [1.0, 0.0, 0.0, 0.0]),
        ("east", [0.0, 2.0, 0.0, 0.0]),
        ("up", [0.0, 0.0, 1.0, 0.0]),
        ("north by east", [3.0, 1.0, 0.0, 0.0]),
    ];
    let all: Vec<NewMemory> =
        rows.iter().map(|(t, v)| NewMemory::fact(*t).embedding("test:axes", v.to_vec())).collect();
    memories.add_all(&all).unwrap();
}

#[test]
fn a_vector_finds_the_nearest_memories_by_cosine() {
    for (backend, memories) in crate::backends::all() {
        axes(&memories);
        assert_eq!(memories.model().unwrap(), Some(("test:axes".to_owned(), 4)), "{backend}");
        let search = Search::text("").vector("test:axes", vec![1.0, 0.1, 0.0, 0.0]).k(3);
        let hits = memories.search(&search).unwrap();
        assert_eq!(texts(&hits), ["north", "north by east", "east"], "{backend}");
        // cos((1, .1), (1, 0)) = 1 / sqrt(1.01)
        let cosine = hits[0].why.cosine.unwrap();
        assert!((cosine - 0.995_037).abs() < 1e-4, "{backend}: {cosine}");
        assert_eq!(hits[1].why.vector_rank, Some(2), "{backend}");
    }
}

#[test]
fn hybrid_recall_puts_what_both_rankings_find_first() {
    for (backend, memories) in crate::backends::all() {
        axes(&memories);
        // "east" is the word; the vector points north-east: "north by east" has both.
        let search = Search::text("east").vector("test:axes", vec![1.0, 0.5, 0.0, 0.0]).k(4);
        let hits = memories.search(&search).unwrap();
        assert_eq!(hits[0].memory.text, "north by east", "{backend}: {:?}", texts(&hits));
        assert!(hits[0].why.lexical_rank.is_some() && hits[0].why.vector_rank == Some(1), "{backend}");
    }
}

#[test]
fn a_time_expression_lifts_the_memories_of_its_span() {
    for (backend, memories) in crate::backends::all() {
        memories.add(NewMemory::fact("went hiking with Rui").event(day(2023, 5, 7))).unwrap();
        memories.add(NewMemory::fact("went hiking in the Alps").event(day(2023, 6, 20))).unwrap();
        let at = Utc.with_ymd_and_hms(2023, 7, 1, 12, 0, 0).unwrap().timestamp_millis();
        let mut search = Search::text("hiking in May");
        search.at = Some(at);
        let hits = memories.search(&search).unwrap();
        assert_eq!(hits[0].memory.text, "went hiking with Rui", "{backend}: {:?}", texts(&hits));
        assert!(hits[0].why.time_match && !hits[1].why.time_match, "{backend}");
        assert_eq!(
            hits[0].why.time_range,
            Some(TimeRange { start: day(2023, 5, 1).start, end: day(2023, 6, 1).start })
        );
        // As a filter, the span keeps only its own memories.
        search.time_filters = true;
        assert_eq!(texts(&memories.search(&search).unwrap()), ["went hiking with Rui"], "{backend}");
        // Without time awareness both match the word "hiking" alone.
        search.time_aware = false;
        search.time_filters = false;
        assert_eq!(memories.search(&search).unwrap().len(), 2, "{backend}");
    }
}

#[test]
fn a_forgotten_memory_is_never_recalled_and_its_history_says_so() {
    for (backend, memories) in crate::backends::all() {
        let id = memories.add(NewMemory::fact("the door code is 4711").user("ana")).unwrap();
        assert_eq!(memories.search(&Search::text("door code")).unwrap().len(), 1, "{backend}");
        memories.forget(&id).unwrap();
        assert!(memories.search(&Search::text("door code")).unwrap().is_empty(), "{backend}");
        assert_eq!(memories.get(&id).unwrap().status, Status::Forgotten, "{backend}");
        let history = memories.history(&id).unwrap();
        let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["add", "forget"], "{backend}");
        assert_eq!(history[0].text.as_deref(), Some("the door code is 4711"), "{backend}");
        // Listed only when asked for every status.
        assert!(memories.list(&Filter::default(), 10, 0).unwrap().is_empty(), "{backend}");
        let mut all = Filter::default();
        all.all_statuses = true;
        assert_eq!(memories.list(&all, 10, 0).unwrap().len(), 1, "{backend}");
    }
}

#[test]
fn a_superseded_memory_links_to_the_one_that_replaced_it() {
    for (backend, memories) in crate::backends::all() {
        let old = memories.add(NewMemory::fact("Ana lives in Porto")).unwrap();
        let new = memories.add(NewMemory::fact("Ana moved to Lisbon")).unwrap();
        memories.supersede(&old, &new, "test-model").unwrap();
        let hits = memories.search(&Search::text("Ana")).unwrap();
        assert_eq!(texts(&hits), ["Ana moved to Lisbon"], "{backend}");
        let stored = memories.get(&old).unwrap();
        assert_eq!(
            (stored.status, stored.superseded_by.as_deref()),
            (Status::Superseded, Some(new.as_str())),
            "{backend}"
        );
        let last = memories.history(&old).unwrap().pop().unwrap();
        assert_eq!((last.action.as_str(), last.actor.as_deref()), ("supersede", Some("test-model")), "{backend}");
    }
}

#[test]
fn bad_inputs_are_clear_errors_and_a_failed_add_adds_nothing() {
    for (backend, memories) in crate::backends::all() {
        // A query vector of no finite values is refused before and after the store holds vectors.
        let nan = Search::text("x").vector("test:axes", vec![f32::NAN, 0.0, 0.0, 0.0]);
        let e = memories.search(&nan).unwrap_err();
        assert!(e.to_string().contains("non-finite value at 0"), "{backend}: {e}");
        axes(&memories);
        let e = memories.search(&nan).unwrap_err();
        assert!(e.to_string().contains("non-finite value at 0"), "{backend}: {e}");
        assert!(matches!(memories.search(&Search::text("  ")), Err(Error::EmptyQuery)), "{backend}");
        let wrong = Search::text("").vector("test:axes", vec![1.0, 0.0]);
        let e = memories.search(&wrong).unwrap_err();
        assert!(matches!(e, Error::Dimensions { expected: 4, found: 2, .. }), "{backend}: {e}");
        let other = Search::text("x").vector("openai:text-embedding-3-small", vec![0.0; 4]);
        let e = memories.search(&other).unwrap_err();
        assert!(e.to_string().contains("`test:axes`"), "{backend}: {e}");
        let batch = [NewMemory::fact("fine").embedding("test:axes", vec![1.0, 1.0, 0.0, 0.0]), NewMemory::fact("  ")];
        let e = memories.add_all(&batch).unwrap_err();
        assert_eq!(e.to_string(), "memory 1 of the call: its text is empty", "{backend}");
        let e = memories.add(NewMemory::fact("other").embedding("other:model", vec![1.0; 4])).unwrap_err();
        assert!(matches!(e, Error::Model { .. }), "{backend}: {e}");
        let e = memories.add(NewMemory::fact("nan").embedding("test:axes", vec![f32::NAN, 0.0, 0.0, 0.0])).unwrap_err();
        assert!(e.to_string().contains("non-finite"), "{backend}: {e}");
        let mut all = Filter::default();
        all.all_statuses = true;
        assert_eq!(memories.list(&all, 100, 0).unwrap().len(), 4, "{backend}: nothing of the failed adds");
        assert!(matches!(memories.get("nope"), Err(Error::NoMemory { .. })), "{backend}");
        assert!(matches!(memories.forget("nope"), Err(Error::NoMemory { .. })), "{backend}");
    }
}

#[test]
fn memories_added_through_another_handle_are_recalled() {
    for (backend, at) in crate::backends::locations() {
        let a = Memories::open(&at).unwrap();
        axes(&a);
        let search = Search::text("").vector("test:axes", vec![0.0, 0.0, 0.0, 1.0]).k(1);
        assert_ne!(texts(&a.search(&search).unwrap()), ["west"], "{backend}");
        let b = Memories::open(&at).unwrap();
        b.add(NewMemory::fact("west").embedding("test:axes", vec![0.0, 0.0, 0.0, 1.0])).unwrap();
        assert_eq!(texts(&a.search(&search).unwrap()), ["west"], "{backend}");
        // A forget elsewhere is seen too.
        let id = b.search(&search).unwrap()[0].memory.id.clone();
        b.forget(&id).unwrap();
        assert_ne!(texts(&a.search(&search).unwrap()), ["west"], "{backend}");
    }
}

#[test]
fn kinds_filter_the_recall() {
    for (backend, memories) in crate::backends::all() {
        memories.add(NewMemory::fact("likes green tea")).unwrap();
        memories.add(NewMemory::of_kind(Kind::Insight, "prefers tea to coffee")).unwrap();
        let mut search = Search::text("tea");
        search.filter.kinds = vec![Kind::Insight];
        assert_eq!(texts(&memories.search(&search).unwrap()), ["prefers tea to coffee"], "{backend}");
    }
}

#[cfg(feature = "sqlite")]
#[test]
fn a_corrupt_vector_is_reported_not_used() {
    let at = crate::backends::sqlite_location();
    let memories = Memories::open(&at).unwrap();
    axes(&memories);
    let conn = memor_store::rusqlite::Connection::open(&at).unwrap();
    conn.execute("UPDATE memories SET embedding = x'0102' WHERE text = 'east'", []).unwrap();
    conn.execute("UPDATE memory_generation SET removals = removals + 1", []).unwrap();
    let e = memories.search(&Search::text("").vector("test:axes", vec![0.0, 1.0, 0.0, 0.0])).unwrap_err();
    assert!(e.to_string().contains("corrupt") && e.to_string().contains("2 bytes"), "{e}");
}
