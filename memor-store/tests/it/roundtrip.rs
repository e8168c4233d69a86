//! The guarantee: a memor file imported and exported comes back byte for byte.

use memor_core::{Document, Message, Prompt, Response, Session};
use memor_store::{NewConversation, Store};
use proptest::prelude::*;

use crate::backends;

/// Exporting what was imported gives memor's bytes for the file (for the corpus' canonical
/// files, the file itself).
fn check_roundtrip(store: &dyn Store, session: &Session) {
    let expected = session.to_json();
    let c = store.import(session, &NewConversation::default()).unwrap();
    let exported = store.load(&c.id).unwrap();
    assert_eq!(exported.to_json(), expected, "conversation {}", c.id);
    assert_eq!(exported.masks(), session.masks());
}

#[test]
fn conformance_sessions_round_trip_byte_for_byte() {
    for (name, store) in backends::all() {
        let mut identical = 0;
        for file in crate::fixture_sessions() {
            let text = std::fs::read_to_string(&file).unwrap();
            let session = Session::from_json(&text).unwrap();
            check_roundtrip(store.as_ref(), &session);
            identical += usize::from(session.to_json() == text);
        }
        eprintln!("{name}: 16 corpus sessions round-trip; {identical} of them are canonical files, byte-identical");
        assert!(identical >= 10, "most corpus files are canonical: {identical}");
    }
}

/// The corpus' prompts and responses, to build sessions from.
fn corpus_messages() -> Vec<Message> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/conformance/objects");
    let mut out = Vec::new();
    for (sub, prompt) in [("prompts", true), ("responses", false)] {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(sub)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files.iter().filter(|f| !f.to_string_lossy().ends_with(".expected.json")) {
            let text = std::fs::read_to_string(file).unwrap();
            let loaded = if prompt {
                Prompt::from_json(&text).ok().map(Message::from)
            } else {
                Response::from_json(&text).ok().map(Message::from)
            };
            out.extend(loaded);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Generated sessions (corpus messages in any order, any masks, any title) round-trip.
    #[test]
    fn generated_sessions_round_trip(
        picks in prop::collection::vec((0usize..1000, any::<bool>()), 0..24),
        title in prop::option::of(any::<String>()),
        counter in 0u64..5,
    ) {
        let pool = corpus_messages();
        let messages: Vec<Message> = picks.iter().map(|(i, _)| pool[i % pool.len()].clone()).collect();
        let status: Vec<bool> = picks.iter().map(|(_, s)| *s).collect();
        let mut session = Session::new(title);
        session.update_messages(messages, Some(status)).unwrap();
        for _ in 0..counter {
            session.increment_render_counter();
        }
        let store = backends::sqlite();
        check_roundtrip(store.as_ref(), &session);
    }
}
