//! Hostile servers: endless streams, bodies without line breaks, tricklers, redirects to
//! another origin, and error bodies that echo the key. Each test bounds itself (a size limit,
//! a deadline, a server that gives up) so that a regression fails instead of hanging.

use std::net::TcpListener;
use std::sync::mpsc::channel;
use std::time::Duration;

use memor_providers::{
    Anthropic, ChatOptions, Client, Error, Gemini, NdjsonDecoder, Ollama, OpenAi, Provider, SseDecoder, UreqTransport,
};

use crate::server::{KEY, Recorded, Reply, client, fast_retry, serve, session, status};

fn transport() -> UreqTransport {
    UreqTransport::new(Duration::from_secs(2), Duration::from_secs(2))
}

fn anthropic(base: &str) -> ChatOptions {
    ChatOptions::new("claude").base_url(base).api_key(KEY)
}

/// Runs `f` on a thread and gives its result, or fails the test after `limit`.
fn bounded<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = channel();
    std::thread::spawn(move || {
        let _ = send.send(f());
    });
    receive.recv_timeout(limit).expect("did not finish within the test's bound")
}

#[test]
fn an_endless_stream_stops_at_the_size_limit() {
    let event = b"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"more \"}}\n\n";
    let (base, _requests) =
        serve(vec![Reply::Endless { content_type: "text/event-stream", chunk: event.to_vec(), limit: 4 << 30 }]);
    let client = Client::new(transport().max_body(1 << 20)).retry(fast_retry());
    let mut received = 0;
    let error =
        client.chat_stream(&Anthropic::new(), &session(), &anthropic(&base), |d| received += d.len()).unwrap_err();
    assert!(matches!(error, Error::TooLarge { limit: 1_048_576, .. }), "{error:?}");
    assert!(error.to_string().ends_with("is larger than the limit of 1048576 bytes"), "{error}");
    assert!(received > 0 && received < 1 << 20, "{received}");
}

#[test]
fn a_body_without_line_breaks_stops_at_the_size_limit() {
    let (base, _requests) =
        serve(vec![Reply::Endless { content_type: "text/event-stream", chunk: vec![b'x'; 8192], limit: 4 << 30 }]);
    let client = Client::new(transport().max_body(4 << 20)).retry(fast_retry());
    let error = client.chat_stream(&OpenAi::new(), &session(), &anthropic(&base), |_| {}).unwrap_err();
    assert!(matches!(error, Error::TooLarge { .. }), "{error:?}");
    // NDJSON (Ollama) too.
    let (base, _requests) =
        serve(vec![Reply::Endless { content_type: "application/x-ndjson", chunk: vec![b' '; 8192], limit: 4 << 30 }]);
    let error = client.chat_stream(&Ollama::new(), &session(), &anthropic(&base), |_| {}).unwrap_err();
    assert!(matches!(error, Error::TooLarge { .. }), "{error:?}");
}

#[test]
fn a_whole_body_stops_at_the_size_limit() {
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(300_000));
    let (base, _requests) = serve(vec![Reply::With(200, vec![], big)]);
    let client = Client::new(transport().max_body(100_000)).retry(fast_retry());
    let error = client.chat(&Anthropic::new(), &session(), &anthropic(&base)).unwrap_err();
    assert!(matches!(error, Error::TooLarge { limit: 100_000, .. }), "{error:?}");
}

#[test]
fn decoders_scan_each_byte_once() {
    // 64 MiB without a line break, then one event, in 8 KiB chunks: a decoder that rescans its
    // buffer on every feed reads 256 GiB here and does not finish within the bound.
    let events = bounded(Duration::from_secs(120), || {
        let chunk = vec![b'x'; 8192];
        let mut sse = SseDecoder::new();
        let mut ndjson = NdjsonDecoder::new("p");
        for _ in 0..8192 {
            assert!(sse.feed(&chunk).is_empty());
            assert!(ndjson.feed(b"        ").unwrap().is_empty());
        }
        let mut events = sse.feed(b"\n\ndata: after\n\n");
        events.extend(sse.finish());
        (events, ndjson.feed(b"\n{\"a\":1}\n").unwrap())
    });
    assert_eq!(events.0.len(), 1);
    assert_eq!(events.0[0].data, "after");
    assert_eq!(events.1, vec![serde_json::json!({"a": 1})]);
}

#[test]
fn a_trickling_server_is_stopped_by_the_deadline() {
    // One byte every 200 ms: each read is well within the read timeout, and the server gives
    // up after 60 s, so a missing deadline fails the test instead of hanging it.
    let chunks = vec![b":".to_vec(); 300];
    let trickle = Reply::Stream {
        content_type: "text/event-stream",
        chunks,
        pause: Duration::from_millis(200),
        stall: Duration::ZERO,
    };
    let (base, _requests) = serve(vec![trickle]);
    let client = Client::new(transport().deadline(Duration::from_secs(1))).retry(fast_retry());
    let error = client.chat_stream(&Anthropic::new(), &session(), &anthropic(&base), |_| {}).unwrap_err();
    assert!(matches!(error, Error::Deadline { .. }), "{error:?}");
    assert!(error.to_string().ends_with("took longer than the limit of 1 s for a whole call"), "{error}");
}

/// A listener that records whether anything connected to it.
fn elsewhere() -> (String, TcpListener) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    (format!("http://{}/stolen", listener.local_addr().unwrap()), listener)
}

fn redirect(location: &str) -> Reply {
    Reply::With(302, vec![("location", location.to_owned())], String::new())
}

#[test]
fn redirects_are_errors_and_never_followed() {
    // Anthropic's SDK sends the key as a bearer token, Gemini's in its own header.
    let bearer = format!("Bearer {KEY}");
    let cases: Vec<(Box<dyn Provider>, &str, &str)> = vec![
        (Box::new(Anthropic::new()), "authorization", bearer.as_str()),
        (Box::new(Gemini::new()), "x-goog-api-key", KEY),
    ];
    for (provider, key_header, sent_key) in cases {
        for stream in [false, true] {
            let (target, listener) = elsewhere();
            let (base, requests) = serve(vec![redirect(&target)]);
            let options = ChatOptions::new("m").base_url(&base).api_key(KEY);
            let error = match stream {
                false => client().chat(&*provider, &session(), &options).map(|_| ()).unwrap_err(),
                true => client().chat_stream(&*provider, &session(), &options, |_| {}).map(|_| ()).unwrap_err(),
            };
            assert!(matches!(&error, Error::Redirect { status: 302, .. }), "{error:?}");
            assert!(error.to_string().contains(&format!("a redirect to {target}")), "{error}");
            let first: Recorded = requests.recv().unwrap();
            assert_eq!((first.method.as_str(), first.header(key_header)), ("POST", Some(sent_key)));
            assert!(requests.try_recv().is_err(), "the redirect was retried");
            assert!(listener.accept().is_err(), "{}: the redirect was followed", provider.id());
        }
    }
}

#[test]
fn error_bodies_that_echo_the_key_are_redacted() {
    let echo = format!(r#"{{"error":{{"message":"invalid key {KEY}; try again"}}}}"#);
    let cases: Vec<Box<dyn Provider>> =
        vec![Box::new(OpenAi::new()), Box::new(Anthropic::new()), Box::new(Gemini::new())];
    for provider in cases {
        let (base, _requests) = serve(vec![status(401, &echo)]);
        let options = ChatOptions::new("m").base_url(&base).api_key(KEY);
        let error = client().chat(&*provider, &session(), &options).unwrap_err();
        let text = format!("{error} {error:?}");
        assert!(!text.contains(KEY) && !text.contains("SECRET"), "{text}");
        assert!(error.to_string().ends_with("HTTP 401: invalid key <redacted>; try again"), "{error}");
    }
    // In a stream's error event.
    let stream =
        format!("event: error\ndata: {{\"type\":\"error\",\"error\":{{\"type\":\"x\",\"message\":\"{KEY}\"}}}}\n\n");
    let reply = Reply::Stream {
        content_type: "text/event-stream",
        chunks: vec![stream.into_bytes()],
        pause: Duration::ZERO,
        stall: Duration::ZERO,
    };
    let (base, _requests) = serve(vec![reply]);
    let error = client().chat_stream(&Anthropic::new(), &session(), &anthropic(&base), |_| {}).unwrap_err();
    assert!(matches!(error, Error::Stream { .. }), "{error:?}");
    assert!(!format!("{error} {error:?}").contains(KEY), "{error:?}");
}

#[test]
fn userinfo_in_the_base_url_is_never_shown() {
    let port = memor_testkit::http::closed_port();
    let base = format!("http://alice:hunter2-pass@127.0.0.1:{port}/v1");
    let options = ChatOptions::new("m").base_url(&base);
    let request = OpenAi::compatible("local", "http://unused").request(&session(), &options).unwrap();
    let error = client().chat(&OpenAi::compatible("local", "http://unused"), &session(), &options).unwrap_err();
    let text = format!("{error} {error:?} {request:?} {options:?}");
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert!(!text.contains("hunter2") && !text.contains("alice"), "{text}");
    assert!(error.to_string().contains(&format!("http://<redacted>@127.0.0.1:{port}/v1")), "{error}");
}
