//! The error and retry behaviour every adapter must have, run against each of them.

use std::time::Duration;

use memor_providers::{ChatOptions, Client, Error, Provider, UreqTransport};

use crate::server::{Reply, client, fast_retry, ok, serve, session, status};

/// What an adapter's error suite needs.
pub struct Case<'a> {
    pub provider: &'a dyn Provider,
    pub options: fn(&str) -> ChatOptions,
    pub ok_body: &'a str,
    pub expected_text: &'a str,
    pub error_body: &'a str,
    pub expected_message: &'a str,
}

/// 401 with the provider's error body, 429 then 200, 500 three times, a malformed body and a
/// stalled server.
pub fn check(case: &Case<'_>) {
    let id = case.provider.id().to_owned();

    // 401: a clear error naming provider, status and message.
    let (base, _requests) = serve(vec![status(401, case.error_body)]);
    let error = client().chat(case.provider, &session(), &(case.options)(&base)).unwrap_err();
    assert!(matches!(&error, Error::Api { status: 401, .. }), "{error:?}");
    assert_eq!(error.to_string(), format!("{id}: HTTP 401: {}", case.expected_message));

    // 429 with Retry-After: 0, then 200.
    let retry_later = Reply::With(429, vec![("retry-after", "0".into())], case.error_body.to_owned());
    let (base, requests) = serve(vec![retry_later, ok(case.ok_body)]);
    let responses = client().chat(case.provider, &session(), &(case.options)(&base)).unwrap();
    assert_eq!(responses[0].message(), case.expected_text);
    assert_eq!(requests.try_iter().count(), 2);

    // 500 every time: an error after three attempts.
    let (base, requests) = serve((0..3).map(|_| status(500, case.error_body)).collect());
    let error = client().chat(case.provider, &session(), &(case.options)(&base)).unwrap_err();
    assert!(matches!(&error, Error::RetriesExhausted { attempts: 3, .. }), "{error:?}");
    assert_eq!(error.status(), Some(500));
    assert_eq!(error.to_string(), format!("{id}: HTTP 500: {} (after 3 attempts)", case.expected_message));
    assert_eq!(requests.try_iter().count(), 3);

    // A malformed body.
    let (base, _requests) = serve(vec![ok("{\"choices\": [")]);
    let error = client().chat(case.provider, &session(), &(case.options)(&base)).unwrap_err();
    assert!(matches!(&error, Error::Parse { .. }), "{error:?}");
    assert!(error.to_string().starts_with(&format!("{id}: unreadable reply: not JSON")), "{error}");

    // JSON, but not the provider's shape.
    let (base, _requests) = serve(vec![ok("{\"unexpected\": true}")]);
    let error = client().chat(case.provider, &session(), &(case.options)(&base)).unwrap_err();
    assert!(matches!(&error, Error::Parse { .. }), "{error:?}");

    // A server that stalls past the read timeout.
    let (base, _requests) = serve(vec![Reply::Stall(Duration::from_secs(3))]);
    let short = Client::new(UreqTransport::new(Duration::from_secs(2), Duration::from_millis(300))).retry(fast_retry());
    let error = short.chat(case.provider, &session(), &(case.options)(&base)).unwrap_err();
    assert!(matches!(&error, Error::Timeout { .. }), "{error:?}");
    assert!(error.to_string().starts_with("timed out calling http://127.0.0.1:"), "{error}");
}

#[test]
fn retry_after_longer_than_max_delay_gives_up_at_once() {
    let reply =
        Reply::With(429, vec![("retry-after", "3600".into())], "{\"error\":{\"message\":\"slow down\"}}".to_owned());
    let (base, requests) = serve(vec![reply]);
    let options = ChatOptions::new("m").base_url(&base).api_key("k");
    let error = client().chat(&memor_providers::OpenAi::new(), &session(), &options).unwrap_err();
    assert_eq!(error.to_string(), "openai: HTTP 429: slow down");
    assert_eq!(requests.try_iter().count(), 1);
}

#[test]
fn a_4xx_other_than_429_is_not_retried() {
    let (base, requests) = serve(vec![status(400, "not json at all"), ok("{}")]);
    let options = ChatOptions::new("m").base_url(&base).api_key("k");
    let error = client().chat(&memor_providers::OpenAi::new(), &session(), &options).unwrap_err();
    assert_eq!(error.to_string(), "openai: HTTP 400: not json at all");
    assert_eq!(requests.try_iter().count(), 1);
}

#[test]
fn backoff_grows_and_stays_within_bounds() {
    let policy = memor_providers::RetryPolicy {
        max_attempts: 5,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(300),
    };
    let reply = memor_providers::HttpResponse { status: 503, headers: vec![], body: vec![] };
    let first = policy.delay(1, &reply).unwrap();
    assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100), "{first:?}");
    let second = policy.delay(2, &reply).unwrap();
    assert!(second >= Duration::from_millis(100) && second <= Duration::from_millis(200), "{second:?}");
    let capped = policy.delay(4, &reply).unwrap();
    assert!(capped <= Duration::from_millis(300), "{capped:?}");
    assert_eq!(policy.delay(5, &reply), None);
    let ok = memor_providers::HttpResponse { status: 404, headers: vec![], body: vec![] };
    assert_eq!(policy.delay(1, &ok), None);
}

#[test]
fn connection_refused_is_a_transport_error() {
    let base = format!("http://127.0.0.1:{}", memor_testkit::http::closed_port());
    let options = ChatOptions::new("m").base_url(&base);
    let error = client().chat(&memor_providers::Ollama::new(), &session(), &options).unwrap_err();
    assert!(matches!(&error, Error::Transport { .. }), "{error:?}");
}
