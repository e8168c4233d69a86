//! The Recorder: load, render, add, commit only what is new; concurrent recorders lose nothing.

use memor_core::{Document, Message, Prompt, Response};
use memor_store::{NewConversation, Recorder, Store};

use crate::backends;

fn replies(texts: &[&str]) -> Vec<Response> {
    texts.iter().map(|t| Response::builder().message(*t).model("m").build().unwrap()).collect()
}

#[test]
fn commits_only_new_messages_with_every_candidate() {
    for (_, store) in backends::all() {
        let store = store.as_ref();
        let mut recorder = Recorder::create(store, &NewConversation::titled("r")).unwrap();
        recorder.add(Prompt::builder().message("first").build());
        recorder.add_replies(replies(&["one", "uno"])).unwrap();
        assert_eq!(recorder.pending(), 2);
        assert_eq!(recorder.commit().unwrap(), 2);
        assert_eq!(recorder.commit().unwrap(), 0, "nothing new, nothing written");

        let mut again = Recorder::from_conversation(store, recorder.id()).unwrap();
        assert_eq!(again.session().to_json(), recorder.session().to_json());
        let prompt = again.session().messages()[0].as_prompt().unwrap().clone();
        assert_eq!(prompt.responses().len(), 2, "both candidates kept");
        let openai = again.render("openai").unwrap();
        assert_eq!(
            openai,
            serde_json::json!([
                {"role": "user", "content": "first"},
                {"role": "assistant", "content": "one"},
            ])
        );
        again.add_turn(Prompt::builder().message("second").build(), replies(&["two"])).unwrap();
        again.set_enabled(0, false).unwrap();
        again.set_enabled(3, false).unwrap();
        again.commit().unwrap();
        let stored = store.load(recorder.id()).unwrap();
        assert_eq!(stored.to_json(), again.session().to_json());
        assert_eq!(stored.messages_status(), [false, true, true, false]);
        assert!(again.add_replies(vec![]).is_err());
    }
}

#[test]
fn two_recorders_committing_at_once_keep_both_turns_in_commit_order() {
    for (_, store) in backends::all() {
        let store: &dyn Store = store.as_ref();
        let id = store.create(&NewConversation::titled("shared")).unwrap().id;
        std::thread::scope(|scope| {
            for worker in 0..2 {
                let id = id.clone();
                scope.spawn(move || {
                    for turn in 0..15 {
                        let mut r = Recorder::from_conversation(store, &id).unwrap();
                        r.add(Prompt::builder().message(format!("w{worker} t{turn}")).build());
                        r.add_replies(replies(&[&format!("w{worker} r{turn}")])).unwrap();
                        r.commit().unwrap();
                    }
                });
            }
        });
        let session = store.load(&id).unwrap();
        assert_eq!(session.len(), 60);
        for pair in session.messages().chunks(2) {
            let (asked, answered): (&Message, &Message) = (&pair[0], &pair[1]);
            assert_eq!(asked.message().replace(" t", " r"), answered.message(), "a turn stays together");
        }
        for worker in 0..2 {
            let order: Vec<_> = session
                .messages()
                .iter()
                .filter(|m| m.as_prompt().is_some() && m.message().starts_with(&format!("w{worker} ")))
                .map(|m| m.message().to_owned())
                .collect();
            let expected: Vec<_> = (0..15).map(|t| format!("w{worker} t{t}")).collect();
            assert_eq!(order, expected);
        }
    }
}

#[test]
fn sync_queues_what_an_edited_session_adds_and_masks() {
    for (_, store) in backends::all() {
        let store = store.as_ref();
        let mut recorder = Recorder::create(store, &NewConversation::titled("sync")).unwrap();
        recorder.add_turn(Prompt::builder().message("q1").build(), replies(&["a1"])).unwrap();
        recorder.commit().unwrap();
        let mut edited = recorder.session().clone();
        let summary: Message = Response::builder().message("summary").build().unwrap().into();
        edited.insert_message(0, summary, true).unwrap();
        edited.disable_message(1).unwrap();
        edited.add_message(Prompt::builder().message("q2").build());
        recorder.sync(&edited).unwrap();
        recorder.commit().unwrap();
        let stored = store.load(recorder.id()).unwrap();
        assert_eq!(stored.to_json(), edited.to_json());
        assert_eq!(stored.messages_status(), [true, false, true, true]);

        let mut between = recorder.session().clone();
        between.insert_message(2, Prompt::builder().message("x").build(), true).unwrap();
        assert!(recorder.sync(&between).unwrap_err().to_string().contains("added between"));
        let mut dropped = recorder.session().clone();
        dropped.remove_message(1).unwrap();
        assert!(recorder.sync(&dropped).unwrap_err().to_string().contains("missing"));
        assert_eq!(recorder.pending(), 0, "a refused sync queues nothing");
    }
}
