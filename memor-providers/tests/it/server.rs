//! A minimal HTTP/1.1 server on 127.0.0.1 for the tests: it answers each connection with the
//! next canned reply and records what it was sent.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::Duration;

use memor_core::{Prompt, Response, Role, Session};
use memor_providers::{Client, RetryPolicy, UreqTransport};

/// What the server answers one connection with.
pub enum Reply {
    /// A status, extra headers and a body.
    With(u16, Vec<(&'static str, &'static str)>, String),
    /// Reads the request, then waits this long before closing without answering.
    Stall(Duration),
    /// A 200 reply with this content type whose body is sent in these chunks (chunked
    /// transfer encoding), `pause` apart; after the last, waits `stall` before ending the body.
    Stream { content_type: &'static str, chunks: Vec<Vec<u8>>, pause: Duration, stall: Duration },
    /// A 200 reply with this content type whose body repeats `chunk` until the client hangs
    /// up (or 4 GiB were sent, so that a client that never stops does not run forever).
    Endless { content_type: &'static str, chunk: Vec<u8> },
}

/// A 200 reply with a JSON body.
pub fn ok(body: &str) -> Reply {
    Reply::With(200, vec![("content-type", "application/json")], body.to_owned())
}

/// A reply with this status and body.
pub fn status(code: u16, body: &str) -> Reply {
    Reply::With(code, vec![("content-type", "application/json")], body.to_owned())
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
        for reply in replies {
            let Ok((stream, _)) = listener.accept() else { return };
            let _ = sender.send(read_request(&stream));
            let mut stream = stream;
            match reply {
                Reply::With(code, extra, body) => {
                    let mut head =
                        format!("HTTP/1.1 {code} X\r\ncontent-length: {}\r\nconnection: close\r\n", body.len());
                    for (name, value) in extra {
                        head.push_str(&format!("{name}: {value}\r\n"));
                    }
                    head.push_str("\r\n");
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(body.as_bytes());
                    let _ = stream.flush();
                }
                Reply::Stall(wait) => thread::sleep(wait),
                Reply::Stream { content_type, chunks, pause, stall } => {
                    let _ = stream.set_nodelay(true);
                    let head = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: {content_type}\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
                    );
                    let _ = stream.write_all(head.as_bytes());
                    for chunk in chunks {
                        let mut framed = format!("{:x}\r\n", chunk.len()).into_bytes();
                        framed.extend_from_slice(&chunk);
                        framed.extend_from_slice(b"\r\n");
                        let _ = stream.write_all(&framed);
                        let _ = stream.flush();
                        thread::sleep(pause);
                    }
                    thread::sleep(stall);
                    let _ = stream.write_all(b"0\r\n\r\n");
                    let _ = stream.flush();
                }
                Reply::Endless { content_type, chunk } => {
                    let head = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: {content_type}\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
                    );
                    let _ = stream.write_all(head.as_bytes());
                    let mut framed = format!("{:x}\r\n", chunk.len()).into_bytes();
                    framed.extend_from_slice(&chunk);
                    framed.extend_from_slice(b"\r\n");
                    let mut sent = 0;
                    while sent < 4 << 30 && stream.write_all(&framed).is_ok() {
                        sent += framed.len();
                    }
                }
            }
        }
    });
    (base, receiver)
}

/// A client with short timeouts and a fast retry policy.
pub fn client() -> Client {
    Client::new(UreqTransport::new(Duration::from_secs(2), Duration::from_secs(2))).retry(fast_retry())
}

/// 3 attempts, 1 ms first backoff.
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy { max_attempts: 3, base_delay: Duration::from_millis(1), max_delay: Duration::from_secs(1) }
}

/// A session: system, user, assistant, a masked user prompt, user.
pub fn session() -> Session {
    let mut session = Session::new(None);
    session.add_message(Prompt::builder().role(Role::System).message("You are terse.").build());
    session.add_message(Prompt::builder().message("Hi").build());
    session.add_message(Response::builder().message("Hello!").build().unwrap());
    session.add_message(Prompt::builder().message("masked").build());
    session.add_message(Prompt::builder().message("How are you?").build());
    session.mask_message(3).unwrap();
    session
}

/// The API key the tests use.
pub const KEY: &str = "sk-test-SECRET-0123456789";

/// Reads one HTTP/1.1 request from `stream`.
pub fn read_request(stream: &TcpStream) -> Recorded {
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
