//! `memor store …` and `memor chat --store` end to end: real processes, real SQLite files, the
//! real PostgreSQL server of `MEMOR_TEST_POSTGRES_URL`, a real HTTP server on 127.0.0.1.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use memor_core::{Document, Session};
use serde_json::Value;

use crate::chat::{reply, serve_with};
use crate::{fixture, memor, stderr, stdout, tempdir};

/// The databases to run on: a SQLite file, and a fresh PostgreSQL database when there is a server.
pub(crate) fn databases() -> Vec<String> {
    let mut dbs = vec![tempdir().join("memor.db").to_str().unwrap().to_owned()];
    match std::env::var("MEMOR_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => {
            let name = format!("cli_{}_{}", std::process::id(), unique());
            let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
            dbs.push(format!("{}/{name}", url.rsplit_once('/').unwrap().0));
        }
        _ if std::env::var_os("MEMOR_REQUIRE_POSTGRES").is_some() => {
            panic!("MEMOR_REQUIRE_POSTGRES without a server URL")
        }
        _ => eprintln!("postgres: no server (MEMOR_TEST_POSTGRES_URL is not set); the CLI is tested on SQLite only"),
    }
    dbs
}

/// A number no other call in this run gives.
fn unique() -> u128 {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    nanos * 1000 + N.fetch_add(1, Ordering::Relaxed) as u128
}

#[test]
fn import_list_show_search_export_archive_delete() {
    for db in databases() {
        let files = [fixture("sessions/S009.json"), fixture("sessions/S003.json"), fixture("sessions/S012.json")];
        let out = memor(&["store", "import", &db, &files[0], &files[1], &files[2], "--user", "ann"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let ids: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
        assert_eq!(ids.len(), 3, "one id per file");

        let out = memor(&["store", "list", &db, "--json", "--since", "2000-01-01", "--until", "2999-01-01T00:00:00Z"]);
        let listed: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let listed = listed.as_array().unwrap();
        assert_eq!(listed.len(), 3);
        assert!(listed.iter().all(|c| c["user"] == "ann"));
        let out = memor(&["store", "list", &db, "--json", "--since", "2999-01-01"]);
        assert_eq!(stdout(&out).trim(), "[]");
        let out = memor(&["store", "list", &db, "--since", "yesterday"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("`yesterday` is not a date"), "{}", stderr(&out));
        let mut titles: Vec<&str> = listed.iter().map(|c| c["title"].as_str().unwrap()).collect();
        titles.sort();
        assert_eq!(titles, ["Broken but masked", "Code", "Large"]);

        for (id, file) in ids.iter().zip(&files) {
            let exported = tempdir().join("out.json");
            let out = memor(&["store", "export", &db, id, "-o", exported.to_str().unwrap()]);
            assert!(out.status.success(), "{}", stderr(&out));
            let expected = Session::load(file).unwrap().to_json();
            assert_eq!(std::fs::read_to_string(&exported).unwrap(), expected, "{file}");
        }
        let out = memor(&["store", "export", &db, "Large", "--format", "openai"]);
        let rendered = memor(&["render", &files[0], "--format", "openai"]);
        assert_eq!(stdout(&out), stdout(&rendered));

        let out = memor(&["store", "show", &db, "Large"]);
        let shown = stdout(&out);
        assert!(shown.starts_with(&format!("Large · {} · 22 messages\n", ids[0])), "{shown}");
        assert!(
            shown.contains("[0] assistant · 2023-08-10 19:29:34 -0800 · phi-3-medium-instruct · 0 tokens · masked"),
            "{shown}"
        );

        let out = memor(&["store", "search", &db, "fibonacci", "--json"]);
        let hits: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let hits = hits.as_array().unwrap();
        assert!(!hits.is_empty());
        for hit in hits {
            let session = Session::load(&files[1]).unwrap();
            assert_eq!(hit["conversation"], ids[1].as_str());
            let index = hit["index"].as_u64().unwrap() as usize;
            assert_eq!(session.messages()[index].id(), hit["message"].as_str().unwrap());
            assert!(session.messages()[index].message().to_lowercase().contains("fibonacci"));
        }

        assert!(memor(&["store", "archive", &db, &ids[1]]).status.success());
        let out = memor(&["store", "list", &db, "--json"]);
        assert_eq!(serde_json::from_str::<Value>(&stdout(&out)).unwrap().as_array().unwrap().len(), 2);
        assert!(stdout(&memor(&["store", "search", &db, "fibonacci", "--json"])).trim() == "[]");
        assert!(memor(&["store", "delete", &db, &ids[1]]).status.success());
        let out = memor(&["store", "show", &db, &ids[1]]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(stderr(&out), format!("no conversation `{}`\n", ids[1]));
    }
}

#[test]
fn a_postgres_password_may_come_from_pgpassword() {
    let Some(url) = databases().pop().filter(|db| db.starts_with("postgres://")) else { return };
    let (scheme_user, rest) = url.split_once('@').unwrap();
    let (user, password) = scheme_user.trim_start_matches("postgres://").split_once(':').unwrap();
    let bare = format!("postgres://{user}@{rest}");
    let with_env = |password: &str| {
        Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(["store", "list", &bare])
            .env("PGPASSWORD", password)
            .output()
            .unwrap()
    };
    let out = with_env(password);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = with_env("wrong-secret");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("password authentication failed"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("wrong-secret"));
}

#[test]
fn bad_databases_fail_with_exit_1_naming_the_path_and_change_nothing() {
    let dir = tempdir();
    let missing = dir.join("missing.db");
    let out = memor(&["store", "list", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), format!("{}: no such file\n", missing.display()));
    assert!(!missing.exists());

    let corrupt = dir.join("corrupt.db");
    std::fs::write(&corrupt, "not a database at all, ".repeat(300)).unwrap();
    let before = std::fs::read(&corrupt).unwrap();
    for args in [vec!["store", "list"], vec!["store", "import"]] {
        let mut args = args.clone();
        args.push(corrupt.to_str().unwrap());
        let session = fixture("sessions/S001.json");
        if args[1] == "import" {
            args.push(&session);
        }
        let out = memor(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).starts_with(&format!("{}: not a SQLite database", corrupt.display())), "{}", stderr(&out));
        assert_eq!(std::fs::read(&corrupt).unwrap(), before);
    }

    // A file the user may not write: as root, checked as `nobody`, who cannot write it.
    let readonly = dir.join("readonly.db");
    assert!(memor(&["store", "import", readonly.to_str().unwrap(), &fixture("sessions/S001.json")]).status.success());
    let before = std::fs::read(&readonly).unwrap();
    let mut perms = std::fs::metadata(&readonly).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o444);
    std::fs::set_permissions(&readonly, perms).unwrap();
    let mut dir_perms = std::fs::metadata(&dir).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut dir_perms, 0o755);
    std::fs::set_permissions(&dir, dir_perms).unwrap();
    let root = String::from_utf8(Command::new("id").arg("-u").output().unwrap().stdout).unwrap().trim() == "0";
    let mut command = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "nobody", "--", env!("CARGO_BIN_EXE_memor")]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_memor"))
    };
    let out =
        command.args(["store", "import", readonly.to_str().unwrap(), &fixture("sessions/S001.json")]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with(&format!("{}: ", readonly.display())) && err.contains("readonly"), "{err}");
    assert_eq!(std::fs::read(&readonly).unwrap(), before);

    for (url, shown) in [
        ("postgres://ann:hunter2@127.0.0.1:1/db", "postgres://ann@127.0.0.1:1/db: "),
        ("postgres://ann:hunter2@:1/db", "cannot open `postgres://ann:***@:1/db`: the URL names no host"),
    ] {
        let out = memor(&["store", "list", url]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).starts_with(shown), "{}", stderr(&out));
        assert!(!stderr(&out).contains("hunter2"));
    }
}

/// `memor chat --store DB --conversation NAME` against an OpenAI-shaped loopback server whose
/// every reply is `re: ` and the user's newest message.
fn chat(db: &str, address: &str, conversation: &str) -> Child {
    chat_with(db, address, conversation, &[])
}

fn chat_with(db: &str, address: &str, conversation: &str, extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_memor"))
        .args(["chat", "--provider", "openai", "--model", "m", "--base-url", address])
        .args(["--store", db, "--conversation", conversation])
        .args(extra)
        .env("OPENAI_API_KEY", "sk-test")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A server that echoes: its reply to each request is `re: ` and the request's last message.
fn echo_server() -> String {
    let (address, _) = serve_with(|body| {
        // A client killed mid-request sent part of a request: it reads no reply.
        let Ok(request) = serde_json::from_str::<Value>(body) else { return Some(reply("openai", "")) };
        let last = request["messages"].as_array().unwrap().last().unwrap()["content"].as_str().unwrap().to_owned();
        Some(reply("openai", &format!("re: {last}")))
    });
    address
}

fn stored(db: &str, title: &str) -> Session {
    let store = memor_store::open_existing(db).unwrap();
    let id = store.find(title).unwrap().id;
    store.load(&id).unwrap()
}

#[test]
fn chat_continues_a_stored_conversation_and_a_failed_turn_commits_nothing() {
    for db in databases() {
        let address = echo_server();
        let mut child = chat(&db, &address, "support");
        child.stdin.take().unwrap().write_all(b"hello\nagain\n").unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "re: hello\nre: again\n");
        let mut child = chat(&db, &address, "support");
        child.stdin.take().unwrap().write_all(b"third\n").unwrap();
        assert!(child.wait_with_output().unwrap().status.success());
        let session = stored(&db, "support");
        let texts: Vec<&str> = session.iter().map(|m| m.message()).collect();
        assert_eq!(texts, ["hello", "re: hello", "again", "re: again", "third", "re: third"]);
        assert_eq!(session.messages()[4].as_prompt().unwrap().responses()[0].message(), "re: third");

        // A server that answers garbage: the turn fails, nothing is committed.
        let (bad, _) = serve_with(|_| Some("not json".to_owned()));
        let mut child = chat(&db, &bad, "support");
        child.stdin.take().unwrap().write_all(b"lost\n").unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(stored(&db, "support").to_json(), session.to_json());
    }
}

#[test]
fn a_system_prompt_is_committed_with_the_first_turn() {
    let db = tempdir().join("system.db");
    let db = db.to_str().unwrap();
    let address = echo_server();
    let mut child = chat_with(db, &address, "sys", &["--system", "Be brief.", "--user", "ann", "--agent", "cli"]);
    child.stdin.take().unwrap().write_all(b"hello\n").unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    let session = stored(db, "sys");
    let texts: Vec<(&str, &str)> = session.iter().map(|m| (m.role().as_str(), m.message())).collect();
    assert_eq!(texts, [("system", "Be brief."), ("user", "hello"), ("assistant", "re: hello")]);
    let store = memor_store::open_existing(db).unwrap();
    let c = store.find("sys").unwrap();
    assert_eq!((c.user.as_deref(), c.agent.as_deref()), (Some("ann"), Some("cli")));
}

#[test]
fn two_processes_appending_to_one_conversation_lose_nothing() {
    for db in databases() {
        let address = echo_server();
        // Create the conversation first, so that both processes find the same one.
        let mut first = chat(&db, &address, "shared");
        first.stdin.take().unwrap().write_all(b"start\n").unwrap();
        assert!(first.wait_with_output().unwrap().status.success());
        let children: Vec<Child> = (0..2)
            .map(|p| {
                let mut child = chat(&db, &address, "shared");
                let mut stdin = child.stdin.take().unwrap();
                std::thread::spawn(move || {
                    for t in 0..20 {
                        writeln!(stdin, "p{p} t{t}").unwrap();
                    }
                });
                child
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 20);
        }
        let session = stored(&db, "shared");
        assert_eq!(session.len(), 82, "no message lost, none duplicated");
        for pair in session.messages().chunks(2) {
            assert_eq!(pair[1].message(), format!("re: {}", pair[0].message()), "each turn whole, in order");
        }
        for p in 0..2 {
            let mine: Vec<String> =
                session.iter().map(|m| m.message().to_owned()).filter(|m| m.starts_with(&format!("p{p} "))).collect();
            assert_eq!(mine, (0..20).map(|t| format!("p{p} t{t}")).collect::<Vec<_>>());
        }
    }
}

#[test]
fn kill_9_at_random_moments_loses_no_committed_turn() {
    let db = tempdir().join("killed.db");
    let db = db.to_str().unwrap().to_owned();
    let address = echo_server();
    let mut committed = 0usize;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let kills = 100;
    for round in 0..kills {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % 60_000);
        let mut child = chat(&db, &address, "killed");
        let mut stdin = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            for t in 0.. {
                if writeln!(stdin, "r{round} t{t}").is_err() {
                    return;
                }
            }
        });
        let stdout = child.stdout.take().unwrap();
        let (first_line, first) = std::sync::mpsc::channel();
        let printed = std::thread::spawn(move || {
            let mut n = 0;
            for _ in BufReader::new(stdout).lines().map_while(Result::ok) {
                n += 1;
                first_line.send(()).ok();
            }
            n
        });
        // Every other round kills only after a turn was printed, so that however slow the
        // machine, some kills land between committed turns.
        if round % 2 == 0 {
            first.recv_timeout(Duration::from_secs(60)).ok();
        }
        std::thread::sleep(delay);
        child.kill().unwrap();
        child.wait().unwrap();
        let printed = printed.join().unwrap();
        // The database opens cleanly after every kill; every printed turn is in it, whole.
        let Ok(store) = memor_store::open_existing(&db) else {
            assert_eq!((committed, printed), (0, 0), "killed before the database existed");
            continue;
        };
        let turns = match store.find("killed") {
            Ok(c) => {
                let session = store.load(&c.id).unwrap();
                assert_eq!(session.len() % 2, 0, "round {round}: a partial turn");
                for pair in session.messages().chunks(2) {
                    assert_eq!(pair[1].message(), format!("re: {}", pair[0].message()));
                }
                session.len() / 2
            }
            Err(_) => 0,
        };
        assert!(turns >= committed + printed, "round {round}: {turns} stored < {committed} + {printed} printed");
        assert!(turns <= committed + printed + 1, "round {round}: at most the turn being printed is extra");
        committed = turns;
        let check: String =
            rusqlite::Connection::open(&db).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
    }
    eprintln!("kill -9: {kills} kills, {committed} turns committed, none lost");
    assert!(committed > 0, "some turns completed between kills");
}

#[test]
fn a_summary_and_its_masks_are_committed_with_the_turn() {
    for db in databases() {
        let file = tempdir().join("long.json");
        let before = crate::window::conversation(&file, 30);
        let out = memor(&["store", "import", &db, file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let id = stdout(&out).trim().to_owned();
        let mut replies = vec![reply("openai", "Cities 0 to 25 were sunny."), reply("openai", "City 29.")].into_iter();
        let (address, _) = serve_with(move |_| replies.next());
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(["chat", "--provider", "openai", "--model", "gpt-4o", "--base-url", &address])
            .args(["--store", &db, "--conversation", &id, "--context", "500", "--max-tokens", "50", "--summarize"])
            .env("OPENAI_API_KEY", "sk-test")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(b"Tell me\n").unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "City 29.\n");

        let store = memor_store::open_existing(&db).unwrap();
        let saved = store.load(&id).unwrap();
        assert_eq!(saved.len(), before.len() + 3, "summary, prompt and reply added; nothing deleted");
        assert_eq!(saved.get_message(0).unwrap().message(), "Cities 0 to 25 were sunny.");
        let covers = memor_context::covered_ids(saved.get_message(0).unwrap());
        assert!(!covers.is_empty());
        for cover in &covers {
            let i = saved.iter().position(|m| m.id() == cover).unwrap();
            assert!(!saved.messages_status()[i], "covered message {i} is masked in the store");
        }
        assert_eq!(saved.messages_status().iter().filter(|on| !**on).count(), covers.len());
        let texts: Vec<&str> = saved.iter().rev().take(2).map(|m| m.message()).collect();
        assert_eq!(texts, ["City 29.", "Tell me"]);
    }
}
