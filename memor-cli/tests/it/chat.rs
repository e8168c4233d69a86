//! `memor chat` end to end against a real HTTP server on 127.0.0.1, for each provider.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use memor_core::Document;
use serde_json::Value;

use crate::tempdir;

/// The requests answered so far.
pub(crate) type Recorded = Arc<Mutex<Vec<memor_testkit::http::Recorded>>>;

/// Serves `replies` in order, one per connection, recording each request.
fn serve(replies: Vec<String>) -> (String, Recorded) {
    let mut replies = replies.into_iter();
    serve_with(move |_| replies.next())
}

/// Answers each request (one per connection) with what `respond` makes of its body, until it
/// gives `None`; records each request answered.
pub(crate) fn serve_with(mut respond: impl FnMut(&str) -> Option<String> + Send + 'static) -> (String, Recorded) {
    let recorded: Recorded = Arc::default();
    let log = recorded.clone();
    let (address, _) = memor_testkit::http::serve_with(move |request| {
        let reply = respond(&request.text())?;
        log.lock().unwrap().push(request.clone());
        Some(memor_testkit::http::ok(reply))
    });
    (address, recorded)
}

/// A reply in the provider's own shape (wire-formats.md), saying `text`.
pub(crate) fn reply(provider: &str, text: &str) -> String {
    let text = serde_json::to_string(text).unwrap();
    match provider {
        "openai" | "mistral" => format!(
            r#"{{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m-reply","choices":[{{"index":0,"message":{{"role":"assistant","content":{text}}},"finish_reason":"stop"}}],"usage":{{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}}}"#
        ),
        "openai_responses" => format!(
            r#"{{"id":"resp_1","object":"response","status":"completed","model":"m-reply","output":[{{"type":"message","id":"msg_1","role":"assistant","status":"completed","content":[{{"type":"output_text","text":{text},"annotations":[]}}]}}],"usage":{{"input_tokens":9,"output_tokens":3,"total_tokens":12}}}}"#
        ),
        "anthropic" => format!(
            r#"{{"id":"msg_1","type":"message","role":"assistant","model":"m-reply","content":[{{"type":"text","text":{text}}}],"stop_reason":"end_turn","stop_sequence":null,"usage":{{"input_tokens":9,"output_tokens":3}}}}"#
        ),
        "gemini" => format!(
            r#"{{"candidates":[{{"content":{{"role":"model","parts":[{{"text":{text}}}]}},"finishReason":"STOP","index":0}}],"usageMetadata":{{"promptTokenCount":9,"candidatesTokenCount":3,"totalTokenCount":12}},"modelVersion":"m-reply"}}"#
        ),
        "ollama" => format!(
            r#"{{"model":"m-reply","created_at":"2025-10-17T23:14:07Z","message":{{"role":"assistant","content":{text}}},"done":true,"done_reason":"stop","prompt_eval_count":9,"eval_count":3}}"#
        ),
        other => panic!("no reply shape for {other}"),
    }
}

/// The base URL as the provider's SDK spells it, and the path the request must take.
fn endpoint(provider: &str, address: &str) -> (String, &'static str) {
    match provider {
        "openai" => (format!("{address}/v1"), "/v1/chat/completions"),
        "openai_responses" => (format!("{address}/v1"), "/v1/responses"),
        "mistral" => (format!("{address}/v1"), "/v1/chat/completions"),
        "anthropic" => (address.to_owned(), "/v1/messages"),
        "gemini" => (address.to_owned(), "/v1/models/m-test:generateContent"),
        "ollama" => (address.to_owned(), "/api/chat"),
        other => panic!("{other}"),
    }
}

#[test]
fn chat_with_every_provider_carries_the_conversation_and_saves_memor_files() {
    for provider in ["openai", "openai_responses", "anthropic", "gemini", "mistral", "ollama"] {
        let (address, recorded) = serve(vec![reply(provider, "first reply"), reply(provider, "second reply")]);
        let (base_url, path) = endpoint(provider, &address);
        let dir = tempdir();
        let file = dir.join("chat.json");
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(["chat", "--provider", provider, "--model", "m-test", "--base-url", &base_url])
            .args(["--session", file.to_str().unwrap(), "--system", "You are terse."])
            // Anthropic's Messages API (of the version sent) has no sampling settings.
            .args(if provider == "anthropic" { &[][..] } else { &["--temperature", "0.5"][..] })
            .envs(
                ["OPENAI", "ANTHROPIC", "GEMINI", "MISTRAL"]
                    .map(|p| (format!("{p}_API_KEY"), format!("test-key-for-{}", p.to_ascii_lowercase()))),
            )
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(b"hello there\nand again\n").unwrap();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{provider}: {stderr}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "first reply\nsecond reply\n", "{provider}");

        let requests = recorded.lock().unwrap().clone();
        assert_eq!(requests.len(), 2, "{provider}");
        assert_eq!((requests[0].method.as_str(), requests[0].path.as_str()), ("POST", path), "{provider}");
        // The key came from the provider's environment variable, in the provider's header.
        let key_header = match provider {
            "anthropic" => Some(("authorization", "Bearer test-key-for-anthropic")),
            "gemini" => Some(("x-goog-api-key", "test-key-for-gemini")),
            "ollama" => None,
            other => Some(match other {
                "mistral" => ("authorization", "Bearer test-key-for-mistral"),
                _ => ("authorization", "Bearer test-key-for-openai"),
            }),
        };
        let headers = &requests[0].headers;
        match key_header {
            Some((name, value)) => assert_eq!(requests[0].header(name), Some(value), "{provider}: {headers:?}"),
            None => assert!(!headers.iter().any(|(_, v)| v.contains("test-key")), "{provider}: {headers:?}"),
        }
        let saved_text = std::fs::read_to_string(&file).unwrap();
        assert!(!saved_text.contains("test-key") && !stderr.contains("test-key"), "{provider}: the key leaked");
        // The second request carries the first exchange (and the system text), then the new turn.
        let second = &requests[1].text();
        let body = requests[1].json();
        for needle in ["You are terse.", "hello there", "first reply", "and again"] {
            assert!(second.contains(needle), "{provider}: {needle:?} missing from {body}");
        }
        assert!(
            second.find("hello there") < second.find("first reply")
                && second.find("first reply") < second.find("and again")
        );

        // The file is a memor session: system prompt, then prompt/response pairs.
        let saved = memor_core::Session::load(&file).unwrap();
        let texts: Vec<&str> = saved.iter().map(|m| m.message()).collect();
        assert_eq!(texts, ["You are terse.", "hello there", "first reply", "and again", "second reply"], "{provider}");
        let reply = saved.get_message(2).unwrap().as_response().unwrap();
        assert_eq!((reply.model(), reply.tokens()), ("m-reply", Some(3)), "{provider}");
        assert!(reply.inference_time().is_some(), "{provider}");
        python_loads(&file, 5);
    }
}

/// Python memor 1.1 loads the file (when installed; `cargo xtask ci` installs it).
fn python_loads(file: &std::path::Path, messages: usize) {
    let script = format!(
        "import warnings; warnings.simplefilter('ignore')\nfrom memor import Session\ns = Session(file_path={:?})\nprint(len(s))",
        file.display().to_string()
    );
    match Command::new("python3").args(["-c", &script]).output() {
        Ok(out) if out.status.success() => {
            assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), messages.to_string());
        }
        Ok(out) if std::env::var_os("MEMOR_REQUIRE_PYTHON").is_some() => {
            panic!("Python memor failed on {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
        }
        _ => eprintln!("skipped: Python memor 1.1 is not installed"),
    }
}

#[test]
fn providers_lists_the_providers_and_bad_chats_fail_clearly() {
    let out = Command::new(env!("CARGO_BIN_EXE_memor")).arg("providers").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "anthropic\ngemini\nmistral\nollama\nopenai\nopenai_responses\n");
    let out = Command::new(env!("CARGO_BIN_EXE_memor")).args(["chat", "--model", "m"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Nothing listens on port 9 of 127.0.0.1: the error names the provider, exit 1.
    let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
        .args(["chat", "--provider", "ollama", "--model", "m", "--base-url", "http://127.0.0.1:9"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"hi\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
}

#[test]
fn a_failed_turn_exits_1_and_keeps_the_file_of_the_last_good_turn() {
    let (address, _recorded) = serve(vec![reply("ollama", "first reply"), "this is not JSON".to_owned()]);
    let dir = tempdir();
    let file = dir.join("chat.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
        .args(["chat", "--provider", "ollama", "--model", "m", "--base-url", &address])
        .args(["--session", file.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"hello\nagain\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "first reply\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ollama"), "{stderr}");
    let saved = memor_core::Session::load(&file).unwrap();
    let texts: Vec<&str> = saved.iter().map(|m| m.message()).collect();
    assert_eq!(texts, ["hello", "first reply"]);
}

#[test]
fn stream_prints_the_reply_as_it_arrives_and_saves_it_whole() {
    let ollama = concat!(
        "{\"model\":\"m-reply\",\"created_at\":\"2025-10-17T23:14:07Z\",\"message\":{\"role\":\"assistant\",\"content\":\"Ça \"},\"done\":false}\n",
        "{\"model\":\"m-reply\",\"created_at\":\"2025-10-17T23:14:07Z\",\"message\":{\"role\":\"assistant\",\"content\":\"va\"},\"done\":false}\n",
        "{\"model\":\"m-reply\",\"created_at\":\"2025-10-17T23:14:08Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"eval_count\":2}\n",
    );
    let openai = concat!(
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m-reply\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Ça \"},\"finish_reason\":null}]}\n\n",
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m-reply\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"va\"},\"finish_reason\":\"stop\"}]}\n\n",
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m-reply\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}\n\n",
        "data: [DONE]\n\n",
    );
    for (provider, body) in [("ollama", ollama), ("openai", openai)] {
        let (address, recorded) = serve(vec![body.to_owned()]);
        let dir = tempdir();
        let file = dir.join("chat.json");
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(["chat", "--provider", provider, "--model", "m", "--base-url", &address, "--stream"])
            .args(["--session", file.to_str().unwrap()])
            .env("OPENAI_API_KEY", "test-key")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(b"hello\n").unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{provider}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "Ça va\n", "{provider}");
        let body: Value = recorded.lock().unwrap()[0].json();
        assert_eq!(body["stream"], Value::Bool(true), "{provider}");
        let saved = memor_core::Session::load(&file).unwrap();
        let reply = saved.get_message(1).unwrap().as_response().unwrap();
        assert_eq!((reply.message(), reply.model(), reply.tokens()), ("Ça va", "m-reply", Some(2)), "{provider}");
        python_loads(&file, 2);
    }
}

/// Runs `args` on a pseudo-terminal (through Python's `pty`), typing `typed` then Ctrl-D;
/// gives the exit code and everything the terminal showed. None when Python is missing.
pub(crate) fn on_a_terminal(args: &[&str], typed: &str) -> Option<(i32, String)> {
    on_a_terminal_with(args, typed, &[])
}

/// [`on_a_terminal`] with these environment variables set too.
pub(crate) fn on_a_terminal_with(args: &[&str], typed: &str, env: &[(&str, &str)]) -> Option<(i32, String)> {
    let script = r#"
import os, pty, sys, json
args = json.loads(sys.argv[1])
os.environ.update(json.loads(sys.argv[3]))
pid, fd = pty.fork()
if pid == 0:
    os.execv(args[0], args)
os.write(fd, sys.argv[2].encode() + b"\x04")
shown = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    shown += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(json.dumps([os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")]))
"#;
    let mut argv = vec![env!("CARGO_BIN_EXE_memor").to_owned()];
    argv.extend(args.iter().map(|a| (*a).to_owned()));
    let out = Command::new("python3")
        .args(["-c", script, &serde_json::to_string(&argv).unwrap(), typed])
        .arg(serde_json::to_string(&env.iter().copied().collect::<std::collections::HashMap<_, _>>()).unwrap())
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    let (code, shown): (i32, String) = serde_json::from_slice(&out.stdout).unwrap();
    Some((code, shown))
}

#[test]
pub(crate) fn on_a_terminal_a_failed_turn_is_reported_and_the_chat_goes_on() {
    let (address, _recorded) = serve(vec!["this is not JSON".to_owned(), reply("ollama", "second reply")]);
    let dir = tempdir();
    let file = dir.join("chat.json");
    let args = ["chat", "--provider", "ollama", "--model", "m", "--base-url", &address, "--session"];
    let Some((code, shown)) = on_a_terminal(&[&args[..], &[file.to_str().unwrap()]].concat(), "hello\nagain\n") else {
        assert!(std::env::var_os("MEMOR_REQUIRE_PYTHON").is_none(), "python3 with pty is required");
        eprintln!("skipped: python3 is not available");
        return;
    };
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("memor chat: ollama m, 0 earlier messages; Ctrl-D ends"), "{shown}");
    assert!(shown.contains("error: ollama"), "{shown}");
    assert!(shown.contains("second reply"), "{shown}");
    let saved = memor_core::Session::load(&file).unwrap();
    let texts: Vec<&str> = saved.iter().map(|m| m.message()).collect();
    assert_eq!(texts, ["again", "second reply"]);
}
