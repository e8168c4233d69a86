//! `memor memory consolidate`, `memor memory reflect` and `memor chat --memory`'s background
//! consolidation end to end: real processes, against the fake model on 127.0.0.1, on SQLite
//! and PostgreSQL.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use memor_core::{Document, Prompt, Session, Timestamp};
use serde_json::Value;

use crate::fake_llm::{FakeLlm, Fault};
use crate::store::databases;
use crate::{memor, stderr, stdout, tempdir};

/// Imports a conversation of `user`'s messages (written on 8 May 2023) into `db`; its id.
fn conversation(db: &str, user: &str, said: &[&str]) -> String {
    let mut session = Session::new(None);
    let at = Timestamp::from(chrono::DateTime::parse_from_rfc3339("2023-05-08T13:56:00+00:00").unwrap());
    for text in said {
        let mut prompt = Prompt::builder().message(*text).build();
        prompt.set_dates(at, at);
        session.add_message(prompt);
    }
    let file = tempdir().join("said.json");
    session.save(&file).unwrap();
    let out = memor(&["store", "import", db, file.to_str().unwrap(), "--user", user]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).trim().to_owned()
}

fn run(args: &[&str], llm: &FakeLlm) -> std::process::Output {
    let mut all: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
    all.extend(llm.args());
    all.extend(["--timeout".into(), "2".into()]);
    Command::new(env!("CARGO_BIN_EXE_memor")).args(&all).env("OPENAI_API_KEY", "sk-test").output().unwrap()
}

fn json(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_str(&stdout(out)).unwrap()
}

fn texts(db: &str, kind: &str, all: bool) -> Vec<String> {
    let mut args = vec!["memory", "list", db, "--kind", kind, "--json"];
    if all {
        args.push("--all");
    }
    let mut texts: Vec<String> =
        json(&memor(&args)).as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap().to_owned()).collect();
    texts.sort();
    texts
}

#[test]
fn consolidation_remembers_supersedes_and_reflects_through_a_provider() {
    for db in databases() {
        let llm = FakeLlm::start("ok", Duration::ZERO);
        conversation(
            &db,
            "ana",
            &[
                "I am vegetarian",
                "what is the weather like?",
                "Write a story where I am a pirate",
                "I became a nurse last month",
            ],
        );
        // A 500 (retried by the client) and a reply that is not JSON (asked again) on the way.
        llm.fault("filter", Fault::Status(500));
        llm.fault("filter", Fault::Malformed);
        let out = run(&["memory", "consolidate", &db], &llm);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            stdout(&out).trim(),
            "consolidated 4 user messages of 1 conversations: 2 kept, 2 observations: 2 added, 0 updated, 0 superseded, 0 already known"
        );
        assert_eq!(llm.count("filter"), 3);
        assert_eq!(
            texts(&db, "fact", true),
            ["The user said: I am vegetarian", "The user said: I became a nurse last month"],
            "the question and the story are not remembered"
        );
        let facts = json(&memor(&["memory", "list", &db, "--kind", "fact", "--user", "ana", "--json"]));
        let nurse = facts.as_array().unwrap().iter().find(|m| m["text"].as_str().unwrap().contains("nurse")).unwrap();
        assert_eq!(nurse["date"], "2023-04-01T00:00:00Z", "last month, from the message's own date");

        // Nothing new: nothing asked.
        let before = llm.seen.lock().unwrap().len();
        let again = run(&["memory", "consolidate", &db], &llm);
        assert!(stdout(&again).starts_with("consolidated 0 user messages of 0 conversations"), "{}", stdout(&again));
        assert_eq!(llm.seen.lock().unwrap().len(), before);

        // A contradiction supersedes; the history says by whom and from which message.
        let second = conversation(&db, "ana", &["I am no longer vegetarian, I eat fish"]);
        let out = run(&["memory", "consolidate", &db, "--conversation", &second], &llm);
        assert!(stdout(&out).contains("1 added, 0 updated, 1 superseded"), "{}{}", stdout(&out), stderr(&out));
        let all = json(&memor(&["memory", "list", &db, "--kind", "fact", "--all", "--json"]));
        let old = all.as_array().unwrap().iter().find(|m| m["text"] == "The user said: I am vegetarian").unwrap();
        assert_eq!(old["status"], "superseded");
        let new = all.as_array().unwrap().iter().find(|m| m["text"].as_str().unwrap().contains("fish")).unwrap();
        assert_eq!(old["superseded_by"], new["id"]);
        let history = json(&memor(&["memory", "history", &db, old["id"].as_str().unwrap(), "--json"]));
        let events = history.as_array().unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(
            (events[1]["action"].as_str(), events[1]["actor"].as_str()),
            (Some("supersede"), Some("openai:fake"))
        );
        assert_eq!(events[1]["sources"][0]["conversation"], second.as_str());
        assert_eq!(events[1]["sources"][0]["message"], new["message"]);
        let shown = stdout(&memor(&["memory", "history", &db, old["id"].as_str().unwrap()]));
        assert!(shown.lines().nth(1).unwrap().contains(&format!("from {second}/")), "{shown}");

        // The same thing said again: already known, not added.
        conversation(&db, "ana", &["I became a nurse last month"]);
        let out = run(&["memory", "consolidate", &db], &llm);
        assert!(stdout(&out).contains("0 added, 0 updated, 0 superseded, 1 already known"), "{}", stdout(&out));
        assert_eq!(texts(&db, "fact", true).len(), 3);

        // Reflection: once three observations are new, one insight over them.
        let out = run(&["memory", "reflect", &db, "--user", "ana", "--min-new", "5"], &llm);
        assert_eq!(stdout(&out).trim(), "2 new observations: not enough to reflect (--min-new 5)", "{}", stderr(&out));
        let out = run(&["memory", "reflect", &db, "--user", "ana", "--min-new", "2"], &llm);
        assert!(stdout(&out).contains("1 insights added"), "{}{}", stdout(&out), stderr(&out));
        assert_eq!(texts(&db, "insight", false), ["The user told 3 things about themselves"]);
    }
}

#[test]
fn a_failing_model_leaves_the_batch_for_the_next_run() {
    for db in databases() {
        let llm = FakeLlm::start("ok", Duration::ZERO);
        conversation(&db, "ana", &["I have two cats"]);
        let cases: Vec<(Vec<Fault>, &str)> = vec![
            (vec![Fault::Refusal, Fault::Refusal], "the model refused: I can't help with that. (asked twice)"),
            (vec![Fault::Hang(Duration::from_secs(6))], "timed out"),
            (vec![Fault::Status(500), Fault::Status(500), Fault::Status(500)], "500"),
        ];
        for (faults, said) in cases {
            for fault in faults {
                llm.fault("filter", fault);
            }
            let out = run(&["memory", "consolidate", &db], &llm);
            assert_eq!(out.status.code(), Some(1), "{said}: {}", stdout(&out));
            let err = stderr(&out);
            assert!(err.contains("1 batch(es) not consolidated (the next run takes them again)"), "{err}");
            assert!(err.contains("the filter step failed") && err.contains(said), "{said}: {err}");
            assert!(texts(&db, "fact", true).is_empty(), "{said}: nothing written");
        }
        let out = run(&["memory", "consolidate", &db], &llm);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(texts(&db, "fact", true), ["The user said: I have two cats"]);
    }
}

#[test]
fn a_killed_consolidation_leaves_whole_batches_and_the_next_run_resumes() {
    for db in databases() {
        // Replies 20 ms apart, so that kills land before, between and inside the steps.
        let llm = FakeLlm::start("ok", Duration::from_millis(20));
        let said: Vec<String> = (0..16).map(|i| format!("I like fruit number {i}")).collect();
        let said_refs: Vec<&str> = said.iter().map(String::as_str).collect();
        conversation(&db, "ana", &said_refs);
        let expected: Vec<String> = {
            let mut all: Vec<String> = said.iter().map(|s| format!("The user said: {s}")).collect();
            all.sort();
            all
        };
        let mut kills = 0;
        let mut kill_after = 3;
        loop {
            let seen = llm.seen.lock().unwrap().len();
            let mut args: Vec<String> = ["memory", "consolidate", &db, "--batch", "2"].map(str::to_owned).to_vec();
            args.extend(llm.args());
            let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
                .args(&args)
                .env("OPENAI_API_KEY", "sk-test")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let finished = loop {
                if let Some(status) = child.try_wait().unwrap() {
                    break Some(status);
                }
                if llm.seen.lock().unwrap().len() >= seen + kill_after {
                    break None;
                }
                std::thread::sleep(Duration::from_millis(2));
            };
            if let Some(status) = finished {
                assert!(status.success(), "exit {status}");
                break;
            }
            child.kill().unwrap();
            child.wait().unwrap();
            kills += 1;
            kill_after = 3 + (kills * 5) % 7;
            // Whole batches only: the facts are those of the first 2n messages, each once.
            let facts = texts(&db, "fact", true);
            let mut prefix: Vec<String> = said[..facts.len()].iter().map(|s| format!("The user said: {s}")).collect();
            prefix.sort();
            assert_eq!(facts.len() % 2, 0, "after kill {kills}: {facts:?}");
            assert_eq!(facts, prefix, "after kill {kills}");
            assert!(kills < 60, "no progress");
        }
        assert!(kills >= 2, "the run was killed {kills} times");
        assert_eq!(texts(&db, "fact", true), expected);
        let again = run(&["memory", "consolidate", &db], &llm);
        assert!(stdout(&again).contains("0 user messages"), "{}", stdout(&again));
        assert_eq!(texts(&db, "fact", true), expected);
    }
}

/// On a terminal, consolidation draws its bar; piped, it prints only its summary.
#[test]
fn on_a_terminal_consolidation_draws_a_bar() {
    let db = tempdir().join("m.db").to_str().unwrap().to_owned();
    let llm = FakeLlm::start("ok", Duration::ZERO);
    let said: Vec<String> = (0..6).map(|i| format!("I own bike number {i}")).collect();
    conversation(&db, "ana", &said.iter().map(String::as_str).collect::<Vec<_>>());
    let mut args = vec!["memory", "consolidate", &db, "--batch", "2"];
    let extra = llm.args();
    args.extend(extra.iter().map(String::as_str));
    let Some((code, shown)) = crate::chat::on_a_terminal_with(&args, "", &[("OPENAI_API_KEY", "sk-test")]) else {
        panic!("python3 with pty is required");
    };
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("consolidating ["), "{shown:?}");
    assert!(shown.contains("/6"), "{shown:?}");
    assert!(shown.contains("consolidated 6 user messages"), "{shown:?}");
    let piped = run(&["memory", "consolidate", &db], &llm);
    assert_eq!(stderr(&piped), "");
}

#[test]
fn chat_consolidates_after_the_reply_is_printed() {
    for db in databases() {
        let llm = FakeLlm::start("Lovely!", Duration::ZERO);
        // The filter's reply is held until the chat has printed its reply.
        let (release, held) = std::sync::mpsc::channel();
        llm.fault("filter", Fault::Hold(held));
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(["chat", "--provider", "openai", "--model", "fake", "--base-url", &llm.base_url])
            .args(["--store", &db, "--conversation", "pets", "--user", "ana", "--memory"])
            .env("OPENAI_API_KEY", "sk-test")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"I adopted a dog yesterday\n").unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert_eq!(line, "Lovely!\n");
        // The reply came while consolidation waited on the model.
        release.send(()).unwrap();
        drop(stdin);
        let status = child.wait().unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        assert!(status.success(), "{err}");
        assert_eq!(llm.count("chat"), 1);
        assert_eq!(llm.count("filter"), 1);
        assert_eq!(texts(&db, "fact", false), ["The user said: I adopted a dog yesterday"], "{err}");
    }
}
