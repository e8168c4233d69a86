//! `memor show`, `memor export` and `memor import`: transcripts, and round trips through
//! memor's table, OpenAI, Anthropic and LangChain messages.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

use crate::{fixture, memor, stderr, stdout, tempdir};

fn piped(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn json_of(o: &Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_str(&stdout(o)).unwrap()
}

#[test]
fn show_prints_a_plain_transcript_when_piped() {
    let out = memor(&["show", &fixture("sessions/S002.json")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Masked · "), "{text}");
    assert!(text.contains("\n[0] assistant · 2024-03-06 20:19:34 -0330 · gemma-7b · 50 tokens\n"), "{text}");
    assert!(text.contains("\n[1] assistant · 2023-05-08 19:24:24 +0000 · esft-gate-intent-lite · masked\n"), "{text}");
    assert!(text.contains("    Ｆｕｌｌｗｉｄｔｈ　ｔｅｘｔ\n"), "{text}");
    assert!(!text.contains('\x1b'), "colors when piped");
}

#[test]
fn the_table_round_trips_through_csv_and_jsonl() {
    let dir = tempdir();
    for session in ["sessions/S002.json", "sessions/S009.json"] {
        for format in ["csv", "jsonl"] {
            let table = dir.join(format!("t.{format}"));
            let back = dir.join("back.json");
            let original = memor(&["export", &fixture(session), "--to", format, "-o", table.to_str().unwrap()]);
            assert!(original.status.success(), "{}", stderr(&original));
            let out = memor(&["import", table.to_str().unwrap(), "--from", format, "-o", back.to_str().unwrap()]);
            assert!(out.status.success(), "{session} {format}: {}", stderr(&out));
            assert_eq!(stdout(&memor(&["check", back.to_str().unwrap()])), "ok session\n");
            // The same rows again: every message, its metadata and its mask came back.
            let again = memor(&["export", back.to_str().unwrap(), "--to", format]);
            assert_eq!(stdout(&again), std::fs::read_to_string(&table).unwrap(), "{session} {format}");
        }
    }
}

#[test]
fn openai_fine_tuning_lines_round_trip() {
    let session = fixture("sessions/S009.json");
    let line = memor(&["export", &session, "--to", "openai-jsonl"]);
    let text = stdout(&line);
    assert_eq!(text.lines().count(), 1);
    let rendered = json_of(&memor(&["render", &session, "--format", "openai"]));
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), json!({ "messages": rendered }));
    // Back through import, twice (fine-tuning JSONL is one conversation per line).
    let both = format!("{text}{text}");
    let imported = piped(&["import", "-", "--from", "openai", "-o", "-", "--title", "tuned"], &both);
    let imported = stdout(&imported);
    let again = json_of(&piped(&["render", "-", "--format", "openai"], &imported));
    let twice: Vec<Value> = rendered.as_array().unwrap().iter().chain(rendered.as_array().unwrap()).cloned().collect();
    assert_eq!(again, Value::from(twice));
    assert!(imported.contains(r#""title": "tuned""#), "{imported}");
}

#[test]
fn anthropic_and_langchain_messages_become_sessions() {
    let request = json!({
        "model": "claude-x", "max_tokens": 100, "system": "Be brief.",
        "messages": [
            {"role": "user", "content": "hi"},
            {"role": "assistant", "content": [{"type": "text", "text": "hel"}, {"type": "text", "text": "lo"}]},
        ],
    });
    let session = piped(&["import", "-", "--from", "anthropic", "-o", "-"], &request.to_string());
    let rendered = json_of(&piped(&["render", "-", "--format", "openai"], &stdout(&session)));
    let want = json!([
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "hello"},
    ]);
    assert_eq!(rendered, want);
    let langchain = json!([
        {"type": "system", "data": {"content": "Be brief."}},
        {"type": "human", "data": {"content": "hi"}},
        {"type": "ai", "content": "hello"},
    ]);
    let session = piped(&["import", "-", "--from", "langchain", "-o", "-"], &langchain.to_string());
    assert_eq!(json_of(&piped(&["render", "-", "--format", "openai"], &stdout(&session))), want);
    // A role memor has no place for is refused, naming the message.
    let tool = json!([{"role": "user", "content": "x"}, {"role": "tool", "content": "42"}]);
    let out = piped(&["import", "-", "--from", "openai", "-o", "-"], &tool.to_string());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("message 1: role `tool` cannot be imported"), "{}", stderr(&out));
}

/// Tables beyond one chunk (2,048 messages) are written and read a chunk at a time: the same
/// rows as one pass, one CSV header, and a bad row named by its place in the whole table.
#[test]
fn large_tables_round_trip_and_name_bad_rows_in_the_whole_table() {
    let dir = tempdir();
    let big = dir.join("big.json");
    crate::write_big_session(&big, 2500);
    for format in ["csv", "jsonl"] {
        let table = dir.join(format!("big.{format}"));
        let out = memor(&["export", big.to_str().unwrap(), "--to", format, "-o", table.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = std::fs::read_to_string(&table).unwrap();
        assert_eq!(
            text.matches("metadata,status,type,message,role,id,date_created,date_modified").count(),
            (format == "csv") as usize
        );
        let back = dir.join("back.json");
        let out = memor(&["import", table.to_str().unwrap(), "--from", format, "-o", back.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let again = memor(&["export", back.to_str().unwrap(), "--to", format]);
        assert_eq!(stdout(&again), text, "{format}");
        if format == "jsonl" {
            assert_eq!(text.lines().count(), 2500);
            // Row 2321 (0-based) loses its `id` column.
            let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
            let mut row: serde_json::Map<String, Value> = serde_json::from_str(&lines[2321]).unwrap();
            row.remove("id");
            lines[2321] = Value::Object(row).to_string();
            std::fs::write(&table, lines.join("\n")).unwrap();
            let out = memor(&["import", table.to_str().unwrap(), "--from", "jsonl", "-o", back.to_str().unwrap()]);
            assert_eq!(out.status.code(), Some(1));
            assert_eq!(stderr(&out).lines().next(), Some("row 2321: missing column `id`"), "{}", stderr(&out));
        }
    }
}
