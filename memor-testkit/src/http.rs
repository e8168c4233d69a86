//! A small HTTP/1.1 server on 127.0.0.1: it answers each connection (one request each) with
//! a canned [`Reply`] and records the [`Recorded`] request.
//!
//! The server thread never panics: a client that goes away mid-request is skipped, and a
//! reply that cannot be written is dropped; the test sees it through the client.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::Duration;

/// What the server answers one connection with.
#[derive(Clone, Debug)]
pub enum Reply {
    /// A status, extra headers and a body.
    With(u16, Vec<(&'static str, String)>, String),
    /// Reads the request, then waits this long before closing without answering.
    Stall(Duration),
    /// A 200 reply whose body is sent in chunks (chunked transfer encoding).
    Stream {
        /// The `content-type`.
        content_type: &'static str,
        /// The body's chunks.
        chunks: Vec<Vec<u8>>,
        /// The wait after each chunk.
        pause: Duration,
        /// The wait after the last chunk, before the body ends.
        stall: Duration,
    },
    /// A 200 reply whose body repeats a chunk until the client hangs up.
    Endless {
        /// The `content-type`.
        content_type: &'static str,
        /// What is sent again and again.
        chunk: Vec<u8>,
        /// How many bytes at the most, so that a client that never stops does not run forever.
        limit: usize,
    },
}

/// A 200 reply with a JSON body.
pub fn ok(body: impl Into<String>) -> Reply {
    status(200, body)
}

/// A reply with this status and JSON body.
pub fn status(code: u16, body: impl Into<String>) -> Reply {
    Reply::With(code, vec![("content-type", "application/json".to_owned())], body.into())
}

/// One request as the server read it.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// `GET`, `POST`, …
    pub method: String,
    /// The request target, query included.
    pub path: String,
    /// The headers, names lowercased, in the order sent.
    pub headers: Vec<(String, String)>,
    /// The body (`content-length` bytes).
    pub body: Vec<u8>,
}

impl Recorded {
    /// The value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The body as JSON. Panics, failing the test, when it is not JSON: a `Null` in its place
    /// would let a comparison of two bad bodies pass.
    #[allow(clippy::panic)]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("the request body is not JSON ({e}): {}", self.text()))
    }

    /// The body as text (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Starts a server that answers one connection per reply, in order, then stops; gives its
/// base URL (`http://127.0.0.1:PORT`) and the recorded requests.
pub fn serve(replies: Vec<Reply>) -> (String, Receiver<Recorded>) {
    let mut replies = replies.into_iter();
    serve_with(move |_| replies.next())
}

/// Starts a server that answers each connection, in turn, with what `respond` makes of its
/// request, until it gives `None`; gives its base URL and the recorded requests (those
/// answered).
pub fn serve_with(
    mut respond: impl FnMut(&Recorded) -> Option<Reply> + Send + 'static,
) -> (String, Receiver<Recorded>) {
    let (listener, base) = bind();
    let (sender, receiver) = channel();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let Ok(request) = read_request(&stream) else { continue };
            let Some(reply) = respond(&request) else { return };
            let _ = sender.send(request);
            let _ = write_reply(&mut stream, reply);
        }
    });
    (base, receiver)
}

/// Starts a server that answers every connection on a thread of its own with `respond(n,
/// request)` for the `n`-th (from 0), for as long as the test runs; gives its base URL and
/// the recorded requests.
pub fn serve_each(respond: impl Fn(usize, &Recorded) -> Reply + Send + Sync + 'static) -> (String, Receiver<Recorded>) {
    let (listener, base) = bind();
    let (sender, receiver) = channel();
    let respond = Arc::new(respond);
    thread::spawn(move || {
        for (n, stream) in listener.incoming().enumerate() {
            let Ok(mut stream) = stream else { return };
            let (respond, sender) = (respond.clone(), sender.clone());
            thread::spawn(move || {
                let Ok(request) = read_request(&stream) else { return };
                let reply = respond(n, &request);
                let _ = sender.send(request);
                let _ = write_reply(&mut stream, reply);
            });
        }
    });
    (base, receiver)
}

/// A port on 127.0.0.1 that nothing listens on (bound, then released).
pub fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_or(9, |a| a.port())
}

fn bind() -> (TcpListener, String) {
    // Without a loopback socket no test of this kind can run: failing here says why.
    #[allow(clippy::expect_used)]
    let listener = TcpListener::bind("127.0.0.1:0").expect("a test server binds a port on 127.0.0.1");
    let base = listener.local_addr().map(|a| format!("http://{a}")).unwrap_or_default();
    (listener, base)
}

/// Reads one HTTP/1.1 request (headers and a `content-length` body) from `stream`.
pub fn read_request(stream: &TcpStream) -> io::Result<Recorded> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let length = headers.iter().find(|(n, _)| n == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(Recorded { method, path, headers, body })
}

/// Writes `reply` to `stream` (and, for a stall, waits instead).
pub fn write_reply(stream: &mut TcpStream, reply: Reply) -> io::Result<()> {
    match reply {
        Reply::With(code, extra, body) => {
            let mut head = format!("HTTP/1.1 {code} X\r\ncontent-length: {}\r\nconnection: close\r\n", body.len());
            for (name, value) in extra {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("\r\n");
            stream.write_all(head.as_bytes())?;
            stream.write_all(body.as_bytes())?;
            stream.flush()
        }
        Reply::Stall(wait) => {
            thread::sleep(wait);
            Ok(())
        }
        Reply::Stream { content_type, chunks, pause, stall } => {
            stream.set_nodelay(true)?;
            stream.write_all(chunked_head(content_type).as_bytes())?;
            for chunk in chunks {
                stream.write_all(&framed(&chunk))?;
                stream.flush()?;
                thread::sleep(pause);
            }
            thread::sleep(stall);
            stream.write_all(b"0\r\n\r\n")?;
            stream.flush()
        }
        Reply::Endless { content_type, chunk, limit } => {
            stream.write_all(chunked_head(content_type).as_bytes())?;
            let framed = framed(&chunk);
            let mut sent = 0;
            while sent < limit {
                stream.write_all(&framed)?;
                sent += framed.len();
            }
            Ok(())
        }
    }
}

fn chunked_head(content_type: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: {content_type}\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
    )
}

fn framed(chunk: &[u8]) -> Vec<u8> {
    let mut framed = format!("{:x}\r\n", chunk.len()).into_bytes();
    framed.extend_from_slice(chunk);
    framed.extend_from_slice(b"\r\n");
    framed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sends `request` to `base`'s host, gives what came back.
    fn exchange(base: &str, request: &str) -> String {
        let mut stream = TcpStream::connect(base.trim_start_matches("http://")).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }

    #[test]
    fn replies_come_in_order_and_requests_are_recorded() {
        let (base, requests) = serve(vec![ok("{\"a\":1}"), status(503, "busy")]);
        let first = exchange(&base, "POST /v1/x?q=1 HTTP/1.1\r\nX-Key: k\r\ncontent-length: 7\r\n\r\n{\"b\":2}");
        assert!(first.starts_with("HTTP/1.1 200 ") && first.ends_with("\r\n\r\n{\"a\":1}"), "{first}");
        let second = exchange(&base, "GET / HTTP/1.1\r\n\r\n");
        assert!(second.starts_with("HTTP/1.1 503 ") && second.ends_with("busy"), "{second}");
        let recorded = requests.recv().unwrap();
        assert_eq!((recorded.method.as_str(), recorded.path.as_str()), ("POST", "/v1/x?q=1"));
        assert_eq!((recorded.header("x-key"), recorded.json()), (Some("k"), serde_json::json!({"b": 2})));
        assert_eq!(requests.recv().unwrap().method, "GET");
    }

    #[test]
    fn a_stream_is_chunked() {
        let chunks = vec![b"ab".to_vec(), b"cde".to_vec()];
        let reply = Reply::Stream { content_type: "text/plain", chunks, pause: Duration::ZERO, stall: Duration::ZERO };
        let (base, _requests) = serve(vec![reply]);
        let answer = exchange(&base, "GET / HTTP/1.1\r\n\r\n");
        assert!(answer.ends_with("\r\n\r\n2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n"), "{answer}");
    }

    #[test]
    fn each_connection_is_answered_by_its_number() {
        let (base, requests) = serve_each(|n, request| ok(format!("{n} {}", request.text())));
        assert!(exchange(&base, "POST / HTTP/1.1\r\ncontent-length: 2\r\n\r\nhi").ends_with("0 hi"));
        assert!(exchange(&base, "POST / HTTP/1.1\r\ncontent-length: 2\r\n\r\nho").ends_with("1 ho"));
        assert_eq!(requests.iter().take(2).map(|r| r.text()).collect::<Vec<_>>(), ["hi", "ho"]);
    }

    #[test]
    fn a_client_that_goes_away_is_skipped() {
        let (base, requests) = serve(vec![ok("late")]);
        // Promises a body it never sends.
        drop(exchange_partial(&base, "POST / HTTP/1.1\r\ncontent-length: 9\r\n\r\nab"));
        assert!(exchange(&base, "GET / HTTP/1.1\r\n\r\n").ends_with("late"));
        assert_eq!(requests.recv().unwrap().method, "GET");
    }

    fn exchange_partial(base: &str, request: &str) -> TcpStream {
        let mut stream = TcpStream::connect(base.trim_start_matches("http://")).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        stream.shutdown(std::net::Shutdown::Both).unwrap();
        stream
    }
}
