//! The episode index: stored messages become memories once each, resumably.

use std::sync::atomic::{AtomicUsize, Ordering};

use memor_core::{Prompt, Response, Session};
use memor_embed::Embedder;
use memor_recall::index::{self, Options};
use memor_recall::{Filter, Kind, Memories, Search};
use memor_store::NewConversation;

/// Words hashed into 16 buckets: texts sharing words point the same way. Fails every call
/// after `fail_after` successful ones, to stand for an embedding service going down.
pub(crate) struct Buckets {
    calls: AtomicUsize,
    fail_after: usize,
}

impl Buckets {
    pub(crate) fn new(fail_after: usize) -> Buckets {
        Buckets { calls: AtomicUsize::new(0), fail_after }
    }
}

impl Embedder for Buckets {
    fn model(&self) -> &str {
        "test:buckets"
    }
    fn dimensions(&self) -> Option<usize> {
        Some(16)
    }
    fn embed(&self, texts: &[&str]) -> memor_embed::Result<Vec<Vec<f32>>> {
        if self.calls.fetch_add(1, Ordering::SeqCst) >= self.fail_after {
            return Err(memor_embed::Error::Custom("service unavailable".into()));
        }
        Ok(texts
            .iter()
            .map(|t| {
                let mut v = vec![0.0f32; 16];
                for w in t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                    let h = w.to_lowercase().bytes().fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
                    v[(h % 16) as usize] += 1.0;
                }
                v
            })
            .collect())
    }
}

fn chat(turns: usize) -> Session {
    let mut session = Session::new(Some("trip".to_owned()));
    for i in 0..turns {
        session.add_message(Prompt::builder().message(format!("question {i} about the trip to Lisbon")).build());
        session.add_message(Response::builder().message(format!("answer {i}: take the train")).build().unwrap());
    }
    session
}

fn episodes(memories: &Memories) -> usize {
    let mut filter = Filter::default();
    filter.kinds = vec![Kind::Episode];
    memories.list(&filter, 10_000, 0).unwrap().len()
}

#[test]
fn each_message_becomes_one_episode_and_a_rerun_adds_nothing() {
    for (backend, memories) in crate::backends::all() {
        let store = memories.conversations();
        let stored = store.import(&chat(5), &NewConversation::titled("trip").user("ana")).unwrap();
        let embedder = Buckets::new(usize::MAX);
        let mut seen = Vec::new();
        let mut options = Options::default();
        options.batch = 4;
        let report = index::run(&memories, Some(&embedder), &options, |done, total| seen.push((done, total))).unwrap();
        assert_eq!((report.conversations, report.messages, report.added), (1, 10, 10), "{backend}");
        assert_eq!(seen, [(4, 10), (8, 10), (10, 10)], "{backend}");
        assert_eq!(episodes(&memories), 10, "{backend}");
        let again = index::run(&memories, Some(&embedder), &options, |_, _| {}).unwrap();
        assert_eq!(again.added, 0, "{backend}");

        // An episode knows its conversation, message and user.
        let hits = memories.search_with(&Search::text("answer 3 train").user("ana"), &embedder).unwrap();
        let top = &hits[0].memory;
        assert_eq!(top.text, "answer 3: take the train", "{backend}");
        let loaded = store.load(&stored.id).unwrap();
        let source = top.source.as_ref().unwrap();
        assert_eq!(source.conversation, stored.id, "{backend}");
        assert_eq!(source.message.as_deref(), Some(loaded.messages()[7].id()), "{backend}");
        assert!(hits[0].why.vector_rank.is_some() && hits[0].why.lexical_rank.is_some(), "{backend}");

        // New messages are indexed on the next run, and only they.
        store.append(&stored.id, &[Prompt::builder().message("one more thing").build().into()]).unwrap();
        let more = index::run(&memories, Some(&embedder), &options, |_, _| {}).unwrap();
        assert_eq!((more.messages, more.added), (1, 1), "{backend}");
        assert_eq!(memories.indexed(&stored.id).unwrap(), 11, "{backend}");
    }
}

#[test]
fn a_run_stopped_by_a_failing_embedder_resumes_where_it_stopped() {
    for (backend, memories) in crate::backends::all() {
        let stored = memories.conversations().import(&chat(5), &NewConversation::titled("trip")).unwrap();
        let mut options = Options::default();
        options.batch = 3;
        let failing = Buckets::new(2);
        let e = index::run(&memories, Some(&failing), &options, |_, _| {}).unwrap_err();
        assert!(e.to_string().contains("service unavailable"), "{backend}: {e}");
        // Two whole batches, nothing of the third.
        assert_eq!(episodes(&memories), 6, "{backend}");
        assert_eq!(memories.indexed(&stored.id).unwrap(), 6, "{backend}");
        let report = index::run(&memories, Some(&Buckets::new(usize::MAX)), &options, |_, _| {}).unwrap();
        assert_eq!((report.messages, report.added), (4, 4), "{backend}");
        assert_eq!(episodes(&memories), 10, "{backend}");
    }
}

#[test]
fn a_message_that_says_when_gets_that_event_time() {
    for (backend, memories) in crate::backends::all() {
        let mut session = Session::new(None);
        let written = chrono::DateTime::parse_from_rfc3339("2023-05-08T13:56:00+00:00").unwrap();
        session.add_message(
            Response::builder().message("I went to a support group yesterday").date(written).build().unwrap(),
        );
        memories.conversations().import(&session, &NewConversation::default()).unwrap();
        index::run(&memories, None, &Options::default(), |_, _| {}).unwrap();
        let memory = memories.list(&Filter::default(), 1, 0).unwrap().pop().unwrap();
        let event = memory.event.unwrap();
        assert_eq!(event.start.to_rfc3339(), "2023-05-07T00:00:00+00:00", "{backend}");
        assert!(memory.time_in_text, "{backend}");
    }
}
