//! `memor memory …` end to end: real processes, on a SQLite file and on the PostgreSQL server
//! of `MEMOR_TEST_POSTGRES_URL`.

use serde_json::Value;

use crate::store::databases;
use crate::{fixture, memor, stderr, stdout};

fn json(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_str(&stdout(out)).unwrap()
}

#[test]
fn add_search_list_forget_history() {
    for db in databases() {
        let out = memor(&["memory", "add", &db, "Ana is vegetarian", "--user", "ana"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let veg = stdout(&out).trim().to_owned();
        assert_eq!(veg.len(), 36, "a UUID: {veg}");
        let out = memor(&["memory", "add", &db, "Ana ran a marathon yesterday", "--user", "ana", "--at", "2023-05-08"]);
        assert!(out.status.success(), "{}", stderr(&out));
        memor(&["memory", "add", &db, "Ben ran a marathon too", "--user", "ben"]);

        let hits = json(&memor(&["memory", "search", &db, "marathon", "--user", "ana", "--json"]));
        let hits = hits.as_array().unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0]["text"], "Ana ran a marathon yesterday");
        assert_eq!(hits[0]["kind"], "fact");
        assert_eq!(hits[0]["date"], "2023-05-07T00:00:00Z", "the day before --at");
        assert_eq!(hits[0]["lexical_rank"], 1);
        assert_eq!(hits[0]["vector_rank"], Value::Null);
        assert_eq!(hits[0]["conversation"], Value::Null);
        assert_eq!(hits[0]["message"], Value::Null);
        assert!(hits[0]["score"].as_f64().unwrap() > 0.0);

        // Time-aware: "in May 2023" matches the marathon's day.
        let hits = json(&memor(&["memory", "search", &db, "what did Ana do in May 2023", "--user", "ana", "--json"]));
        let top = &hits.as_array().unwrap()[0];
        assert_eq!(
            (top["text"].as_str(), top["time_match"].as_bool()),
            (Some("Ana ran a marathon yesterday"), Some(true))
        );

        let out = memor(&["memory", "forget", &db, &veg]);
        assert!(out.status.success(), "{}", stderr(&out));
        let listed = json(&memor(&["memory", "list", &db, "--user", "ana", "--json"]));
        assert_eq!(listed.as_array().unwrap().len(), 1);
        let listed = json(&memor(&["memory", "list", &db, "--user", "ana", "--all", "--json"]));
        assert_eq!(listed.as_array().unwrap().len(), 2);
        let history = json(&memor(&["memory", "history", &db, &veg, "--json"]));
        let actions: Vec<&str> = history.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert_eq!(actions, ["add", "forget"]);
        let out = memor(&["memory", "history", &db, &veg]);
        assert!(stdout(&out).lines().nth(1).unwrap().contains("forget"), "{}", stdout(&out));
    }
}

#[test]
fn stored_conversations_are_indexed_once_and_recalled_with_their_message() {
    for db in databases() {
        let out = memor(&["store", "import", &db, &fixture("sessions/S009.json"), "--user", "ann"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let conversation = stdout(&out).trim().to_owned();
        let shown = json(&memor(&["store", "export", &db, &conversation]));
        let messages = shown["messages"].as_array().unwrap();
        let first = messages[0]["message"].as_str().unwrap();

        let out = memor(&["memory", "index", &db]);
        assert!(out.status.success(), "{}", stderr(&out));
        let said = |m: &&Value| !m["message"].as_str().unwrap().trim().is_empty() && m["role"] != "system";
        let n = messages.iter().filter(said).count();
        assert_eq!(
            stdout(&out).trim(),
            format!("indexed {} messages of 1 conversations: {n} new episodes", messages.len())
        );
        let again = memor(&["memory", "index", &db]);
        assert_eq!(stdout(&again).trim(), "indexed 0 messages of 0 conversations: 0 new episodes");

        let hits = json(&memor(&["memory", "search", &db, first, "--user", "ann", "--kind", "episode", "--json"]));
        let top = &hits.as_array().unwrap()[0];
        assert_eq!(top["text"], first);
        assert_eq!(top["conversation"], conversation.as_str());
        assert_eq!(top["message"], messages[0]["id"]);
    }
}

#[test]
fn bad_input_is_a_clear_error() {
    for db in databases() {
        memor(&["memory", "add", &db, "something"]);
        let out = memor(&["memory", "search", &db, "   "]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).starts_with("the query is empty"), "{}", stderr(&out));
        let out = memor(&["memory", "search", &db, "x", "--embedder", "nosuch:model"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("nosuch"), "{}", stderr(&out));
        let out = memor(&["memory", "search", &db, "x", "--k", "0"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("0 asks for no memories"), "{}", stderr(&out));
        let out = memor(&["memory", "add", &db, "x", "--at", "someday"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("`someday` is not a time"), "{}", stderr(&out));
        let out = memor(&["memory", "forget", &db, "no-such-id"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("no memory has the id `no-such-id`"), "{}", stderr(&out));
        let out = memor(&["memory", "add", &db, "x", "--importance", "7"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("importance 7 is not between 0 and 1"), "{}", stderr(&out));
    }
    let out = memor(&["memory", "search", "/nonexistent/dir/m.db", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/dir/m.db"), "{}", stderr(&out));
}

/// One `memor chat --store DB --memory` process answering `lines`, against the loopback server.
fn chat_with_memory(db: &str, address: &str, lines: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_memor"))
        .args(["chat", "--provider", "openai", "--model", "m", "--base-url", address])
        .args(["--store", db, "--conversation", "snacks", "--user", "ana", "--memory"])
        .env("OPENAI_API_KEY", "sk-test")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(lines.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn chat_recalls_memories_into_the_request_and_remembers_the_turn() {
    for db in databases() {
        let out = memor(&["memory", "add", &db, "Ana is allergic to peanuts", "--user", "ana", "--at", "2023-05-08"]);
        assert!(out.status.success(), "{}", stderr(&out));
        memor(&["memory", "add", &db, "Ben loves peanuts", "--user", "ben"]);
        let llm = crate::fake_llm::FakeLlm::start("try rice cakes", std::time::Duration::ZERO);
        let out = chat_with_memory(&db, &llm.base_url, "a snack without peanuts?\n");
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out), "try rice cakes\n");

        let sent = &llm.bodies("chat")[0];
        let messages = sent["messages"].as_array().unwrap();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert_eq!(messages[0]["role"], "system");
        let system = messages[0]["content"].as_str().unwrap();
        assert!(system.contains("- [2023-05-08] Ana is allergic to peanuts"), "{system}");
        assert!(!system.contains("Ben"), "another user's memory: {system}");
        assert_eq!(messages[1]["content"], "a snack without peanuts?");

        // Kept with the turn, masked after it; the turn's two messages remembered, not the system one.
        let stored = json(&memor(&["store", "export", &db, "snacks"]));
        let kept = stored["messages"].as_array().unwrap();
        assert_eq!(kept.len(), 3);
        assert_eq!(kept[0]["role"], "system");
        assert_eq!(stored["messages_status"], serde_json::json!([false, true, true]));
        let episodes = json(&memor(&["memory", "list", &db, "--user", "ana", "--kind", "episode", "--json"]));
        let mut texts: Vec<&str> = episodes.as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap()).collect();
        texts.sort();
        assert_eq!(texts, ["a snack without peanuts?", "try rice cakes"]);

        // The next turn recalls again (now the episodes too) and does not resend the old memory message.
        let out = chat_with_memory(&db, &llm.base_url, "more peanut-free ideas\n");
        assert!(out.status.success(), "{}", stderr(&out));
        let sent = &llm.bodies("chat")[1];
        let systems = sent["messages"].as_array().unwrap().iter().filter(|m| m["role"] == "system").count();
        assert_eq!(systems, 1, "{sent}");
    }
}
