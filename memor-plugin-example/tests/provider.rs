//! The example provider is registered by its macro and talks to a llama.cpp-shaped server (a
//! real HTTP server on 127.0.0.1 started here) through `memor chat`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::mpsc;

use memor_core::{Document, Session};
use memor_plugin_example::completion::{ID, LlamaCppCompletion};
use memor_providers::{Provider, ProviderRegistry};
use serde_json::{Value, json};

const REPLY: &str = r#"{"content":" Paris.","model":"qwen2.5-0.5b","tokens_predicted":3,"tokens_evaluated":21,"stop":true,"stop_type":"eos","timings":{"predicted_ms":41.2}}"#;

/// Answers one request with `REPLY`; sends back the request line and body.
fn serve_once() -> (String, mpsc::Receiver<(String, Value)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let (mut line, mut length) = (String::new(), 0);
        reader.read_line(&mut line).unwrap();
        loop {
            let mut header = String::new();
            reader.read_line(&mut header).unwrap();
            match header.split_once(':') {
                Some((name, value)) if name.eq_ignore_ascii_case("content-length") => {
                    length = value.trim().parse().unwrap()
                }
                _ if header.trim().is_empty() => break,
                _ => {}
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let head =
            format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n", REPLY.len());
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(REPLY.as_bytes()).unwrap();
        tx.send((line.trim().to_owned(), serde_json::from_slice(&body).unwrap())).unwrap();
    });
    (address, rx)
}

#[test]
fn the_macro_registers_the_provider() {
    // Naming the type keeps the linker from dropping the crate (and its registration).
    assert_eq!(LlamaCppCompletion.id(), ID);
    assert!(ProviderRegistry::global().get("llamacpp_completion").is_ok());
    let out = Command::new(env!("CARGO_BIN_EXE_memor-with-plugin")).arg("providers").output().unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(listed.lines().any(|l| l == "llamacpp_completion"), "{listed}");
}

#[test]
fn memor_chat_uses_it_end_to_end() {
    let (address, requests) = serve_once();
    let dir = std::env::temp_dir().join(format!("memor-plugin-provider-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("chat.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_memor-with-plugin"))
        .args(["chat", "--provider", "llamacpp_completion", "--model", "local", "--base-url", &address])
        .args(["--system", "Answer in one word.", "--max-tokens", "8", "--session", file.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"Capital of France?\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Paris.\n");

    let (line, body) = requests.recv().unwrap();
    assert_eq!(line, "POST /completion HTTP/1.1");
    assert_eq!(
        body,
        json!({"prompt": "system: Answer in one word.\nuser: Capital of France?\nassistant:", "stream": false, "n_predict": 8})
    );
    let saved = Session::load(&file).unwrap();
    let reply = saved.get_message(2).unwrap().as_response().unwrap();
    assert_eq!((reply.message(), reply.model(), reply.tokens()), ("Paris.", "qwen2.5-0.5b", Some(3)));
    assert_eq!(reply.provider_metadata().unwrap()["stop_type"], "eos");
    std::fs::remove_dir_all(&dir).unwrap();
}
