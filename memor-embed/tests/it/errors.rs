//! What goes wrong, over real HTTP: retries after 500 and 429, the error after the last
//! attempt, API messages, wrong vector counts, ragged lengths, empty texts, secrets.

use memor_embed::{Embedder, Error, GeminiEmbeddings, MistralEmbeddings, OllamaEmbeddings, OpenAiEmbeddings};
use serde_json::json;

use crate::server::{KEY, Reply, drain, embedder, ok, serve, status};

fn openai(base: &str) -> OpenAiEmbeddings {
    OpenAiEmbeddings::new("text-embedding-3-small").with_base_url(base).with_api_key(KEY)
}

#[test]
fn retries_after_500_and_429_then_succeeds() {
    let (base, requests) = serve(vec![
        status(500, r#"{"error":{"message":"The server had an error"}}"#),
        Reply::With(429, vec![("retry-after-ms", "5".to_owned())], r#"{"error":{"message":"Rate limit"}}"#.to_owned()),
        ok(r#"{"data":[{"index":0,"embedding":[1,2]}]}"#),
    ]);
    assert_eq!(embedder(openai(&base)).embed(&["x"]).unwrap(), vec![vec![1.0, 2.0]]);
    let sent = drain(&requests);
    assert_eq!(sent.len(), 3);
    assert!(sent.iter().all(|r| r.json() == sent[0].json()), "the same request each time");
}

#[test]
fn fails_with_the_last_status_and_message_after_the_last_attempt() {
    let busy = || status(503, r#"{"error":{"message":"The engine is currently overloaded","status":"UNAVAILABLE"}}"#);
    let (base, requests) = serve(vec![busy(), busy(), busy()]);
    let api = GeminiEmbeddings::new("gemini-embedding-001").with_base_url(base).with_api_key(KEY);
    let error = embedder(api).embed(&["x"]).unwrap_err();
    assert_eq!(drain(&requests).len(), 3);
    let Error::Http(inner) = &error else { panic!("{error:?}") };
    assert_eq!(inner.status(), Some(503));
    assert!(matches!(inner, memor_providers::Error::RetriesExhausted { attempts: 3, .. }), "{inner:?}");
    assert_eq!(
        error.to_string(),
        "gemini: HTTP 503: The engine is currently overloaded (UNAVAILABLE) (after 3 attempts)"
    );
}

#[test]
fn a_client_error_is_not_retried_and_keeps_the_apis_message_without_the_key() {
    let message = format!("Incorrect API key provided: {KEY}. You can find your API key in your settings.");
    let (base, requests) = serve(vec![status(401, json!({"error": {"message": message}}).to_string())]);
    let error = embedder(openai(&base)).embed(&["x"]).unwrap_err();
    assert_eq!(drain(&requests).len(), 1);
    assert_eq!(
        error.to_string(),
        "openai: HTTP 401: Incorrect API key provided: <redacted>. You can find your API key in your settings."
    );
    assert!(!format!("{error:?}").contains(KEY));
}

#[test]
fn mistral_validation_errors_and_plain_bodies_are_shown() {
    let (base, _requests) = serve(vec![
        status(
            422,
            r#"{"object":"error","message":"Too many inputs in request, split into more batches.","type":"invalid_request_error"}"#,
        ),
        Reply::With(400, vec![], "bad gateway thing".to_owned()),
    ]);
    let api = MistralEmbeddings::new("mistral-embed").with_base_url(&base).with_api_key(KEY);
    let embedder = embedder(api);
    assert_eq!(
        embedder.embed(&["x"]).unwrap_err().to_string(),
        "mistral: HTTP 422: Too many inputs in request, split into more batches."
    );
    assert_eq!(embedder.embed(&["x"]).unwrap_err().to_string(), "mistral: HTTP 400: bad gateway thing");
}

#[test]
fn a_reply_with_another_number_of_vectors_is_an_error() {
    let (base, _requests) = serve(vec![ok(r#"{"embeddings":[[1,2],[3,4]]}"#)]);
    let error = embedder(OllamaEmbeddings::new("m").with_base_url(&base)).embed(&["a", "b", "c"]).unwrap_err();
    assert!(matches!(error, Error::Count { expected: 3, got: 2, .. }), "{error:?}");
    assert_eq!(error.to_string(), "ollama: asked for 3 vectors, the reply holds 2");
}

#[test]
fn ragged_vectors_are_an_error_naming_the_text_also_across_batches() {
    let (base, _requests) = serve(vec![ok(r#"{"embeddings":[[1,2,3],[1,2]]}"#)]);
    let error = embedder(OllamaEmbeddings::new("m").with_base_url(&base)).embed(&["a", "b"]).unwrap_err();
    assert_eq!(error.to_string(), "ollama:m: the vector of text 1 has 2 dimensions, the others 3");

    let (base, _requests) = serve(vec![ok(r#"{"embeddings":[[1,2,3],[4,5,6]]}"#), ok(r#"{"embeddings":[[1,2]]}"#)]);
    let embedder = embedder(OllamaEmbeddings::new("m").with_base_url(&base).with_max_batch(2));
    let error = embedder.embed(&["a", "b", "c"]).unwrap_err();
    assert!(matches!(error, Error::Ragged { index: 2, expected: 3, got: 2, .. }), "{error:?}");
}

#[test]
fn duplicate_missing_or_out_of_range_indices_are_errors() {
    let cases = [
        (r#"{"data":[{"index":0,"embedding":[1]},{"index":0,"embedding":[2]}]}"#, "two vectors for index 0"),
        (r#"{"data":[{"index":0,"embedding":[1]},{"index":5,"embedding":[2]}]}"#, "index 5 of 2 vectors"),
        (r#"{"data":[{"index":0,"embedding":[]},{"index":1,"embedding":[2]}]}"#, "data[0].embedding is empty"),
        (r#"{"data":[{"index":0,"embedding":"@@@"},{"index":1,"embedding":[2]}]}"#, "neither numbers nor base64"),
        (r#"{"object":"list"}"#, "no list `data`"),
        ("not json", "not JSON"),
    ];
    for (body, expected) in cases {
        let (base, _requests) = serve(vec![ok(body)]);
        let error = embedder(openai(&base)).embed(&["a", "b"]).unwrap_err();
        assert!(matches!(error, Error::Parse { .. }), "{body}: {error:?}");
        assert!(error.to_string().contains(expected), "{body}: {error}");
    }
}

#[test]
fn an_empty_list_sends_nothing_and_an_empty_text_is_an_error_naming_its_index() {
    let (base, requests) = serve(vec![ok(r#"{"data":[]}"#)]);
    let embedder = embedder(openai(&base));
    assert_eq!(embedder.embed(&[]).unwrap(), Vec::<Vec<f32>>::new());
    let error = embedder.embed(&["a", "b", "", "d"]).unwrap_err();
    assert!(matches!(error, Error::EmptyText { index: 2 }), "{error:?}");
    assert_eq!(error.to_string(), "text 2 is empty: there is nothing to embed");
    assert!(drain(&requests).is_empty());
}

#[test]
fn redirects_are_refused() {
    let (base, requests) =
        serve(vec![Reply::With(307, vec![("location", "http://127.0.0.1:9/elsewhere".to_owned())], String::new())]);
    let error = embedder(openai(&base)).embed(&["x"]).unwrap_err();
    assert!(matches!(error, Error::Http(memor_providers::Error::Redirect { status: 307, .. })), "{error:?}");
    assert_eq!(drain(&requests).len(), 1);
}

#[test]
fn keys_never_show_in_debug_output() {
    let shown = [
        format!("{:?}", OpenAiEmbeddings::new("m").with_api_key(KEY)),
        format!("{:?}", GeminiEmbeddings::new("m").with_api_key(KEY)),
        format!("{:?}", MistralEmbeddings::new("m").with_api_key(KEY)),
        format!("{:?}", embedder(OpenAiEmbeddings::new("m").with_api_key(KEY))),
    ];
    for text in shown {
        assert!(!text.contains(KEY) && !text.contains("SECRET"), "{text}");
    }
}
