//! `memor mcp` end to end: the official MCP Python SDK (pinned in tests/mcp/requirements.txt,
//! installed by the test into a venv under the target directory; a failed install fails the
//! test) starts the real binary on a SQLite file, and on PostgreSQL when the tests have a
//! server, and uses every tool, in both protocol eras; and raw lines written to the process's
//! stdin check the JSON-RPC errors, that the server keeps answering and that it exits 0 at the
//! end of its input.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use serde_json::{Value, json};

use crate::{fixture, memor, stderr, stdout, tempdir};

/// The venv's python with the pinned SDK, made once per target directory.
fn python() -> PathBuf {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mcp-venv");
    let python = venv.join("bin").join("python");
    let requirements = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mcp/requirements.txt");
    let wanted = std::fs::read_to_string(&requirements).unwrap();
    let marker = venv.join("memor-requirements.txt");
    if python.exists() && std::fs::read_to_string(&marker).ok().as_deref() == Some(wanted.as_str()) {
        return python;
    }
    let out = Command::new("python3").args(["-m", "venv", "--clear"]).arg(&venv).output();
    let out = out.unwrap_or_else(|e| panic!("python3 is needed for the MCP SDK test: {e}"));
    assert!(out.status.success(), "python3 -m venv {}: {}", venv.display(), String::from_utf8_lossy(&out.stderr));
    let out = Command::new(&python)
        .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"])
        .arg(&requirements)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pip install -r {} failed (the MCP SDK test needs it): {}",
        requirements.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(&marker, wanted).unwrap();
    python
}

fn json(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_str(&stdout(out)).unwrap()
}

fn add(db: &str, text: &str, user: &str, at: Option<&str>) -> String {
    let mut args = vec!["memory", "add", db, text, "--user", user];
    args.extend(at.map(|at| ["--at", at]).into_iter().flatten());
    let out = memor(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).trim().to_owned()
}

fn import(db: &str, file: &str, user: &str) -> String {
    let out = memor(&["store", "import", db, &fixture(file), "--user", user]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).trim().to_owned()
}

/// The memories' ids of a recall the SDK saw.
fn ids(recalled: &Value) -> Vec<&str> {
    assert_eq!(recalled["is_error"], false, "{recalled}");
    recalled["structured"]["memories"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap()).collect()
}

#[test]
fn the_python_sdk_lists_and_calls_every_tool_in_both_protocol_eras() {
    for db in crate::store::databases() {
        sdk_session(db);
    }
}

/// The SDK's session with `memor mcp DB` on a fresh database (a SQLite file or a PostgreSQL URL).
fn sdk_session(db: String) {
    let conversation = import(&db, "sessions/S009.json", "ana");
    let bens_conversation = import(&db, "sessions/S002.json", "ben");
    let marathon = add(&db, "Ana ran a marathon yesterday", "ana", Some("2023-05-08"));
    let bens = add(&db, "Ben ran a marathon in May 2023 too", "ben", Some("2023-05-20"));
    let stored: Value = serde_json::from_str(&std::fs::read_to_string(fixture("sessions/S009.json")).unwrap()).unwrap();

    let out = Command::new(python())
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mcp/client.py"))
        .args([env!("CARGO_BIN_EXE_memor"), &db, "ana", &conversation, &bens])
        .output()
        .unwrap();
    assert!(out.status.success(), "the SDK client failed: {}", stderr(&out));
    let sessions: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(sessions.len(), 2, "{}", stdout(&out));

    let mut remembered = Vec::new();
    for (seen, (mode, version)) in sessions.iter().zip([("auto", "2026-07-28"), ("legacy", "2025-11-25")]) {
        assert_eq!(seen["mode"], mode);
        assert_eq!(seen["protocol_version"], version, "{mode}");
        assert_eq!(seen["server_name"], "memor", "{mode}");
        assert!(seen["instructions"].as_str().unwrap().contains("recall"), "{mode}");
        let tools: Vec<(&str, &Value)> =
            seen["tools"].as_array().unwrap().iter().map(|t| (t["name"].as_str().unwrap(), &t["required"])).collect();
        assert_eq!(
            tools,
            [
                ("remember", &json!(["text"])),
                ("recall", &json!(["query"])),
                ("forget", &json!(["id"])),
                ("list_conversations", &json!([])),
                ("read_conversation", &json!(["conversation"])),
            ],
            "{mode}"
        );
        assert!(seen["tools"].as_array().unwrap().iter().all(|t| t["has_output_schema"] == true));

        // recall: hybrid and time-aware, Ana's memories only.
        let recalled = &seen["recall_marathon"];
        assert_eq!(ids(recalled), [marathon.as_str()], "{mode}: Ben's marathon is not Ana's: {recalled}");
        let top = &recalled["structured"]["memories"][0];
        assert_eq!(
            (&top["text"], &top["kind"], &top["date"], &top["time_match"]),
            (&json!("Ana ran a marathon yesterday"), &json!("fact"), &json!("2023-05-07T00:00:00Z"), &json!(true)),
            "{mode}"
        );
        assert!(top["score"].as_f64().unwrap() > 0.0);
        assert!(recalled["text"][0].as_str().unwrap().contains("[2023-05-07] Ana ran a marathon yesterday"));

        // remember, recall it, forget it, and it is not recalled any more.
        let memory = &seen["remember"]["structured"];
        assert_eq!(seen["remember"]["is_error"], false, "{mode}: {}", seen["remember"]);
        let id = memory["id"].as_str().unwrap();
        assert_eq!(
            (&memory["text"], &memory["user"], &memory["kind"], &memory["date"]),
            (
                &json!(format!("Ana's sister Eva moved to Lisbon ({mode})")),
                &json!("ana"),
                &json!("fact"),
                &json!("2024-02-01T00:00:00Z")
            ),
            "{mode}"
        );
        assert!(ids(&seen["recall_sister"]).contains(&id), "{mode}: {}", seen["recall_sister"]);
        assert_eq!(seen["forget"]["structured"], json!({"id": id, "forgotten": true}), "{mode}");
        assert!(!ids(&seen["recall_sister_after_forget"]).contains(&id), "{mode}");
        remembered.push(id.to_owned());

        // Another user's memory is not Ana's server's to forget.
        assert_eq!(seen["forget_foreign"]["is_error"], true, "{mode}");
        assert_eq!(seen["forget_foreign"]["text"][0], format!("no memory has the id `{bens}`"));

        // list_conversations: Ana's one conversation, not Ben's.
        let listed = seen["list_conversations"]["structured"]["conversations"].as_array().unwrap();
        assert_eq!(listed.len(), 1, "{mode}: {listed:?}");
        assert_eq!((&listed[0]["id"], &listed[0]["title"]), (&json!(conversation), &stored["title"]));
        assert_eq!(listed[0]["messages"], stored["messages"].as_array().unwrap().len());
        assert_ne!(listed[0]["id"], json!(bens_conversation));

        // read_conversation: what was stored, message by message.
        let read = &seen["read_conversation"]["structured"];
        assert_eq!(seen["read_conversation"]["is_error"], false, "{mode}: {}", seen["read_conversation"]);
        let messages = read["messages"].as_array().unwrap();
        let want = stored["messages"].as_array().unwrap();
        assert_eq!((read["total"].as_u64(), messages.len()), (Some(want.len() as u64), want.len()), "{mode}");
        for (i, (got, want)) in messages.iter().zip(want).enumerate() {
            assert_eq!((&got["index"], &got["role"], &got["text"]), (&json!(i), &want["role"], &want["message"]));
            assert_eq!(got["masked"], !stored["messages_status"][i].as_bool().unwrap(), "message {i}");
            let time = chrono::DateTime::parse_from_rfc3339(got["time"].as_str().unwrap()).unwrap();
            let stored_time =
                chrono::DateTime::parse_from_str(want["date_created"].as_str().unwrap(), "%Y-%m-%d %H:%M:%S %z")
                    .unwrap();
            assert_eq!(time, stored_time, "message {i}");
        }
        let page = &seen["read_page"]["structured"];
        let texts: Vec<&Value> = page["messages"].as_array().unwrap().iter().map(|m| &m["text"]).collect();
        assert_eq!(texts, [&want[1]["message"], &want[2]["message"]], "{mode}: offset 1, limit 2");
        assert_eq!(page["offset"], 1);

        // A model's mistakes: a readable tool error, or a protocol error for a tool that is not there.
        assert_eq!(
            seen["recall_without_query"],
            json!({"is_error": true, "text": ["recall needs `query`"], "structured": null})
        );
        assert_eq!(seen["forget_unknown"]["text"][0], "no memory has the id `no-such-memory`");
        assert_eq!(seen["unknown_tool"]["code"], -32602, "{mode}: {}", seen["unknown_tool"]);
    }

    // What the SDK did is in the database, as the memory CLI reads it.
    let all = json(&memor(&["memory", "list", &db, "--user", "ana", "--all", "--json"]));
    for id in &remembered {
        let memory = all.as_array().unwrap().iter().find(|m| m["id"] == json!(id)).unwrap();
        assert_eq!(memory["status"], "forgotten", "{memory}");
    }
    let bens_now = json(&memor(&["memory", "list", &db, "--user", "ben", "--json"]));
    assert_eq!(bens_now[0]["id"], json!(bens), "Ben's memory is still recalled");
}

/// A `memor mcp` process driven line by line.
struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    replies: Receiver<String>,
}

impl Server {
    fn start(db: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(["mcp", db])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, replies) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if send.send(line.unwrap()).is_err() {
                    break;
                }
            }
        });
        Server { stdin: child.stdin.take(), child, replies }
    }

    fn send(&mut self, line: impl AsRef<[u8]>) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(line.as_ref()).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
    }

    /// The next line of stdout, as JSON.
    fn reply(&self) -> Value {
        match self.replies.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON on stdout ({e}): {line}")),
            Err(RecvTimeoutError::Timeout) => panic!("no reply within a minute"),
            Err(RecvTimeoutError::Disconnected) => panic!("stdout closed"),
        }
    }

    /// Sends a line and gives the error code and id of its reply.
    fn error(&mut self, line: impl AsRef<[u8]>) -> (i64, Value) {
        self.send(line);
        let reply = self.reply();
        assert_eq!(reply["jsonrpc"], "2.0", "{reply}");
        let code = reply["error"]["code"].as_i64().unwrap_or_else(|| panic!("not an error: {reply}"));
        assert!(reply["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{reply}");
        (code, reply["id"].clone())
    }

    fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}).to_string());
        let reply = self.reply();
        assert_eq!(reply["id"], id, "{reply}");
        reply
    }

    /// Closes stdin: the exit status, what was left on stdout, and stderr.
    fn finish(mut self) -> (std::process::ExitStatus, Vec<String>, String) {
        drop(self.stdin.take());
        let status = self.child.wait().unwrap();
        let rest: Vec<String> = self.replies.iter().collect();
        let mut err = String::new();
        self.child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        (status, rest, err)
    }
}

fn initialize(version: &str) -> String {
    json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": version, "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}
    }})
    .to_string()
}

/// The 2026-07-28 envelope at `version`.
fn envelope(version: &str) -> Value {
    json!({"io.modelcontextprotocol/protocolVersion": version, "io.modelcontextprotocol/clientCapabilities": {}})
}

#[test]
fn malformed_messages_get_json_rpc_errors_and_the_server_keeps_answering() {
    let dir = tempdir();
    let db = dir.join("memory.db").to_str().unwrap().to_owned();
    let mut server = Server::start(&db);
    // Before `initialize`: ping is answered, the tools wait for it.
    assert_eq!(server.request(1, "ping", json!({}))["result"], json!({}));
    assert_eq!(server.error(r#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#), (-32600, json!(2)));
    server.send(initialize("2025-06-18"));
    let reply = server.reply();
    assert_eq!(reply["id"], 0);
    assert_eq!(reply["result"]["protocolVersion"], "2025-06-18", "the client's version, served");
    assert_eq!(reply["result"]["capabilities"], json!({"tools": {"listChanged": false}}));
    server.send(r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#);

    let null = Value::Null;
    assert_eq!(server.error("this is not JSON"), (-32700, null.clone()));
    assert_eq!(server.error(r#"{"jsonrpc":"2.0","id":3,"method":"#), (-32700, null.clone()), "cut short");
    assert_eq!(
        server.error(b"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"\xff\xfe\"}"),
        (-32700, null.clone()),
        "not UTF-8"
    );
    assert_eq!(server.error("42"), (-32600, null.clone()), "not an object");
    assert_eq!(server.error("[".repeat(100_000)), (-32700, null.clone()), "nested too deep");
    assert_eq!(server.error(r#"{"jsonrpc":"2.0","id":4}"#), (-32600, json!(4)), "no method");
    assert_eq!(server.error(r#"{"id":5,"method":"ping"}"#), (-32600, json!(5)), "no jsonrpc");
    assert_eq!(server.error(r#"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#), (-32600, null.clone()), "bad id");
    assert_eq!(
        server.error(r#"[{"jsonrpc":"2.0","id":6,"method":"ping"}]"#),
        (-32600, null.clone()),
        "no batches at 2025-06-18"
    );
    assert_eq!(server.error(r#"{"jsonrpc":"2.0","id":7,"method":"resources/list"}"#), (-32601, json!(7)));
    assert_eq!(server.error(r#"{"jsonrpc":"2.0","id":8,"method":"ping","params":[1]}"#), (-32602, json!(8)));
    assert_eq!(
        server.error(r#"{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"arguments":{}}}"#),
        (-32602, json!(9))
    );
    assert_eq!(
        server.error(r#"{"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"recall","arguments":"q"}}"#),
        (-32602, json!(10))
    );
    assert_eq!(
        server.error(r#"{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"fly"}}"#),
        (-32602, json!(11))
    );
    assert_eq!(
        server.error(r#"{"jsonrpc":"2.0","id":"a","method":"tools/list","params":{"cursor":"x"}}"#),
        (-32602, json!("a"))
    );
    assert_eq!(server.error(initialize("2025-06-18")), (-32600, json!(0)), "initialized already");
    let modern =
        json!({"jsonrpc": "2.0", "id": 12, "method": "tools/list", "params": {"_meta": envelope("2026-07-28")}});
    assert_eq!(server.error(modern.to_string()), (-32600, json!(12)), "a 2026 request on a 2025 connection");
    // A line of 20 MiB: an error, the rest of the line skipped.
    let huge = format!(
        "{{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"ping\",\"params\":{{\"x\":\"{}\"}}}}",
        "a".repeat(20 << 20)
    );
    assert_eq!(server.error(huge), (-32600, null.clone()), "too long");
    // Notifications never get a reply, even unknown or malformed ones.
    server.send(r#"{"jsonrpc":"2.0","method":"no/such/notification"}"#);
    server.send(r#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":7}"#);
    server.send(r#"{"jsonrpc":"2.0","id":14,"result":{}}"#);
    server.send("");

    // A tool's argument errors are tool results the model can read.
    let call = |name: &str, arguments: Value| json!({"name": name, "arguments": arguments});
    let reply = server.request(15, "tools/call", call("recall", json!({"query": "tea", "k": "ten"})));
    assert_eq!(reply["result"]["isError"], true, "{reply}");
    assert_eq!(reply["result"]["content"][0]["text"], "`k` is a number, not a string");
    let reply = server.request(16, "tools/call", call("remember", json!({"text": "Ana likes tea", "colour": "red"})));
    assert_eq!(reply["result"]["isError"], true, "{reply}");
    assert_eq!(
        reply["result"]["content"][0]["text"],
        "remember takes no argument `colour` (it takes text, kind, importance, at)"
    );
    let reply = server.request(17, "tools/call", call("remember", json!({"text": "Ana likes tea", "at": "someday"})));
    assert!(
        reply["result"]["content"][0]["text"].as_str().unwrap().starts_with("`at`: `someday` is not a time"),
        "{reply}"
    );
    let reply = server.request(18, "tools/call", call("read_conversation", json!({"conversation": "nope"})));
    assert_eq!(reply["result"]["content"][0]["text"], "no stored conversation has the id or title `nope`");

    // And after all that, the server still works.
    let reply = server.request(19, "tools/call", call("remember", json!({"text": "Ana likes green tea"})));
    assert_eq!(reply["result"]["isError"], false, "{reply}");
    let reply = server.request(20, "tools/call", call("recall", json!({"query": "green tea"})));
    assert_eq!(reply["result"]["structuredContent"]["memories"][0]["text"], "Ana likes green tea");
    assert_eq!(server.request(21, "ping", json!({}))["result"], json!({}));
    let (status, rest, err) = server.finish();
    assert_eq!(
        (status.code(), rest),
        (Some(0), Vec::<String>::new()),
        "exit 0 at the end of stdin, nothing more: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn versions_are_negotiated_and_batches_served_where_the_revision_has_them() {
    let dir = tempdir();
    let db = dir.join("memory.db").to_str().unwrap().to_owned();

    // A version we do not serve is answered with our latest handshake revision.
    let mut server = Server::start(&db);
    server.send(initialize("1999-01-01"));
    assert_eq!(server.reply()["result"]["protocolVersion"], "2025-11-25");
    assert_eq!(server.finish().0.code(), Some(0));

    // 2025-03-26 has JSON-RPC batches: one array of replies, none for notifications.
    let mut server = Server::start(&db);
    server.send(initialize("2025-03-26"));
    assert_eq!(server.reply()["result"]["protocolVersion"], "2025-03-26");
    server.send(
        r#"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},
            {"jsonrpc":"2.0","id":2,"method":"tools/list"},{"jsonrpc":"2.0","id":3,"method":"nope"}]"#
            .replace('\n', ""),
    );
    let replies = server.reply();
    let replies = replies.as_array().unwrap();
    assert_eq!(replies.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(), [json!(1), json!(2), json!(3)]);
    assert_eq!(replies[1]["result"]["tools"].as_array().unwrap().len(), 5);
    assert_eq!(replies[2]["error"]["code"], -32601);
    assert_eq!(server.error("[]"), (-32600, Value::Null), "an empty batch");
    server.send(r#"[{"jsonrpc":"2.0","method":"notifications/initialized"}]"#);
    let reply = server.request(4, "ping", json!({}));
    assert_eq!(reply["result"], json!({}), "a batch of notifications has no reply");
    assert_eq!(server.finish().0.code(), Some(0));

    // 2026-07-28: stateless, each request carries its envelope.
    let mut server = Server::start(&db);
    let reply = server.request(1, "server/discover", json!({"_meta": envelope("2026-07-28")}));
    let discovered = &reply["result"];
    assert_eq!(discovered["supportedVersions"], json!(["2026-07-28"]), "{reply}");
    assert_eq!((&discovered["resultType"], &discovered["cacheScope"]), (&json!("complete"), &json!("public")));
    assert_eq!(discovered["_meta"]["io.modelcontextprotocol/serverInfo"]["name"], "memor");
    let params =
        json!({"_meta": envelope("2026-07-28"), "name": "remember", "arguments": {"text": "Ana lives in Porto"}});
    let reply = server.request(2, "tools/call", params);
    assert_eq!((&reply["result"]["isError"], &reply["result"]["resultType"]), (&json!(false), &json!("complete")));
    assert_eq!(server.error(initialize("2025-11-25")), (-32022, json!(0)), "no handshake on a 2026 connection");
    let reply = server.request(3, "tools/list", json!({"_meta": envelope("2099-01-01")}));
    assert_eq!(reply["error"]["code"], -32022, "{reply}");
    assert_eq!(reply["error"]["data"], json!({"supported": ["2026-07-28"], "requested": "2099-01-01"}));
    let half = json!({"_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28"}});
    assert_eq!(server.request(4, "tools/list", half)["error"]["code"], -32602, "no client capabilities");
    assert_eq!(server.request(5, "tools/list", json!({}))["error"]["code"], -32602, "no envelope");
    assert_eq!(server.request(6, "ping", json!({"_meta": envelope("2026-07-28")}))["error"]["code"], -32601, "no ping");
    let (status, rest, _) = server.finish();
    assert_eq!((status.code(), rest.len()), (Some(0), 0));
}

#[test]
fn help_shows_how_an_assistant_starts_it_and_a_bad_database_exits_1() {
    let out = memor(&["help", "mcp"]);
    assert!(out.status.success());
    let help = stdout(&out);
    assert!(help.contains("\"args\": [\"mcp\", \"/home/ana/memory.db\", \"--user\", \"ana\"]"), "{help}");
    assert!(help.contains("--embedder <ID>"), "{help}");
    let out = memor(&["mcp", "postgres://nobody@127.0.0.1:1/none"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "nothing but protocol messages on stdout");
}
