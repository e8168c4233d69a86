//! What every backend must do, run on each of [`backends::all`](crate::backends::all).

use memor_core::{Document, Message, Prompt, Response, Role, Session};
use memor_store::{Change, Error, ListFilter, MessageRef, NewConversation, SearchFilter, Store};

use crate::backends;

fn each(test: impl Fn(&dyn Store)) {
    for (name, store) in backends::all() {
        eprintln!("backend: {name}");
        test(store.as_ref());
    }
}

fn prompt(text: &str) -> Message {
    Prompt::builder().message(text).build().into()
}

fn reply(text: &str, model: &str) -> Message {
    Response::builder().message(text).model(model).build().unwrap().into()
}

#[test]
fn conversations_are_created_listed_filtered_and_paged() {
    each(|store| {
        let mut ids = Vec::new();
        for i in 0..5 {
            let new = NewConversation::titled(format!("chat {i}")).user(format!("u{}", i % 2)).agent("bot");
            ids.push(store.create(&new).unwrap().id);
            std::thread::sleep(std::time::Duration::from_millis(3));
        }
        let other = store.create(&NewConversation::titled("other").agent("helper")).unwrap();
        let all = store.list(&ListFilter::default()).unwrap();
        assert_eq!(all.len(), 6);
        assert_eq!(all[0].id, other.id, "newest first");
        assert_eq!(all[1].id, ids[4]);
        let mut by_user = ListFilter::default();
        by_user.user = Some("u0".into());
        let titles: Vec<_> = store.list(&by_user).unwrap().into_iter().map(|c| c.title.unwrap()).collect();
        assert_eq!(titles, ["chat 4", "chat 2", "chat 0"]);
        let mut page = ListFilter::default();
        page.agent = Some("bot".into());
        page.limit = 2;
        page.offset = 2;
        let paged: Vec<_> = store.list(&page).unwrap().into_iter().map(|c| c.id).collect();
        assert_eq!(paged, [ids[2].clone(), ids[1].clone()]);
        let mut since = ListFilter::default();
        since.since = Some(store.get(&ids[3]).unwrap().updated_at);
        assert_eq!(store.list(&since).unwrap().len(), 3);

        store.archive(&ids[0], true).unwrap();
        assert_eq!(store.list(&ListFilter::default()).unwrap().len(), 5);
        let mut with_archived = ListFilter::default();
        with_archived.archived = true;
        assert_eq!(store.list(&with_archived).unwrap().len(), 6);
        assert!(store.get(&ids[0]).unwrap().archived_at.is_some());
        store.archive(&ids[0], false).unwrap();
        assert!(store.get(&ids[0]).unwrap().archived_at.is_none());

        store.delete(&ids[1]).unwrap();
        assert!(matches!(store.get(&ids[1]), Err(Error::NoConversation { .. })));
        assert!(matches!(store.delete(&ids[1]), Err(Error::NoConversation { .. })));
        assert_eq!(store.find("chat 3").unwrap().id, ids[3]);
        assert_eq!(store.find(&ids[2]).unwrap().title.as_deref(), Some("chat 2"));
        assert!(matches!(store.find("nope"), Err(Error::NoConversation { .. })));
    });
}

#[test]
fn messages_are_appended_updated_and_deleted() {
    each(|store| {
        let c = store.create(&NewConversation::titled("t")).unwrap();
        let mut asked = Prompt::builder().message("q1").build();
        let candidates = vec![
            Response::builder().message("a").model("m1").build().unwrap(),
            Response::builder().message("b").model("m2").build().unwrap(),
        ];
        asked.update_responses(candidates);
        store.append(&c.id, &[asked.clone().into(), reply("a", "m1")]).unwrap();
        store.append(&c.id, &[prompt("q2"), reply("r2", "m1")]).unwrap();
        let session = store.load(&c.id).unwrap();
        let texts: Vec<_> = session.messages().iter().map(Message::message).collect();
        assert_eq!(texts, ["q1", "a", "q2", "r2"]);
        assert_eq!(store.get(&c.id).unwrap().messages, 4);

        store
            .apply(
                &c.id,
                &[
                    Change::SetEnabled(MessageRef::Index(1), false),
                    Change::SelectResponse(MessageRef::Id(asked.id().to_owned()), 1),
                    Change::Edit(MessageRef::Index(3), "r2, edited".into()),
                    Change::Delete(MessageRef::Index(2)),
                    Change::Prepend(Prompt::builder().message("summary").role(Role::System).build().into(), true),
                ],
            )
            .unwrap();
        let session = store.load(&c.id).unwrap();
        let texts: Vec<_> = session.messages().iter().map(Message::message).collect();
        assert_eq!(texts, ["summary", "q1", "a", "r2, edited"]);
        assert_eq!(session.masks(), [false, false, true, false]);
        assert_eq!(session.messages()[1].as_prompt().unwrap().selected_response_index(), 1);

        // A failing change leaves the whole batch unapplied.
        let err = store
            .apply(&c.id, &[Change::Append(prompt("lost"), true), Change::SelectResponse(MessageRef::Index(2), 0)])
            .unwrap_err();
        assert!(err.to_string().contains("is a response"), "{err}");
        let err = store.apply(&c.id, &[Change::Delete(MessageRef::Id("no-such".into()))]).unwrap_err();
        assert!(matches!(err, Error::NoMessage { .. }), "{err}");
        assert_eq!(store.load(&c.id).unwrap().to_json(), session.to_json());
        assert!(matches!(store.append("missing", &[prompt("x")]), Err(Error::NoConversation { .. })));
    });
}

#[test]
fn rename_and_copy_keep_everything_else() {
    each(|store| {
        let mut session = Session::new(Some("original".into()));
        session.add_message(prompt("hello"));
        session.add_message(reply("hi", "m"));
        session.disable_message(1).unwrap();
        let mut new = NewConversation::default().user("u").agent("a");
        new.metadata.insert("k".into(), serde_json::json!({"n": [1, 2]}));
        let c = store.import(&session, &new).unwrap();
        assert_eq!(c.title.as_deref(), Some("original"));
        let copy = store.copy(&c.id, Some("copy")).unwrap();
        assert_eq!((copy.user.as_deref(), copy.agent.as_deref()), (Some("u"), Some("a")));
        assert_eq!(copy.metadata, new.metadata);
        let copied = store.load(&copy.id).unwrap();
        assert_eq!(copied.title(), Some("copy"));
        assert_eq!(copied.masks(), session.masks());
        assert_eq!(copied.messages(), session.messages());
        store.rename(&c.id, Some("renamed")).unwrap();
        assert_eq!(store.get(&c.id).unwrap().title.as_deref(), Some("renamed"));
        assert_eq!(store.load(&c.id).unwrap().title(), Some("renamed"));
        // The copy's messages are in the full-text index under the copy.
        let hits = store.search("hello", &SearchFilter::default()).unwrap();
        let mut found: Vec<&str> = hits.iter().map(|h| h.conversation.as_str()).collect();
        found.sort_unstable();
        let mut both = [c.id.as_str(), copy.id.as_str()];
        both.sort_unstable();
        assert_eq!(found, both);
        store.delete(&c.id).unwrap();
        assert_eq!(store.load(&copy.id).unwrap().len(), 2, "the copy outlives the original");
        let hits = store.search("hello", &SearchFilter::default()).unwrap();
        assert_eq!(hits.iter().map(|h| h.conversation.as_str()).collect::<Vec<_>>(), [copy.id.as_str()]);
    });
}

#[test]
fn search_finds_words_across_conversations() {
    each(|store| {
        let a = store.create(&NewConversation::titled("trip").user("ann")).unwrap();
        let b = store.create(&NewConversation::titled("food").user("bob")).unwrap();
        store
            .append(&a.id, &[prompt("Book a train to Zürich on Monday"), reply("Trains to Zürich leave hourly.", "m")])
            .unwrap();
        store.append(&b.id, &[prompt("A recipe for risotto"), reply("Risotto needs arborio rice.", "m")]).unwrap();
        let hits = store.search("zürich", &SearchFilter::default()).unwrap();
        assert_eq!(hits.len(), 2);
        assert!(hits.iter().all(|h| h.conversation == a.id && h.title.as_deref() == Some("trip")));
        let mut indices: Vec<u64> = hits.iter().map(|h| h.index).collect();
        indices.sort();
        assert_eq!(indices, [0, 1]);
        let session = store.load(&a.id).unwrap();
        for hit in &hits {
            assert_eq!(session.messages()[hit.index as usize].id(), hit.message);
            assert!(hit.snippet.contains("[Zürich]"), "{}", hit.snippet);
        }
        // Stemmed words match; every word must occur; operators are plain words.
        assert_eq!(store.search("trains leave", &SearchFilter::default()).unwrap().len(), 1);
        assert_eq!(store.search("risotto train", &SearchFilter::default()).unwrap().len(), 0);
        assert_eq!(store.search("\"risotto\" NEAR -paella*", &SearchFilter::default()).unwrap().len(), 0);
        let mut only_bob = SearchFilter::default();
        only_bob.user = Some("bob".into());
        let hits = store.search("risotto", &only_bob).unwrap();
        assert_eq!(hits.len(), 2);
        only_bob.user = Some("ann".into());
        assert!(store.search("risotto", &only_bob).unwrap().is_empty());
        store.archive(&b.id, true).unwrap();
        assert!(store.search("risotto", &SearchFilter::default()).unwrap().is_empty());
        // Edited and deleted messages leave the index.
        store.archive(&b.id, false).unwrap();
        store.apply(&b.id, &[Change::Edit(MessageRef::Index(0), "A recipe for paella".into())]).unwrap();
        assert_eq!(store.search("risotto", &SearchFilter::default()).unwrap().len(), 1);
        store.delete(&b.id).unwrap();
        assert!(store.search("risotto", &SearchFilter::default()).unwrap().is_empty());
        let err = store.search("  \"*  ", &SearchFilter::default()).unwrap_err();
        assert!(err.to_string().contains("has no words"), "{err}");
    });
}

#[test]
fn search_leaves_out_stop_words_on_both_backends() {
    each(|store| {
        let a = store.create(&NewConversation::titled("trip")).unwrap();
        store.append(&a.id, &[prompt("Book a train to Zürich"), reply("Trains to Zürich leave hourly.", "m")]).unwrap();
        // "when", "do" and "the" are in neither message; they are asked for by neither backend.
        let hits = store.search("When do the trains leave?", &SearchFilter::default()).unwrap();
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].index, 1);
        let err = store.search("what is the", &SearchFilter::default()).unwrap_err().to_string();
        assert!(err.contains("`what is the`") && err.contains("only stop words"), "{err}");
    });
}

#[test]
fn hostile_titles_and_texts_come_back_unchanged() {
    each(|store| {
        let nasty = [
            "'; DROP TABLE conversations; --",
            "\" OR 1=1 --",
            "nul \u{0} inside",
            "emoji 😀 and \u{7f} and \\ backslash",
            "%_ like wildcards",
        ];
        for text in nasty {
            let mut session = Session::new(Some(text.to_owned()));
            session.add_message(prompt(text));
            session.add_message(reply(text, text));
            let c = store.import(&session, &NewConversation::default()).unwrap();
            assert_eq!(c.title.as_deref(), Some(text));
            assert_eq!(store.load(&c.id).unwrap().to_json(), session.to_json());
            store.rename(&c.id, Some(text)).unwrap();
            assert_eq!(store.get(&c.id).unwrap().title.as_deref(), Some(text));
        }
        let big = "x".repeat(10 * 1024 * 1024);
        let c = store.create(&NewConversation::titled("big")).unwrap();
        store.append(&c.id, &[prompt(&big)]).unwrap();
        assert_eq!(store.load(&c.id).unwrap().messages()[0].message().len(), big.len());
        assert_eq!(store.list(&ListFilter::default()).unwrap().len(), nasty.len() + 1);
        let err = store.create(&NewConversation::titled("x").user("a\u{0}b")).unwrap_err();
        assert_eq!(err.to_string(), "user id: contains a NUL character");
    });
}
