//! The `memor` command as scripts use it: real processes, real files.

// Tests and tools: a failed unwrap is a failed check, which is what we want here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod chat;
mod consolidate;
mod convert;
mod errors;
mod fake_llm;
mod hardening;
mod help;
mod mcp;
mod memory;
mod parquet;
mod progress;
#[allow(dead_code, unused_imports)]
#[path = "../../../memor-providers/tests/it/server.rs"]
mod server;
mod store;
mod window;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn memor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_memor")).args(args).output().expect("run memor")
}

fn fixture(relative: &str) -> String {
    format!("{}/../testdata/conformance/objects/{relative}", env!("CARGO_MANIFEST_DIR"))
}

fn tempdir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir =
        std::env::temp_dir().join(format!("memor-cli-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn check_prints_the_kind_it_read_from_the_type_field() {
    for (file, kind) in [
        ("sessions/S001.json", "session"),
        ("prompts/P005.json", "prompt"),
        ("responses/R003.json", "response"),
        ("templates/T004.json", "template"),
    ] {
        let out = memor(&["check", &fixture(file)]);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        assert_eq!(stdout(&out), format!("ok {kind}\n"));
    }
}

#[test]
fn check_with_the_wrong_kind_fails_with_memors_message() {
    let out = memor(&["check", &fixture("responses/R003.json"), "--kind", "session"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().next(), Some("Invalid session structure. It should be a JSON object with proper fields."));
    assert!(err.contains("missing field `title`"), "{err}");
}

#[test]
fn invalid_values_get_memors_message_on_stderr() {
    let dir = tempdir();
    let path = dir.join("r.json");
    let text = std::fs::read_to_string(fixture("responses/R003.json")).unwrap();
    let broken = text.replacen("\"temperature\": ", "\"temperature\": -", 1);
    assert_ne!(broken, text);
    std::fs::write(&path, broken).unwrap();
    let out = memor(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "Invalid value. `temperature` must be a positive number.\n");
    assert_eq!(stdout(&out), "");
}

#[test]
fn missing_files_and_bad_usage_have_distinct_exit_codes() {
    let out = memor(&["size", "/nonexistent/x.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "Invalid path: must be a string and refer to an existing location. Given path: /nonexistent/x.json\n"
    );
    for args in [&["frobnicate", "x"][..], &["check"], &["save", "x"], &["check", "x", "--kind", "chat"], &[]] {
        let out = memor(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("usage:"), "{args:?}");
    }
}

#[test]
fn an_unknown_type_asks_for_kind() {
    let dir = tempdir();
    let path = dir.join("x.json");
    std::fs::write(&path, r#"{"type": "Chat"}"#).unwrap();
    let out = memor(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("name the kind"), "{}", stderr(&out));
}

#[test]
fn save_writes_memors_bytes_and_size_reports_them() {
    let dir = tempdir();
    for file in ["sessions/S009.json", "prompts/P006.json", "responses/R001.json", "templates/T021.json"] {
        let out_path = dir.join("out.json");
        let out = memor(&["save", &fixture(file), "-o", out_path.to_str().unwrap()]);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        let original = std::fs::read(fixture(file)).unwrap();
        assert_eq!(std::fs::read(&out_path).unwrap(), original, "{file}");
        let size = memor(&["size", &fixture(file)]);
        assert_eq!(stdout(&size), format!("{}\n", original.len()), "{file}");
    }
}

#[test]
fn save_of_a_prompt_saved_without_template_adds_memors_default_template() {
    let dir = tempdir();
    let out_path = dir.join("p.json");
    let out = memor(&["save", &fixture("prompts/P011.json"), "-o", out_path.to_str().unwrap()]);
    assert!(out.status.success());
    let want = std::fs::read(format!("{}/../testdata/resaved/P011.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_eq!(std::fs::read(&out_path).unwrap(), want);
}

/// A save killed at any moment leaves the previous file or the new one, never a mix.
#[test]
fn a_killed_save_never_leaves_a_partial_file() {
    let dir = tempdir();
    let big = dir.join("big.json");
    let target = dir.join("target.json");
    write_big_session(&big, 4000);
    std::fs::copy(fixture("sessions/S001.json"), &target).unwrap();
    let old = std::fs::read(&target).unwrap();
    let new = std::fs::read(&big).unwrap();
    // Time one whole save, then kill saves at points spread over that time and a bit beyond.
    let started = std::time::Instant::now();
    assert!(memor(&["save", big.to_str().unwrap(), "-o", dir.join("timing.json").to_str().unwrap()]).status.success());
    let full = started.elapsed();
    std::fs::remove_file(dir.join("timing.json")).unwrap();
    let mut saw_old = 0;
    let mut saw_new = 0;
    for i in 0..30u32 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(["save", big.to_str().unwrap(), "-o", target.to_str().unwrap()])
            .spawn()
            .unwrap();
        std::thread::sleep(full * 4 * i / (3 * 30));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&target).unwrap();
        if now == old {
            saw_old += 1;
        } else {
            assert_eq!(now.len(), new.len(), "partial file after kill #{i}");
            assert!(now == new, "mixed file after kill #{i}");
            saw_new += 1;
            std::fs::write(&target, &old).unwrap();
        }
    }
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    eprintln!("killed saves: {saw_old} left the old file, {saw_new} the new one; {} temporaries", leftovers.len());
    assert_eq!(saw_old + saw_new, 30);
}

/// A valid session of `messages` copies of a long response fixture.
fn write_big_session(path: &Path, messages: usize) {
    let message = std::fs::read_to_string(fixture("responses/R001.json")).unwrap();
    let text = format!(
        r#"{{"type": "Session", "title": "big", "render_counter": 0, "messages": [{}], "warnings": {{}}, "messages_status": [{}], "memor_version": "1.1", "date_created": "2025-01-01 00:00:00 +0000", "date_modified": "2025-01-01 00:00:00 +0000"}}"#,
        vec![message.as_str(); messages].join(", "),
        vec!["true"; messages].join(", ")
    );
    std::fs::write(path, text).unwrap();
}

#[test]
fn formats_lists_memors_formats() {
    let out = memor(&["formats"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "ai_studio\nanthropic\ndictionary\ngemini\nitems\nmistral\nollama\nopenai\nopenai_responses\nstring\n"
    );
}

#[test]
fn render_prints_json_and_warnings_on_stderr() {
    // S002 has a message whose size warning is enabled at 10 bytes.
    let session = fixture("sessions/S002.json");
    let out = memor(&["render", &session, "--format", "openai"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        value[0],
        serde_json::json!({"role": "assistant", "content": "   \n\t  : def add(a, b):\n    return a + b\n"})
    );
    assert_eq!(
        stderr(&out),
        "warning: Message aa7d01da-cc6e-4797-ae6c-c92f4e1132a9 exceeded size threshold (454 > 10).\n"
    );
    let text = memor(&["render", &fixture("responses/R003.json")]);
    let message: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("responses/R003.json")).unwrap()).unwrap();
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout(&text)).unwrap(), message["message"]);
    let items = memor(&["render", &fixture("responses/R003.json"), "--format", "items"]);
    let items: serde_json::Value = serde_json::from_str(&stdout(&items)).unwrap();
    assert_eq!(items[0], serde_json::json!(["type", "Response"]));
}

#[test]
fn render_errors_and_unknown_formats_exit_1_with_memors_message() {
    let out = memor(&["render", &fixture("prompts/P001.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().next(), Some("Prompt template and properties are incompatible."));
    let out = memor(&["render", &fixture("responses/R003.json"), "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).lines().next(),
        Some("Invalid render format. It must be an instance of RenderFormat enum.")
    );
    assert!(
        stderr(&out).contains(
            "known: ai_studio, anthropic, dictionary, gemini, items, mistral, ollama, openai, openai_responses, string"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn search_prints_matching_indices() {
    let session = fixture("sessions/S002.json");
    let out = memor(&["search", &session, "THE", "--case-sensitive"]);
    assert_eq!(stdout(&out), "[]\n");
    let out = memor(&["search", &session, "the"]);
    assert_eq!(stdout(&out), "[3]\n");
    let out = memor(&["search", &session, "^[A-Z]", "--regex"]);
    assert!(out.status.success());
    let out = memor(&["search", &session, "[", "--regex"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn counters_lists_the_token_counters() {
    let out = memor(&["counters"]);
    assert_eq!(stdout(&out), "cl100k_base\no200k_base\nopenai_gpt_3_5\nopenai_gpt_4\nuniversal\n");
}

#[test]
fn tokens_counts_the_text_memor_estimates() {
    // memor's own estimates of S009 (its STRING render), from the fixture.
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("sessions/S009.expected.json")).unwrap()).unwrap();
    for (counter, key) in
        [("universal", "UNIVERSAL"), ("openai_gpt_3_5", "OPENAI_GPT_3_5"), ("openai_gpt_4", "OPENAI_GPT_4")]
    {
        let out = memor(&["tokens", &fixture("sessions/S009.json"), "--counter", counter]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out), format!("{}\n", expected["estimate_tokens"][key]["value"]), "{counter}");
    }
    let out = memor(&["tokens", &fixture("sessions/S009.json"), "--counter", "gpt2"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn tokens_lines_counts_each_stdin_line_as_tiktoken_does() {
    use std::io::Write;
    let data = format!("{}/../memor-tokenize/tests/data/tiktoken_ids.json", env!("CARGO_MANIFEST_DIR"));
    let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(data).unwrap()).unwrap();
    let cases = &data["cases"].as_array().unwrap()[..50];
    let input: String = cases.iter().map(|c| format!("{}\n", c["text"])).collect();
    for encoding in ["cl100k_base", "o200k_base"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(["tokens", "--lines", "--counter", encoding])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let want: String = cases.iter().map(|c| format!("{}\n", c[encoding].as_array().unwrap().len())).collect();
        assert_eq!(stdout(&out), want, "{encoding}");
    }
}
