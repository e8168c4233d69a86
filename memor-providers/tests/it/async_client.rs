//! `AsyncClient` (feature `async`), driven by a minimal std-only executor.

use std::future::Future;
use std::io::Write;
use std::net::TcpListener;
use std::pin::pin;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::{Duration, Instant};

use serde_json::json;

use memor_providers::{AsyncClient, ChatFuture, ChatOptions, Error, Ollama, Provider};
use memor_testkit::http::read_request;

use crate::server::{Recorded, client, ok, serve, session};
use crate::stream_support::{ndjson, stream_reply};

const REPLY: &str = r#"{"model":"gemma3","created_at":"2025-10-17T23:14:07.414671Z",
 "message":{"role":"assistant","content":"Hello! How can I help you today?"},
 "done":true,"done_reason":"stop","eval_count":18}"#;

const STREAM: &str = concat!(
    "{\"model\":\"gemma3\",\"message\":{\"role\":\"assistant\",\"content\":\"Ça va\"},\"done\":false}\n",
    "{\"model\":\"gemma3\",\"message\":{\"role\":\"assistant\",\"content\":\", très bien\"},\"done\":false}\n",
    "{\"model\":\"gemma3\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"eval_count\":7}\n",
);

/// Wakes the executor's thread.
struct Unpark(Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Polls `future` on this thread, parking between polls, until it is ready.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        thread::park();
    }
}

/// Polls both futures on this thread until both are ready.
fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut out_a, mut out_b) = (None, None);
    block_on(std::future::poll_fn(move |cx| {
        if out_a.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                out_a = Some(v);
            }
        }
        if out_b.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                out_b = Some(v);
            }
        }
        if out_a.is_some() && out_b.is_some() {
            Poll::Ready((out_a.take().unwrap(), out_b.take().unwrap()))
        } else {
            Poll::Pending
        }
    }))
}

fn ollama() -> Arc<dyn Provider> {
    Arc::new(Ollama::new())
}

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("gemma3").base_url(base)
}

fn assert_send_static<T: Send + 'static>(_: &T) {}

#[test]
fn chat_sends_the_request_and_parses_the_reply() {
    let (base, requests) = serve(vec![ok(REPLY)]);
    let future = AsyncClient::new(client()).chat(ollama(), session(), options(&base).temperature(0.5));
    assert_send_static(&future);
    let responses = block_on(future).unwrap();

    let request = requests.recv().unwrap();
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/api/chat");
    assert_eq!(
        request.json(),
        json!({
            "model": "gemma3",
            "messages": [
                {"role": "system", "content": "You are terse."},
                {"role": "user", "content": "Hi"},
                {"role": "assistant", "content": "Hello!"},
                {"role": "user", "content": "How are you?"}
            ],
            "tools": [],
            "stream": false,
            "options": {"temperature": 0.5}
        })
    );
    assert_eq!(responses.len(), 1);
    assert_eq!(responses[0].message(), "Hello! How can I help you today?");
    assert_eq!(responses[0].model(), "gemma3");
    assert_eq!(responses[0].tokens(), Some(18));
}

#[test]
fn chat_stream_delivers_pieces_and_the_assembled_response() {
    let (base, requests) = serve(vec![ndjson(STREAM)]);
    let deltas = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&deltas);
    let future = AsyncClient::new(client()).chat_stream(ollama(), session(), options(&base), move |piece| {
        sink.lock().unwrap().push(piece.to_owned());
    });
    assert_send_static(&future);
    let response = block_on(future).unwrap();

    let request = requests.recv().unwrap();
    assert_eq!(request.path, "/api/chat");
    assert_eq!(request.json()["stream"], json!(true));
    let deltas = deltas.lock().unwrap().clone();
    assert_eq!(deltas, ["Ça va", ", très bien"]);
    assert_eq!(response.message(), "Ça va, très bien");
    assert_eq!(response.tokens(), Some(7));
}

/// A server for two calls that answers neither until both requests have arrived (or 3 s
/// have passed). Gives its base URL and, once it has answered, whether both requests had
/// arrived before the first answer, and the requests.
fn serve_two_together() -> (String, Receiver<(bool, Vec<Recorded>)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let (sender, receiver) = channel();
    thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(3);
        let mut connections = Vec::new();
        while connections.len() < 2 && Instant::now() < deadline {
            match listener.accept() {
                Ok((stream, _)) => {
                    stream.set_nonblocking(false).unwrap();
                    let request = read_request(&stream).unwrap();
                    connections.push((stream, request));
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => thread::sleep(Duration::from_millis(5)),
                Err(e) => panic!("accept: {e}"),
            }
        }
        let both = connections.len() == 2;
        let mut requests = Vec::new();
        for (mut stream, request) in connections {
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                REPLY.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(REPLY.as_bytes());
            let _ = stream.flush();
            requests.push(request);
        }
        let _ = sender.send((both, requests));
    });
    (base, receiver)
}

/// Two calls polled together run at the same time: the server holds its answers until both
/// requests are in, and both calls still succeed. A client making one call at a time could
/// not: its first call would wait for an answer that only comes after its second request
/// (it times out after 2 s; checked by running the two calls one after the other).
#[test]
fn two_calls_run_concurrently() {
    let (base, server) = serve_two_together();
    let client = AsyncClient::new(client());
    let mut first = session();
    first.add_message(memor_core::Prompt::builder().message("first").build());
    let mut second = session();
    second.add_message(memor_core::Prompt::builder().message("second").build());

    let (a, b) = join(client.chat(ollama(), first, options(&base)), client.chat(ollama(), second, options(&base)));

    let (both_arrived_before_any_answer, requests) = server.recv().unwrap();
    assert!(both_arrived_before_any_answer, "the second request arrived only after the first was answered");
    let mut last_messages: Vec<String> = requests
        .iter()
        .map(|r| r.json()["messages"].as_array().unwrap().last().unwrap()["content"].as_str().unwrap().to_owned())
        .collect();
    last_messages.sort();
    assert_eq!(last_messages, ["first", "second"]);
    assert_eq!(a.unwrap()[0].message(), "Hello! How can I help you today?");
    assert_eq!(b.unwrap()[0].message(), "Hello! How can I help you today?");
}

#[test]
fn a_refused_connection_is_an_error() {
    let result = block_on(AsyncClient::new(client()).chat(ollama(), session(), options("http://127.0.0.1:9")));
    assert!(matches!(result, Err(Error::Transport { .. })), "{result:?}");

    let result =
        block_on(AsyncClient::new(client()).chat_stream(ollama(), session(), options("http://127.0.0.1:9"), |_| {}));
    assert!(matches!(result, Err(Error::Transport { .. })), "{result:?}");
}

/// A future dropped while its call is under way does not stop the call: the call's thread
/// reads the stream to its end (its pieces still go to `on_delta`), then ends and drops the
/// callback; nothing panics.
#[test]
fn dropping_the_future_lets_the_call_finish_and_discards_the_result() {
    let reply = stream_reply("application/x-ndjson", STREAM, Duration::from_millis(30), Duration::ZERO);
    let (base, requests) = serve(vec![reply]);
    let (pieces, received) = channel();
    let future: ChatFuture<_> =
        AsyncClient::new(client()).chat_stream(ollama(), session(), options(&base), move |piece| {
            let _ = pieces.send(piece.to_owned());
        });
    {
        let mut future = pin!(future);
        let waker = Waker::from(Arc::new(Unpark(thread::current())));
        assert!(future.as_mut().poll(&mut Context::from_waker(&waker)).is_pending());
    }
    // The future is gone; the request was still made, and the callback is dropped (ending
    // `received`) once the call's thread is done.
    assert_eq!(requests.recv_timeout(Duration::from_secs(5)).unwrap().path, "/api/chat");
    let delivered: Vec<String> = received.iter().collect();
    assert_eq!(delivered.concat(), "Ça va, très bien");
}
