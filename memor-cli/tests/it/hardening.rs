//! The `memor` command against hostile servers and files, and two chats on one file. Every
//! child process runs under a kill timeout the test sets, so a regression fails, not hangs.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use memor_core::Document;
use memor_testkit::http::{Reply, closed_port, ok, serve_each, serve_with};

use crate::tempdir;

/// Waits for `child`, killing it (and failing the test) after `limit`. Its output is read
/// meanwhile, so a child writing more than a pipe holds does not block.
pub fn wait_bounded(mut child: Child, limit: Duration) -> Output {
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("killed after {limit:?}; stderr: {}", String::from_utf8_lossy(&stderr.join().unwrap()));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}

/// Starts `memor args`, writes `input` to its stdin and waits for it within `limit`.
pub fn run_bounded(args: &[&str], input: &str, limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    wait_bounded(child, limit)
}

/// Answers every connection (each on its own thread) with `answer(n)` for the n-th request.
fn serve_all(answer: fn(usize) -> Reply) -> String {
    serve_each(move |n, _| answer(n)).0
}

fn ollama_reply(_: usize) -> Reply {
    ok(r#"{"model":"m","created_at":"2025-10-17T23:14:07Z","message":{"role":"assistant","content":"ok"},"done":true}"#)
}

fn texts(file: &Path) -> Vec<String> {
    memor_core::Session::load(file).unwrap().iter().map(|m| m.message().to_owned()).collect()
}

#[test]
fn two_chats_on_one_file_never_lose_a_message() {
    let address = serve_all(ollama_reply);
    let dir = tempdir();
    let file = dir.join("same.json");
    let file_arg = file.to_str().unwrap().to_owned();
    let spawn = |tag: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(["chat", "--provider", "ollama", "--model", "m", "--base-url", &address, "--session", &file_arg])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lines: String = (1..=20).map(|i| format!("{tag}{i}\n")).collect();
        child.stdin.take().unwrap().write_all(lines.as_bytes()).unwrap();
        child
    };
    let (a, b) = (spawn("A"), spawn("B"));
    let outputs = [("A", wait_bounded(a, Duration::from_secs(120))), ("B", wait_bounded(b, Duration::from_secs(120)))];
    let saved = texts(&file);
    for (tag, out) in &outputs {
        let mine: Vec<&String> = saved.iter().filter(|t| t.starts_with(tag)).collect();
        let expected: Vec<String> = (1..=20).map(|i| format!("{tag}{i}")).collect();
        if out.status.success() {
            // Everything a chat that exited 0 said is in the file, in order.
            assert_eq!(mine, expected.iter().collect::<Vec<_>>(), "{tag} exited 0 but lost messages");
        } else {
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{tag}: {stderr}");
            assert!(stderr.contains("the file changed since it was read"), "{tag}: {stderr}");
            // What it did save is a prefix of what it said.
            assert_eq!(mine, expected.iter().take(mine.len()).collect::<Vec<_>>(), "{tag}");
        }
    }
    // Every prompt is followed by its reply.
    assert!(saved.chunks(2).all(|pair| pair.len() == 2 && pair[1] == "ok"), "{saved:?}");
    assert!(!dir.join(".same.json.lock").exists());
}

#[test]
fn a_file_changed_by_someone_else_is_not_overwritten() {
    // The server's first reply is slow, so the file can be changed during the turn.
    fn slow(n: usize) -> Reply {
        if n == 0 {
            std::thread::sleep(Duration::from_millis(1500));
        }
        ollama_reply(n)
    }
    let address = serve_all(slow);
    let dir = tempdir();
    let file = dir.join("chat.json");
    let mut other = memor_core::Session::new(Some("theirs".into()));
    other.save(&file).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
        .args(["chat", "--provider", "ollama", "--model", "m", "--base-url", &address])
        .args(["--session", file.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"mine\n").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    other.add_message(memor_core::Prompt::builder().message("their update").build());
    other.save(&file).unwrap();
    let out = wait_bounded(child, Duration::from_secs(60));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with(&format!("{}: the file changed since it was read", file.display())), "{stderr}");
    assert_eq!(texts(&file), ["their update"]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_save_removes_the_temporaries_that_killed_saves_left() {
    let dir = tempdir();
    let file = dir.join("s.json");
    std::fs::copy(crate::fixture("sessions/S009.json"), &file).unwrap();
    // PIDs above the kernel's largest possible (2^22) belong to no process.
    let dead = dir.join(".s.json.4999999.0.tmp");
    let dead_too = dir.join(".s.json.4999998.17.tmp");
    let live = dir.join(format!(".s.json.{}.0.tmp", std::process::id()));
    let other_file = dir.join(".t.json.4999999.0.tmp");
    let not_ours = dir.join(".s.json.4999999.tmp");
    for path in [&dead, &dead_too, &live, &other_file, &not_ours] {
        std::fs::write(path, "partial").unwrap();
    }
    let out = run_bounded(&["save", file.to_str().unwrap(), "-o", file.to_str().unwrap()], "", Duration::from_secs(60));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!dead.exists() && !dead_too.exists());
    assert!(live.exists() && other_file.exists() && not_ours.exists());
}

#[test]
fn credentials_in_the_base_url_are_never_printed() {
    let base = format!("http://alice:hunter2-pass@127.0.0.1:{}/v1", closed_port());
    let out = run_bounded(
        &["chat", "--provider", "ollama", "--model", "m", "--base-url", &base],
        "hi\n",
        Duration::from_secs(60),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("127.0.0.1") && !stderr.contains("hunter2") && !stderr.contains("alice"), "{stderr}");
}

#[test]
fn a_redirect_fails_the_turn_and_keeps_the_last_good_file() {
    fn answer(n: usize) -> Reply {
        match n {
            0 => ollama_reply(n),
            _ => Reply::With(307, vec![("location", "http://127.0.0.1:9/elsewhere".into())], String::new()),
        }
    }
    let dir = tempdir();
    let file = dir.join("chat.json");
    for stream in [false, true] {
        let address = serve_all(answer);
        let _ = std::fs::remove_file(&file);
        let mut args = vec!["chat", "--provider", "ollama", "--model", "m", "--base-url", &address];
        args.extend(["--session", file.to_str().unwrap()]);
        if stream {
            args.push("--stream");
        }
        let out = run_bounded(&args, "first\nsecond\n", Duration::from_secs(60));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("HTTP 307, a redirect to http://127.0.0.1:9/elsewhere"), "{stderr}");
        assert_eq!(texts(&file), ["first", "ok"]);
    }
}

/// Runs `memor args` under `sh` with its address space limited to `kib` KiB (`ulimit -v`),
/// killed after `limit`.
#[cfg(unix)]
fn run_limited(args: &[&str], kib: u64, limit: Duration) -> Output {
    let script = format!("ulimit -v {kib} && exec \"$0\" \"$@\"");
    let child = Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_memor")])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_bounded(child, limit)
}

#[cfg(unix)]
#[test]
fn an_object_with_a_million_keys_is_refused_early_and_cheaply() {
    let dir = tempdir();
    let keys: Vec<String> = (0..1_000_000).map(|i| format!("\"k{i}\": {{}}")).collect();
    let keys = keys.join(", ");
    let text = std::fs::read_to_string(crate::fixture("sessions/S009.json")).unwrap();
    let session = text.replacen("\"warnings\": {", &format!("\"warnings\": {{{keys}, "), 1);
    let custom = text.replacen("\"custom_map\": {", &format!("\"custom_map\": {{{keys}, "), 1);
    assert!(session.len() > 12_000_000 && custom.len() > 12_000_000);
    for (name, text) in [("warnings.json", session), ("custom.json", custom)] {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        // 150 MiB of address space: the binary and the file fit; the old loader's map (over
        // 250 MB for this file) does not.
        for kind in [None, Some("session")] {
            let mut args = vec!["check", file.to_str().unwrap()];
            args.extend(kind.map(|k| ["--kind", k]).into_iter().flatten());
            let out = run_limited(&args, 150 * 1024, Duration::from_secs(60));
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{name} {kind:?}: {stderr}");
            assert!(stderr.contains("more keys than the limit of 100000"), "{name} {kind:?}: {stderr}");
        }
    }
}

#[cfg(unix)]
#[test]
fn hostile_templates_stop_render_search_and_tokens_at_a_named_limit() {
    let cases = [
        ("tera-range.json", "a `range` of more than 100000 numbers (1000000000000 asked for)"),
        ("tera-doubling.json", "a value larger than"),
        ("tera-loops.json", "more than 1000000 steps"),
        ("memor-widths.json", "the text is longer than the render limit of"),
    ];
    for (name, limit) in cases {
        let file = format!("{}/tests/data/hostile/{name}", env!("CARGO_MANIFEST_DIR"));
        for command in [vec!["render", &file], vec!["search", &file, "zzz"], vec!["tokens", &file]] {
            // 1 GiB of address space and a minute: before the limits, these files took the
            // process to an allocation failure, many gigabytes or minutes of CPU.
            let out = run_limited(&command, 1 << 20, Duration::from_secs(60));
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{name} {command:?}: {stderr}");
            let first = stderr.lines().next().unwrap_or_default();
            assert!(first.contains("render stopped at a limit") || first.contains("render limit"), "{name}: {stderr}");
            // On a loaded machine the loops may meet the time limit before the step limit:
            // either is a named limit.
            let timed_out = name == "tera-loops.json" && first.contains("longer than 10 s");
            assert!(first.contains(limit) || timed_out, "{name} {command:?}: {stderr}");
            assert!(out.stdout.is_empty(), "{name} {command:?}");
        }
    }
}

/// A session of `n` prompts saying `text`.
fn session_of(dir: &Path, n: usize, text: &str) -> String {
    let mut session = memor_core::Session::new(None);
    for _ in 0..n {
        session.add_message(memor_core::Prompt::builder().message(text).build());
    }
    let file = dir.join("many.json");
    session.save(&file).unwrap();
    file.to_str().unwrap().to_owned()
}

#[cfg(unix)]
#[test]
fn a_catastrophic_pattern_spends_one_budget_across_all_messages() {
    let dir = tempdir();
    let file = session_of(&dir, 1000, &format!("{}b", "a".repeat(24)));
    let pattern = r"^(a|a)*\1$";
    let out = run_limited(&["search", &file, pattern, "--regex"], 1 << 20, Duration::from_secs(120));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        format!("search stopped: the pattern needs too much backtracking (pattern `{pattern}`)")
    );
    // An ordinary regex search of the same file is not affected.
    let out = run_limited(&["search", &file, r"^(a+)\1b$", "--regex"], 1 << 20, Duration::from_secs(120));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim().matches(',').count(), 999);
}

#[cfg(unix)]
#[test]
fn a_search_stops_at_its_timeout() {
    let dir = tempdir();
    let file = session_of(&dir, 20_000, "plain text");
    let out = run_limited(&["search", &file, "text", "--timeout", "0.000001"], 1 << 20, Duration::from_secs(120));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim_end(), "search stopped: no answer within the timeout of 0.000001 s (pattern `text`)");
    let out = run_limited(&["search", &file, "text", "--timeout", "600"], 1 << 20, Duration::from_secs(120));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for bad in ["0", "-1", "soon"] {
        let out = run_limited(&["search", &file, "text", "--timeout", bad], 1 << 20, Duration::from_secs(60));
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
}

#[cfg(unix)]
#[test]
fn an_endless_stream_fails_the_turn_at_the_size_limit_and_keeps_the_file() {
    // The first turn is answered; the second gets a 2xx stream without a single line break
    // that never ends (the server gives up after 1 GiB).
    let mut n = 0;
    let (address, _requests) = serve_with(move |_| {
        n += 1;
        Some(match n {
            1 => ollama_reply(0),
            _ => Reply::Endless { content_type: "application/x-ndjson", chunk: vec![b'x'; 0x10000], limit: 1 << 30 },
        })
    });
    let dir = tempdir();
    let file = dir.join("chat.json");
    let args = ["chat", "--provider", "ollama", "--model", "m", "--base-url", &address, "--stream", "--session"];
    let mut args: Vec<&str> = args.to_vec();
    args.push(file.to_str().unwrap());
    let script = "ulimit -v 1048576 && exec \"$0\" \"$@\"";
    let mut child = Command::new("sh")
        .args(["-c", script, env!("CARGO_BIN_EXE_memor")])
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"first\nsecond\n").unwrap();
    let out = wait_bounded(child, Duration::from_secs(120));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("is larger than the limit of 67108864 bytes"), "{stderr}");
    assert_eq!(texts(&file), ["first", "ok"]);
}
