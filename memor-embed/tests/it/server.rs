//! A small HTTP/1.1 server on 127.0.0.1 for the tests: it answers each connection with the
//! next canned reply and records what it was sent.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::Duration;

use memor_embed::{EmbeddingApi, HttpEmbedder};
use memor_providers::{RetryPolicy, UreqTransport};

/// A status, extra headers and a body.
pub struct Reply(pub u16, pub Vec<(&'static str, String)>, pub String);

/// A 200 reply with a JSON body.
pub fn ok(body: impl Into<String>) -> Reply {
    Reply(200, vec![("content-type", "application/json".to_owned())], body.into())
}

/// A reply with this status and JSON body.
pub fn status(code: u16, body: &str) -> Reply {
    Reply(code, vec![("content-type", "application/json".to_owned())], body.to_owned())
}

/// One request as the server read it.
#[derive(Debug)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("request body is JSON")
    }
}

/// Starts a server that answers one connection per reply, in order; gives its base URL
/// (`http://127.0.0.1:port`) and the recorded requests.
pub fn serve(replies: Vec<Reply>) -> (String, Receiver<Recorded>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (sender, receiver) = channel();
    thread::spawn(move || {
        for Reply(code, extra, body) in replies {
            let Ok((mut stream, _)) = listener.accept() else { return };
            let _ = sender.send(read_request(&stream));
            let mut head = format!("HTTP/1.1 {code} X\r\ncontent-length: {}\r\nconnection: close\r\n", body.len());
            for (name, value) in extra {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
            let _ = stream.flush();
        }
    });
    (base, receiver)
}

/// All the requests recorded so far.
pub fn drain(requests: &Receiver<Recorded>) -> Vec<Recorded> {
    requests.try_iter().collect()
}

/// `api` on a real HTTP client with short timeouts and a fast retry policy.
pub fn embedder<A: EmbeddingApi>(api: A) -> HttpEmbedder<A> {
    let transport = UreqTransport::new(Duration::from_secs(2), Duration::from_secs(5));
    HttpEmbedder::with_transport(api, Arc::new(transport)).retry(fast_retry())
}

/// 3 attempts, 1 ms first backoff.
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy { max_attempts: 3, base_delay: Duration::from_millis(1), max_delay: Duration::from_secs(1) }
}

/// The API key the tests use.
pub const KEY: &str = "sk-test-SECRET-0123456789";

/// Reads one HTTP/1.1 request from `stream`.
fn read_request(stream: &TcpStream) -> Recorded {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let length = headers.iter().find(|(n, _)| n == "content-length").map_or(0, |(_, v)| v.parse().unwrap());
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    Recorded { method, path, headers, body }
}
