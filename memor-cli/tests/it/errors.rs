//! What a user gets when something is wrong: a closed pipe, a full disk, a cut-off file, a
//! prompt where a session is expected, a regex error, a bad `tokens --lines` line, a chat whose
//! session cannot be saved.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use crate::{fixture, memor, stderr, stdout, tempdir, write_big_session};

#[test]
fn a_closed_pipe_ends_quietly_and_a_full_disk_is_exit_1() {
    let dir = tempdir();
    let big = dir.join("big.json");
    write_big_session(&big, 2000);
    let big = big.to_str().unwrap();
    // More than a pipe holds, so that the writer meets the closed end.
    for args in [&["render", big, "--format", "openai"][..], &["render", big]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut head = [0u8; 10];
        child.stdout.take().unwrap().read_exact(&mut head).unwrap(); // and dropped: closed
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_memor"))
        .args(["render", &fixture("sessions/S001.json"), "--format", "openai"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("stdout: No space left on device"), "{}", stderr(&out));
}

#[test]
fn a_file_that_is_not_json_says_where_with_or_without_kind() {
    let dir = tempdir();
    let text = std::fs::read_to_string(fixture("sessions/S001.json")).unwrap();
    let cut = dir.join("cut.json");
    std::fs::write(&cut, &text[..40]).unwrap();
    let empty = dir.join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let words = dir.join("words.json");
    std::fs::write(&words, "hello\n").unwrap();
    let (cut, empty, words) = (cut.to_str().unwrap(), empty.to_str().unwrap(), words.to_str().unwrap());
    // With --kind: memor's message, and where in the detail.
    let out = memor(&["check", cut, "--kind", "session"]);
    let with_kind = stderr(&out);
    let position = with_kind.lines().nth(1).unwrap().trim_start_matches("  detail: ").to_owned();
    assert!(position.contains("line 1 column"), "{with_kind}");
    // Without: the same position, and what the file is.
    let out = memor(&["check", cut]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), format!("{cut} is cut off: {position}\n"));
    let out = memor(&["size", empty]);
    assert_eq!((out.status.code(), stderr(&out)), (Some(1), format!("{empty} is empty: it holds no JSON\n")));
    let out = memor(&["render", words]);
    assert_eq!(
        (out.status.code(), stderr(&out)),
        (Some(1), format!("{words} is not valid JSON: Expecting value: line 1 column 1\n"))
    );
}

#[test]
fn a_prompt_where_a_session_is_expected_is_named() {
    let prompt = fixture("prompts/P005.json");
    for args in [&["search", &prompt, "x"][..], &["window", &prompt, "--model", "gpt-4o"]] {
        let out = memor(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&out).lines().next().unwrap(), format!("{prompt} holds a prompt, not a session"));
    }
    let response = fixture("responses/R003.json");
    let out = memor(&["chat", "--provider", "ollama", "--model", "m", "--session", &response]);
    assert_eq!(stderr(&out).lines().next().unwrap(), format!("{response} holds a response, not a session"));
}

#[test]
fn regex_errors_count_positions_in_the_pattern_as_typed() {
    // Python: re.error("multiple repeat at position 3"); `\w` is translated to a long class.
    for case_sensitive in [true, false] {
        let mut args = vec!["search", "placeholder", r"\w**", "--regex"];
        let session = fixture("sessions/S002.json");
        args[1] = &session;
        if case_sensitive {
            args.push("--case-sensitive");
        }
        let out = memor(&args);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains("at position 3"), "{err}");
        assert!(!err.contains(r"\p{L}"), "{err}");
    }
}

#[test]
fn tokens_lines_counts_an_empty_line_as_zero_and_names_a_bad_line() {
    let run = |input: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(["tokens", "--lines", "--counter", "cl100k_base"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run("\"hello world\"\n\n\"hello\"\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "2\n0\n1\n");
    let out = run("\"a\"\n42\n");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().next(), Some("line 2: a number, not a JSON string"));
    let out = run("\"a\"\n\"b\"\nhello\n");
    assert_eq!(stderr(&out).lines().next(), Some("line 3: column 1: not a JSON string (a string is quoted: \"…\")"));
    assert!(!stderr(&out).contains("expected value"), "serde_json's wording: {}", stderr(&out));
}

#[test]
fn chat_checks_the_session_path_before_calling_and_says_when_system_is_not_applied() {
    let (address, recorded) = crate::chat::serve_with(|_| Some(crate::chat::reply("ollama", "hi")));
    let chat = |session: &str, system: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(["chat", "--provider", "ollama", "--model", "m", "--base-url", &address])
            .args(["--session", session, "--system", system])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let _ = child.stdin.take().unwrap().write_all(b"hello\n"); // a refused chat reads nothing
        child.wait_with_output().unwrap()
    };
    let out = chat("/nonexistent/dir/x.json", "Be brief.");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("--session /nonexistent/dir/x.json: the directory /nonexistent/dir does not exist")
    );
    assert_eq!(recorded.lock().unwrap().len(), 0, "a call was made");

    let file = tempdir().join("s.json");
    let file = file.to_str().unwrap();
    let out = chat(file, "Be brief.");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    // The same system prompt again: nothing to say; another one: said, not silently dropped.
    let out = chat(file, "Be brief.");
    assert_eq!(stderr(&out), "");
    let out = chat(file, "Be verbose.");
    assert!(out.status.success());
    assert!(stderr(&out).starts_with("warning: --system not applied"), "{}", stderr(&out));
    assert_eq!(recorded.lock().unwrap().len(), 3);
}
